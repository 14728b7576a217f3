/**
 * Source of truth for `schemas/role-blueprint.schema.json`.
 *
 * The schema carries long, hiring-manager-facing hover text for every key, and the same
 * shapes (group, item, rows) recur across sections; writing it as data keeps each text in
 * one place and the 20 sections in the order of `server/src/core/sections.ts`.
 *
 *   npx tsx schemas/generate.ts          write the JSON file
 *   npx tsx schemas/generate.ts --check  exit 1 when the committed file is out of date
 *
 * test/core/schema.test.ts also fails when the committed JSON differs from `buildSchema()`.
 */
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { SECTIONS, sectionInfo } from '../server/src/core/sections';

type Schema = { [key: string]: unknown };

export const SCHEMA_PATH = join(__dirname, 'role-blueprint.schema.json');
export const SCHEMA_ID = 'https://example.invalid/role-blueprint/schemas/role-blueprint.schema.json';

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });

/** Hover/completion docs: plain `description`, richer `markdownDescription` with an optional YAML example. */
function docs(title: string, description: string, markdown?: string, yaml?: string): Schema {
  let md = markdown ?? description;
  if (yaml) md += '\n\n```yaml\n' + yaml.replace(/^\n+|\s+$/g, '') + '\n```';
  return { title, description, markdownDescription: md };
}

interface EnumValue {
  value: string;
  description: string;
  markdown?: string;
}

/** An enum with VS Code's `enumDescriptions` / `markdownEnumDescriptions`, in the same order. */
function enumOf(values: EnumValue[]): Schema {
  return {
    type: 'string',
    enum: values.map((v) => v.value),
    enumDescriptions: values.map((v) => v.description),
    markdownEnumDescriptions: values.map((v) => v.markdown ?? `**${v.value}**: ${v.description}`),
  };
}

function text(title: string, description: string, markdown: string | undefined, examples: unknown[], yaml?: string): Schema {
  return { ...docs(title, description, markdown, yaml), type: 'string', examples };
}

// ---------------------------------------------------------------------------------------------
// Grouped sections: every group key with its hover text. Order = sections.ts `groups` order.
// ---------------------------------------------------------------------------------------------

interface GroupDoc {
  title: string;
  description: string;
  markdown?: string;
  yaml?: string;
}

