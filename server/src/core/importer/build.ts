/**
 * Source outline → blueprint object. One mapper per kind of section; whatever a mapper cannot
 * place in a field goes to notes through the context, so nothing in the source is dropped.
 */
import { sectionInfo } from '../sections';
import { ImportContext, blockText } from './context';
import { matchGroup } from './headings';
import type { Block, Line, ListItem, SourceSection } from './html';
import { Importance, Item, importanceOf, isPlainEnumWord, labelled, leadIn, prevalenceOf, splitInlineList, splitQualifiers, toItem } from './items';
import { ColumnSpec, mapColumns, readRows } from './tables';

export type Group = Item[] | { note: string; items: Item[] };

/** Where a block sits: the section's label for notes and the subsection heading, if any. */
interface Place {
  readonly label: string;
  readonly heading?: string;
}

/** Gathers items per group key and the qualifiers of the headings that opened them. */
class GroupCollector<T> {
  private readonly groups = new Map<string, { items: T[]; notes: string[]; headings: string[] }>();

  private entry(key: string) {
    let entry = this.groups.get(key);
    if (!entry) {
      entry = { items: [], notes: [], headings: [] };
      this.groups.set(key, entry);
    }
    return entry;
  }

  add(key: string, items: readonly T[]): void {
    this.entry(key).items.push(...items);
  }

  /** Records a heading's parenthetical qualifier as the group's note. */
  qualify(key: string, heading: string): void {
    const { qualifiers } = splitQualifiers(heading);
    if (!qualifiers.length) return;
    this.entry(key).notes.push(qualifiers.join('; '));
    this.entry(key).headings.push(heading);
  }

  get size(): number {
    return [...this.groups.values()].filter((g) => g.items.length).length;
  }

  /** Groups in canonical order; a qualifier on a group without items goes to notes. */
  result(order: readonly string[], ctx: ImportContext, label: string): Record<string, T[] | { note: string; items: T[] }> {
    const out: Record<string, T[] | { note: string; items: T[] }> = {};
    for (const key of order) {
      const group = this.groups.get(key);
      if (!group) continue;
      const note = group.notes.join('; ');
      if (!group.items.length) {
        if (note) ctx.note(label, group.headings.join('; '), note, 'qualifier of a heading without list items');
        continue;
      }
      out[key] = note ? { note, items: group.items } : group.items;
    }
    return out;
  }
}

function isAllBold(line: Line): boolean {
  return line.segments.length > 0 && line.segments.every((s) => s.bold || !s.text.trim());
}

/** A paragraph that reads as a heading: one bold line, or a short line ending in a colon. */
function headingLike(lines: readonly Line[]): boolean {
  if (lines.length !== 1) return false;
  return isAllBold(lines[0]) || lines[0].text.split(/\s+/).length <= 8;
}

/** Splits a paragraph into the lines before its first dash bullet and the bullets. */
function splitParagraph(lines: readonly Line[]): { head: Line[]; bullets: Line[] } {
  const first = lines.findIndex((l) => l.bullet);
  if (first < 0) return { head: [...lines], bullets: [] };
  return { head: lines.slice(0, first), bullets: lines.slice(first) };
}

function linesText(lines: readonly Line[]): string {
  return lines.map((l) => l.text).join('\n');
}

/** Every block of a section in reading order, with the subsection heading it sits under. */
function allBlocks(section: SourceSection): { block: Block; heading?: string }[] {
  return [
    ...section.intro.map((block) => ({ block })),
    ...section.subsections.flatMap((sub) => sub.blocks.map((block) => ({ block, heading: sub.heading }))),
  ];
}

// ---------------------------------------------------------------------------------------------
// Text sections

/** Summary, mission, or a tech stack written as prose: paragraphs joined by a blank line. */
export function mapText(section: SourceSection): string | undefined {
  const parts: string[] = section.intro.map(blockText);
  for (const sub of section.subsections) parts.push(sub.heading, ...sub.blocks.map(blockText));
  const text = parts.filter((p) => p.trim()).join('\n\n');
  return text || undefined;
}

// ---------------------------------------------------------------------------------------------
// Grouped sections

