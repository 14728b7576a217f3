import { isMap, isScalar, isSeq, type Node, type ParsedNode } from 'yaml';
import type { Range } from 'vscode-languageserver-types';
import { SKILL_TIERS } from '../catalog/types';
import { indexOfSpanAt, type Span } from '../diagnosticUtil';
import { findSection, locate, nodeSpan, type ParsedBlueprint, type Section } from '../parse';
import { detachedCopy, escapeRegExp } from '../strings';
import type { ITextDocument, JsonPath } from '../types';
import { isRecord } from '../values';

/**
 * What the content rules share: every text field with its place in the source, value
 * accessors that tolerate wrong shapes (the schema reports those), exact spans of words
 * inside a scalar, and the `data.fixes` shape quick fixes travel in.
 */

export interface TextField {
  readonly value: string;
  readonly path: JsonPath;
  /** The mapping key the text sits under (`target`, `name`, a group key …); undefined for list items under a list key. */
  readonly key: string | undefined;
  /** Absolute [start, end) of the scalar's source, quotes and block header included. */
  readonly span: Span;
}

const fieldCache = new WeakMap<ParsedBlueprint, readonly TextField[]>();

/** The text fields of `n` and below, in order, appended to `out` (`path` is restored on return). */
function collectFields(n: Node | null | undefined, path: (string | number)[], fieldKey: string | undefined, base: number, out: TextField[]): void {
  if (!n) return;
  if (isScalar(n)) {
    if (typeof n.value === 'string' && n.range) out.push({ value: n.value, path: [...path], key: fieldKey, span: nodeSpan(n, base) });
  } else if (isMap(n)) {
    for (const pair of n.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (k === undefined) continue;
      path.push(k);
      collectFields(pair.value as Node | null, path, k, base, out);
      path.pop();
    }
  } else if (isSeq(n)) {
    n.items.forEach((item, index) => {
      path.push(index);
      collectFields(item as Node, path, fieldKey, base, out);
      path.pop();
    });
  }
}

/** Every string scalar value of the document (not keys), in file order; computed once per parse. */
export function textFields(parsed: ParsedBlueprint): readonly TextField[] {
  const cached = fieldCache.get(parsed);
  if (cached) return cached;
  const fields: TextField[] = [];
  for (const section of parsed.sections) fields.push(...sectionTextFields(section));
  fieldCache.set(parsed, fields);
  return fields;
}

/**
 * The text fields of one section (spans for its current place in the document), kept per
 * section value node: an edit re-parses one section and the other sections' nodes are reused,
 * so their fields are too (shifted when an edit above moved the section).
 */
export function sectionTextFields(section: Section): readonly TextField[] {
  return foundIn(sectionTextFields, section, () => {
    const fields: TextField[] = [];
    collectFields(section.valueNode, [section.key], section.key, section.base, fields);
    return fields;
  });
}

type Found = { readonly span: Span };
const shifted = <H extends Found>(hit: H, shift: number): H => (shift === 0 ? hit : { ...hit, span: [hit.span[0] + shift, hit.span[1] + shift] as const });
// Per finding function and section value node: what it found, at the base it was found at.
const foundCache = new WeakMap<object, WeakMap<Node, { readonly base: number; readonly found: readonly Found[] }>>();

/** `find(section)`, kept per section value node and shifted when the section moved (see scanSections). */
function foundIn<H extends Found>(find: object, section: Section, compute: () => readonly H[]): readonly H[] {
  const node = section.valueNode;
  if (!node) return compute();
  let bySection = foundCache.get(find);
  if (!bySection) foundCache.set(find, (bySection = new WeakMap()));
  const cached = bySection.get(node) as { readonly base: number; readonly found: readonly H[] } | undefined;
  if (cached?.base === section.base) return cached.found;
  let found: readonly H[];
  if (cached) {
    const shift = section.base - cached.base;
    found = cached.found.map((h) => shifted(h, shift));
  } else {
    found = compute();
  }
  bySection.set(node, { base: section.base, found });
  return found;
}

/**
 * What a section is scanned in: each item of its outermost lists, known by its text (with the
 * section and the key the list sits under, which the fields of a plain item inherit), and the
 * fields outside lists. An edited section's value node is new and its items' nodes may be
 * new or moved, but most of its items' texts are the same.
 */
type Piece =
  | { readonly field: TextField }
  | { readonly start: number; readonly end: number; readonly node: Node; readonly path: readonly (string | number)[]; readonly fieldKey: string | undefined; text?: string; fields?: TextField[] };