const GROUP_DOCS: Record<string, Record<string, GroupDoc>> = {
  responsibilities: {
    strategic: {
      title: 'Strategic responsibilities',
      description: 'How this role shapes direction: plans, roadmaps, standards and priorities it contributes to or owns.',
      markdown: 'How this role shapes **direction**: plans, roadmaps, standards and priorities it contributes to or owns. At junior levels, say so with a `note` (for example "contributes, does not set strategy").',
      yaml: `strategic:
  note: "Associate-level scope: contributes, does not set strategy"
  items:
    - name: Contribute to MLOps delivery plans
      description: Break work into tasks, estimate effort, track progress against milestones.`,
    },
    operational: {
      title: 'Operational responsibilities',
      description: 'The recurring work that keeps things running: releases, environments, readiness, incident support.',
      yaml: `operational:
  - name: Support operational readiness
    description: Help produce runbooks, on-call readiness artifacts and handover documentation.`,
    },
    technical: {
      title: 'Technical responsibilities',
      description: 'The hands-on technical work the role does itself: what it builds, automates, configures or maintains.',
      yaml: `technical:
  - name: Build and maintain ML pipelines
    description: Training, validation, packaging and deployment using approved tools.`,
    },
    cross_functional: {
      title: 'Cross-functional or stakeholder responsibilities',
      description: 'Work done with or for other teams: translating requirements, collaborating, knowledge transfer.',
      yaml: `cross_functional:
  - name: Collaborate with Data Science
    description: Turn notebooks and models into deployable packages and services.`,
    },
    governance: {
      title: 'Governance, compliance, or quality responsibilities',
      description: 'Controls the role must follow or produce: security, compliance evidence, quality gates, documentation.',
      yaml: `governance:
  - Follow security and compliance controls (secrets, least privilege, change management).`,
    },
    leadership: {
      title: 'Leadership responsibilities',
      description: 'Leadership expected at this level, such as leading workstreams or mentoring; use a note for the scope qualifier.',
      yaml: `leadership:
  note: limited, appropriate for Associate
  items:
    - Lead small workstreams under supervision.
    - Mentor interns or new joiners on tooling conventions when asked.`,
    },
  },
  day_to_day: {
    daily: { title: 'Daily activities', description: 'What a typical day involves.', yaml: 'daily:\n  - Review assigned tickets and pipeline statuses; investigate failures.' },
    weekly: { title: 'Weekly activities', description: 'What happens every week: ceremonies, working sessions, documentation, reviews.', yaml: 'weekly:\n  - Participate in sprint ceremonies (planning, review, retrospective).' },
    periodic: { title: 'Monthly or quarterly activities', description: 'Less frequent work: release readiness, metrics reviews, roadmap input, access reviews.', yaml: 'periodic:\n  - "Compile operational metrics: deployment frequency, failure rates, MTTR."' },
    rituals: { title: 'Recurring meetings or rituals', description: 'The standing meetings the role attends or runs.', yaml: 'rituals:\n  - Daily stand-up (team)\n  - Post-incident reviews (as needed)' },
    incidents: { title: 'Incident, escalation, or emergency work', description: 'What the role does when something breaks: triage, rollback, escalation, communication.', yaml: 'incidents:\n  - Triage pipeline failures (data availability, permissions, broken dependencies).' },
  },
  goals: {
    day_30: { title: '30-day goals', description: 'What the new hire should have achieved after about one month.', yaml: 'day_30:\n  - Complete one small end-to-end contribution (pipeline step + tests + docs).' },
    day_60: { title: '60-day goals', description: 'What the new hire should have achieved after about two months.', yaml: 'day_60:\n  - Deliver a monitoring dashboard and baseline alerting for one ML service.' },
    day_90: { title: '90-day goals', description: 'What the new hire should have achieved after about three months.', yaml: 'day_90:\n  - Own a small workstream under supervision.' },
    month_6: { title: '6-month milestones', description: 'Milestones expected around six months in.', yaml: 'month_6:\n  - Establish reusable components adopted by other teams.' },
    month_12: { title: '12-month objectives', description: 'Objectives for the end of the first year.', yaml: 'month_12:\n  - Lead delivery for a defined MLOps capability area with senior oversight.' },
    long_term: { title: 'Long-term impact goals', description: 'Lasting impact the role should have beyond the first year.', yaml: 'long_term:\n  - Help the organization scale ML delivery sustainably.' },
    success: { title: 'Role success definition', description: 'In a sentence or a few points: what success in this role means.', yaml: 'success:\n  - Consistently ships production-quality contributions that improve delivery reliability.' },
    high_performance: { title: 'What high performance looks like', description: 'Observable behaviors that separate a high performer from a solid one.', yaml: 'high_performance:\n  - Minimal rework needed after code review.\n  - Reusable deliverables that other teams adopt.' },
  },
  tech_stack: {
    infrastructure: { title: 'Infrastructure environment', description: 'Where things run: cloud, containers, environments, networking.', yaml: 'infrastructure:\n  - Primarily cloud-based (AWS/Azure/GCP) with some hybrid constraints.' },
    application: { title: 'Application environment', description: 'The applications and services the role works on and how they are deployed.', yaml: 'application:\n  - Model inference services as REST/gRPC APIs.' },
    data: { title: 'Data environment', description: 'Where the data lives and how it is managed.', yaml: 'data:\n  - Training data in object storage (S3/ADLS/GCS) and lakehouse platforms.' },
    security: { title: 'Security environment', description: 'Security controls the role works within: access management, secrets, network controls, change management.', yaml: 'security:\n  - IAM policies, role-based access and secrets management are mandatory.' },
    delivery: { title: 'Delivery model', description: 'How work is organized and delivered: squads, projects, consulting engagements.', yaml: 'delivery:\n  - Agile squads delivering ML features.' },
    sdlc: { title: 'Agile or SDLC context', description: 'The development process: sprints, reviews, release gates.', yaml: 'sdlc:\n  - Two-week sprints with PR review and automated quality gates.' },
    scale: { title: 'Scale or complexity context', description: 'How big and complex the environment is: number of models, services, regions, users.', yaml: 'scale:\n  - Dozens of models in mid-scale orgs; hundreds in mature AI orgs.' },
    team_topology: { title: 'Team topology', description: 'Where the role sits in the organization and whom it reports to.', yaml: 'team_topology:\n  - Works under a Senior MLOps Consultant or MLOps Lead.' },
  },
  stakeholders: {
    internal: { title: 'Internal stakeholders', description: 'Teams and roles inside the company the role works with, and what for.', yaml: 'internal:\n  - name: Data Scientists\n    description: Primary partners; turn experiments into deployable artifacts.' },
    external: { title: 'External stakeholders', description: 'People outside the company: clients, vendors, auditors, partners.', yaml: 'external:\n  - name: Client engineering teams\n    description: Receive handovers and operate delivered components.' },
    peers: { title: 'Peer roles', description: 'Roles at a similar level the role works alongside.', yaml: 'peers:\n  - ML Engineer\n  - Platform Engineer' },
    upstream: { title: 'Upstream dependencies', description: 'What the role depends on from others: data, platforms, approvals.', yaml: 'upstream:\n  - Data pipelines and feature availability from Data Engineering' },
    downstream: { title: 'Downstream consumers', description: 'Who uses what the role produces.', yaml: 'downstream:\n  - Product teams consuming model endpoints' },
    collaboration: { title: 'Nature of collaboration', description: 'How the collaboration works day to day: pairing, reviews, working sessions.', yaml: 'collaboration:\n  - Pairs with senior engineers; runs working sessions with stakeholders.' },
    authority: { title: 'Typical decision-making authority', description: 'Which decisions the role makes, recommends or only informs, in its collaborations.', yaml: 'authority:\n  - Recommends implementation approaches; final decisions sit with the lead.' },
    escalation: { title: 'Escalation points', description: 'To whom the role escalates, and for what.', yaml: 'escalation:\n  - Senior MLOps Consultant for technical blockers' },
  },
  decision_rights: {
    independent: { title: 'Can decide independently', description: 'Decisions the role makes alone, within agreed standards.', yaml: 'independent:\n  - Implementation details within approved patterns (naming, code structure, tests).' },
    team_approval: { title: 'Requires team approval', description: 'Decisions that need peer review or a lead sign-off.', yaml: 'team_approval:\n  - Changes to shared pipeline templates.' },
    management_approval: { title: 'Requires manager, director or executive approval', description: 'Decisions that need management approval.', yaml: 'management_approval:\n  - New vendor tools or paid services.' },
    authority: { title: 'Budget, architecture, vendor, delivery, hiring, compliance authority', description: 'Formal authority over budget, architecture, vendors, delivery, hiring and compliance.', yaml: 'authority:\n  - name: Budget\n    description: None directly; may provide cost estimates.' },
  },
  experience: {
    years: { title: 'Typical years of experience', description: 'How much experience candidates usually have; a short phrase or a list.', yaml: 'years: 0–3 years in software, data or ML engineering' },
    education: { title: 'Education expectations', description: 'Degrees or equivalent experience expected.', yaml: "education:\n  - Bachelor's degree in Computer Science, Engineering, or equivalent practical experience." },
    certifications: { title: 'Certifications', description: 'Certifications that help; say whether they are required, common, optional or context-specific.', yaml: 'certifications:\n  note: helpful, not mandatory\n  items:\n    - Cloud certifications (AWS/Azure/GCP associate tracks)' },
    backgrounds: { title: 'Prior role backgrounds commonly seen', description: 'Roles people typically held before.', yaml: 'backgrounds:\n  - ML Engineer\n  - DevOps Engineer supporting ML workloads' },
    domain: { title: 'Domain knowledge expectations', description: 'Business or industry knowledge expected.', yaml: 'domain:\n  - Understanding of ML lifecycle risks (drift, data quality).' },
    leadership: { title: 'Leadership experience expectations', description: 'Leadership experience expected, if any.', yaml: 'leadership:\n  - Not a people manager; expected to lead small workstreams.' },
  },
  career: {
    feeder_roles: { title: 'Common feeder roles into this role', description: 'Roles people usually move from into this one.', yaml: 'feeder_roles:\n  - Junior DevOps Engineer\n  - Data Engineer' },
    next_roles: { title: 'Next likely roles after this role', description: 'Typical next steps up or along.', yaml: 'next_roles:\n  - MLOps Consultant\n  - ML Platform Engineer' },
    adjacent_paths: { title: 'Adjacent career paths', description: 'Sideways moves that build on the same skills.', yaml: 'adjacent_paths:\n  - Site Reliability Engineering (ML platforms)' },
    promotion_skills: { title: 'Skills needed for promotion', description: 'What must be demonstrated to be promoted to the next level.', yaml: 'promotion_skills:\n  note: Associate → Consultant\n  items:\n    - Independently scope and deliver a workstream.' },
    evolution: { title: 'How this role evolves over time', description: 'How the job changes as the person grows in it.', yaml: 'evolution:\n  - From executing tasks to owning capability areas.' },
  },
  risks: {
    challenges: { title: 'Common role challenges', description: 'What makes this job hard.', yaml: 'challenges:\n  - Ambiguous ownership between data science and platform teams.' },
    bottlenecks: { title: 'Bottlenecks', description: 'What typically slows the role down.', yaml: 'bottlenecks:\n  - Waiting for security approvals, network setup or IAM roles.' },
    anti_patterns: { title: 'Anti-patterns', description: 'Ways of working that look productive but cause harm.', yaml: 'anti_patterns:\n  - \'"Notebook to prod" without packaging, tests or reproducibility.\'' },
    underperformance: { title: 'Common reasons for underperformance', description: 'Why people in this role fall short.', yaml: 'underperformance:\n  - Insufficient documentation and poor handovers.' },
    business_risks: { title: 'Business risks if this role is ineffective', description: 'What the business loses when the role is done badly.', yaml: 'business_risks:\n  - Production incidents leading to downtime or incorrect predictions.' },
  },
  variants: {
    company_size: { title: 'By company size', description: 'How the role differs in startups, mid-size companies and large enterprises.', yaml: 'company_size:\n  - name: Startup/small company\n    description: Broader scope, fewer controls, faster iteration.' },
    industry: { title: 'By industry', description: 'How the role differs across industries.', yaml: 'industry:\n  - name: Regulated (finance/health)\n    description: More governance artifacts and stricter access controls.' },
    geography: { title: 'By geography', description: 'How the role differs by country or region.', yaml: 'geography:\n  - Variations mainly in compliance regimes and data residency.' },
    product_vs_service: { title: 'Product-led vs service-led company', description: 'How the role differs between product companies and service or consulting companies.', yaml: 'product_vs_service:\n  - name: Product-led\n    description: Embedded with product teams; long-term ownership.' },
    startup_vs_enterprise: { title: 'Startup vs enterprise', description: 'How the operating model differs between startups and enterprises.', yaml: 'startup_vs_enterprise:\n  - "Startup: fewer tools, more scripts; faster decisions."' },
    regulated: { title: 'Regulated vs non-regulated environment', description: 'How the role differs under regulation.', yaml: 'regulated:\n  - "Regulated: governance is first-class (evidence, approvals)."' },
  },
  ai_impact: {
    automatable: { title: 'Tasks that can be automated', description: 'Parts of the job that AI or automation can take over or speed up.', yaml: 'automatable:\n  - name: Boilerplate generation\n    description: Scaffolding repositories, CI pipelines and deployment manifests.' },
    human_critical: { title: 'Tasks that remain human-critical', description: 'Parts of the job that still need human judgment.', yaml: 'human_critical:\n  - name: Risk ownership\n    description: Deciding when to stop a release, roll back or escalate.' },
    outlook: { title: 'How AI changes the role over the next 2–5 years', description: 'How the role is expected to change as AI tools mature.', yaml: 'outlook:\n  - More teams will operationalize LLM-based features (LLMOps).' },
    new_expectations: { title: 'New expectations caused by AI, automation, or platform shifts', description: 'New skills or behaviors now expected because of AI and automation.', yaml: 'new_expectations:\n  - Review AI-generated code critically.' },
  },
  hiring: {
    assess: { title: 'What to assess in interviews', description: 'The capabilities interviewers should probe.', yaml: 'assess:\n  - name: Foundational engineering skills\n    description: Python, Git, debugging, basic testing practices.' },
    exercises: { title: 'Practical exercises or case studies', description: 'Work samples or case studies to use in the interview loop.', yaml: 'exercises:\n  note: choose 1–2\n  items:\n    - name: Pipeline debugging exercise\n      description: Candidate finds the root cause in a failing CI log and proposes a fix.' },
    strong_signals: { title: 'Strong candidate signals', description: 'What a strong candidate says or does.', yaml: 'strong_signals:\n  - Explains tradeoffs (speed vs safety) and proposes pragmatic controls.' },
    weak_signals: { title: 'Weak candidate signals', description: 'What suggests a candidate is not ready.', yaml: 'weak_signals:\n  - Only notebook-level ML experience; no interest in production concerns.' },
    red_flags: { title: 'Red flags', description: 'Answers or behaviors that should stop a hire.', yaml: 'red_flags:\n  - Suggests hardcoding secrets without recognizing the risk.' },
  },
};

