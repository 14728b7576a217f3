import {
  Document,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Node,
  type Pair,
  type ParsedNode,
  type Scalar,
} from 'yaml';
import { findList, frameOffsetMapper, hasAlias, keyOfLine, moveRanges, movedTree, sectionLayout, withOwnedList, type SectionLayout } from './listChunks';
import { detachedCopy } from './strings';
import type { JsonPath } from './types';

/**
 * Parsing a blueprint with the `yaml` package, keeping every node's source range.
 *
 * A blueprint is a top-level block mapping of a couple of dozen sections. A full parse of a
 * 10,000-line file takes about 100 ms, far too slow for every keystroke, so the text is cut into
 * top-level *chunks* (one per top-level key, with the comments just above it) and each chunk is
 * parsed on its own and cached by its text: an edit re-parses only the section it touches.
 * Node ranges are then relative to their chunk; `Section.base` turns them into document offsets.
 * Whenever chunking might change the meaning (document markers, a top-level that is not a
 * plain block mapping, any syntax error, an alias that crosses sections), the whole text is
 * parsed as one chunk instead, so results never differ from a full parse's.
 */

/** One top-level `key: value` of the document. */
export interface Section {
  readonly key: string;
  readonly pair: Pair<ParsedNode, ParsedNode | null>;
  readonly keyNode: ParsedNode;
  readonly valueNode: ParsedNode | null;
  /** Offset of the section's chunk in the document: add it to any node range of this section. */
  readonly base: number;
}

export type ParseProblemCode = 'yaml.syntax' | 'yaml.duplicate-key' | 'yaml.alias-limit' | 'yaml.not-a-mapping' | 'yaml.multiple-documents' | 'yaml.warning';

export interface ParseProblem {
  readonly code: ParseProblemCode;
  readonly message: string;
  /** Absolute offsets in the document. */
  readonly start: number;
  readonly end: number;
  readonly severity: 'error' | 'warning';
}

export interface ParsedBlueprint {
  readonly text: string;
  /** Top-level entries in file order (entries whose key is not a plain string are left out). */
  readonly sections: readonly Section[];
  /** The plain JS value of the document (partial when there are syntax errors): what validation, completion and the renderer read. */
  readonly value: unknown;
  readonly problems: readonly ParseProblem[];
  /** True when the text was cut into chunks (false: one whole-document parse). */
  readonly chunked: boolean;
  /**
   * For a version of an edited document (parsed with a cache key, not in a batch): an object that
   * stands for the document, the same for each of its versions from its first parse until the
   * parser forgets it. The nodes of its big lists' items carry over to the next version while
   * their text is the same.
   */
  readonly editSession: object | undefined;
}

/** Where a path of the value lives in the text. */
export interface NodeLocation {
  /** The value node (null for an empty value such as `key:`). */
  readonly node: ParsedNode | null;
  /** The key node when the path ends at a mapping entry. */
  readonly keyNode?: ParsedNode;
  readonly base: number;
}

interface ChunkResult {
  /** The chunk's root node (its document's contents). */
  readonly contents: ParsedNode | null;
  readonly errors: readonly ParseProblem[];
  readonly warnings: readonly ParseProblem[];
  /** toJS() of the chunk, or the alias-limit problem it raised. */
  readonly js: { value: unknown } | { problem: ParseProblem };
  /** For a section with big lists in an edited document: its pieces, for its next version. */
  readonly pieces?: SectionPieces;
}

const MAX_ALIAS_COUNT = 100;

// A line that starts a top-level entry: `key:` with a plain or quoted key at column 0.
const TOP_LEVEL_KEY = /^(?:[A-Za-z0-9_][\w.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|$)/;

/**
 * Cuts the text at each top-level key line; returns undefined when the text is not a plain
 * block mapping that can be cut safely.
 */
export function splitTopLevel(text: string): number[] | undefined {
  const starts: number[] = [];
  let commentRunStart = -1;
  let offset = 0;
  // Runs on every keystroke over the whole text: only a line's first character is looked at,
  // except on the few lines that start at column 0 with something other than a comment.
  while (offset <= text.length) {
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd === -1) lineEnd = text.length;
    const lineStart = offset === 0 && text.charCodeAt(0) === 0xfeff ? 1 : offset;
    const first = lineStart < lineEnd ? text.charCodeAt(lineStart) : -1;
    if (first === 35 /* # */) {
      if (commentRunStart === -1) commentRunStart = offset;
    } else if (first === -1 || first === 32 /* space */ || first === 9 /* tab */ || first === 13 /* \r */) {
      // A blank or indented line ends a comment run: comments above it stay with the section above.
      if (first === 13 && text.slice(lineStart, lineEnd).trim() !== '') return undefined;
      commentRunStart = -1;
    } else if (TOP_LEVEL_KEY.test(text.slice(lineStart, lineEnd))) {
      starts.push(starts.length === 0 ? 0 : commentRunStart === -1 ? offset : commentRunStart);
      commentRunStart = -1;
    } else {
      return undefined;
    }
    if (lineEnd === text.length) break;
    offset = lineEnd + 1;
  }
  if (starts.length === 0) return undefined;
  return starts;
}

