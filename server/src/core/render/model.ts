import type { ParsedBlueprint, Section } from '../parse';
import { SECTIONS } from '../sections';
import { isRecord } from '../values';

/**
 * Reading the blueprint value the way both renderers and the completeness meter need it. The
 * value may have any shape (the file is being edited), so every reader accepts `unknown` and
 * degrades to text instead of throwing.
 */

export type Dict = Record<string, unknown>;

export { isRecord };

/**
 * The value of a top-level section. After a syntax error the parser keeps the tree but no plain
 * value, so the section's own node is converted: the preview keeps showing content while the
 * author is mid-edit.
 */
export function sectionValue(parsed: ParsedBlueprint, section: Section): unknown {
  const root = parsed.value;
  if (isRecord(root) && Object.prototype.hasOwnProperty.call(root, section.key)) return root[section.key];
  if (!section.valueNode) return null;
  try {
    // Without a document context, aliases stay unexpanded ({ source }): no alias bombs.
    return section.valueNode.toJSON();
  } catch {
    return undefined;
  }
}

const MAX_INLINE_DEPTH = 6;

/** Any value as one line of plain text (lists joined with "; ", mappings as "key: value"). */
export function inlineText(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  if (depth >= MAX_INLINE_DEPTH) return '…';
  if (Array.isArray(value)) return value.map((v) => inlineText(v, depth + 1)).filter((s) => s !== '').join('; ');
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([k, v]) => {
        const text = inlineText(v, depth + 1);
        return text === '' ? k : `${k}: ${text}`;
      })
      .join('; ');
  }
  return '';
}

/** A group as the format allows it: a list, `{note, items}`, or (leniently) text. */
export interface GroupView {
  readonly note?: string;
  /** The list of items, when the group is a list. */
  readonly items?: readonly unknown[];
  /** Path from the group value to `items` (for source lines): [] or ['items']. */
  readonly itemsPath: readonly string[];
  /** The group as prose when it is not a list. */
  readonly text?: unknown;
}

export function readGroup(value: unknown): GroupView {
  if (Array.isArray(value)) return { items: value, itemsPath: [] };
  if (isRecord(value) && Array.isArray(value.items)) {
    const note = value.note === undefined || value.note === null ? undefined : inlineText(value.note);
    return { note: note || undefined, items: value.items, itemsPath: ['items'] };
  }
  return { text: value, itemsPath: [] };
}

/** An item: a string, or a bold lead-in `name` with a `description` (plus any other fields). */
export interface ItemView {
  readonly name?: string;
  readonly description?: string;
  /** Remaining fields of a mapping item, in file order. */
  readonly extra: readonly (readonly [string, unknown])[];
  /** The item as text when it has no name. */
  readonly text?: string;
}

export function readItem(item: unknown, skip: readonly string[] = []): ItemView {
  if (isRecord(item) && (item.name !== undefined || item.description !== undefined)) {
    const name = item.name === undefined || item.name === null ? undefined : inlineText(item.name);
    const description = item.description === undefined || item.description === null ? undefined : inlineText(item.description);
    const extra = Object.entries(item).filter(([k]) => k !== 'name' && k !== 'description' && !skip.includes(k));
    return { name: name || undefined, description: description || undefined, extra };
  }
  return { text: inlineText(item), extra: [] };
}

/** "cross_functional" → "Cross functional". */
export function humanize(key: string): string {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : key;
}