function groupedSectionProperties(sectionKey: string, special: Record<string, Schema> = {}): Schema {
  const info = sectionInfo(sectionKey);
  const docsByGroup = GROUP_DOCS[sectionKey];
  if (!info?.groups || !docsByGroup) throw new Error(`no groups for ${sectionKey}`);
  const properties: Schema = {};
  for (const group of info.groups) {
    if (special[group]) {
      properties[group] = special[group];
      continue;
    }
    const d = docsByGroup[group];
    if (!d) throw new Error(`no docs for ${sectionKey}.${group}`);
    properties[group] = { ...ref('group'), ...docs(d.title, d.description, d.markdown, d.yaml) };
  }
  return properties;
}

function groupedSection(sectionKey: string, special: Record<string, Schema> = {}): Schema {
  return { type: 'object', additionalProperties: false, properties: groupedSectionProperties(sectionKey, special) };
}

// ---------------------------------------------------------------------------------------------
// Definitions
// ---------------------------------------------------------------------------------------------

const definitions: Schema = {
  text: {
    ...docs('Text', 'Free prose. Write it as you would in the job description.',
      'Free prose, written as in the job description. Use `>-` for a long paragraph and `|` to keep line breaks.',
      'summary: >-\n  Supports the design, implementation and operation of reliable ML delivery.'),
    type: 'string',
  },
  item: {
    ...docs('Item', 'One entry of a list: a plain sentence, or a name with a description when the source leads with a bold name.',
      'One entry of a list. Either a plain sentence, or a **name** with a **description** (use this when the source starts the entry with a bold lead-in like "**Name:** description").\n\nTip: put a plain sentence in quotes when it contains a colon followed by a space, or starts with a quote; otherwise YAML reads it as a name and a value.',
      '- Review assigned tickets and pipeline statuses.\n- name: Implement model registry workflows\n  description: Register model versions, capture metadata, promote across environments.'),
    anyOf: [
      { ...docs('Plain item', 'A plain sentence.'), type: 'string', minLength: 1, examples: ['Review assigned tickets and deployment pipeline statuses.'] },
      {
        ...docs('Named item', 'An entry with a short name and a description.',
          'An entry with a short **name** (the bold lead-in) and a **description**.',
          'name: Operationalize monitoring\ndescription: Service metrics, data quality checks and drift signals.'),
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: text('Name', 'The short name of the entry (the bold lead-in in the source).', undefined, ['Build and maintain ML pipelines', 'Data Scientists / Applied ML Engineers']),
          description: text('Description', 'What the entry means in practice.', undefined, ['Training, validation, packaging and deployment using approved orchestration and CI/CD tools.']),
        },
      },
    ],
  },
  group: {
    ...docs('Group', 'A list of items, or an object with a note (the qualifier of the heading) and the items.',
      'A list of items. When the heading in the source carries a qualifier, such as "(Associate-level scope: contributes, does not set strategy)", write the group as `note` + `items` so the qualifier is kept.',
      'operational:\n  - Maintain environment consistency across dev/test/prod.\nstrategic:\n  note: "Associate-level scope: contributes, does not set strategy"\n  items:\n    - Contribute to MLOps delivery plans.'),
    anyOf: [
      { ...docs('List of items', 'The items of the group.'), type: 'array', items: ref('item') },
      {
        ...docs('Group with a note', 'Items with a note that qualifies the whole group.'),
        type: 'object',
        additionalProperties: false,
        required: ['note', 'items'],
        properties: {
          note: text('Note', 'The qualifier of the heading, without parentheses.', 'The **qualifier** of the heading, without parentheses: for "Strategic responsibilities (Associate-level scope: contributes, does not set strategy)" write `Associate-level scope: contributes, does not set strategy`.', ['Associate-level scope: contributes, does not set strategy', 'choose 1–2']),
          items: { ...docs('Items', 'The items of the group.'), type: 'array', items: ref('item') },
        },
      },
    ],
  },
  deliverable_group: {
    ...docs('Deliverable group', 'Deliverables under a shared heading, such as "Pipelines and automation".', undefined,
      '- group: Operational artifacts\n  items:\n    - Runbooks for model deployment, rollback and incident triage\n    - Monitoring dashboards (service health, latency, error rates)'),
    type: 'object',
    additionalProperties: false,
    required: ['group', 'items'],
    properties: {
      group: text('Group heading', 'The heading the deliverables are listed under.', undefined, ['Pipelines and automation', 'Operational artifacts', 'Governance and quality artifacts']),
      items: { ...docs('Deliverables', 'The deliverables under this heading.'), type: 'array', items: ref('item') },
    },
  },
  kpi: {
    ...docs('KPI', 'One measurable indicator of performance in the role.', undefined,
      '- name: Deployment success rate\n  category: Reliability\n  measures: "% of deployments completed without rollback/hotfix"\n  why: Measures release quality\n  target: ">95% successful deployments"\n  frequency: Monthly'),
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: text('Metric name', 'The name of the metric; unique in the file.', 'The name of the metric. It must be **unique** in the file: `scorecard_summary.kpis` and reviewers refer to it by name.', ['Deployment success rate', 'Lead time for change (ML pipeline)', 'Stakeholder satisfaction']),
      category: text('Category', 'The kind of metric (some sources have this column).', 'The **kind** of metric, used to group KPIs in the preview (some sources have a Category column), e.g. `Reliability`, `Delivery`, `Quality`.', ['Reliability', 'Delivery', 'Quality', 'Stakeholder']),
      measures: text('What it measures', 'What exactly is counted or timed.', undefined, ['% of deployments completed without rollback/hotfix', 'Time from commit to production deploy for ML pipeline/service']),
      why: text('Why it matters', 'Why the business cares about this number.', undefined, ['Measures release quality', 'Indicates delivery efficiency']),
      target: text('Target or benchmark', 'The target value or benchmark. Make it measurable: a number with a comparison, a range, or a change over time.', 'The target value or benchmark. Make it **measurable**: a number with a comparison (`>= 95%`, `< 15 minutes`), a range (`80–100%`) or a change over time (`Reduce by 20% over 6 months`). Words like "high" or "good" cannot be checked. Quote values that start with `>` or `%`.', ['>= 95%', '>95% successful deployments', '<15 minutes during business hours', 'Reduce by 20–40% over 6 months']),
      frequency: text('Frequency', 'How often it is measured or reviewed.', 'How often it is **measured or reviewed**, e.g. `Weekly`, `Monthly`, `Per release`.', ['Weekly', 'Monthly', 'Quarterly', 'Per release', 'Sprint']),
    },
  },
  skill: {
    ...docs('Technical skill', 'One technical skill with how important it is and what it is used for.', undefined,
      '- name: Python for production ML workflows\n  importance: critical\n  description: Can structure code into modules and write meaningful unit tests.\n  use: Scripting pipelines, writing utilities, basic tests'),
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: text('Skill name', 'The name of the skill; unique in the file.', 'The name of the skill. It must be **unique** in the file: `scorecard_summary.technical_skills` refers to it by name. Put examples of tools in the name in parentheses, e.g. `CI/CD fundamentals (GitHub Actions, GitLab CI)`.', ['Python for production ML workflows', 'Git and pull request workflows', 'Containers (Docker) fundamentals']),
      importance: {
        ...docs('Importance', 'How important the skill is for the role: critical, important or optional.', 'How important the skill is for **this** role: `critical`, `important` or `optional`. When it depends on context ("Important (Critical in cloud-native orgs)"), pick the usual level and say the rest in `description`.'),
        ...enumOf([
          { value: 'critical', description: 'Required from day one; a gap here is a no-hire.' },
          { value: 'important', description: 'Expected; a gap can be closed quickly on the job.' },
          { value: 'optional', description: 'A plus; useful in some teams or contexts.' },
        ]),
        examples: ['critical', 'important'],
      },
      description: text('Description', 'What the skill means at this level: the expected depth.', undefined, ['Can structure code into modules, handle configuration, and write meaningful unit tests.']),
      use: text('Use', 'What the skill is used for in this role.', undefined, ['Scripting pipelines, writing utilities, basic tests', 'Version control, code review collaboration, branching strategies']),
    },
  },
  skill_tier: {
    ...docs('Skill tier', 'A list of skills, or an object with a note (the qualifier of the tier heading) and the skills.', undefined,
      'advanced:\n  note: not expected on day 1, but valuable\n  items:\n    - name: Advanced Kubernetes & service mesh\n      importance: optional'),
    anyOf: [
      { ...docs('List of skills', 'The skills of this tier.'), type: 'array', items: ref('skill') },
      {
        ...docs('Skill tier with a note', 'Skills with a note that qualifies the whole tier.'),
        type: 'object',
        additionalProperties: false,
        required: ['note', 'items'],
        properties: {
          note: text('Note', 'The qualifier of the tier heading, without parentheses.', undefined, ['not expected on day 1, but valuable', 'next 2–5 years']),
          items: { ...docs('Skills', 'The skills of this tier.'), type: 'array', items: ref('skill') },
        },
      },
    ],
  },
  soft_skill: {
    ...docs('Soft skill', 'One behavioral capability: why it matters and how it shows up on the job.', undefined,
      '- name: Structured problem solving\n  description: ML production issues can be ambiguous (data vs code vs infra).\n  shows_up: Isolates variables, forms hypotheses, runs small tests, documents outcomes.'),
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      name: text('Name', 'The name of the soft skill; unique in the file.', 'The name of the soft skill. It must be **unique** in the file: `scorecard_summary.soft_skills` refers to it by name.', ['Structured problem solving', 'Influence without authority', 'Stakeholder empathy']),
      description: text('Why it matters', 'Why the behavior matters in this role.', undefined, ['ML production issues can be ambiguous (data vs code vs infra).']),
      shows_up: text('How it shows up', 'What the behavior looks like on the job, and what strong performance looks like.', 'What the behavior **looks like on the job** ("On the job" / "How it shows up" in the sources), and what strong performance looks like. Interviewers use it to find evidence.', ['Isolates variables, forms hypotheses, runs small tests, documents outcomes.']),
    },
  },
  tool: {
    ...docs('Tool', 'One tool or platform: its category, what it is used for and how common it is.', undefined,
      '- category: Experiment tracking / registry\n  name: MLflow\n  use: Tracking runs, model registry, artifact metadata\n  prevalence: common'),
    type: 'object',
    additionalProperties: false,
    required: ['name'],
    properties: {
      category: text('Category', 'The kind of tool.', undefined, ['Experiment tracking / registry', 'CI/CD', 'Observability', 'Cloud platforms']),
      name: text('Tool or platform', 'The tool, platform or product; alternatives separated by " / ".', 'The **tool, platform or product**. List interchangeable alternatives in one row separated by ` / `, e.g. `Airflow / Prefect / Dagster`.', ['MLflow', 'GitHub Actions / GitLab CI / Azure DevOps / Jenkins', 'Docker']),
      use: text('Primary use', 'What the role uses it for.', undefined, ['Tracking runs, model registry, artifact metadata', 'Build/test/deploy pipelines']),
      prevalence: {
        ...docs('Prevalence', 'How common the tool is for this role: common, optional or context_specific.', 'How common the tool is for this role (the "Commonality" or "Adoption" column): `common`, `optional` or `context_specific`.'),
        ...enumOf([
          { value: 'common', description: 'Used in most teams hiring for this role.' },
          { value: 'optional', description: 'Used in some teams; nice to know.' },
          { value: 'context_specific', description: 'Depends on the company, industry or platform.', markdown: '**context_specific**: depends on the company, industry or platform (the sources write "Context-specific").' },
        ]),
        examples: ['common', 'context_specific'],
      },
    },
  },
  scorecard_row: {
    ...docs('Scorecard dimension', 'One dimension the interview panel scores, with what meeting and exceeding the bar looks like.', undefined,
      '- dimension: Python engineering\n  weight: 15\n  meets: Writes clear code; basic packaging; uses logging; adds tests\n  exceeds: Designs reusable libraries'),
    type: 'object',
    additionalProperties: false,
    required: ['dimension'],
    properties: {
      dimension: text('Dimension', 'What is scored.', 'What the panel **scores**, such as a skill area or behavior. Each dimension should be assessed by at least one interview or exercise.', ['Python engineering', 'CI/CD fundamentals', 'Communication & consulting behaviors']),
      weight: { ...docs('Weight', 'Share of the overall score, in percent (0–100). When weights are given they should add up to 100.', 'Share of the overall score, **in percent** (a number from 0 to 100, without the `%` sign). When the scorecard gives weights, they should add up to 100.'), type: 'number', minimum: 0, maximum: 100, examples: [15, 10] },
      meets: text('Meets the bar', 'What "meets the bar" looks like.', undefined, ['Writes clear code; basic packaging; uses logging; adds tests']),
      exceeds: text('Exceeds the bar', 'What "exceeds the bar" looks like.', undefined, ['Highly reusable templates and policy gates; strong DX enablement']),
      description: text('Description', 'Any further guidance for interviewers on this dimension.', undefined, ['Probe with the pipeline debugging exercise.']),
    },
  },
  note: {
    ...docs('Kept source note', 'Content of the source that has no place in the format, kept by the importer so nothing is lost.', undefined,
      '- section: kpis\n  heading: Notes on measurement\n  text: Avoid metric traps; interpret metrics as a portfolio.'),
    type: 'object',
    additionalProperties: false,
    required: ['section', 'text'],
    properties: {
      section: text('Section', 'The section key the content came from.', 'The **section key** the content came from (such as `kpis`), or `role` for content before the first section.', ['summary', 'kpis', 'tools']),
      heading: text('Heading', 'The heading or lead-in of the content, if any.', undefined, ['Notes on measurement', 'Tooling usage expectations for an Associate']),
      text: text('Text', 'The kept content.', undefined, ['Targets vary by company maturity.']),
    },
  },
};