function problemFrom(code: ParseProblemCode, message: string, pos: readonly [number, number], base: number, severity: 'error' | 'warning'): ParseProblem {
  return { code, message, start: base + pos[0], end: base + Math.max(pos[1], pos[0]), severity };
}

function syntaxCode(errorCode: string): ParseProblemCode {
  return errorCode === 'DUPLICATE_KEY' ? 'yaml.duplicate-key' : 'yaml.syntax';
}

function cleanMessage(message: string): string {
  // The yaml package appends a code frame after the first line; diagnostics show only the sentence.
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function emptyDocument(): Document.Parsed {
  const doc = new Document() as Document.Parsed;
  doc.contents = null;
  return doc;
}

function parseChunk(text: string): ChunkResult {
  const docs = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: true, strict: true, logLevel: 'silent' });
  const list: Document.Parsed[] = Array.isArray(docs) ? docs : [];
  const doc: Document.Parsed = list[0] ?? emptyDocument();
  const errors: ParseProblem[] = [];
  const warnings: ParseProblem[] = [];
  for (const d of list) {
    for (const e of d.errors) errors.push(problemFrom(syntaxCode(e.code), cleanMessage(e.message), e.pos, 0, 'error'));
    for (const w of d.warnings) warnings.push(problemFrom('yaml.warning', cleanMessage(w.message), w.pos, 0, 'warning'));
  }
  for (const extra of list.slice(1)) {
    const range = extra.contents?.range ?? extra.range;
    errors.push(problemFrom('yaml.multiple-documents', 'A blueprint file holds one YAML document; this second document is ignored.', [range[0], Math.max(range[0] + 1, range[1])], 0, 'error'));
  }
  let js: ChunkResult['js'];
  try {
    js = { value: plainValue(doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: true })) };
  } catch (error) {
    const range = doc.contents?.range ?? [0, 0];
    js = {
      problem: problemFrom(
        'yaml.alias-limit',
        `Too many alias expansions (${(error as Error).message.includes('alias') ? 'more than ' + MAX_ALIAS_COUNT : 'invalid aliases'}): the file is not expanded. Remove the repeated *alias references.`,
        [range[0], range[1]],
        0,
        'error',
      ),
    };
  }
  return { contents: doc.contents, errors, warnings, js };
}

/**
 * Maps to plain objects. The yaml package can do this itself, but it stringifies a collection
 * used as a key, which is quadratic on garbage such as `[[[[…: x`; no blueprint key is a
 * collection, so such entries are dropped here (the schema then reports what is missing).
 */
function plainValue(value: unknown): unknown {
  if (value instanceof Map) {
    const object: Record<string, unknown> = {};
    for (const [key, child] of value) {
      if (key !== null && typeof key === 'object') continue;
      Object.defineProperty(object, String(key), { value: plainValue(child), enumerable: true, writable: true, configurable: true });
    }
    return object;
  }
  if (Array.isArray(value)) return value.map(plainValue);
  if (value instanceof Set) return [...value].map(plainValue);
  return value;
}

function shift(problem: ParseProblem, base: number): ParseProblem {
  return base === 0 ? problem : { ...problem, start: problem.start + base, end: problem.end + base };
}

