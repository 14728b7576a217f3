import type { ParsedBlueprint } from '../parse';
import { findSection } from '../parse';
import { SECTIONS } from '../sections';
import { inlineText, isRecord, readGroup, sectionValue } from './model';

/**
 * How complete a blueprint is, section by section: the meter in the preview and the status bar
 * both read this. A section is `thin` when it is present but empty, of the wrong shape, or has a
 * list (or a group's list) with fewer than MIN_ITEMS items.
 */

export type SectionStatus = 'complete' | 'thin' | 'missing';

export interface SectionCompleteness {
  readonly key: string;
  readonly number: number;
  readonly title: string;
  readonly status: SectionStatus;
  /** Entries counted in the section: list items, rows, or 1 per non-empty text. */
  readonly items: number;
  /** Groups (or tiers, fields) present in a grouped section; 0 for list and text sections. */
  readonly groups: number;
  /** Keys of the groups that made the section thin. */
  readonly thinGroups: readonly string[];
  /** Why the section is thin, for a tooltip. */
  readonly reason?: string;
}

export interface Completeness {
  readonly sections: readonly SectionCompleteness[];
  readonly complete: number;
  readonly thin: number;
  readonly missing: number;
  /** Number of sections (20). */
  readonly total: number;
}

export const MIN_ITEMS = 2;

const TEXT_SECTIONS = new Set(['summary', 'mission']);
const LIST_SECTIONS = new Set(['deliverables', 'kpis', 'soft_skills', 'tools']);

interface Count {
  items: number;
  thin: boolean;
  reason?: string;
}

function isBlank(value: unknown): boolean {
  return inlineText(value).trim() === '';
}

/** Counts the entries of a list section; deliverable groups count their items. */
function countList(key: string, value: unknown): Count {
  if (!Array.isArray(value)) return { items: isBlank(value) ? 0 : 1, thin: true, reason: 'expected a list' };
  let items = 0;
  for (const entry of value) {
    if (key === 'deliverables' && isRecord(entry) && Array.isArray(entry.items)) items += entry.items.length;
    else if (!isBlank(entry)) items += 1;
  }
  return items < MIN_ITEMS ? { items, thin: true, reason: `fewer than ${MIN_ITEMS} entries` } : { items, thin: false };
}

/** Counts one group: a list (thin below MIN_ITEMS) or a text (thin when blank). */
function countGroup(value: unknown): Count {
  const group = readGroup(value);
  if (group.items) {
    const items = group.items.filter((i) => !isBlank(i)).length;
    return { items, thin: items < MIN_ITEMS };
  }
  if (isRecord(group.text)) {
    // A nested mapping (e.g. tiers in the wrong place): count its entries.
    const items = Object.keys(group.text).length;
    return { items, thin: items === 0 };
  }
  return isBlank(group.text) ? { items: 0, thin: true } : { items: 1, thin: false };
}

/** What a present section's value counts to. */
type SectionCount = Pick<SectionCompleteness, 'status' | 'items' | 'groups' | 'thinGroups' | 'reason'>;

// Counted once per section value: a section the last edit did not touch keeps its value object,
// and the preview and the status item both ask for every version.
const countedValues = new WeakMap<object, { readonly key: string; readonly count: SectionCount }>();

function countSection(key: string, value: unknown): SectionCount {
  if (value === null || typeof value !== 'object') return countValue(key, value);
  const cached = countedValues.get(value);
  if (cached?.key === key) return cached.count;
  const count = countValue(key, value);
  countedValues.set(value, { key, count });
  return count;
}

function countValue(key: string, value: unknown): SectionCount {
  let items = 0;
  let groups = 0;
  const thinGroups: string[] = [];
  let reason: string | undefined;
  let isThin = false;
  if (TEXT_SECTIONS.has(key) || (key === 'tech_stack' && typeof value === 'string')) {
    items = isBlank(value) ? 0 : 1;
    isThin = items === 0;
    if (isThin) reason = 'empty';
  } else if (LIST_SECTIONS.has(key)) {
    const count = countList(key, value);
    ({ items } = count);
    isThin = count.thin;
    reason = count.reason;
  } else if (isRecord(value)) {
    for (const [groupKey, groupValue] of Object.entries(value)) {
      groups++;
      const count = countGroup(groupValue);
      items += count.items;
      if (count.thin) thinGroups.push(groupKey);
    }
    if (groups === 0) reason = 'empty';
    else if (thinGroups.length) reason = `thin: ${thinGroups.join(', ')}`;
    isThin = groups === 0 || thinGroups.length > 0;
  } else {
    items = isBlank(value) ? 0 : 1;
    isThin = true;
    reason = value === null || value === undefined || isBlank(value) ? 'empty' : 'expected a mapping of groups';
  }
  return { status: isThin ? 'thin' : 'complete', items, groups, thinGroups, ...(reason ? { reason } : {}) };
}

export function computeCompleteness(parsed: ParsedBlueprint): Completeness {
  const sections: SectionCompleteness[] = [];
  let complete = 0;
  let thin = 0;
  let missing = 0;
  for (const info of SECTIONS) {
    const base = { key: info.key, number: info.number, title: info.title };
    const section = findSection(parsed, info.key);
    if (!section) {
      missing++;
      sections.push({ ...base, status: 'missing', items: 0, groups: 0, thinGroups: [] });
      continue;
    }
    const count = countSection(info.key, sectionValue(parsed, section));
    if (count.status === 'thin') thin++;
    else complete++;
    sections.push({ ...base, ...count });
  }
  return { sections, complete, thin, missing, total: SECTIONS.length };
}
