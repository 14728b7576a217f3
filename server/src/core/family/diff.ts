import { hasToken, indexTokens, matchScore, significantTokens } from '../nameMatch';
import type { ParsedBlueprint } from '../parse';
import { readRole } from '../render/model';
import { sectionInfo } from '../sections';
import { normaliseName } from '../strings';
import { asRecord, root, rowEntries, sectionEntries, skillEntries } from '../lint/fields';

/**
 * A structured comparison of two blueprints of one family ("Associate" vs "Lead"): what a
 * reader wants to know when stepping up a level — which skills appear or become more
 * important, which KPI targets move, which tools and responsibilities come and go, which
 * scope words the decision rights gain, how the experience asked for changes. Items are
 * matched by name: equal names first, then plausible fuzzy matches (reported as renamed).
 */

export type ChangeKind = 'added' | 'dropped' | 'renamed' | 'raised' | 'lowered' | 'moved' | 'changed';

/** One side of a change: the item as it is in that blueprint. */
export interface DiffSide {
  readonly name: string;
  /** The group or tier it sits in (`must_have`, `technical`, …). */
  readonly group?: string;
  /** What is compared besides the name: a KPI target, a skill's tier and importance, a description. */
  readonly detail?: string;
}

export interface DiffChange {
  readonly kind: ChangeKind;
  /** Absent for `added`. */
  readonly a?: DiffSide;
  /** Absent for `dropped`. */
  readonly b?: DiffSide;
  /** True when the two sides were paired by fuzzy name matching (the item was renamed). */
  readonly renamed?: boolean;
}

export interface SectionDiff {
  readonly key: string;
  readonly title: string;
  readonly changes: readonly DiffChange[];
  /** Items present in both with nothing changed. */
  readonly unchanged: number;
}

export interface YearsRange {
  readonly min: number;
  /** Undefined for an open range ("5+ years"). */
  readonly max?: number;
  /** The text the range was read from. */
  readonly text: string;
}

export interface BlueprintDiff {
  readonly a: { readonly title: string; readonly level?: string };
  readonly b: { readonly title: string; readonly level?: string };
  /** Compared sections in canonical order (sections with no changes included, with `changes: []`). */
  readonly sections: readonly SectionDiff[];
  /** Decision-rights scope words held in B and not in A (`gained`), and the reverse (`lost`). */
  readonly scope: { readonly gained: readonly string[]; readonly lost: readonly string[] };
  /** The experience asked for, as the first year range of `experience.years`. */
  readonly years: { readonly a?: YearsRange; readonly b?: YearsRange; readonly change: 'more' | 'less' | 'same' | 'unknown' };
}

/** A pair of names is taken as one renamed item when each covers at least this much of the other… */
export const RENAME_THRESHOLD = 0.75;
/** …and at least this share of all their words are common to both (whole names, not their parts). */
export const RENAME_OVERLAP = 0.5;

/**
 * How alike two names are as wholes: the share of both names' words found in the other
 * (Dice). The fuzzy matcher scores a name by its best part ("Airflow / … / Argo" covers
 * "Argo"), which finds references well but pairs unrelated lists that share one word.
 */
export function wordOverlap(a: string, b: string): number {
  const tokensA = significantTokens(a);
  const tokensB = significantTokens(b);
  if (tokensA.length + tokensB.length === 0) return 0;
  const indexA = indexTokens(tokensA);
  const indexB = indexTokens(tokensB);
  const covered = tokensA.filter((t) => hasToken(indexB, t)).length + tokensB.filter((t) => hasToken(indexA, t)).length;
  return covered / (tokensA.length + tokensB.length);
}

/** The pairing score of two names, or 0 when they are not plausibly one renamed item. */
export function renameScore(a: string, b: string): number {
  const coverage = Math.min(matchScore(a, b), matchScore(b, a));
  if (coverage < RENAME_THRESHOLD) return 0;
  const overlap = wordOverlap(a, b);
  return overlap < RENAME_OVERLAP ? 0 : coverage + overlap;
}

interface Item {
  readonly name: string;
  readonly group?: string;
  readonly detail?: string;
  /** Order for raised/lowered; undefined when the section has no order. */
  readonly rank?: number;
}

interface Pairing {
  readonly pairs: { a: Item; b: Item; fuzzy: boolean }[];
  readonly onlyA: Item[];
  readonly onlyB: Item[];
}

/**
 * Pairs items by normalised name, then the remaining ones by fuzzy score, best pairs first.
 * Both directions must match (`renameScore`) so that "Basic cloud concepts" does not pair with
 * every skill that mentions the cloud.
 */
