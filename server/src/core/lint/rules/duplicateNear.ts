import type { Node } from 'yaml';
import type { Span } from '../../diagnosticUtil';
import { ROW_KINDS, rowsOfKind, type NamedRow, type RowKind } from '../../duplicates';
import { findSection, type ParsedBlueprint } from '../../parse';
import { boundedEditDistance, normaliseName } from '../../strings';
import { RecentDocuments, root, spanOf } from '../fields';
import type { LintRule } from '../rule';

/** The name without parenthesised qualifiers: "Terraform (IaC)" → "terraform". */
function core(name: string): string {
  return normaliseName(name.replace(/\([^)]*\)/g, ' '));
}

/** "AWS / Azure / GCP" → ["aws", "azure", "gcp"]: tool rows often list alternatives. */
function alternatives(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .split('/')
    .map(normaliseName)
    .filter(Boolean);
}

/** A name prepared once for the comparisons. */
interface Compared {
  readonly normal: string;
  readonly core: string;
  readonly sortedWords: string;
  readonly alternatives: readonly string[];
  /** One bit per letter (digits and other characters share the upper six) of the normal form. */
  readonly letters: number;
  /** How often each of those 32 kinds of character occurs (at most 255). */
  readonly counts: Uint8Array;
}

/** The kind of a character of a normal form: its letter, or one of six shared kinds. */
function charKind(c: number): number {
  return c >= 97 && c <= 122 ? c - 97 : 26 + (c % 6);
}

function compared(name: string): Compared {
  const normal = normaliseName(name);
  let letters = 0;
  const counts = new Uint8Array(32);
  for (let i = 0; i < normal.length; i++) {
    const kind = charKind(normal.charCodeAt(i));
    letters |= 1 << kind;
    if (counts[kind] < 255) counts[kind]++;
  }
  return { normal, core: core(name), sortedWords: normal.split(' ').sort().join(' '), alternatives: alternatives(name), letters, counts };
}

function bitCount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * False when the names cannot be `max` edits apart: every letter one has and the other lacks
 * takes an edit, and an edit changes the character counts by at most two. Cheap tests before
 * the edit distance, for the many names of similar length.
 */
function mayBeClose(a: Compared, b: Compared, max: number): boolean {
  if (bitCount(a.letters & ~b.letters) > max || bitCount(b.letters & ~a.letters) > max) return false;
  let difference = 0;
  for (let kind = 0; kind < 32; kind++) {
    difference += Math.abs(a.counts[kind] - b.counts[kind]);
    if (difference > 2 * max) return false;
  }
  return true;
}

/** The most characters a spelling variant of names this long may differ by. */
function allowedEdits(shorter: number): number {
  return Math.max(1, Math.floor(shorter / 12));
}

/**
 * True unless the names differ by a whole word: "Logistics: …" and "Analytics: …" are a few
 * edits apart in a long name, yet not one name misspelt. Names with the same number of words
 * must differ word for word by a slip (a quarter of the longer word's letters, so that
 * "catalogue"/"catalog" is one, and none in a word of up to three letters: "C" and "R", "ETL"
 * and "ELT" name different things). Names with a different number of words must have the
 * same letters but for a space added or dropped ("Data bricks") and one slip at most: a word
 * added ("Ads: containerization …") is not a misspelling.
 */
function differOnlyBySlips(a: Compared, b: Compared): boolean {
  const wordsA = a.normal.split(' ');
  const wordsB = b.normal.split(' ');
  if (wordsA.length !== wordsB.length) return boundedEditDistance(wordsA.join(''), wordsB.join(''), 1) <= 1;
  return wordsA.every((word, i) => {
    const other = wordsB[i];
    const allowed = Math.floor(Math.max(word.length, other.length) / 4);
    return word === other || boundedEditDistance(word, other, allowed) <= allowed;
  });
}

/** Why two names (not equal once normalised) are probably the same thing, or undefined. */
function compare(a: Compared, b: Compared, kind: string): string | undefined {
  if (!a.core || !b.core) return undefined;
  // "Terraform" and "Terraform (IaC)" are one tool; "SLO compliance (latency)" and "(availability)" are two KPIs.
  if (a.core === b.core && (a.core === a.normal || b.core === b.normal)) return 'the same name with a qualifier added';
  if (a.sortedWords === b.sortedWords) return 'the same words in another order';
  const shorter = Math.min(a.normal.length, b.normal.length);
  const allowed = allowedEdits(shorter);
  if (shorter >= 6 && Math.abs(a.normal.length - b.normal.length) <= allowed && mayBeClose(a, b, allowed) && boundedEditDistance(a.normal, b.normal, allowed) <= allowed && differOnlyBySlips(a, b)) return 'a spelling variant';
  if (kind === 'tool') {
    const shared = a.alternatives.find((alt) => b.alternatives.includes(alt));
    if (shared) return `both rows list "${shared}"`;
  }
  return undefined;
}