// Sub-headings as the reference blueprints word them.
const GROUP_LABELS: Record<string, Record<string, string>> = {
  responsibilities: {
    strategic: 'Strategic responsibilities',
    operational: 'Operational responsibilities',
    technical: 'Technical responsibilities',
    cross_functional: 'Cross-functional / stakeholder responsibilities',
    governance: 'Governance, compliance, and quality responsibilities',
    leadership: 'Leadership responsibilities',
  },
  day_to_day: {
    daily: 'Daily activities',
    weekly: 'Weekly activities',
    periodic: 'Monthly or quarterly activities',
    rituals: 'Recurring meetings or rituals',
    incidents: 'Incident, escalation, or emergency work',
  },
  goals: {
    day_30: '30-day goals',
    day_60: '60-day goals',
    day_90: '90-day goals',
    month_6: '6-month milestones',
    month_12: '12-month objectives',
    long_term: 'Long-term impact goals',
    success: 'Role success definition',
    high_performance: 'What high performance looks like',
  },
  technical_skills: {
    must_have: 'Must-have technical skills',
    good_to_have: 'Good-to-have technical skills',
    advanced: 'Advanced or expert-level technical skills',
    emerging: 'Emerging future skills',
  },
  tech_stack: {
    infrastructure: 'Infrastructure environment',
    application: 'Application environment',
    data: 'Data environment',
    security: 'Security environment',
    delivery: 'Delivery model',
    sdlc: 'Agile or SDLC context',
    scale: 'Scale or complexity context',
    team_topology: 'Team topology',
  },
  stakeholders: {
    internal: 'Internal stakeholders',
    external: 'External stakeholders',
    peers: 'Peer roles',
    upstream: 'Upstream dependencies',
    downstream: 'Downstream consumers',
    collaboration: 'Nature of collaboration',
    authority: 'Typical decision-making authority',
    escalation: 'Escalation points',
  },
  decision_rights: {
    independent: 'Can decide independently',
    team_approval: 'Requires team approval',
    management_approval: 'Requires manager, director, or executive approval',
    authority: 'Budget, architecture, vendor, delivery, hiring, or compliance authority',
  },
  experience: {
    years: 'Typical years of experience',
    education: 'Education expectations',
    certifications: 'Certifications',
    backgrounds: 'Prior role backgrounds',
    domain: 'Domain knowledge',
    leadership: 'Leadership experience',
  },
  career: {
    feeder_roles: 'Common feeder roles',
    next_roles: 'Next likely roles',
    adjacent_paths: 'Adjacent career paths',
    promotion_skills: 'Skills needed for promotion',
    evolution: 'How this role evolves over time',
  },
  risks: {
    challenges: 'Common role challenges',
    bottlenecks: 'Bottlenecks',
    anti_patterns: 'Anti-patterns',
    underperformance: 'Common reasons for underperformance',
    business_risks: 'Business risks if this role is ineffective',
  },
  variants: {
    company_size: 'By company size',
    industry: 'By industry',
    geography: 'By geography',
    product_vs_service: 'Product-led vs service-led company',
    startup_vs_enterprise: 'Startup vs enterprise',
    regulated: 'Regulated vs non-regulated environment',
  },
  ai_impact: {
    automatable: 'Tasks that can be automated',
    human_critical: 'Tasks that remain human-critical',
    outlook: 'How AI changes the role in the next 2–5 years',
    new_expectations: 'New expectations caused by AI, automation, or platform shifts',
  },
  hiring: {
    assess: 'What to assess in interviews',
    exercises: 'Practical exercises or case studies',
    strong_signals: 'Strong candidate signals',
    weak_signals: 'Weak candidate signals',
    red_flags: 'Red flags',
    scorecard: 'Scorecard dimensions',
  },
  scorecard_summary: {
    title: 'Role title',
    purpose: 'Role purpose',
    responsibilities: 'Top 10 responsibilities',
    technical_skills: 'Top 10 technical skills',
    soft_skills: 'Top 10 soft skills',
    tools: 'Top tools and platforms',
    kpis: 'Top KPIs',
    deliverables: 'Main deliverables',
    goals: 'Main goals',
    career: 'Career progression options',
  },
};

export function groupLabel(sectionKey: string, groupKey: string): string {
  return GROUP_LABELS[sectionKey]?.[groupKey] ?? humanize(groupKey);
}

/**
 * The keys of a grouped section in display order: the known groups in the table's order, then
 * any others in file order.
 */
export function orderedKeys(value: Dict, known: readonly string[] | undefined): string[] {
  const own = Object.keys(value);
  if (!known) return own;
  const knownSet = new Set(known);
  return [...known.filter((k) => Object.prototype.hasOwnProperty.call(value, k)), ...own.filter((k) => !knownSet.has(k))];
}

/** A column of a rows table (KPIs, tools, scorecard). */
export interface Column {
  readonly key: string;
  readonly label: string;
}

interface ColumnSpec extends Column {
  /** Shown only when at least one row has a value for it. */
  readonly optional?: boolean;
}

export const KPI_COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', label: 'KPI' },
  { key: 'category', label: 'Category', optional: true },
  { key: 'measures', label: 'What it measures' },
  { key: 'why', label: 'Why it matters' },
  { key: 'target', label: 'Example target' },
  { key: 'frequency', label: 'Frequency' },
];

export const TOOL_COLUMNS: readonly ColumnSpec[] = [
  { key: 'category', label: 'Category' },
  { key: 'name', label: 'Tool / platform' },
  { key: 'use', label: 'Primary use' },
  { key: 'prevalence', label: 'Prevalence' },
];

export const SKILL_COLUMNS: readonly ColumnSpec[] = [
  { key: 'name', label: 'Skill' },
  { key: 'description', label: 'Description' },
  { key: 'use', label: 'Typical use' },
  { key: 'importance', label: 'Importance' },
];

export const SCORECARD_COLUMNS: readonly ColumnSpec[] = [
  { key: 'dimension', label: 'Dimension' },
  { key: 'weight', label: 'Weight', optional: true },
  { key: 'meets', label: 'Meets expectations' },
  { key: 'exceeds', label: 'Exceeds expectations' },
];

function hasValue(value: unknown): boolean {
  return value !== undefined && value !== null && value !== '';
}