type BlockHandler = (block: Block, group: string | undefined, place: Place) => boolean;

/**
 * Sections made of named groups (responsibilities, goals, stakeholders, …). h3 headings open
 * groups; inside them, a bold or short paragraph heading can open another group, and dash lists
 * inside paragraphs count as lists. `special` lets a section take blocks of its own (tables).
 */
function collectGroups(
  section: SourceSection,
  key: string,
  ctx: ImportContext,
  place: Place,
  collector: GroupCollector<Item>,
  special?: BlockHandler,
): void {
  const walk = (blocks: readonly Block[], opened: string | undefined, heading: string | undefined) => {
    let current = opened;
    const here: Place = { label: place.label, heading };
    for (const block of blocks) {
      if (special?.(block, current, here)) continue;
      if (block.kind === 'list') {
        if (current) collector.add(current, block.items.map((item) => toItem(item.lines, item.children)));
        else ctx.noteBlock(here.label, heading, block, 'list outside any recognised group');
        continue;
      }
      if (block.kind === 'table') {
        ctx.noteBlock(here.label, heading, block);
        continue;
      }
      const { head, bullets } = splitParagraph(block.lines);
      const headText = head.map((l) => l.text).join(' ');
      const headGroup = headText && headingLike(head) ? matchGroup(key, headText) : undefined;
      if (!bullets.length) {
        if (head.length === 1 && isAllBold(head[0]) && headGroup) {
          current = headGroup;
          collector.qualify(headGroup, headText);
        } else ctx.noteBlock(here.label, heading, block, 'paragraph');
        continue;
      }
      let target = current;
      if (headGroup && headGroup !== current) {
        target = headGroup;
        collector.qualify(headGroup, headText);
      } else if (headText && target) ctx.note(here.label, heading, linesText(head), 'intro sentence of a list');
      if (!target) {
        ctx.noteBlock(here.label, heading, block, 'paragraph with a list outside any recognised group');
        continue;
      }
      collector.add(target, bullets.map((line) => toItem([line])));
    }
  };
  walk(section.intro, undefined, undefined);
  for (const sub of section.subsections) {
    const group = matchGroup(key, sub.heading);
    if (group) collector.qualify(group, sub.heading);
    else ctx.add({ kind: 'unrecognized_heading', section: place.label, message: `section ${place.label}: heading "${sub.heading}" matches no group of ${key}; its content is kept in notes` });
    walk(sub.blocks, group, sub.heading);
  }
}

export function mapGrouped(section: SourceSection, key: string, ctx: ImportContext, place: Place, special?: BlockHandler): Record<string, Group> {
  const collector = new GroupCollector<Item>();
  collectGroups(section, key, ctx, place, collector, special);
  return collector.result(sectionInfo(key)?.groups ?? [], ctx, place.label);
}

/** Tech stack: groups when the source names environments, otherwise prose. */
export function mapTechStack(section: SourceSection, ctx: ImportContext, place: Place): Record<string, Group> | string | undefined {
  const probe = new ImportContext();
  const collector = new GroupCollector<Item>();
  collectGroups(section, 'tech_stack', probe, place, collector);
  if (!collector.size) return mapText(section);
  ctx.notes.push(...probe.notes);
  ctx.report.push(...probe.report);
  return collector.result(sectionInfo('tech_stack')?.groups ?? [], ctx, place.label);
}

// ---------------------------------------------------------------------------------------------
// Deliverables

type Deliverable = Item | { group: string; items: Item[] };

