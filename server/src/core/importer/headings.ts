/**
 * Recognising headings by meaning, not by exact wording: section keys for h2 headings and group
 * keys for h3 headings. Each table is ordered so that a more specific key is tried before a
 * broader one that would also match ("Final Role Scorecard Summary" is not "Role Summary").
 */
import { splitQualifiers } from './items';

type Matchers = readonly (readonly [key: string, pattern: RegExp])[];

const SECTION_MATCHERS: Matchers = [
  ['scorecard_summary', /scorecard|at a glance|executive summary/],
  ['ai_impact', /\bai\b|automation/],
  ['hiring', /hiring|interview|evaluation criteria|assessment criteria/],
  ['soft_skills', /soft skill|behaviou?ral|interpersonal/],
  ['technical_skills', /technical skill|hard skill|technical competenc/],
  ['kpis', /kpi|metric|measur/],
  ['tech_stack', /stack|environment/],
  ['tools', /tool|platform|software/],
  ['stakeholders', /stakeholder|collaboration map/],
  ['decision_rights', /decision|authority/],
  ['experience', /experience|qualification/],
  ['career', /career|progression/],
  ['risks', /risk|challenge|failure/],
  ['variants', /variant|variation/],
  ['deliverables', /deliverable|outputs/],
  ['day_to_day', /day[- ]to[- ]day|daily|activities/],
  ['responsibilities', /responsibilit|accountabilit|duties/],
  ['goals', /goal|objective|milestone/],
  ['mission', /mission|purpose/],
  ['summary', /summary|overview/],
];