interface Entry {
  readonly name: string;
  readonly compared: Compared;
  /** Near names (never one equal once normalised) → why this name looks like it. */
  readonly near: Map<string, string>;
}

function addTo<K>(map: Map<K, Set<Entry>>, key: K, entry: Entry): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(entry);
}

function removeFrom<K>(map: Map<K, Set<Entry>>, key: K, entry: Entry): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(entry);
  if (set.size === 0) map.delete(key);
}

/**
 * The distinct names of one row list and which of them are near each other. Being near is
 * symmetric, so the graph is kept up to date name by name: an edit adds or removes a name or
 * two, and only those are compared, with the others found through exact keys (core name,
 * sorted words, a tool's alternatives) and, for spelling variants, the names whose length is
 * close enough (a bounded edit distance decides).
 */
class NearGraph {
  readonly #entries = new Map<string, Entry>();
  readonly #byCore = new Map<string, Set<Entry>>();
  readonly #bySortedWords = new Map<string, Set<Entry>>();
  readonly #byAlternative = new Map<string, Set<Entry>>();
  readonly #byLength = new Map<number, Set<Entry>>();

  /** The value whose rows the graph holds now (the section or group list they come from). */
  source: object | undefined;

  constructor(readonly kind: string) {}

  /** Makes the graph hold exactly `names`. */
  update(names: ReadonlySet<string>): void {
    for (const name of [...this.#entries.keys()]) if (!names.has(name)) this.#remove(name);
    for (const name of names) if (!this.#entries.has(name)) this.#add(name);
  }

  near(name: string): ReadonlyMap<string, string> | undefined {
    return this.#entries.get(name)?.near;
  }

  #add(name: string): void {
    const c = compared(name);
    const entry: Entry = { name, compared: c, near: new Map() };
    this.#entries.set(name, entry);
    // A name with no core compares near nothing.
    if (!c.core) return;
    // A name found through two keys is compared twice, to the same result.
    const link = (other: Entry) => {
      if (other.compared.normal === c.normal) return;
      const why = compare(c, other.compared, this.kind);
      if (!why) return;
      entry.near.set(other.name, why);
      other.near.set(name, compare(other.compared, c, this.kind) ?? why);
    };
    this.#byCore.get(c.core)?.forEach(link);
    this.#bySortedWords.get(c.sortedWords)?.forEach(link);
    if (this.kind === 'tool') for (const alt of c.alternatives) this.#byAlternative.get(alt)?.forEach(link);
    const length = c.normal.length;
    if (length >= 6) {
      // Either name may be the shorter one; compare() applies the exact limit. A name of close
      // length that shares no key above can only be a spelling variant: most fail the cheap test.
      const reach = allowedEdits(length);
      for (let other = Math.max(6, length - reach); other <= length + reach; other++) {
        this.#byLength.get(other)?.forEach((entryOfLength) => {
          if (mayBeClose(c, entryOfLength.compared, allowedEdits(Math.min(length, other)))) link(entryOfLength);
        });
      }
    }
    addTo(this.#byCore, c.core, entry);
    addTo(this.#bySortedWords, c.sortedWords, entry);
    if (this.kind === 'tool') for (const alt of c.alternatives) addTo(this.#byAlternative, alt, entry);
    addTo(this.#byLength, length, entry);
  }

  #remove(name: string): void {
    const entry = this.#entries.get(name);
    if (!entry) return;
    this.#entries.delete(name);
    for (const other of entry.near.keys()) this.#entries.get(other)?.near.delete(name);
    const c = entry.compared;
    if (!c.core) return;
    removeFrom(this.#byCore, c.core, entry);
    removeFrom(this.#bySortedWords, c.sortedWords, entry);
    if (this.kind === 'tool') for (const alt of c.alternatives) removeFrom(this.#byAlternative, alt, entry);
    removeFrom(this.#byLength, c.normal.length, entry);
  }
}

// The graphs of the documents checked last, per uri and row kind: the next check of a
// document updates its graphs by the names its edit changed.
const graphsByUri = new RecentDocuments<Map<string, NearGraph>>(() => new Map());
// Per section value the rows come from (kept by the parser while its section is unchanged, and
// shared by files that repeat the section): the graph that holds exactly its names.
const graphsBySource = new WeakMap<object, NearGraph>();

/** A finding, with spans for the base its section had when it was found. */
interface NearFinding {
  readonly span: Span;
  readonly there: Span | undefined;
  readonly message: string;
  readonly earlierName: string;
}

// Per kind and section value node: the kind's findings, so an edit elsewhere costs no comparison
// and no lookup of a span (spans shifted when the section moved).
const findingCache = new Map(ROW_KINDS.map((kind) => [kind, new WeakMap<Node, { readonly base: number; readonly findings: readonly NearFinding[] }>()]));

function findNear(parsed: ParsedBlueprint, kind: RowKind, rows: readonly NamedRow[], graphs: Map<string, NearGraph>): NearFinding[] {
  // Where each distinct name first appears.
  const firstRow = new Map<string, number>();
  rows.forEach((row, i) => {
    if (!firstRow.has(row.name)) firstRow.set(row.name, i);
  });
  const source = root(parsed)[kind.section];
  const sourceKey = source && typeof source === 'object' ? source : undefined;
  let graph = sourceKey && graphsBySource.get(sourceKey);
  if (!graph) {
    // The document's previous graph, brought up to date by the names that changed.
    graph = graphs.get(kind.kind) ?? new NearGraph(kind.kind);
    if (graph.source) graphsBySource.delete(graph.source);
    graph.update(new Set(firstRow.keys()));
    graph.source = sourceKey;
    if (sourceKey) graphsBySource.set(sourceKey, graph);
  }
  graphs.set(kind.kind, graph);
  const findings: NearFinding[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    // Exact repeats are duplicate.name's; each distinct name is compared with the rows above it.
    if (seen.has(row.normal)) return;
    seen.add(row.normal);
    // The earliest row above whose name is near this one.
    let earliest = i;
    let why: string | undefined;
    graph.near(row.name)?.forEach((reason, other) => {
      const j = firstRow.get(other);
      if (j !== undefined && j < earliest) {
        earliest = j;
        why = reason;
      }
    });
    if (why === undefined) return;
    const earlier = rows[earliest];
    const span = spanOf(parsed, row.path);
    if (!span) return;
    const tier = row.path[0] === 'technical_skills' && row.path[1] !== earlier.path[1] ? ` (${String(earlier.path[1])} vs ${String(row.path[1])})` : '';
    findings.push({ span, there: spanOf(parsed, earlier.path), message: `The ${row.kind} "${row.name}" looks like "${earlier.name}" above${tier}: ${why}. List it once.`, earlierName: earlier.name });
  });
  return findings;
}

export const duplicateNear: LintRule = {
  codes: ['duplicate.near'],
  defaultSeverity: 'warning',
  description: 'Two names that are almost the same: a tool in two rows, a skill in two tiers with slightly different wording.',
  check({ parsed, doc, report }) {
    const graphs = graphsByUri.get(doc.uri);
    for (const kind of ROW_KINDS) {
      const rows = rowsOfKind(parsed.value, kind);
      if (rows.length === 0) continue;
      const section = findSection(parsed, kind.section);
      const node = section?.valueNode;
      const cache = findingCache.get(kind) as WeakMap<Node, { readonly base: number; readonly findings: readonly NearFinding[] }>;
      let cached = node ? cache.get(node) : undefined;
      if (!cached) {
        cached = { base: section?.base ?? 0, findings: findNear(parsed, kind, rows, graphs) };
        if (node) cache.set(node, cached);
      } else {
        // The graph of this document is the one of its current names, for the next edit to update.
        const graph = graphsBySource.get(root(parsed)[kind.section] as object);
        if (graph) graphs.set(kind.kind, graph);
      }
      const shift = (section?.base ?? 0) - cached.base;
      for (const { span, there, message, earlierName } of cached.findings) {
        const at = (s: Span): Span => (shift === 0 ? s : [s[0] + shift, s[1] + shift]);
        report({
          span: at(span),
          message,
          related: there ? [{ location: { uri: doc.uri, range: { start: doc.positionAt(there[0] + shift), end: doc.positionAt(there[1] + shift) } }, message: `"${earlierName}"` }] : undefined,
        });
      }
    }
  },
};