// ---------------------------------------------------------------------------------------------
// Top-level properties
// ---------------------------------------------------------------------------------------------

const LEVELS: EnumValue[] = [
  { value: 'intern', description: 'Intern or apprentice; learning under close supervision.' },
  { value: 'entry', description: 'Entry level or junior; works on well-defined tasks.' },
  { value: 'associate', description: 'Associate; contributes with guidance.' },
  { value: 'mid', description: 'Mid level; works independently on scoped work.' },
  { value: 'senior', description: 'Senior; owns significant areas and mentors others.' },
  { value: 'staff', description: 'Staff; sets direction across teams as an individual contributor.' },
  { value: 'principal', description: 'Principal; shapes direction across the organization as an individual contributor.' },
  { value: 'lead', description: 'Lead; leads a team or a technical area, often still hands-on.' },
  { value: 'manager', description: 'Manager; manages people.' },
  { value: 'senior_manager', description: 'Senior manager; manages managers or a larger group.' },
  { value: 'director', description: 'Director; owns a function or department.' },
  { value: 'vp', description: 'Vice president.' },
  { value: 'executive', description: 'Executive (C-level or equivalent).' },
];

const role: Schema = {
  ...docs('Role', 'Which role this blueprint describes: title, level, job family and where it was imported from.', undefined,
    'role:\n  title: Associate MLOps Consultant\n  level: associate\n  family: AI & ML'),
  type: 'object',
  additionalProperties: false,
  required: ['title'],
  properties: {
    title: { ...text('Role title', 'The job title as candidates will see it.', 'The **job title** as candidates will see it, including the level word if the title has one ("Associate", "Lead").', ['Associate MLOps Consultant', 'Lead MLOps Engineer']), minLength: 1 },
    level: { ...docs('Level', 'The seniority level of the role.', 'The **seniority level** of the role, from `intern` to `executive`. Pick the closest match; the title can still say it differently.'), ...enumOf(LEVELS), examples: ['associate', 'lead'] },
    family: text('Job family', 'The job family or discipline the role belongs to.', undefined, ['AI & ML', 'Platform Engineering', 'Data']),
    source: {
      ...text('Source', 'The web address the blueprint was imported from.', 'The **web address** (or `file:` address) the blueprint was imported from. Set by the importer; keep it so the blueprint can be traced back to its source.', ['https://www.devopsschool.com/blog/associate-mlops-consultant-role-blueprint-responsibilities-skills-kpis-and-career-path/']),
      pattern: '^[A-Za-z][A-Za-z0-9+.-]*:\\S+$',
    },
  },
};