const GROUP_MATCHERS: Readonly<Record<string, Matchers>> = {
  responsibilities: [
    ['cross_functional', /cross[- ]functional|stakeholder|collaborat|partner/],
    ['governance', /governance|compliance|quality|risk/],
    ['leadership', /leader|people|management|mentor/],
    ['strategic', /strateg/],
    ['operational', /operation/],
    ['technical', /technical|engineering/],
  ],
  day_to_day: [
    ['incidents', /incident|escalation|emergenc|on[- ]call/],
    ['rituals', /ritual|meeting|ceremon|cadence/],
    ['periodic', /month|quarter|periodic|annual|yearly/],
    ['weekly', /week/],
    ['daily', /daily|every day|day[- ]to[- ]day/],
  ],
  goals: [
    ['long_term', /long[- ]term|beyond|multi[- ]year|strategic impact/],
    ['high_performance', /high[- ]perform|exceptional|excellent|outstanding/],
    ['success', /success/],
    ['month_12', /\b(12|twelve)[- ]?months?\b|\bmonths? (12|twelve)\b|\bone[- ]year\b|\b1[- ]year\b|\b(first|1st) year\b/],
    ['month_6', /\b(6|six)[- ]?months?\b|\bmonths? (6|six)\b/],
    ['day_90', /\b90\b|ninety|three months|3 months/],
    ['day_60', /\b60\b|sixty|two months|2 months/],
    ['day_30', /\b30\b|thirty|first month|one month|1 month/],
  ],
  stakeholders: [
    ['escalation', /escalat/],
    ['authority', /authority|decision/],
    ['collaboration', /nature|collaborat|interaction|working model/],
    ['upstream', /upstream|dependenc|input/],
    ['downstream', /downstream|consumer|output/],
    ['peers', /peer/],
    ['external', /external|client|customer|vendor|partner/],
    ['internal', /internal/],
  ],
  decision_rights: [
    ['authority', /budget|authority|vendor|hiring/],
    ['management_approval', /manager|director|executive|management|leadership/],
    ['team_approval', /team|peer|review/],
    ['independent', /independen|\bown\b|autonom|\balone\b|without (sign-off|approval)|on (their|its) own/],
  ],
  experience: [
    ['leadership', /leader|management|managerial/],
    ['certifications', /certif|licen[cs]/],
    ['education', /educat|degree|academic/],
    ['years', /years?\b|tenure/],
    ['backgrounds', /background|prior|previous|former|feeder/],
    ['domain', /domain|industry|knowledge/],
  ],
  career: [
    ['promotion_skills', /promot|skills? needed|level up/],
    ['adjacent_paths', /adjacent|lateral|alternative|parallel/],
    ['next_roles', /next|after|progress(ion)? to/],
    ['feeder_roles', /feeder|into this role|entry|before|previous|prior/],
    ['evolution', /evolv|evolution|over time|changes/],
  ],
  risks: [
    ['anti_patterns', /anti[- ]?pattern/],
    ['underperformance', /underperform|under-perform|reasons for (poor|low)/],
    ['business_risks', /business|ineffective|organi[sz]ation(al)? risk/],
    ['bottlenecks', /bottleneck|blocker|constraint/],
    ['challenges', /challenge|difficult/],
  ],
  variants: [
    ['startup_vs_enterprise', /startup|start-up|enterprise/],
    ['product_vs_service', /product|service/],
    ['regulated', /regulat/],
    ['geography', /geograph|region|country|location/],
    ['industry', /industr|sector|vertical/],
    ['company_size', /size|scale|headcount/],
  ],
  ai_impact: [
    ['new_expectations', /expectation|new skills|required/],
    ['human_critical', /human/],
    ['automatable', /automat/],
    ['outlook', /change|outlook|future|next|evolv|years/],
  ],
  hiring: [
    ['scorecard', /scorecard|rubric|scoring/],
    ['red_flags', /red flag|disqualif/],
    ['strong_signals', /strong|positive|green/],
    ['weak_signals', /weak|negative|concern/],
    ['exercises', /exercise|case stud|take[- ]home|practical|work sample|assignment/],
    ['assess', /assess|interview|evaluate|look for/],
  ],
  technical_skills: [
    ['emerging', /emerging|future|next[- ]gen/],
    ['advanced', /advanced|expert|deep/],
    ['good_to_have', /good|nice|preferred|bonus|desirable|plus/],
    ['must_have', /must|required|core|essential|critical/],
  ],
  tech_stack: [
    ['team_topology', /topolog|team structure|org(ani[sz]ation)? structure|reporting/],
    ['sdlc', /sdlc|agile|lifecycle|methodolog/],
    ['delivery', /delivery/],
    ['security', /security|compliance/],
    ['scale', /scale|complexity|volume/],
    ['infrastructure', /infra|cloud|hosting|compute/],
    ['application', /application|app\b|service/],
    ['data', /data/],
  ],
  scorecard_summary: [
    ['title', /title|role name/],
    ['purpose', /purpose|mission/],
    ['responsibilities', /responsibilit/],
    ['technical_skills', /technical|hard skill/],
    ['soft_skills', /soft|behaviou?r/],
    ['tools', /tool|platform/],
    ['kpis', /kpi|metric/],
    ['deliverables', /deliverable|output/],
    ['goals', /goal|objective|milestone/],
    ['career', /career|progression|next role/],
  ],
};

function firstMatch(matchers: Matchers, text: string): string | undefined {
  const lower = text.toLowerCase();
  return matchers.find(([, pattern]) => pattern.test(lower))?.[0];
}

/** The section key an h2 title stands for, if any. */
export function matchSection(title: string): string | undefined {
  const { base } = splitQualifiers(title);
  return firstMatch(SECTION_MATCHERS, base) ?? firstMatch(SECTION_MATCHERS, title);
}

/** The group key a heading stands for inside a section; the qualifier is matched last. */
export function matchGroup(sectionKey: string, heading: string): string | undefined {
  const matchers = GROUP_MATCHERS[sectionKey];
  if (!matchers) return undefined;
  const { base } = splitQualifiers(heading);
  return firstMatch(matchers, base) ?? firstMatch(matchers, heading);
}