/** The columns to show for `rows`: the spec's (optional ones only when used), then unknown fields. */
export function tableColumns(rows: readonly unknown[], spec: readonly ColumnSpec[]): Column[] {
  const known = new Set(spec.map((c) => c.key));
  const used = new Set<string>();
  const extra: string[] = [];
  for (const row of rows) {
    if (!isRecord(row)) continue;
    for (const [k, v] of Object.entries(row)) {
      if (hasValue(v)) used.add(k);
      if (!known.has(k) && !extra.includes(k)) extra.push(k);
    }
  }
  return [...spec.filter((c) => !c.optional || used.has(c.key)), ...extra.map((k) => ({ key: k, label: humanize(k) }))];
}

export const IMPORTANCE_LABELS: Record<string, string> = { critical: 'Critical', important: 'Important', optional: 'Optional' };
export const PREVALENCE_LABELS: Record<string, string> = { common: 'Common', optional: 'Optional', context_specific: 'Context-specific' };

/** Scorecard weights as a percentage label ("15%"), text when not a number. */
export function weightLabel(value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return `${value}%`;
  return inlineText(value);
}

export interface RoleView {
  readonly title: string;
  readonly level?: string;
  readonly family?: string;
  readonly source?: string;
}

/** The role header; the title falls back to the scorecard summary's, then to a placeholder. */
export function readRole(value: unknown): RoleView {
  const root = isRecord(value) ? value : {};
  const role = isRecord(root.role) ? root.role : {};
  const summary = isRecord(root.scorecard_summary) ? root.scorecard_summary : {};
  const text = (v: unknown) => {
    const t = inlineText(v).trim();
    return t === '' ? undefined : t;
  };
  return {
    title: text(role.title) ?? text(summary.title) ?? 'Untitled role',
    level: text(role.level),
    family: text(role.family),
    source: text(role.source),
  };
}

// Posting fields as a candidate reads them (the schema's `posting` object).
export const POSTING_LABELS: Record<string, string> = {
  location: 'Location',
  employment_type: 'Employment type',
  remote: 'Remote',
  date_posted: 'Date posted',
  valid_through: 'Valid through',
  hiring_organization: 'Hiring organization',
  salary: 'Salary',
  apply_url: 'Apply',
};

/** FULL_TIME → "Full time". */
export function enumLabel(value: string): string {
  return humanize(value.toLowerCase());
}

/** "EUR 70,000–90,000 per year" from `{currency, min, max, unit}`. */
export function salaryText(value: unknown): string {
  if (!isRecord(value)) return inlineText(value);
  const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString('en-US') : inlineText(v));
  const min = hasValue(value.min) ? num(value.min) : '';
  const max = hasValue(value.max) ? num(value.max) : '';
  const amount = min && max ? `${min}–${max}` : min || max;
  const unit = hasValue(value.unit) ? `per ${inlineText(value.unit).toLowerCase()}` : '';
  return [inlineText(value.currency), amount, unit].filter((s) => s !== '').join(' ');
}

/** A line of prose; `line` is its index in the text (0 = first line). */
export interface ProseLine {
  readonly text: string;
  readonly line: number;
  /** A short line ending in ":" with more text after it: a lead-in ("Core mission:"). */
  readonly lead: boolean;
}

/** A block of prose: a paragraph of lines or a bullet list. */
export type ProseBlock = { readonly kind: 'p'; readonly lines: readonly ProseLine[] } | { readonly kind: 'ul'; readonly items: readonly ProseLine[] };

const BULLET = /^\s*[-*•–]\s+(?=\S)/;

/**
 * Splits multi-line text into paragraphs and bullet runs, the way imported blueprints write
 * them ("Core mission:" on its own line, then text or "- " bullets).
 */
export function proseBlocks(text: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  const lines = text.split(/\r?\n/);
  let para: ProseLine[] = [];
  let items: ProseLine[] = [];
  const flush = () => {
    if (para.length) blocks.push({ kind: 'p', lines: para });
    if (items.length) blocks.push({ kind: 'ul', items });
    para = [];
    items = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') {
      flush();
    } else if (BULLET.test(line)) {
      if (para.length) flush();
      items.push({ text: line.replace(BULLET, ''), line: i, lead: false });
    } else {
      if (items.length) flush();
      const more = i + 1 < lines.length && lines[i + 1].trim() !== '';
      para.push({ text: line, line: i, lead: more && line.endsWith(':') && line.length <= 80 });
    }
  }
  flush();
  return blocks;
}

/** "7. KPIs and Productivity Metrics" for a note's `section` (a key, or a section number). */
export function noteOrigin(section: unknown): string {
  const raw = inlineText(section).trim();
  if (raw === 'role') return 'the role header';
  const info = SECTIONS.find((s) => s.key === raw || String(s.number) === raw);
  return info ? `${info.number}. ${info.title}` : raw;
}