export function mapDeliverables(section: SourceSection, ctx: ImportContext, place: Place): Deliverable[] {
  const out: Deliverable[] = [];
  /** Lists under a plain (not bold) intro line: deliverables only if nothing else is. */
  const loose: { intro: string; items: Item[]; heading?: string; block: Block }[] = [];
  let group: { group: string; items: Item[] } | undefined;
  const openGroup = (name: string) => {
    group = { group: name.replace(/\s*[:：]$/, ''), items: [] };
    out.push(group);
  };
  const push = (items: Item[]) => (group ? group.items.push(...items) : out.push(...items));
  const walk = (blocks: readonly Block[], heading: string | undefined) => {
    for (const block of blocks) {
      if (block.kind === 'list') {
        push(block.items.map((item) => toItem(item.lines, item.children)));
        continue;
      }
      if (block.kind === 'table') {
        push(tableItems(block));
        continue;
      }
      const { head, bullets } = splitParagraph(block.lines);
      const boldHead = head.length === 1 && isAllBold(head[0]);
      if (boldHead && !bullets.length) {
        openGroup(head[0].text);
        continue;
      }
      if (boldHead) {
        openGroup(head[0].text);
        push(bullets.map((line) => toItem([line])));
        continue;
      }
      if (bullets.length) {
        loose.push({ intro: linesText(head), items: bullets.map((line) => toItem([line])), heading, block });
        continue;
      }
      ctx.noteBlock(place.label, heading, block, 'paragraph');
    }
  };
  walk(section.intro, undefined);
  for (const sub of section.subsections) {
    openGroup(sub.heading);
    walk(sub.blocks, sub.heading);
  }
  const filled = out.filter((d) => typeof d === 'string' || !('group' in d) || d.items.length);
  if (!filled.length) {
    for (const list of loose) {
      if (list.intro) ctx.note(place.label, list.heading, list.intro, 'intro sentence of a list');
      filled.push(...list.items);
    }
  } else {
    for (const list of loose) ctx.noteBlock(place.label, list.heading, list.block, 'paragraph with a list that is not a deliverable group');
  }
  for (const d of out) if (typeof d !== 'string' && 'group' in d && !d.items.length) ctx.note(place.label, undefined, d.group, 'heading without deliverables');
  return filled;
}

/** A two-or-more column table as items: the first cell names the item, the others describe it. */
function tableItems(block: Extract<Block, { kind: 'table' }>): Item[] {
  return block.rows.map((row) => {
    const [name, ...rest] = row;
    const parts = rest.map((cell, i) => (cell && block.header[i + 1] && rest.length > 1 ? `${block.header[i + 1]}: ${cell}` : cell)).filter(Boolean);
    return parts.length ? { name, description: parts.join('\n') } : name;
  });
}

// ---------------------------------------------------------------------------------------------
// KPIs

const KPI_COLUMNS: ColumnSpec = [
  ['name', /metric|kpi|name|indicator|measure$/],
  ['category', /categor|area|type|pillar|dimension/],
  ['measures', /measur|definition|what it|description|formula/],
  ['why', /why|matter|rationale|purpose|importance/],
  ['target', /target|benchmark|goal|threshold/],
  ['frequency', /frequen|cadence|how often|review|period/],
];
const KPI_ORDER = ['name', 'category', 'measures', 'why', 'target', 'frequency'];

export function mapKpis(section: SourceSection, ctx: ImportContext, place: Place): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const { block, heading } of allBlocks(section)) {
    if (block.kind === 'table') {
      const mapped = mapColumns(block, KPI_COLUMNS, ['name', 'measures', 'why', 'target', 'frequency']);
      if (mapped?.fields.includes('name')) {
        const category = heading ? splitQualifiers(heading).base : undefined;
        for (const row of readRows(mapped, ctx, place.label, { name: 'name', order: KPI_ORDER })) {
          // KPI tables split under h3 headings take the heading as their category.
          rows.push(category && row.category === undefined ? reorder({ ...row, category }, KPI_ORDER) : row);
        }
        continue;
      }
    }
    ctx.noteBlock(place.label, heading, block);
  }
  return rows;
}

function reorder(row: Record<string, unknown>, order: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(order.filter((k) => row[k] !== undefined).map((k) => [k, row[k]]));
}

// ---------------------------------------------------------------------------------------------
// Technical skills

const SKILL_COLUMNS: ColumnSpec = [
  ['name', /skill|name|competenc|capabilit|technology/],
  ['importance', /importan|priority|criticality|level|required/],
  ['use', /use|applica|where|how/],
  ['description', /descri|what|detail|depth/],
];
const SKILL_ORDER = ['name', 'importance', 'description', 'use'];
const TIER_DEFAULT: Readonly<Record<string, Importance>> = { must_have: 'critical', good_to_have: 'important', advanced: 'important', emerging: 'optional' };