const stringList = (title: string, description: string, examples: string[], maxItems?: number): Schema => ({
  ...docs(title, description),
  type: 'array',
  items: { type: 'string', minLength: 1 },
  ...(maxItems ? { maxItems } : {}),
  examples: [examples],
});

const stringOrList = (title: string, description: string, examples: unknown[]): Schema => ({
  ...docs(title, description),
  anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string', minLength: 1 } }],
  examples,
});

const scorecardSummary: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    title: { ...ref('text'), ...docs('Role title', 'The role title as given in the summary table.'), examples: ['Associate MLOps Consultant'] },
    purpose: { ...ref('text'), ...docs('Role purpose', 'The purpose of the role in one or two sentences.'), examples: ['Support the implementation and operation of production-grade ML delivery workflows.'] },
    responsibilities: stringList('Top 10 responsibilities', 'Up to 10 responsibilities, each naming one defined in section 3.', ['Implement training/deployment pipelines', 'Package models for production'], 10),
    technical_skills: stringList('Top 10 technical skills', 'Up to 10 technical skills, each naming one defined in section 8.', ['Python', 'Git/PR workflows', 'CI/CD'], 10),
    soft_skills: stringList('Top 10 soft skills', 'Up to 10 soft skills, each naming one defined in section 9.', ['Structured problem solving', 'Learning agility'], 10),
    tools: stringList('Top tools and platforms', 'The most important tools and platforms.', ['Cloud (AWS/Azure/GCP)', 'Docker', 'MLflow/managed registries']),
    kpis: stringList('Top KPIs', 'The most important KPIs.', ['Lead time for change', 'Deployment success rate']),
    deliverables: stringList('Main deliverables', 'The main deliverables.', ['Pipeline code and CI/CD jobs', 'Runbooks']),
    goals: stringOrList('Main goals', 'The main goals, as a sentence or a list.', ['30/60/90-day ramp to independent task ownership; by 6–12 months deliver reusable MLOps components']),
    career: stringOrList('Career progression options', 'Where the role leads, as a sentence or a list.', [['MLOps Consultant', 'ML Platform Engineer', 'SRE (ML platforms)']]),
  },
};

