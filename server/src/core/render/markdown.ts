import type { ParsedBlueprint } from '../parse';
import { SECTIONS, TOP_LEVEL_ORDER, type SectionInfo } from '../sections';
import { computeCompleteness } from './completeness';
import { escapeMarkdownCell, escapeMarkdownInline, safeUrl } from './escape';
import {
  IMPORTANCE_LABELS,
  KPI_COLUMNS,
  POSTING_LABELS,
  PREVALENCE_LABELS,
  SCORECARD_COLUMNS,
  SKILL_COLUMNS,
  TOOL_COLUMNS,
  enumLabel,
  groupLabel,
  humanize,
  inlineText,
  isRecord,
  noteOrigin,
  orderedKeys,
  proseBlocks,
  readGroup,
  readItem,
  readRole,
  salaryText,
  sectionValue,
  tableColumns,
  weightLabel,
  type Column,
} from './model';

/**
 * The blueprint as Markdown (CommonMark + GFM tables), the same content as the HTML renderer.
 * Every string from the file is escaped, so nothing in it becomes markup in a Markdown viewer.
 */

export interface RenderMarkdownOptions {
  /** Add a "Missing" line for sections the blueprint does not have (default true). */
  readonly includeMissing?: boolean;
  /** Add the completeness line under the title (default true). */
  readonly includeCompleteness?: boolean;
}

const MAX_DEPTH = 6;

/** Multi-line text as escaped Markdown paragraphs and bullet lists. */
function prose(value: unknown): string[] {
  if (typeof value !== 'string') return value === null || value === undefined ? [] : [escapeMarkdownInline(inlineText(value))];
  return proseBlocks(value).map((block) =>
    block.kind === 'ul' ? block.items.map((item) => `- ${bold(item.text)}`).join('\n') : block.lines.map((l) => (l.lead ? `**${escapeMarkdownInline(l.text)}**` : bold(l.text))).join('  \n'),
  );
}

/** Escaped text; `**x**` stays bold (the HTML renderer does the same). */
function bold(text: string): string {
  return text
    .split(/\*\*(?=\S)(.+?)\*\*/g)
    .map((part, i) => (i % 2 === 1 ? `**${escapeMarkdownInline(part)}**` : escapeMarkdownInline(part)))
    .join('');
}

function itemLine(value: unknown): string {
  const item = readItem(value);
  if (item.text !== undefined) return bold(item.text.replace(/\s*\r?\n\s*/g, ' '));
  const parts: string[] = [];
  if (item.name) parts.push(`**${escapeMarkdownInline(item.name)}${item.description ? ':' : ''}**`);
  if (item.description) parts.push(escapeMarkdownCell(item.description));
  for (const [key, extra] of item.extra) {
    const text = inlineText(extra);
    if (text) parts.push(`*${escapeMarkdownInline(key === 'shows_up' ? 'How it shows up' : humanize(key))}:* ${escapeMarkdownCell(text)}`);
  }
  return parts.join(' ');
}

function list(items: readonly unknown[], start?: number): string {
  if (items.length === 0) return '*No items.*';
  return items.map((item, i) => `${start === undefined ? '-' : `${start + i}.`} ${itemLine(item)}`).join('\n');
}

function cell(key: string, value: unknown): string {
  if (key === 'name' || key === 'dimension') {
    const text = inlineText(value);
    return text ? `**${escapeMarkdownCell(text)}**` : '';
  }
  if (key === 'importance' || key === 'prevalence') {
    const labels = key === 'importance' ? IMPORTANCE_LABELS : PREVALENCE_LABELS;
    const k = typeof value === 'string' ? value.trim().toLowerCase() : '';
    return escapeMarkdownCell(Object.prototype.hasOwnProperty.call(labels, k) ? labels[k] : inlineText(value));
  }
  if (key === 'weight') return escapeMarkdownCell(weightLabel(value));
  return escapeMarkdownCell(inlineText(value));
}