const pieceCache = new WeakMap<Node, { readonly base: number; readonly pieces: readonly Piece[] }>();

function piecesOf(section: Section & { valueNode: Node }): readonly Piece[] {
  const cached = pieceCache.get(section.valueNode);
  if (cached?.base === section.base) return cached.pieces;
  const { base, key: sectionKey } = section;
  const pieces: Piece[] = [];
  const visit = (n: Node | null | undefined, path: (string | number)[], fieldKey: string | undefined): void => {
    if (isSeq(n)) {
      n.items.forEach((item, index) => {
        const node = item as Node;
        if (!node?.range) {
          const fields: TextField[] = [];
          collectFields(node, [...path, index], fieldKey, base, fields);
          for (const field of fields) pieces.push({ field });
          return;
        }
        pieces.push({ start: base + node.range[0], end: base + node.range[1], node, path: [...path, index], fieldKey });
      });
    } else if (isMap(n)) {
      for (const pair of n.items) {
        const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
        if (k === undefined) continue;
        path.push(k);
        visit(pair.value as Node | null, path, k);
        path.pop();
      }
    } else {
      const fields: TextField[] = [];
      collectFields(n, path, fieldKey, base, fields);
      for (const field of fields) pieces.push({ field });
    }
  };
  visit(section.valueNode, [sectionKey], sectionKey);
  pieceCache.set(section.valueNode, { base, pieces });
  return pieces;
}

// Per scan function and list item text: the item's hits, relative to the item's start.
const itemHitCache = new WeakMap<object, Map<string, readonly Found[]>>();
// The same per item node, in an edited document: the parser keeps an item's node while its text
// is the same (moved along when an edit above moves it), so most items are found without reading
// their text. (A batch of files shares no item nodes.) The node can move to another list of its
// section, hence the keys with the hits.
interface NodeHits<H> {
  readonly sectionKey: string;
  readonly fieldKey: string | undefined;
  readonly hits: readonly H[];
}
const nodeHitCache = new WeakMap<object, WeakMap<Node, NodeHits<Found>>>();
const NO_HITS: readonly never[] = [];
const MAX_CACHED_ITEMS = 50_000;

function nodeHitsOf<H extends Found>(scan: object): WeakMap<Node, NodeHits<H>> {
  let byNode = nodeHitCache.get(scan) as WeakMap<Node, NodeHits<H>> | undefined;
  if (!byNode) nodeHitCache.set(scan, (byNode = new WeakMap()));
  return byNode;
}

// Below this size a section's first edit re-scans its items in a few milliseconds: filing its
// hits at open would cost the first diagnostics about as much.
const MIN_FILED_SECTION_CHARS = 16_000;

/**
 * Files the hits of a whole-section scan under the section's list items, by node, as scanByItem
 * would have found them item by item (a scan reads one field at a time): the first edit of a big
 * section then re-scans only the items it changed, whose nodes are new (the parser moves the
 * others along), not all of them.
 */
function keepItemHits<H extends Found>(scan: object, section: Section & { valueNode: Node }, hits: readonly H[]): void {
  const range = section.valueNode.range;
  if (!range || range[1] - range[0] < MIN_FILED_SECTION_CHARS) return;
  const items = piecesOf(section).filter((piece): piece is Extract<Piece, { node: Node }> => !('field' in piece));
  if (items.length === 0) return;
  const found = items.map((): H[] => []);
  for (const hit of hits) {
    // Hits of fields outside the lists are in no item (scanByItem scans those fields every time).
    const at = indexOfSpanAt(items, hit.span[0], (item) => [item.start, item.end]);
    if (at !== -1 && hit.span[1] <= items[at].end) found[at].push(shifted(hit, -items[at].start));
  }
  const byNode = nodeHitsOf<H>(scan);
  items.forEach((item, i) => byNode.set(item.node, { sectionKey: section.key, fieldKey: item.fieldKey, hits: found[i].length === 0 ? NO_HITS : found[i] }));
}