const EMPLOYMENT_TYPES: EnumValue[] = [
  { value: 'FULL_TIME', description: 'Full-time employment.' },
  { value: 'PART_TIME', description: 'Part-time employment.' },
  { value: 'CONTRACTOR', description: 'Contractor or freelancer.' },
  { value: 'TEMPORARY', description: 'Temporary or fixed-term position.' },
  { value: 'INTERN', description: 'Internship.' },
  { value: 'VOLUNTEER', description: 'Volunteer position.' },
  { value: 'PER_DIEM', description: 'Paid by the day, as needed.' },
  { value: 'OTHER', description: 'Any other arrangement.' },
];

const SALARY_UNITS: EnumValue[] = [
  { value: 'HOUR', description: 'Per hour.' },
  { value: 'DAY', description: 'Per day.' },
  { value: 'WEEK', description: 'Per week.' },
  { value: 'MONTH', description: 'Per month.' },
  { value: 'YEAR', description: 'Per year.' },
];

const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
const DATE_OR_DATE_TIME_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])([Tt ]([01]\\d|2[0-3]):[0-5]\\d(:[0-5]\\d(\\.\\d+)?)?([Zz]|[+-]([01]\\d|2[0-3]):?[0-5]\\d)?)?$';
const URL_PATTERN = '^https?://\\S+$';

const posting: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    location: stringOrList('Location', 'Where the job is based: one place or a list.', ['Berlin, Germany', ['London, UK', 'Remote (EU)']]),
    employment_type: { ...docs('Employment type', 'The kind of contract.'), ...enumOf(EMPLOYMENT_TYPES), examples: ['FULL_TIME'] },
    date_posted: { ...text('Date posted', 'The day the posting was published, as YYYY-MM-DD.', undefined, ['2025-03-01']), pattern: DATE_PATTERN },
    valid_through: { ...text('Valid through', 'The last day (or moment) applications are accepted, as YYYY-MM-DD or a date and time.', undefined, ['2025-04-30', '2025-04-30T23:59:00Z']), pattern: DATE_OR_DATE_TIME_PATTERN },
    hiring_organization: {
      ...docs('Hiring organization', 'The company that is hiring.'),
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { ...text('Name', 'The company name.', undefined, ['Example Corp']), minLength: 1 },
        url: { ...text('Website', 'The company website.', undefined, ['https://example.com']), pattern: URL_PATTERN },
        logo: { ...text('Logo', 'Web address of the company logo.', undefined, ['https://example.com/logo.png']), pattern: URL_PATTERN },
      },
    },
    remote: { ...docs('Remote', 'Whether the job can be done fully remotely.'), type: 'boolean', examples: [true] },
    salary: {
      ...docs('Salary', 'The pay range: currency, minimum, maximum and the period it is paid per.'),
      type: 'object',
      additionalProperties: false,
      properties: {
        currency: { ...text('Currency', 'Three-letter currency code (ISO 4217).', undefined, ['EUR', 'USD', 'GBP']), pattern: '^[A-Z]{3}$' },
        min: { ...docs('Minimum', 'The bottom of the range.'), type: 'number', minimum: 0, examples: [65000] },
        max: { ...docs('Maximum', 'The top of the range.'), type: 'number', minimum: 0, examples: [85000] },
        unit: { ...docs('Per', 'The period the amounts are paid per.'), ...enumOf(SALARY_UNITS), examples: ['YEAR'] },
      },
    },
    apply_url: { ...text('Apply URL', 'Where candidates apply.', undefined, ['https://example.com/careers/associate-mlops-consultant']), pattern: URL_PATTERN },
  },
};

interface SectionDoc {
  description: string;
  markdown?: string;
  yaml?: string;
}