function keyText(node: ParsedNode | null): string | undefined {
  if (isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number')) return String(node.value);
  return undefined;
}

/**
 * An item of a big list, parsed on its own; its node's ranges are section offsets for an item at
 * `offset`. When an edit moves the item, its node is moved with it in place where that is safe
 * (see BlueprintParser.parse), so `offset` and `spaceBefore` change with the node's ranges.
 */
interface ItemPiece {
  readonly node: ParsedNode;
  offset: number;
  spaceBefore: boolean;
  readonly js: unknown;
}

/** A section's frame (its text with big lists cut to their first item), parsed; `plain` when nothing in it stops cutting. */
interface FramePiece {
  readonly text: string;
  readonly result: ChunkResult;
  readonly plain: boolean;
}

/** The pieces a section with big lists was made of, by text: what its next version can reuse. */
interface SectionPieces {
  readonly frame: FramePiece | undefined;
  readonly items: Map<string, ItemPiece>;
}

/** Whether a piece's parse is free of everything that could make it differ inside its section. */
function isPlainResult(result: ChunkResult, text: string): boolean {
  return result.errors.length === 0 && result.warnings.length === 0 && 'value' in result.js && !(text.includes('*') && hasAlias(result.contents));
}

/** The key of a top-level chunk: that of its first line that is not a comment. */
function chunkKey(chunkText: string): string {
  let start = chunkText.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (chunkText.charCodeAt(start) === 35 /* # */) {
    const newline = chunkText.indexOf('\n', start);
    if (newline === -1) return '';
    start = newline + 1;
  }
  const end = chunkText.indexOf('\n', start);
  return keyOfLine(chunkText.slice(start, end === -1 ? chunkText.length : end));
}

/** True when a blank line ends just before `offset`: the item there has `spaceBefore`. */
function followsBlankLine(text: string, offset: number): boolean {
  if (offset < 2 || text.charCodeAt(offset - 1) !== 10) return false;
  let i = offset - 2;
  while (i >= 0 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 13)) i--;
  return i < 0 || text.charCodeAt(i) === 10;
}

/** A copy of `value` with the array at `path` (keys below the root object) replaced. */
function withArrayAt(value: unknown, path: readonly string[], array: unknown[]): unknown {
  if (path.length === 0) return array;
  const object = value as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(object)) Object.defineProperty(copy, key, { value: object[key], enumerable: true, writable: true, configurable: true });
  Object.defineProperty(copy, path[0], { value: withArrayAt(object[path[0]], path.slice(1), array), enumerable: true, writable: true, configurable: true });
  return copy;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let at = value;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
  return at;
}

/**
 * Parses one top-level section. In a document that is edited (`editable`), a section with big
 * lists is assembled from the pieces of its previous version where there is one, and parsed
 * whole otherwise, which then seeds its pieces for the next edit; any piece that is not plain
 * means a whole parse.
 */
function parseSection(sliced: string, previous: SectionPieces | undefined, editable: boolean, moveInPlace: boolean): ChunkResult {
  // The strings of a parse are slices of its text, and the results of an edited document live on
  // across versions: parsing a slice of the document would keep each version's whole text alive.
  const text = editable ? detachedCopy(sliced) : sliced;
  const layout = editable ? sectionLayout(text) : undefined;
  if (!layout) return parseChunk(text);
  if (previous) {
    const assembled = fromPieces(text, layout, previous, moveInPlace);
    if (assembled) return assembled;
  }
  const whole = parseChunk(text);
  return isPlainResult(whole, text) ? { ...whole, pieces: seededPieces(text, layout, whole) } : whole;
}

/** The items of a whole parse as pieces, so that the next edit re-parses only one. */
function seededPieces(text: string, layout: SectionLayout, whole: ChunkResult): SectionPieces {
  const items = new Map<string, ItemPiece>();
  const value = 'value' in whole.js ? whole.js.value : undefined;
  for (const cut of layout.lists) {
    const list = findList(whole.contents, cut.path);
    const values = valueAt(value, cut.path);
    if (!list || !Array.isArray(values) || list.items.length !== cut.itemStarts.length + 1) continue;
    cut.itemStarts.forEach((start, i) => {
      const node = list.items[i + 1];
      const itemText = text.slice(start, cut.itemStarts[i + 1] ?? cut.end);
      items.set(itemText, { node, offset: start, spaceBefore: node.spaceBefore === true, js: values[i + 1] });
    });
  }
  return { frame: undefined, items };
}

function setSpaceBefore(node: ParsedNode, spaceBefore: boolean): void {
  if (spaceBefore) node.spaceBefore = true;
  else delete node.spaceBefore;
}