function table(rows: unknown, columns: readonly Column[]): string {
  if (!Array.isArray(rows)) return generic(rows, 0);
  if (rows.length === 0) return '*No rows.*';
  const lines = [`| ${columns.map((c) => escapeMarkdownCell(c.label)).join(' | ')} |`, `| ${columns.map(() => '---').join(' | ')} |`];
  for (const row of rows) {
    const cells = isRecord(row) ? columns.map((c) => cell(c.key, row[c.key])) : [escapeMarkdownCell(inlineText(row)), ...columns.slice(1).map(() => '')];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Any value: text, a list, or "**Key:** value" lines, depth-limited. */
function generic(value: unknown, depth: number): string {
  if (value === null || value === undefined) return '*Empty.*';
  if (typeof value !== 'object' || value instanceof Date || depth >= MAX_DEPTH) return prose(typeof value === 'string' ? value : inlineText(value)).join('\n\n');
  const indent = '  '.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return '*No items.*';
    return value.map((v) => (typeof v === 'object' && v !== null ? `${indent}-\n${generic(v, depth + 1)}` : `${indent}- ${escapeMarkdownCell(inlineText(v))}`)).join('\n');
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return '*Empty.*';
  return entries
    .map(([k, v]) => (typeof v === 'object' && v !== null ? `${indent}- **${escapeMarkdownInline(humanize(k))}:**\n${generic(v, depth + 1)}` : `${indent}- **${escapeMarkdownInline(humanize(k))}:** ${escapeMarkdownCell(inlineText(v))}`))
    .join('\n');
}

function groups(info: SectionInfo, value: unknown): string[] {
  if (!isRecord(value)) return [generic(value, 0)];
  const keys = orderedKeys(value, info.groups);
  if (keys.length === 0) return ['*Empty.*'];
  const out: string[] = [];
  let next = 1;
  for (const key of keys) {
    const group = readGroup(value[key]);
    out.push(`### ${escapeMarkdownInline(groupLabel(info.key, key))}${group.note ? ` (${escapeMarkdownInline(group.note)})` : ''}`);
    if (info.key === 'technical_skills' && group.items) out.push(table(group.items, tableColumns(group.items, SKILL_COLUMNS)));
    else if (info.key === 'hiring' && key === 'scorecard' && group.items) out.push(table(group.items, tableColumns(group.items, SCORECARD_COLUMNS)));
    else if (group.items) {
      out.push(list(group.items, info.key === 'responsibilities' ? next : undefined));
      next += group.items.length;
    } else out.push(...prose(group.text));
  }
  return out;
}

function deliverables(value: unknown): string[] {
  if (!Array.isArray(value)) return [generic(value, 0)];
  const out: string[] = [];
  let loose: unknown[] = [];
  const flush = () => {
    if (loose.length) out.push(list(loose));
    loose = [];
  };
  for (const entry of value) {
    if (isRecord(entry) && entry.group !== undefined && Array.isArray(entry.items)) {
      flush();
      out.push(`### ${escapeMarkdownInline(inlineText(entry.group))}`, list(entry.items));
    } else loose.push(entry);
  }
  flush();
  return out.length ? out : ['*No items.*'];
}

function definitions(info: SectionInfo, value: unknown): string[] {
  if (!isRecord(value)) return [generic(value, 0)];
  const lines = ['| Field | Value |', '| --- | --- |'];
  for (const key of orderedKeys(value, info.groups)) {
    const field = value[key];
    const text = Array.isArray(field) ? field.map((v) => escapeMarkdownCell(inlineText(v))).join('<br>') : escapeMarkdownCell(inlineText(field));
    lines.push(`| **${escapeMarkdownCell(groupLabel(info.key, key))}** | ${text} |`);
  }
  return [lines.join('\n')];
}

function sectionBody(info: SectionInfo, value: unknown): string[] {
  switch (info.key) {
    case 'summary':
    case 'mission':
      return typeof value === 'string' ? prose(value) : [generic(value, 0)];
    case 'deliverables':
      return deliverables(value);
    case 'kpis':
      return [table(value, tableColumns(Array.isArray(value) ? value : [], KPI_COLUMNS))];
    case 'soft_skills':
      return [Array.isArray(value) ? list(value) : generic(value, 0)];
    case 'tools':
      return [table(value, tableColumns(Array.isArray(value) ? value : [], TOOL_COLUMNS))];
    case 'tech_stack':
      return typeof value === 'string' ? prose(value) : groups(info, value);
    case 'scorecard_summary':
      return definitions(info, value);
    default:
      return groups(info, value);
  }
}

function link(value: unknown, label?: string): string {
  const url = safeUrl(value);
  const text = escapeMarkdownInline(label ?? inlineText(value));
  // Angle-bracket destinations allow any URL without spaces or angle brackets.
  return url && !/[<>]/.test(url) ? `[${text}](<${url}>)` : text;
}

function postingValue(key: string, value: unknown): string {
  switch (key) {
    case 'location':
      return escapeMarkdownCell(Array.isArray(value) ? value.map((v) => inlineText(v)).join(' · ') : inlineText(value));
    case 'employment_type':
      return escapeMarkdownCell(typeof value === 'string' ? enumLabel(value) : inlineText(value));
    case 'remote':
      return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : escapeMarkdownCell(inlineText(value));
    case 'salary':
      return escapeMarkdownCell(salaryText(value));
    case 'hiring_organization':
      return isRecord(value) ? link(value.url, inlineText(value.name) || inlineText(value.url)) : escapeMarkdownCell(inlineText(value));
    case 'apply_url':
      return link(value);
    default:
      return escapeMarkdownCell(inlineText(value));
  }
}

/** The blueprint as Markdown; never throws on any input shape. */
export function renderMarkdown(parsed: ParsedBlueprint, options: RenderMarkdownOptions = {}): string {
  const out: string[] = [];
  const role = readRole(parsed.value);
  const sections = new Map(parsed.sections.map((s) => [s.key, s]));
  const valueOf = (key: string) => {
    const section = sections.get(key);
    return section ? sectionValue(parsed, section) : undefined;
  };
  out.push(`# ${escapeMarkdownInline(role.title)}`);
  const meta = [role.level ? `**Level:** ${escapeMarkdownInline(role.level)}` : '', role.family ? `**Family:** ${escapeMarkdownInline(role.family)}` : '', role.source ? `**Source:** ${link(role.source)}` : ''].filter(Boolean);
  if (meta.length) out.push(meta.join(' · '));
  if (options.includeCompleteness !== false) {
    const c = computeCompleteness(parsed);
    out.push(`*${c.complete} of ${c.total} sections complete${c.thin ? `, ${c.thin} thin` : ''}${c.missing ? `, ${c.missing} missing` : ''}.*`);
  }
  if (parsed.sections.length === 0 && parsed.value !== null && parsed.value !== undefined && !isRecord(parsed.value)) {
    out.push('*This file is not a mapping of sections. Its content:*', generic(parsed.value, 0));
  }
  for (const info of SECTIONS) {
    const heading = `## ${info.number}. ${escapeMarkdownInline(info.title)}`;
    if (!sections.has(info.key)) {
      if (options.includeMissing !== false) out.push(heading, '*Missing.*');
      continue;
    }
    out.push(heading, ...sectionBody(info, valueOf(info.key)));
  }
  if (sections.has('posting')) {
    const posting = valueOf('posting');
    out.push('## Job posting');
    if (isRecord(posting)) {
      const lines = ['| Field | Value |', '| --- | --- |'];
      for (const key of orderedKeys(posting, Object.keys(POSTING_LABELS))) lines.push(`| **${escapeMarkdownCell(POSTING_LABELS[key] ?? humanize(key))}** | ${postingValue(key, posting[key])} |`);
      out.push(lines.join('\n'));
    } else out.push(generic(posting, 0));
  }
  if (sections.has('notes')) {
    const notes = valueOf('notes');
    out.push('## Notes kept from the source');
    if (!Array.isArray(notes)) out.push(generic(notes, 0));
    else {
      for (const note of notes) {
        if (!isRecord(note)) {
          out.push(...prose(inlineText(note)));
          continue;
        }
        const heading = inlineText(note.heading).trim();
        const origin = noteOrigin(note.section);
        if (heading) out.push(`### ${escapeMarkdownInline(heading)}`);
        if (origin) out.push(`*From ${escapeMarkdownInline(origin)}*`);
        out.push(...prose(note.text));
      }
    }
  }
  const others = parsed.sections.filter((s) => !TOP_LEVEL_ORDER.includes(s.key));
  if (others.length) {
    out.push('## Other fields');
    for (const s of others) out.push(`### ${escapeMarkdownInline(s.key)}`, generic(sectionValue(parsed, s), 0));
  }
  return out.join('\n\n') + '\n';
}