export function pairItems<T extends { readonly name: string }>(a: readonly T[], b: readonly T[]): { pairs: { a: T; b: T; fuzzy: boolean }[]; onlyA: T[]; onlyB: T[] } {
  const pairs: { a: T; b: T; fuzzy: boolean }[] = [];
  const usedB = new Set<number>();
  const restA: number[] = [];
  const byName = new Map<string, number[]>();
  b.forEach((item, index) => {
    const key = normaliseName(item.name);
    byName.set(key, [...(byName.get(key) ?? []), index]);
  });
  a.forEach((item, index) => {
    const free = (byName.get(normaliseName(item.name)) ?? []).find((j) => !usedB.has(j));
    if (free === undefined) {
      restA.push(index);
      return;
    }
    usedB.add(free);
    pairs.push({ a: item, b: b[free], fuzzy: false });
  });
  const restB = b.map((_, j) => j).filter((j) => !usedB.has(j));
  const candidates: { i: number; j: number; score: number }[] = [];
  for (const i of restA) {
    for (const j of restB) {
      const score = renameScore(a[i].name, b[j].name);
      if (score > 0) candidates.push({ i, j, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  for (const { i, j } of candidates) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    pairs.push({ a: a[i], b: b[j], fuzzy: true });
  }
  return {
    pairs,
    onlyA: restA.filter((i) => !usedA.has(i)).map((i) => a[i]),
    onlyB: restB.filter((j) => !usedB.has(j)).map((j) => b[j]),
  };
}

const side = (item: Item): DiffSide => ({ name: item.name, ...(item.group ? { group: item.group } : {}), ...(item.detail ? { detail: item.detail } : {}) });

function compareItems(pairing: Pairing): { changes: DiffChange[]; unchanged: number } {
  const changes: DiffChange[] = [];
  let unchanged = 0;
  for (const { a, b, fuzzy } of pairing.pairs) {
    let kind: ChangeKind | undefined;
    if (a.rank !== undefined && b.rank !== undefined && a.rank !== b.rank) kind = b.rank > a.rank ? 'raised' : 'lowered';
    else if (a.group !== b.group) kind = 'moved';
    else if (normaliseName(a.detail ?? '') !== normaliseName(b.detail ?? '')) kind = 'changed';
    else if (fuzzy) kind = 'renamed';
    if (!kind) {
      unchanged++;
      continue;
    }
    changes.push({ kind, a: side(a), b: side(b), ...(fuzzy ? { renamed: true } : {}) });
  }
  for (const item of pairing.onlyB) changes.push({ kind: 'added', b: side(item) });
  for (const item of pairing.onlyA) changes.push({ kind: 'dropped', a: side(item) });
  return { changes, unchanged };
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined);

// Tiers and importance as one order: the must-haves are what the role is hired for; advanced
// and good-to-have skills are both "nice", emerging ones the least expected.
const TIER_RANK: Record<string, number> = { must_have: 30, good_to_have: 20, advanced: 20, emerging: 10 };
const IMPORTANCE_RANK: Record<string, number> = { critical: 3, important: 2, optional: 1 };

function skillItems(parsed: ParsedBlueprint): Item[] {
  return skillEntries(parsed).map((entry) => {
    const importance = text(entry.record?.importance);
    return {
      name: entry.name,
      group: entry.tier,
      detail: importance,
      rank: TIER_RANK[entry.tier] + (importance ? (IMPORTANCE_RANK[importance] ?? 0) : 0),
    };
  });
}

function kpiItems(parsed: ParsedBlueprint): Item[] {
  return rowEntries(parsed, 'kpis').map((entry) => ({ name: entry.name, detail: text(entry.record?.target) }));
}

function toolItems(parsed: ParsedBlueprint): Item[] {
  return rowEntries(parsed, 'tools').map((entry) => ({ name: entry.name, detail: text(entry.record?.prevalence) }));
}

function groupedItems(parsed: ParsedBlueprint, section: string): Item[] {
  const groups = sectionInfo(section)?.groups;
  return sectionEntries(parsed, section, groups).map((entry) => ({ name: entry.name, group: entry.group, detail: text(entry.record?.description) }));
}

/** The compared sections: how to read their items, in canonical order. */
const COMPARED: readonly { key: string; items: (parsed: ParsedBlueprint) => Item[] }[] = [
  { key: 'responsibilities', items: (p) => groupedItems(p, 'responsibilities') },
  { key: 'kpis', items: kpiItems },
  { key: 'technical_skills', items: skillItems },
  { key: 'tools', items: toolItems },
  { key: 'decision_rights', items: (p) => groupedItems(p, 'decision_rights') },
  { key: 'experience', items: (p) => groupedItems(p, 'experience') },
];

/** Scope words and the forms they are written in (matched on lower-case text). */
const SCOPE_WORDS: readonly (readonly [string, RegExp])[] = [
  ['budget', /\bbudget|\bspend\b|\bspending\b/],
  ['architecture', /\barchitect/],
  ['vendors', /\bvendors?\b|\bprocure|\bpurchas/],
  ['hiring', /\bhir(?:e|es|ing)\b|\binterview|\brecruit|\bheadcount/],
  ['people management', /\bdirect reports?\b|\bpeople (?:management|leadership)\b|\bperformance reviews?\b|\bline manag/],
  ['strategy', /\bstrateg|\broadmap/],
  ['standards', /\bstandard/],
  ['compliance', /\bcomplian|\baudit/],
  ['security', /\bsecurity\b/],
  ['delivery', /\bdeliver/],
  ['releases', /\breleases?\b|\brollouts?\b/],
  ['incidents', /\bincident|\bon-call\b/],
  ['tooling', /\btool(?:s|ing)?\b/],
];

// An item that denies the right ("Budget: none; may provide inputs", "does not own final decisions").
const DENIED = /^(?:none|no|n\/a)\b|\b(?:not|never|without)\b/i;
// The groups where the role holds a right itself; approvals it needs are not its scope.
const HELD_GROUPS = ['independent', 'authority'];

/** Scope words of the rights the role holds. */
export function scopeWords(parsed: ParsedBlueprint): Set<string> {
  const words = new Set<string>();
  for (const entry of sectionEntries(parsed, 'decision_rights', HELD_GROUPS)) {
    const description = text(entry.record?.description) ?? '';
    if (DENIED.test(description) || (!entry.record && DENIED.test(entry.name))) continue;
    const lower = `${entry.name} ${description}`.toLowerCase();
    for (const [word, pattern] of SCOPE_WORDS) if (pattern.test(lower)) words.add(word);
  }
  return words;
}

const YEARS = /(\d+(?:\.\d+)?)\s*(?:(?:[-–—]|to)\s*(\d+(?:\.\d+)?))?\s*(\+)?\s*(?:years?|yrs?)\b/i;

/** The first "N–M years" / "N+ years" of `experience.years`. */
export function yearsRange(parsed: ParsedBlueprint): YearsRange | undefined {
  const years = asRecord(root(parsed).experience)?.years;
  const texts = (Array.isArray(years) ? years : asRecord(years) && Array.isArray(asRecord(years)?.items) ? (asRecord(years)?.items as unknown[]) : [years])
    .map((v) => (typeof v === 'string' ? v : typeof v === 'number' ? `${v} years` : text(asRecord(v)?.name)))
    .filter((v): v is string => typeof v === 'string');
  for (const line of texts) {
    const m = YEARS.exec(line);
    if (!m) continue;
    const min = Number(m[1]);
    const max = m[2] !== undefined ? Number(m[2]) : m[3] ? undefined : min;
    return { min, ...(max !== undefined ? { max } : {}), text: line.trim() };
  }
  return undefined;
}

function compareYears(a: YearsRange | undefined, b: YearsRange | undefined): BlueprintDiff['years']['change'] {
  if (!a || !b) return 'unknown';
  const top = (r: YearsRange) => r.max ?? Number.POSITIVE_INFINITY;
  if (a.min === b.min && top(a) === top(b)) return 'same';
  if (b.min >= a.min && top(b) >= top(a)) return 'more';
  if (b.min <= a.min && top(b) <= top(a)) return 'less';
  return 'unknown';
}

export function diffBlueprints(a: ParsedBlueprint, b: ParsedBlueprint): BlueprintDiff {
  const roleA = readRole(a.value);
  const roleB = readRole(b.value);
  const sections = COMPARED.map(({ key, items }) => {
    const { changes, unchanged } = compareItems(pairItems(items(a), items(b)));
    return { key, title: sectionInfo(key)?.title ?? key, changes, unchanged };
  });
  const scopeA = scopeWords(a);
  const scopeB = scopeWords(b);
  const yearsA = yearsRange(a);
  const yearsB = yearsRange(b);
  return {
    a: { title: roleA.title, ...(roleA.level ? { level: roleA.level } : {}) },
    b: { title: roleB.title, ...(roleB.level ? { level: roleB.level } : {}) },
    sections,
    scope: { gained: [...scopeB].filter((w) => !scopeA.has(w)), lost: [...scopeA].filter((w) => !scopeB.has(w)) },
    years: { ...(yearsA ? { a: yearsA } : {}), ...(yearsB ? { b: yearsB } : {}), change: compareYears(yearsA, yearsB) },
  };
}