/** Takes an importance word out of a trailing "(…)" of a skill heading: "Kubernetes (Important)". */
function takeImportance(text: string): { text: string; importance?: Importance; kept: string[] } {
  const { base, qualifiers } = splitQualifiers(text);
  const rating = qualifiers.filter((q) => importanceOf(q) || /\b(advanced|expert|context[- ]specific|emerging)\b/i.test(q));
  if (!rating.length) return { text: text.trim(), kept: [] };
  const others = qualifiers.filter((q) => !rating.includes(q));
  const importance = rating.map(importanceOf).find(Boolean);
  const kept = rating.filter((q) => !isPlainEnumWord(q) || !importanceOf(q)).map((q) => `(${q})`);
  return { text: [base, ...others.map((q) => `(${q})`)].join(' ').trim(), importance, kept };
}

/** A skill written as a list item: name line, then "– Use: …", "– Importance: …" lines. */
function skillFromItem(item: ListItem, tier: string): Record<string, unknown> {
  const [head, ...more] = item.lines;
  let name = head?.text ?? '';
  let headRest = '';
  if (head?.segments[0]?.bold) {
    name = head.segments[0].text.trim().replace(/\s*[:：]$/, '');
    headRest = head.segments.slice(1).map((s) => s.text).join('').trim().replace(/^[:—–]\s*|^-\s+/, '');
  } else {
    const lead = head && labelled(head);
    if (lead && lead.value) {
      name = head.text.slice(0, head.text.indexOf(':')).trim();
      headRest = lead.value;
    }
  }
  const fromName = takeImportance(name);
  const fromRest = takeImportance(headRest);
  name = fromName.text;
  let importance = fromName.importance ?? fromRest.importance;
  const description: string[] = [];
  const extra: string[] = [...fromName.kept, ...fromRest.kept];
  if (fromRest.text) description.push(fromRest.text);
  const use: string[] = [];
  for (const line of more) {
    const label = labelled(line);
    if (label && /^(use|uses|used for|how it is used|how it's used|typical use|application|applied to)$/.test(label.label)) use.push(label.value);
    else if (label && /^(importance|priority|criticality|level)$/.test(label.label)) {
      const value = importanceOf(label.value);
      importance = importance ?? value;
      if (!value || !isPlainEnumWord(label.value)) extra.push(line.text);
    } else if (label && /^(description|what it is|definition)$/.test(label.label)) description.unshift(label.value);
    else extra.push(line.text);
  }
  for (const child of item.children) extra.push(`- ${toItemText(child)}`);
  const row: Record<string, unknown> = { name, importance: importance ?? TIER_DEFAULT[tier] ?? 'important' };
  const text = [...description, ...extra].filter(Boolean).join('\n');
  if (text) row.description = text;
  if (use.length) row.use = use.join('\n');
  return row;
}

function toItemText(item: ListItem): string {
  const value = toItem(item.lines, item.children);
  return typeof value === 'string' ? value : `${value.name}: ${value.description}`;
}

export function mapTechnicalSkills(section: SourceSection, ctx: ImportContext, place: Place): Record<string, unknown> {
  const collector = new GroupCollector<Record<string, unknown>>();
  const take = (blocks: readonly Block[], tier: string | undefined, heading: string | undefined) => {
    for (const block of blocks) {
      if (tier && block.kind === 'list') {
        collector.add(tier, block.items.map((item) => skillFromItem(item, tier)));
        continue;
      }
      if (tier && block.kind === 'table') {
        const mapped = mapColumns(block, SKILL_COLUMNS, ['name', 'importance', 'description', 'use']);
        if (mapped?.fields.includes('name')) {
          const rows = readRows(mapped, ctx, place.label, { name: 'name', order: SKILL_ORDER }, (field, cell) => {
            if (field !== 'importance') return undefined;
            const value = importanceOf(cell);
            return { value, keepCell: !value || !isPlainEnumWord(cell) };
          });
          collector.add(tier, rows.map((row) => reorder({ importance: TIER_DEFAULT[tier], ...row }, SKILL_ORDER)));
          continue;
        }
      }
      ctx.noteBlock(place.label, heading, block);
    }
  };
  take(section.intro, undefined, undefined);
  for (const sub of section.subsections) {
    const tier = matchGroup('technical_skills', sub.heading);
    if (tier) collector.qualify(tier, sub.heading);
    else ctx.add({ kind: 'unrecognized_heading', section: place.label, message: `section ${place.label}: heading "${sub.heading}" matches no skill tier; its content is kept in notes` });
    take(sub.blocks, tier, sub.heading);
  }
  return collector.result(sectionInfo('technical_skills')?.groups ?? [], ctx, place.label);
}

// ---------------------------------------------------------------------------------------------
// Soft skills

const SOFT_COLUMNS: ColumnSpec = [
  ['name', /skill|name|capabilit|competenc|behaviou?r$/],
  ['shows_up', /shows? up|on the job|in practice|looks like|observable|example/],
  ['description', /descri|why|matter|definition/],
];
const SOFT_ORDER = ['name', 'description', 'shows_up'];
const SHOWS_UP = /^(how it shows up|shows up|on the job|in practice|observable behaviou?rs?|behaviou?rs?|in action|what it looks like)$/;

function softSkillFromItem(item: ListItem): Record<string, unknown> {
  const [head, ...more] = item.lines;
  const lead = head ? leadIn(head, true) : undefined;
  const name = lead?.name ?? head?.text ?? '';
  const description: string[] = lead?.rest ? [lead.rest] : [];
  const extra: string[] = [];
  const showsUp: string[] = [];
  for (const line of more) {
    const label = labelled(line);
    if (label && SHOWS_UP.test(label.label)) showsUp.push(label.value);
    else if (label && /^(why it matters|description|definition|what it is)$/.test(label.label)) description.push(label.value);
    else extra.push(line.text);
  }
  for (const child of item.children) extra.push(`- ${toItemText(child)}`);
  const row: Record<string, unknown> = { name };
  const text = [...description, ...extra].join('\n');
  if (text) row.description = text;
  if (showsUp.length) row.shows_up = showsUp.join('\n');
  return row;
}

export function mapSoftSkills(section: SourceSection, ctx: ImportContext, place: Place): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const { block, heading } of allBlocks(section)) {
    if (block.kind === 'list') {
      rows.push(...block.items.map(softSkillFromItem));
      continue;
    }
    if (block.kind === 'table') {
      const mapped = mapColumns(block, SOFT_COLUMNS, ['name', 'description', 'shows_up']);
      if (mapped?.fields.includes('name')) {
        rows.push(...readRows(mapped, ctx, place.label, { name: 'name', order: SOFT_ORDER }));
        continue;
      }
    }
    ctx.noteBlock(place.label, heading, block);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Tools

const TOOL_COLUMNS: ColumnSpec = [
  ['category', /categor|type|area|domain|capability/],
  ['prevalence', /common|adoption|prevalen|usage|optional|context|how widely|popularity/],
  ['use', /\buse|purpose|used for|description|role/],
  ['name', /tool|platform|software|name|product|technolog|service/],
];
const TOOL_ORDER = ['category', 'name', 'use', 'prevalence'];

export function mapTools(section: SourceSection, ctx: ImportContext, place: Place): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const { block, heading } of allBlocks(section)) {
    if (block.kind === 'table') {
      const mapped = mapColumns(block, TOOL_COLUMNS, ['category', 'name', 'use', 'prevalence']);
      if (mapped?.fields.includes('name')) {
        const category = heading ? splitQualifiers(heading).base : undefined;
        const read = readRows(mapped, ctx, place.label, { name: 'name', order: TOOL_ORDER }, (field, cell) => {
          if (field !== 'prevalence') return undefined;
          const value = prevalenceOf(cell);
          return { value, keepCell: !value || !isPlainEnumWord(cell) };
        });
        for (const row of read) rows.push(category && row.category === undefined ? reorder({ ...row, category }, TOOL_ORDER) : row);
        continue;
      }
    }
    ctx.noteBlock(place.label, heading, block);
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Hiring

const SCORECARD_COLUMNS: ColumnSpec = [
  ['dimension', /dimension|competenc|area|criteri|skill|category|attribute/],
  ['weight', /weight|%/],
  ['meets', /meet|expected|good/],
  ['exceeds', /exceed|strong|outstanding|excellent/],
  ['description', /descri|what (to|we) assess|definition|evidence|focus/],
];
const SCORECARD_ORDER = ['dimension', 'weight', 'description', 'meets', 'exceeds'];

export function mapHiring(section: SourceSection, ctx: ImportContext, place: Place): Record<string, unknown> {
  const scorecard: Record<string, unknown>[] = [];
  const handleScorecard: BlockHandler = (block, group, here) => {
    if (block.kind !== 'table') {
      // Prose under the scorecard heading describes the scorecard: keep it as a note.
      if (group === 'scorecard') {
        ctx.noteBlock(here.label, here.heading, block);
        return true;
      }
      return false;
    }
    const mapped = mapColumns(block, SCORECARD_COLUMNS, ['dimension', 'meets', 'exceeds']);
    if (!mapped?.fields.includes('dimension') || !(group === 'scorecard' || mapped.fields.includes('meets'))) return false;
    scorecard.push(...readRows(mapped, ctx, here.label, { name: 'dimension', order: SCORECARD_ORDER }, (field, cell) => {
      if (field !== 'weight') return undefined;
      const match = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(cell) ?? /(\d+(?:\.\d+)?)\s*%/.exec(cell);
      if (!match) return { value: undefined, keepCell: true };
      return { value: Number(match[1]), keepCell: !/^\s*\d+(?:\.\d+)?\s*%?\s*$/.test(cell) };
    }));
    return true;
  };
  // The scorecard is rows, not a group: a qualifier on its heading ends up in notes.
  const groups: Record<string, unknown> = mapGrouped(section, 'hiring', ctx, place, handleScorecard);
  if (scorecard.length) groups.scorecard = scorecard;
  return groups;
}

// ---------------------------------------------------------------------------------------------
// Final scorecard summary

const SUMMARY_LISTS: Readonly<Record<string, { commas: boolean; max?: number }>> = {
  responsibilities: { commas: true, max: 10 },
  technical_skills: { commas: true, max: 10 },
  soft_skills: { commas: true, max: 10 },
  tools: { commas: true },
  kpis: { commas: true },
  deliverables: { commas: true },
  goals: { commas: false },
  career: { commas: true },
};

export function mapScorecardSummary(section: SourceSection, ctx: ImportContext, place: Place): Record<string, unknown> {
  const found: Record<string, unknown> = {};
  for (const { block, heading } of allBlocks(section)) {
    const rows = block.kind === 'table' ? block.rows.filter((r) => r.length >= 2) : [];
    if (block.kind !== 'table' || !rows.length) {
      ctx.noteBlock(place.label, heading, block);
      continue;
    }
    for (const row of block.rows) {
      const [label, ...cells] = row;
      const value = cells.filter(Boolean).join('\n');
      const key = row.length >= 2 ? matchGroup('scorecard_summary', label) : undefined;
      if (!key || found[key] !== undefined || !value) {
        ctx.note(place.label, label || undefined, value || row.join(' | '), key ? 'repeated scorecard row' : 'scorecard row without a field');
        continue;
      }
      const list = SUMMARY_LISTS[key];
      if (!list) {
        found[key] = value;
        continue;
      }
      const entries = splitInlineList(value, list.commas);
      if (key === 'goals' && entries.length === 1) found[key] = entries[0];
      else if (list.max !== undefined && entries.length > list.max) {
        found[key] = entries.slice(0, list.max);
        ctx.note(place.label, label, value, `row with more than ${list.max} entries (the first ${list.max} are listed)`);
      } else found[key] = entries;
    }
  }
  const order = sectionInfo('scorecard_summary')?.groups ?? [];
  return Object.fromEntries(order.filter((k) => found[k] !== undefined).map((k) => [k, found[k]]));
}