/** `scan` over one section, item by item: an item whose text was scanned before is not scanned again. */
function scanByItem<H extends Found>(parsed: ParsedBlueprint, section: Section & { valueNode: Node }, scan: (parsed: ParsedBlueprint, fields: readonly TextField[], key: string) => readonly H[]): H[] {
  let byText = itemHitCache.get(scan) as Map<string, readonly H[]> | undefined;
  if (!byText) itemHitCache.set(scan, (byText = new Map()));
  const byNode = nodeHitsOf<H>(scan);
  const out: H[] = [];
  for (const piece of piecesOf(section)) {
    if ('field' in piece) {
      for (const hit of scan(parsed, [piece.field], section.key)) out.push(hit);
      continue;
    }
    const known = parsed.editSession !== undefined ? byNode.get(piece.node) : undefined;
    let relative = known && known.sectionKey === section.key && known.fieldKey === piece.fieldKey ? known.hits : undefined;
    if (!relative) {
      // Kept as a cache key, which outlives this version: a copy, not a slice of its text.
      piece.text ??= detachedCopy(`${section.key}\0${piece.fieldKey ?? ''}\0${parsed.text.slice(piece.start, piece.end)}`);
      relative = byText.get(piece.text);
      if (!relative) {
        if (!piece.fields) collectFields(piece.node, [...piece.path], piece.fieldKey, section.base, (piece.fields = []));
        const hits = scan(parsed, piece.fields, section.key);
        relative = hits.length === 0 ? NO_HITS : hits.map((hit) => shifted(hit, -piece.start));
        if (byText.size >= MAX_CACHED_ITEMS) byText.clear();
        byText.set(piece.text, relative);
      }
      if (parsed.editSession !== undefined) byNode.set(piece.node, { sectionKey: section.key, fieldKey: piece.fieldKey, hits: relative });
    }
    for (const hit of relative) out.push(shifted(hit, piece.start));
  }
  return out;
}

/**
 * Everything `scan` finds in the text fields of each section, in file order. A scan reads one
 * field at a time (its value, key, section and source) and nothing else, so its hits are kept
 * per section value node: an edit rescans only the section it touched (and there only the list
 * items whose text changed), and a section it moved gets its hits shifted. `span` must be the
 * only offset a hit holds.
 */
export function scanSections<H extends Found>(parsed: ParsedBlueprint, scan: (parsed: ParsedBlueprint, fields: readonly TextField[], key: string) => readonly H[]): H[] {
  let scannedBy = scannedSections.get(scan);
  if (!scannedBy) scannedSections.set(scan, (scannedBy = { byDocument: new WeakMap(), other: new Set() }));
  let scanned = scannedBy.other;
  if (parsed.editSession !== undefined) {
    scanned = scannedBy.byDocument.get(parsed.editSession) ?? new Set();
    scannedBy.byDocument.set(parsed.editSession, scanned);
  }
  const out: H[] = [];
  for (const section of parsed.sections) {
    const node = section.valueNode;
    if (!node) continue;
    const seen = scanned.has(section.key);
    const scanSection = () => {
      const withValue = { ...section, valueNode: node };
      // The first time a section key is scanned in a document (just opened) no item of it is
      // known: scanning it whole is cheaper than scanning it item by item.
      if (seen) return scanByItem(parsed, withValue, scan);
      const hits = scan(parsed, sectionTextFields(section), section.key);
      if (parsed.editSession !== undefined) keepItemHits(scan, withValue, hits);
      return hits;
    };
    for (const hit of foundIn(scan, section, scanSection)) out.push(hit);
    scanned.add(section.key);
  }
  return out;
}

// Per scan function: the section keys it has scanned before, per edited document (by its edit
// session: one just opened, or opened again, is scanned whole), and for all other parses
// together (a batch of files scans its first file whole and the others item by item: files of
// a family repeat items).
const scannedSections = new WeakMap<object, { readonly byDocument: WeakMap<object, Set<string>>; readonly other: Set<string> }>();

/**
 * What `find` finds in the top-level section `key` (nothing when the file lacks it), kept per
 * section value node like scanSections: `find` reads that section only (its value or nodes),
 * and `span` is the only offset a finding holds.
 */
export function sectionFindings<F extends Found>(parsed: ParsedBlueprint, key: string, find: (parsed: ParsedBlueprint, section: Section) => readonly F[]): readonly F[] {
  const section = findSection(parsed, key);
  return section ? foundIn(find, section, () => find(parsed, section)) : [];
}

/**
 * Per-document state of a rule kept from one check to the next (an index the next edit updates
 * instead of rebuilding). Rules are not told when a document closes, so only the documents
 * checked most recently are kept.
 */
export class RecentDocuments<T> {
  readonly #byUri = new Map<string, T>();

  constructor(
    readonly create: () => T,
    readonly max = 16,
  ) {}