const SECTION_DOCS: Record<string, SectionDoc> = {
  summary: {
    description: 'What the role is, why it exists and the value it creates. A few paragraphs of prose.',
    markdown: 'What the role is, **why it exists** and the **value it creates** for the business. A few paragraphs of prose; a reader who stops here should know whether this is the role they are looking for.\n\nUse `>-` for one flowing paragraph, or `|` to keep paragraphs and lists as written.',
    yaml: 'summary: >-\n  The Associate MLOps Consultant supports the design, implementation and operation\n  of reliable machine learning delivery capabilities, helping teams move models\n  from notebooks to production with repeatable, governed and observable processes.',
  },
  mission: {
    description: 'The core mission of the role and why it matters to the business, in a short paragraph.',
    markdown: 'The **core mission** of the role and why it matters, in a short paragraph: the one thing the role must achieve, and the business outcomes expected from it.',
    yaml: 'mission: >-\n  Enable teams to reliably deliver, deploy, monitor and improve ML models in\n  production by implementing practical MLOps workflows and operational standards.',
  },
  responsibilities: {
    description: 'What the role is accountable for, grouped into strategic, operational, technical, cross-functional, governance and leadership responsibilities.',
    markdown: 'What the role is **accountable for**, in up to six groups: `strategic`, `operational`, `technical`, `cross_functional`, `governance`, `leadership`.\n\nEach group is a list. Write an entry as a plain sentence, or as `name` + `description` when it starts with a short bold title. If the heading had a qualifier, keep it with `note` + `items`.',
    yaml: 'responsibilities:\n  strategic:\n    note: "Associate-level scope: contributes, does not set strategy"\n    items:\n      - name: Contribute to MLOps delivery plans\n        description: Break work into tasks, estimate effort, track progress.\n  technical:\n    - name: Build and maintain ML pipelines\n      description: Training, validation, packaging and deployment.',
  },
  day_to_day: {
    description: 'What the work looks like day to day, week to week and month to month, including meetings and incident work.',
    markdown: 'What the work **actually looks like**: `daily`, `weekly` and `periodic` (monthly or quarterly) activities, recurring meetings (`rituals`), and what happens during `incidents`. Candidates read this to picture the job.',
    yaml: 'day_to_day:\n  daily:\n    - Review assigned tickets and deployment pipeline statuses; investigate failures.\n  rituals:\n    - Daily stand-up (team)\n    - Weekly stakeholder checkpoint',
  },
  deliverables: {
    description: 'The concrete outputs the role produces: a list, or lists under group headings.',
    markdown: 'The **concrete outputs** the role produces: documents, systems, reports, templates. Write a plain list, or group deliverables under headings with `group` + `items` (both forms can be mixed).',
    yaml: 'deliverables:\n  - group: Pipelines and automation\n    items:\n      - Training pipeline definitions (DAGs/workflows)\n      - Deployment pipeline integrations (CI/CD jobs, approval gates)\n  - group: Operational artifacts\n    items:\n      - Runbooks for model deployment, rollback and incident triage',
  },
  goals: {
    description: 'What success looks like after 30, 60 and 90 days, 6 and 12 months, in the long term, and what high performance looks like.',
    markdown: 'The **onboarding and performance plan**: what the new hire should have achieved after `day_30`, `day_60`, `day_90`, `month_6` and `month_12`, the `long_term` impact, the `success` definition, and what `high_performance` looks like. Good goals are observable: someone can say whether they were met.',
    yaml: 'goals:\n  day_30:\n    - Complete at least one small end-to-end contribution (pipeline step + tests + documentation).\n  day_90:\n    - Own a small workstream under supervision.\n  success:\n    - Consistently ships production-quality contributions.',
  },
  kpis: {
    description: 'The measures used to judge performance in the role, one row per metric, each with a target and a frequency.',
    markdown: 'The **measures** used to judge performance in the role: one row per metric. Give each a `target` that can be checked (a number and a comparison, such as `>= 95%` or `< 15 minutes`) and a `frequency`. Metric names must be unique in the file.',
    yaml: 'kpis:\n  - name: Deployment success rate\n    category: Reliability\n    measures: "% of deployments completed without rollback/hotfix"\n    why: Measures release quality\n    target: ">= 95%"\n    frequency: Monthly',
  },
  technical_skills: {
    description: 'The technical skills the role needs, in four tiers: must-have, good-to-have, advanced and emerging.',
    markdown: 'The **technical skills** the role needs, in four tiers: `must_have`, `good_to_have`, `advanced` (not expected on day one) and `emerging` (the next 2–5 years). Each skill has a `name`, an `importance` (`critical`, `important` or `optional`), the expected depth (`description`) and what it is used for (`use`). Skill names must be unique in the file.',
    yaml: 'technical_skills:\n  must_have:\n    - name: Python for production ML workflows\n      importance: critical\n      description: Can structure code into modules and write meaningful unit tests.\n      use: Scripting pipelines, writing utilities, basic tests\n  emerging:\n    note: next 2–5 years\n    items:\n      - name: LLMOps patterns\n        importance: important',
  },
  soft_skills: {
    description: 'The behaviors and interpersonal skills the role needs: why each matters and how it shows up on the job.',
    markdown: 'The **behaviors and interpersonal skills** the role needs. For each: `name`, why it matters (`description`) and how it shows up on the job (`shows_up`). Describe observable behavior, not personality.',
    yaml: 'soft_skills:\n  - name: Structured problem solving\n    description: ML production issues can be ambiguous (data vs code vs infra).\n    shows_up: Isolates variables, forms hypotheses, runs small tests, documents outcomes.',
  },
  tools: {
    description: 'The tools and platforms the role uses, with what each is used for and how common it is.',
    markdown: 'The **tools and platforms** the role uses, one row each: `category`, tool `name`, primary `use`, and `prevalence` (`common`, `optional` or `context_specific`). Marking tools as optional or context-specific keeps the job ad from scaring off good candidates.',
    yaml: 'tools:\n  - category: Experiment tracking / registry\n    name: MLflow\n    use: Tracking runs, model registry, artifact metadata\n    prevalence: common',
  },
  tech_stack: {
    description: 'The technical environment the role works in: as prose, or grouped into infrastructure, application, data, security, delivery, SDLC, scale and team topology.',
    markdown: 'The **technical environment** the role works in. Write it as prose, or as groups: `infrastructure`, `application`, `data`, `security`, `delivery`, `sdlc`, `scale`, `team_topology`.',
    yaml: 'tech_stack:\n  infrastructure:\n    - Primarily cloud-based (AWS/Azure/GCP), containerized workloads.\n  team_topology:\n    - Works under a Senior MLOps Consultant or MLOps Lead.',
  },
  stakeholders: {
    description: 'Who the role works with and how: internal and external stakeholders, peers, dependencies, escalation points.',
    markdown: '**Who the role works with** and how: `internal` and `external` stakeholders, `peers`, `upstream` dependencies, `downstream` consumers, the nature of `collaboration`, decision-making `authority`, and `escalation` points.',
    yaml: 'stakeholders:\n  internal:\n    - name: Data Scientists / Applied ML Engineers\n      description: Primary partners; turn experimentation into deployable artifacts.\n  escalation:\n    - Senior MLOps Consultant for technical blockers',
  },
  decision_rights: {
    description: 'What the role may decide alone, what needs team approval, what needs management approval, and its formal authority.',
    markdown: '**Scope of authority**: what the role decides alone (`independent`), what needs peer or lead sign-off (`team_approval`), what needs a manager, director or executive (`management_approval`), and its formal `authority` over budget, architecture, vendors, delivery, hiring and compliance.',
    yaml: 'decision_rights:\n  independent:\n    - Implementation details within approved patterns.\n  management_approval:\n    - New vendor tools or paid services.',
  },
  experience: {
    description: 'The experience, education, certifications and backgrounds expected of candidates.',
    markdown: 'What candidates typically bring: `years` of experience (a phrase or a list), `education`, `certifications`, prior role `backgrounds`, `domain` knowledge and `leadership` experience. Prefer "or equivalent practical experience" over hard degree requirements.',
    yaml: "experience:\n  years: 0–3 years in software, data or ML engineering\n  education:\n    - Bachelor's degree in Computer Science, Engineering, or equivalent practical experience.\n  certifications:\n    note: helpful, not mandatory\n    items:\n      - Cloud certifications (AWS/Azure/GCP associate tracks)",
  },
  career: {
    description: 'Where people come from into this role, where they go next, and what promotion requires.',
    markdown: 'The **career path**: `feeder_roles` into this role, `next_roles` after it, `adjacent_paths`, the skills needed for promotion (`promotion_skills`), and how the role `evolution` unfolds over time.',
    yaml: 'career:\n  feeder_roles:\n    - Junior DevOps Engineer\n  next_roles:\n    - MLOps Consultant\n    - ML Platform Engineer',
  },
  risks: {
    description: 'What makes the role hard, what slows it down, how it fails and what that costs the business.',
    markdown: '**Risks and failure modes**: common `challenges`, `bottlenecks`, `anti_patterns`, reasons for `underperformance`, and `business_risks` if the role is done badly. Useful for managers setting expectations and for interview questions.',
    yaml: 'risks:\n  bottlenecks:\n    - Waiting for security approvals, network setup or IAM roles.\n  anti_patterns:\n    - \'"Notebook to prod" without packaging, tests or reproducibility.\'',
  },
  variants: {
    description: 'How the role differs by company size, industry, geography, business model and regulation.',
    markdown: '**How the role differs** by `company_size`, `industry`, `geography`, product-led vs service-led (`product_vs_service`), `startup_vs_enterprise`, and `regulated` vs non-regulated environments.',
    yaml: 'variants:\n  company_size:\n    - name: Startup/small company\n      description: Broader scope; fewer controls; faster iteration.\n    - name: Large enterprise\n      description: Stronger emphasis on IAM, change management and documentation.',
  },
  ai_impact: {
    description: 'How AI and automation change the role: what can be automated, what stays human, the outlook and new expectations.',
    markdown: '**How AI and automation change the role**: tasks that can be automated (`automatable`), tasks that stay `human_critical`, the `outlook` for the next 2–5 years, and `new_expectations`.',
    yaml: 'ai_impact:\n  automatable:\n    - name: Boilerplate generation\n      description: Scaffolding repositories, CI pipelines and deployment manifests.\n  human_critical:\n    - name: Risk ownership\n      description: Deciding when to stop a release, roll back or escalate.',
  },
  hiring: {
    description: 'How to evaluate candidates: what to assess, exercises, signals, red flags and the interview scorecard.',
    markdown: '**How to evaluate candidates**: what to `assess` in interviews, practical `exercises`, `strong_signals`, `weak_signals`, `red_flags`, and the interview `scorecard` (one row per dimension, with optional `weight` in percent; weights, when given, add up to 100).',
    yaml: 'hiring:\n  assess:\n    - name: Foundational engineering skills\n      description: Python, Git, debugging, basic testing practices.\n  red_flags:\n    - Suggests hardcoding secrets without recognizing the risk.\n  scorecard:\n    - dimension: Python engineering\n      weight: 15\n      meets: Writes clear code; basic packaging; uses logging; adds tests',
  },
  scorecard_summary: {
    description: 'A one-page summary of the role: title, purpose and the top responsibilities, skills, tools, KPIs, deliverables, goals and career options.',
    markdown: 'A **one-page summary** of the role for busy readers: `title`, `purpose`, and the top `responsibilities`, `technical_skills` and `soft_skills` (at most 10 each, naming entries defined elsewhere in the file), `tools`, `kpis`, `deliverables`, `goals` and `career` options.',
    yaml: 'scorecard_summary:\n  title: Associate MLOps Consultant\n  purpose: Support the implementation and operation of production-grade ML delivery workflows.\n  technical_skills:\n    - Python for production ML workflows\n    - Git and pull request workflows\n  goals: 30/60/90-day ramp to independent task ownership',
  },
};