function itemPiece(itemText: string, start: number, spaceBefore: boolean, known: ItemPiece | undefined, movable: boolean): ItemPiece | undefined {
  if (known) {
    if (known.offset === start && known.spaceBefore === spaceBefore) return known;
    // Moving in place keeps the node (and every cache keyed by it) and makes no garbage: the
    // items after an edit in a list of thousands all move on every keystroke.
    if (movable) {
      moveRanges(known.node, start - known.offset);
      setSpaceBefore(known.node, spaceBefore);
      known.offset = start;
      known.spaceBefore = spaceBefore;
      return known;
    }
    // A whole copy, sharing no node or range with the one it copies: either may be moved later.
    const node = known.node.clone() as ParsedNode;
    moveRanges(node, start - known.offset);
    setSpaceBefore(node, spaceBefore);
    return { ...known, node, offset: start, spaceBefore };
  }
  const parsed = parseChunk(detachedCopy(itemText));
  if (!isPlainResult(parsed, itemText) || !isSeq(parsed.contents) || parsed.contents.items.length !== 1 || !('value' in parsed.js)) return undefined;
  const node = parsed.contents.items[0] as ParsedNode;
  moveRanges(node, start);
  if (spaceBefore) node.spaceBefore = true;
  return { node, offset: start, spaceBefore, js: (parsed.js.value as unknown[])[0] };
}

/**
 * The section's result assembled from its frame and items; undefined when a piece is not plain.
 * `moveInPlace`: no other result holds the previous version's pieces, so an item that moved takes
 * its node along instead of a copy (an item text repeated in the section is copied for its
 * other places).
 */
function fromPieces(text: string, layout: SectionLayout, previous: SectionPieces, moveInPlace: boolean): ChunkResult | undefined {
  let frame = previous.frame;
  if (frame?.text !== layout.frameText) {
    const result = parseChunk(layout.frameText);
    frame = { text: layout.frameText, result, plain: isPlainResult(result, layout.frameText) };
  }
  if (!frame.plain || !frame.result.contents || !('value' in frame.result.js)) return undefined;

  const items = new Map<string, ItemPiece>();
  let contents = movedTree(frame.result.contents, frameOffsetMapper(layout.lists)) as ParsedNode;
  let value = frame.result.js.value;
  for (const cut of layout.lists) {
    const found = withOwnedList(contents, cut.path);
    const firstValues = valueAt(value, cut.path);
    if (!found || found.list.items.length !== 1 || !Array.isArray(firstValues)) return undefined;
    contents = found.root;
    const values = [...firstValues];
    for (let i = 0; i < cut.itemStarts.length; i++) {
      const start = cut.itemStarts[i];
      const itemText = text.slice(start, cut.itemStarts[i + 1] ?? cut.end);
      const current = items.get(itemText);
      const piece = itemPiece(itemText, start, followsBlankLine(text, start), current ?? previous.items.get(itemText), moveInPlace && !current);
      if (!piece) return undefined;
      items.set(itemText, piece);
      found.list.items.push(piece.node);
      values.push(piece.js);
    }
    value = withArrayAt(value, cut.path, values);
    // A collection ends where its last child ends: the list and each collection it ends.
    const oldEnd = found.list.range?.[1];
    const newEnd = (found.list.items[found.list.items.length - 1] as ParsedNode).range[2];
    for (const node of [found.list, ...found.ancestors.reverse()]) {
      const range = node.range;
      if (!range || range[1] !== oldEnd) break;
      node.range = [range[0], newEnd, range[2] === oldEnd ? newEnd : range[2]];
    }
  }
  return { contents, errors: [], warnings: [], js: { value }, pieces: { frame, items } };
}

/**
 * The chunk results of a batch, for the files after the one that parsed them. A chunk's nodes
 * (and what rules keep by them) take tens of bytes per character of its text, so the cache is
 * bounded by characters. When it is full, the chunks that no other file has used since the last
 * time are dropped: a batch of files that repeat sections keeps what they repeat, and a batch
 * with nothing in common (where the cache only costs memory) keeps little.
 */
export class SharedChunks<R = ChunkResult> {
  readonly #entries = new Map<string, { readonly result: R; reused: boolean }>();
  #chars = 0;

  constructor(readonly maxChars = 4_000_000) {}

  get(text: string): R | undefined {
    const entry = this.#entries.get(text);
    if (!entry) return undefined;
    entry.reused = true;
    return entry.result;
  }

