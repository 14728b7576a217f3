/**
 * The 20 numbered sections of a role blueprint, in the format's canonical order
 * (see the format page). Everything that orders, names or counts sections reads this table.
 */
export interface SectionInfo {
  /** Top-level YAML key. */
  readonly key: string;
  /** Section number in the reference blueprints (1–20). */
  readonly number: number;
  /** Heading as a reader sees it. */
  readonly title: string;
  /** Known group keys of a grouped section, in display order. */
  readonly groups?: readonly string[];
}

export const SECTIONS: readonly SectionInfo[] = [
  { key: 'summary', number: 1, title: 'Role Summary' },
  { key: 'mission', number: 2, title: 'Role Mission' },
  { key: 'responsibilities', number: 3, title: 'Core Responsibilities', groups: ['strategic', 'operational', 'technical', 'cross_functional', 'governance', 'leadership'] },
  { key: 'day_to_day', number: 4, title: 'Day-to-Day Activities', groups: ['daily', 'weekly', 'periodic', 'rituals', 'incidents'] },
  { key: 'deliverables', number: 5, title: 'Key Deliverables' },
  { key: 'goals', number: 6, title: 'Goals, Objectives, and Milestones', groups: ['day_30', 'day_60', 'day_90', 'month_6', 'month_12', 'long_term', 'success', 'high_performance'] },
  { key: 'kpis', number: 7, title: 'KPIs and Productivity Metrics' },
  { key: 'technical_skills', number: 8, title: 'Technical Skills', groups: ['must_have', 'good_to_have', 'advanced', 'emerging'] },
  { key: 'soft_skills', number: 9, title: 'Soft Skills and Behavioral Capabilities' },
  { key: 'tools', number: 10, title: 'Tools, Platforms, and Software' },
  { key: 'tech_stack', number: 11, title: 'Tech Stack / Environment', groups: ['infrastructure', 'application', 'data', 'security', 'delivery', 'sdlc', 'scale', 'team_topology'] },
  { key: 'stakeholders', number: 12, title: 'Stakeholders and Collaboration', groups: ['internal', 'external', 'peers', 'upstream', 'downstream', 'collaboration', 'authority', 'escalation'] },
  { key: 'decision_rights', number: 13, title: 'Decision Rights and Scope of Authority', groups: ['independent', 'team_approval', 'management_approval', 'authority'] },
  { key: 'experience', number: 14, title: 'Experience and Qualifications', groups: ['years', 'education', 'certifications', 'backgrounds', 'domain', 'leadership'] },
  { key: 'career', number: 15, title: 'Career Path and Progression', groups: ['feeder_roles', 'next_roles', 'adjacent_paths', 'promotion_skills', 'evolution'] },
  { key: 'risks', number: 16, title: 'Risks, Challenges, and Failure Modes', groups: ['challenges', 'bottlenecks', 'anti_patterns', 'underperformance', 'business_risks'] },
  { key: 'variants', number: 17, title: 'Role Variants', groups: ['company_size', 'industry', 'geography', 'product_vs_service', 'startup_vs_enterprise', 'regulated'] },
  { key: 'ai_impact', number: 18, title: 'AI / Automation Impact', groups: ['automatable', 'human_critical', 'outlook', 'new_expectations'] },
  { key: 'hiring', number: 19, title: 'Hiring Evaluation Criteria', groups: ['assess', 'exercises', 'strong_signals', 'weak_signals', 'red_flags', 'scorecard'] },
  { key: 'scorecard_summary', number: 20, title: 'Final Role Scorecard Summary', groups: ['title', 'purpose', 'responsibilities', 'technical_skills', 'soft_skills', 'tools', 'kpis', 'deliverables', 'goals', 'career'] },
];

/** Top-level keys in canonical file order: the header keys, the 20 sections, then extras. */
export const TOP_LEVEL_ORDER: readonly string[] = ['blueprint', 'role', ...SECTIONS.map((s) => s.key), 'posting', 'notes'];

const byKey = new Map(SECTIONS.map((s) => [s.key, s]));

export function sectionInfo(key: string): SectionInfo | undefined {
  return byKey.get(key);
}