  /** The state of `uri` (new when it has none), now the most recent. */
  get(uri: string): T {
    let state = this.#byUri.get(uri);
    if (state !== undefined) {
      this.#byUri.delete(uri);
    } else {
      state = this.create();
      if (this.#byUri.size >= this.max) this.#byUri.delete(this.#byUri.keys().next().value as string);
    }
    this.#byUri.set(uri, state);
    return state;
  }
}

/** A match in a value, before it is located in the source. */
interface ValueMatch {
  readonly text: string;
  readonly index: number;
  readonly groups: readonly (string | undefined)[];
}

const NO_MATCHES: readonly ValueMatch[] = [];

// Not memoised by value: hashing the fresh strings of a re-parsed section costs more than the
// regular expression itself, and scans are kept per section anyway.
function valueMatches(pattern: RegExp, value: string): readonly ValueMatch[] {
  let out: ValueMatch[] | undefined;
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(value)) !== null) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    (out ??= []).push({ text: m[0], index: m.index, groups: m.slice(1) });
    if (!pattern.global) break;
  }
  return out ?? NO_MATCHES;
}

/** A match with its absolute span in the document. */
export interface FieldMatch extends ValueMatch {
  readonly span: Span;
}

/**
 * Absolute spans of each match of `pattern` (global) in a field's value, located in the
 * source: escapes, quotes and folded line breaks make source and value differ, so each match
 * is searched in the source (whitespace-flexible); when it cannot be found there, the whole
 * scalar is the span.
 */
export function matchSpans(parsed: ParsedBlueprint, field: TextField, pattern: RegExp): FieldMatch[] {
  const matches = valueMatches(pattern, field.value);
  if (matches.length === 0) return [];
  const source = parsed.text.slice(field.span[0], field.span[1]);
  let cursor = 0;
  return matches.map((m) => {
    const found = findInSource(source, m.text, cursor);
    if (found) cursor = found[1];
    return { ...m, span: found ? [field.span[0] + found[0], field.span[0] + found[1]] : field.span };
  });
}

function findInSource(source: string, text: string, from: number): [number, number] | undefined {
  const direct = source.indexOf(text, from);
  if (direct !== -1) return [direct, direct + text.length];
  const flexible = new RegExp(text.trim().split(/\s+/).map(escapeRegExp).join('\\s+'), 'g');
  flexible.lastIndex = from;
  const m = flexible.exec(source);
  return m ? [m.index, m.index + m[0].length] : undefined;
}

/** Absolute span of the value at `path` (or of its key when the value is empty). */
export function spanOf(parsed: ParsedBlueprint, path: JsonPath, prefer: 'value' | 'key' = 'value'): Span | undefined {
  const location = locate(parsed, path);
  if (!location) return undefined;
  const node = prefer === 'key' ? (location.keyNode ?? location.node) : (location.node ?? location.keyNode);
  return node ? nodeSpan(node, location.base) : undefined;
}

/** The YAML node at `path`, with the offset to add to its range. */
export function nodeAt(parsed: ParsedBlueprint, path: JsonPath): { node: ParsedNode | null; keyNode?: ParsedNode; base: number } | undefined {
  return locate(parsed, path);
}

export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** The root mapping of a blueprint (empty when the document is not a mapping). */
export function root(parsed: ParsedBlueprint): Record<string, unknown> {
  return asRecord(parsed.value) ?? {};
}

/** A group's list (plain list or `{note, items}`) and the path of that list. */
export function groupList(value: unknown, path: JsonPath): { items: unknown[]; path: JsonPath } | undefined {
  if (Array.isArray(value)) return { items: value, path };
  const record = asRecord(value);
  if (record && Array.isArray(record.items)) return { items: record.items, path: [...path, 'items'] };
  return undefined;
}

export interface NamedEntry {
  readonly name: string;
  /** Path to the name's scalar (a string item, or the `name` field of an object item). */
  readonly path: JsonPath;
  readonly record: Record<string, unknown> | undefined;
}

/** The named entries of a group: string items and `{name, …}` items. */
export function groupEntries(value: unknown, path: JsonPath, field = 'name'): NamedEntry[] {
  const list = groupList(value, path);
  if (!list) return [];
  const out: NamedEntry[] = [];
  list.items.forEach((item, index) => {
    if (typeof item === 'string') {
      if (item.trim()) out.push({ name: item, path: [...list.path, index], record: undefined });
      return;
    }
    const record = asRecord(item);
    const name = record?.[field];
    if (record && typeof name === 'string' && name.trim()) out.push({ name, path: [...list.path, index, field], record });
  });
  return out;
}

// Per section value (kept by the parser while the section is unchanged) and query: its entries,
// read once for all the rules that list them.
const entryCache = new WeakMap<object, Map<string, readonly NamedEntry[]>>();