  add(text: string, result: R): void {
    if (this.#entries.has(text)) return;
    if (this.#chars + text.length > this.maxChars) this.#evict();
    this.#entries.set(text, { result, reused: false });
    this.#chars += text.length;
  }

  #evict(): void {
    for (const [text, entry] of this.#entries) {
      if (entry.reused) {
        entry.reused = false;
      } else {
        this.#entries.delete(text);
        this.#chars -= text.length;
      }
    }
    // Mostly reused chunks, and still full: room for new ones matters more.
    if (this.#chars > this.maxChars / 2) {
      this.#entries.clear();
      this.#chars = 0;
    }
  }
}

/**
 * A parser with a cache of chunk results, kept per instance (never module-wide) so several
 * language services, the CLI and tests can run side by side.
 */
export class BlueprintParser {
  #documents = new Map<
    string,
    {
      version: number | undefined;
      text: string;
      parsed: ParsedBlueprint;
      chunks: Map<string, ChunkResult>;
      byKey: Map<string, ChunkResult>;
      repeatedKeys: boolean;
      session: object;
    }
  >();
  /** Chunk results shared by every document, by chunk text (undefined: each document keeps its own). */
  readonly #shared: SharedChunks | undefined;

  /**
   * `shareChunks`: reuse a chunk's result in every document with the same chunk text, not only
   * in the next version of one document; for a batch of files that repeat whole sections (the
   * CLI checking a family of role files). Results are the same either way.
   */
  constructor(options: { shareChunks?: boolean } = {}) {
    this.#shared = options.shareChunks ? new SharedChunks() : undefined;
  }

  /**
   * Parses `text`; `cacheKey` (a uri) lets the parser reuse the previous version's chunks. A
   * result with a cache key is the document's until its next parse: that parse may move the
   * nodes of list items the two versions share (read a result's ranges before parsing again).
   */
  parse(text: string, cacheKey?: string, version?: number): ParsedBlueprint {
    const last = cacheKey !== undefined ? this.#documents.get(cacheKey) : undefined;
    if (last && last.text === text && last.version === version) return last.parsed;
    // An older version than the one kept (a text read before the latest edit) is parsed on its
    // own: parsed as the document's next version, it would take the latest version's pieces.
    if (last && version !== undefined && last.version !== undefined && version < last.version) return this.parse(text);

    const previousChunks = last?.chunks;
    const chunks = new Map<string, ChunkResult>();
    // Big lists are cut into pieces only in a document that is edited (one with a cache key), not in a batch.
    const editable = cacheKey !== undefined && !this.#shared;
    const session = last?.session ?? {};
    // Each section's result by its key: where the next version of a changed section finds its pieces.
    const byKey = new Map<string, ChunkResult>();
    let repeatedKeys = false;
    // Results this version holds, and previous ones whose pieces it may have moved (no longer
    // theirs): pieces are moved in place only where no result of this version can hold them.
    // Each piece belongs to one section's chain of versions unless top-level keys repeat.
    const used = new Set<ChunkResult>();
    const consumed = new Set<ChunkResult>();
    const reusable = (result: ChunkResult | undefined) => (result && !consumed.has(result) ? result : undefined);
    const chunk = (chunkText: string): ChunkResult => {
      const key = editable ? chunkKey(chunkText) : '';
      let result = reusable(chunks.get(chunkText)) ?? reusable(previousChunks?.get(chunkText)) ?? this.#shared?.get(chunkText);
      if (!result) {
        const previous = last?.byKey.get(key);
        const moveInPlace = previous !== undefined && !last?.repeatedKeys && !used.has(previous) && !consumed.has(previous);
        result = parseSection(chunkText, previous?.pieces, editable, moveInPlace);
        if (moveInPlace) consumed.add(previous);
      }
      used.add(result);
      if (editable) {
        if (byKey.has(key)) repeatedKeys = true;
        else byKey.set(key, result);
      }
      chunks.set(chunkText, result);
      this.#shared?.add(chunkText, result);
      return result;
    };

    const starts = splitTopLevel(text);
    let parsed: ParsedBlueprint | undefined;
    try {
      if (starts && starts.length > 1) {
        const pieces = starts.map((start, i) => ({ base: start, result: chunk(text.slice(start, starts[i + 1] ?? text.length)) }));
        if (pieces.every((p) => p.result.errors.length === 0 && 'value' in p.result.js)) {
          parsed = assemble(text, pieces, true, editable ? session : undefined);
        }
      }
      if (!parsed) parsed = assemble(text, [{ base: 0, result: chunk(text) }], false, editable ? session : undefined);
    } catch (error) {
      // The previous version's results may have lost pieces to this one: the next version starts afresh.
      if (cacheKey !== undefined) this.#documents.delete(cacheKey);
      throw error;
    }

    // Only the chunks of each document's latest version are kept: bounded memory, warm cache.
    if (cacheKey !== undefined) this.#documents.set(cacheKey, { version, text, parsed, chunks, byKey, repeatedKeys, session });
    return parsed;
  }