function sectionSchemas(): Schema {
  const shapes: Record<string, Schema> = {
    summary: ref('text'),
    mission: ref('text'),
    responsibilities: groupedSection('responsibilities'),
    day_to_day: groupedSection('day_to_day'),
    deliverables: { type: 'array', items: { anyOf: [ref('item'), ref('deliverable_group')] } },
    goals: groupedSection('goals'),
    kpis: { type: 'array', items: ref('kpi') },
    technical_skills: {
      type: 'object',
      additionalProperties: false,
      properties: {
        must_have: { ...ref('skill_tier'), ...docs('Must-have technical skills', 'Skills a candidate needs from day one.') },
        good_to_have: { ...ref('skill_tier'), ...docs('Good-to-have technical skills', 'Skills that help but can be learned on the job.') },
        advanced: { ...ref('skill_tier'), ...docs('Advanced or expert-level technical skills', 'Deep skills not expected on day one but valuable.') },
        emerging: { ...ref('skill_tier'), ...docs('Emerging future skills', 'Skills the role will need in the next 2–5 years.') },
      },
    },
    soft_skills: { type: 'array', items: ref('soft_skill') },
    tools: { type: 'array', items: ref('tool') },
    tech_stack: {
      anyOf: [
        { ...ref('text') },
        { ...docs('Tech stack by area', 'The environment grouped by area.'), ...groupedSection('tech_stack') },
      ],
    },
    stakeholders: groupedSection('stakeholders'),
    decision_rights: groupedSection('decision_rights'),
    experience: groupedSection('experience', {
      years: {
        ...docs(GROUP_DOCS.experience.years.title, GROUP_DOCS.experience.years.description, undefined, GROUP_DOCS.experience.years.yaml),
        anyOf: [{ type: 'string' }, ref('group')],
        examples: ['0–3 years in software, data or ML engineering'],
      },
    }),
    career: groupedSection('career'),
    risks: groupedSection('risks'),
    variants: groupedSection('variants'),
    ai_impact: groupedSection('ai_impact'),
    hiring: groupedSection('hiring', {
      scorecard: { ...docs('Scorecard dimensions', 'The dimensions the interview panel scores, one row each.'), type: 'array', items: ref('scorecard_row') },
    }),
    scorecard_summary: scorecardSummary,
  };
  const properties: Schema = {};
  for (const section of SECTIONS) {
    const d = SECTION_DOCS[section.key];
    const shape = shapes[section.key];
    if (!d || !shape) throw new Error(`no schema for section ${section.key}`);
    properties[section.key] = {
      ...docs(`${section.number}. ${section.title}`, d.description, d.markdown, d.yaml),
      'x-section-number': section.number,
      ...shape,
    };
  }
  return properties;
}

export function buildSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: SCHEMA_ID,
    ...docs('Role blueprint', 'One job role described in 20 sections, from the role summary to the final scorecard.'),
    type: 'object',
    additionalProperties: false,
    required: ['blueprint', 'role'],
    properties: {
      blueprint: { ...docs('Blueprint format version', 'The version of the role blueprint format. Always 1.'), type: 'integer', const: 1, examples: [1] },
      role,
      ...sectionSchemas(),
      posting: { ...docs('Job posting', 'Optional details for a candidate-facing job posting: location, contract, dates, company, pay and where to apply.'), ...posting },
      notes: {
        ...docs('Kept source notes', 'Content from the imported source that has no place in the 20 sections, kept so nothing is lost.'),
        type: 'array',
        items: ref('note'),
      },
    },
    definitions,
  };
}

export function schemaJsonText(): string {
  return JSON.stringify(buildSchema(), null, 2) + '\n';
}

if (require.main === module) {
  const expected = schemaJsonText();
  if (process.argv.includes('--check')) {
    const actual = readFileSync(SCHEMA_PATH, 'utf8');
    if (actual !== expected) {
      console.error(`${SCHEMA_PATH} is out of date: run npx tsx schemas/generate.ts`);
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_PATH, expected);
  }
}