function cachedEntries<E extends NamedEntry>(value: unknown, query: string, read: () => E[]): readonly E[] {
  if (!value || typeof value !== 'object') return read();
  let byQuery = entryCache.get(value);
  if (!byQuery) entryCache.set(value, (byQuery = new Map()));
  let entries = byQuery.get(query) as readonly E[] | undefined;
  if (!entries) byQuery.set(query, (entries = read()));
  return entries;
}

/** Technical skills of the given tiers (all by default). */
export function skillEntries(parsed: ParsedBlueprint, tiers: readonly string[] = SKILL_TIERS): readonly (NamedEntry & { tier: string })[] {
  const value = root(parsed).technical_skills;
  const skills = asRecord(value) ?? {};
  return cachedEntries(value, `skills ${tiers.join(' ')}`, () => tiers.flatMap((tier) => groupEntries(skills[tier], ['technical_skills', tier]).map((e) => ({ ...e, tier }))));
}

/** Entries of every group of a grouped section (`responsibilities`, `hiring` …). */
export function sectionEntries(parsed: ParsedBlueprint, section: string, groups?: readonly string[]): readonly (NamedEntry & { group: string })[] {
  const value = root(parsed)[section];
  const record = asRecord(value) ?? {};
  const read = () => (groups ?? Object.keys(record)).flatMap((group) => groupEntries(record[group], [section, group]).map((e) => ({ ...e, group })));
  return groups ? read() : cachedEntries(value, `groups ${section}`, read);
}

/** Rows of a top-level list section (`kpis`, `tools`, `soft_skills`). */
export function rowEntries(parsed: ParsedBlueprint, section: string, field = 'name'): readonly NamedEntry[] {
  const list = root(parsed)[section];
  return Array.isArray(list) ? cachedEntries(list, `rows ${section} ${field}`, () => groupEntries(list, [section], field).filter((e) => e.record)) : [];
}

/** A quick fix carried in `diagnostic.data.fixes`; the code-action provider turns it into a quickfix. */
export interface QuickFix {
  readonly title: string;
  readonly edits: readonly { readonly range: Range; readonly newText: string }[];
}

export function quickFix(doc: ITextDocument, title: string, edits: readonly { span: Span; newText: string }[]): QuickFix {
  return { title, edits: edits.map(({ span, newText }) => ({ range: { start: doc.positionAt(span[0]), end: doc.positionAt(span[1]) }, newText })) };
}

/** `text` as a YAML scalar that reads back as itself: plain when safe, double-quoted otherwise. */
export function yamlScalar(text: string): string {
  const plainSafe =
    text.length > 0 &&
    text === text.trim() &&
    !/^[-?:,[\]{}#&*!|>'"%@`]/.test(text) &&
    !/:(\s|$)|\s#|[\n\t]/.test(text) &&
    !/^(true|false|null|yes|no|on|off|~|[-+]?\d[\d_.eE+-]*)$/i.test(text);
  return plainSafe ? text : JSON.stringify(text);
}

/** Indentation (spaces) of the line that holds `offset`, and that line's start. */
export function lineIndent(text: string, offset: number): { lineStart: number; indent: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let indent = 0;
  while (text[lineStart + indent] === ' ') indent++;
  return { lineStart, indent };
}

/** Offset just after the line that holds `offset` (after its newline, or the text end). */
export function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

/**
 * An edit that appends an entry to the block list at `path` (after its last item, at the
 * items' indentation). `lines` are the entry's lines without the dash and indentation:
 * ["name: Kafka"] or ["Kafka"]. Undefined when the list is not a non-empty block sequence.
 */
export function appendToBlockList(parsed: ParsedBlueprint, path: JsonPath, lines: readonly string[]): { span: Span; newText: string } | undefined {
  const location = nodeAt(parsed, path);
  const node = location?.node;
  if (!location || !isSeq(node) || node.flow || node.items.length === 0) return undefined;
  const last = node.items[node.items.length - 1] as Node;
  if (!last.range) return undefined;
  const firstItemStart = (node.items[0] as Node).range?.[0];
  if (firstItemStart === undefined) return undefined;
  const { indent: dashIndent } = lineIndent(parsed.text, location.base + firstItemStart);
  const at = lineEnd(parsed.text, location.base + last.range[1] - 1);
  const pad = ' '.repeat(dashIndent);
  const body = lines.map((line, i) => (i === 0 ? `${pad}- ${line}` : `${pad}  ${line}`)).join('\n');
  const needsNewline = at === parsed.text.length && !parsed.text.endsWith('\n');
  return { span: [at, at], newText: `${needsNewline ? '\n' : ''}${body}\n` };
}