  /** Forgets a closed document. */
  forget(cacheKey: string): void {
    this.#documents.delete(cacheKey);
  }
}

function assemble(text: string, pieces: { base: number; result: ChunkResult }[], chunked: boolean, editSession: object | undefined): ParsedBlueprint {
  const sections: Section[] = [];
  const problems: ParseProblem[] = [];
  const value: Record<string, unknown> = {};
  let rootValue: unknown = value;
  const seen = new Map<string, Section>();

  for (const { base, result } of pieces) {
    problems.push(...result.errors.map((p) => shift(p, base)), ...result.warnings.map((p) => shift(p, base)));
    if ('problem' in result.js) problems.push(shift(result.js.problem, base));
    const contents = result.contents;
    if (!isMap(contents)) {
      if (!chunked) rootValue = 'value' in result.js ? result.js.value : undefined;
      if (contents !== null && !chunked && result.errors.length === 0) {
        const range = contents.range;
        problems.push({ code: 'yaml.not-a-mapping', message: 'A blueprint is a mapping of sections (`blueprint: 1`, `role:`, `summary:` …), not a list or a single value.', start: range[0], end: Math.max(range[0] + 1, range[1]), severity: 'error' });
      }
      continue;
    }
    const jsMap = 'value' in result.js && result.js.value && typeof result.js.value === 'object' ? (result.js.value as Record<string, unknown>) : undefined;
    for (const item of contents.items) {
      const pair = item as Pair<ParsedNode, ParsedNode | null>;
      const key = keyText(pair.key);
      if (key === undefined) continue;
      const section: Section = { key, pair, keyNode: pair.key, valueNode: pair.value, base };
      const earlier = seen.get(key);
      if (earlier && chunked) {
        // Within one chunk the yaml package reports duplicates; across chunks we must.
        const [s, e] = pair.key.range;
        problems.push({ code: 'yaml.duplicate-key', message: `Map keys must be unique: "${key}" is already defined above.`, start: base + s, end: base + e, severity: 'error' });
        continue;
      }
      seen.set(key, section);
      sections.push(section);
      if (jsMap && Object.prototype.hasOwnProperty.call(jsMap, key)) {
        Object.defineProperty(value, key, { value: jsMap[key], enumerable: true, writable: true, configurable: true });
      }
    }
  }
  if (problems.some((p) => p.code === 'yaml.alias-limit')) rootValue = undefined;
  problems.sort((a, b) => a.start - b.start);
  return { text, sections, value: rootValue, problems, chunked, editSession };
}

/** The section holding `key`, if the document has it. */
export function findSection(parsed: ParsedBlueprint, key: string): Section | undefined {
  return parsed.sections.find((s) => s.key === key);
}

/** Resolves a value path (as ajv reports it) to its nodes. */
export function locate(parsed: ParsedBlueprint, path: JsonPath): NodeLocation | undefined {
  if (path.length === 0) {
    const first = parsed.sections[0];
    return first ? { node: null, base: 0 } : undefined;
  }
  const section = findSection(parsed, String(path[0]));
  if (!section) return undefined;
  let location: NodeLocation = { node: section.valueNode, keyNode: section.keyNode, base: section.base };
  for (const segment of path.slice(1)) {
    const node = location.node;
    if (isMap(node)) {
      const pair = node.items.find((p) => keyText(p.key as ParsedNode) === String(segment)) as Pair<ParsedNode, ParsedNode | null> | undefined;
      if (!pair) return undefined;
      location = { node: pair.value, keyNode: pair.key, base: section.base };
    } else if (isSeq(node) && typeof segment === 'number') {
      const child = node.items[segment] as ParsedNode | undefined;
      if (child === undefined) return undefined;
      location = { node: isPair(child) ? null : child, base: section.base };
    } else {
      return undefined;
    }
  }
  return location;
}

/** Absolute [start, end) of a node (its value range, without trailing comments). */
export function nodeSpan(node: Node, base: number): [number, number] {
  const range = node.range ?? [0, 0, 0];
  return [base + range[0], base + range[1]];
}

/** True for a scalar holding a string. */
export function isStringScalar(node: unknown): node is Scalar<string> {
  return isScalar(node) && typeof node.value === 'string';
}
