import type { Position } from 'vscode-languageserver-types';
import { detachedCopy } from './strings';
import type { ITextDocument, JsonPath } from './types';

/**
 * Where the cursor is in the YAML structure, read from indentation rather than from the
 * parse tree: while an author types, the text is often momentarily invalid (`- name: `, a
 * half-typed key), and only the lines between the cursor and its ancestors are read, so the
 * cost does not grow with the document. List item indexes are not counted (every item of a
 * list has the same schema), so paths carry 0 for any item.
 */

export type LineElement =
  | { readonly kind: 'dash'; readonly col: number }
  | { readonly kind: 'key'; readonly col: number; readonly key: string; readonly keyEnd: number; readonly valueStart: number; readonly hasValue: boolean }
  | { readonly kind: 'scalar'; readonly col: number };

export interface LineInfo {
  readonly text: string;
  readonly indent: number;
  /** Dashes, then at most one key or scalar, left to right. Empty for blank and comment lines. */
  readonly elements: readonly LineElement[];
}

const KEY = /^([A-Za-z0-9_$][\w.$-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:(?=[ \t]|$)/;

function unquote(key: string): string {
  return (key.startsWith('"') && key.endsWith('"')) || (key.startsWith("'") && key.endsWith("'")) ? key.slice(1, -1) : key;
}

export function parseLine(text: string): LineInfo {
  let pos = 0;
  while (pos < text.length && text[pos] === ' ') pos++;
  const indent = pos;
  const elements: LineElement[] = [];
  if (pos >= text.length || text[pos] === '#') return { text, indent, elements };
  while (text[pos] === '-' && (pos + 1 === text.length || text[pos + 1] === ' ')) {
    elements.push({ kind: 'dash', col: pos });
    pos++;
    while (text[pos] === ' ') pos++;
  }
  if (pos < text.length && text[pos] !== '#') {
    const match = KEY.exec(text.slice(pos));
    if (match) {
      let valueStart = pos + match[0].length;
      while (text[valueStart] === ' ' || text[valueStart] === '\t') valueStart++;
      const rest = text.slice(valueStart);
      elements.push({ kind: 'key', col: pos, key: unquote(match[1]), keyEnd: pos + match[1].length, valueStart, hasValue: rest !== '' && !rest.startsWith('#') });
    } else {
      elements.push({ kind: 'scalar', col: pos });
    }
  }
  return { text, indent, elements };
}

const SPACE = 32;
const DASH = 45;
const HASH = 35;

/**
 * Reads lines of a document by number without splitting the whole text: the walks up to a
 * parent look at each line's indentation first and parse only the lines that matter.
 */
export class LineReader {
  readonly #doc: ITextDocument;
  readonly #text: string;
  readonly #cache = new Map<number, LineInfo>();

  constructor(doc: ITextDocument) {
    this.#doc = doc;
    this.#text = doc.getText();
  }

  get lineCount(): number {
    return this.#doc.lineCount;
  }

  /** Indentation and first character code of a line; -1 for blank and comment lines. */
  shape(line: number): { indent: number; first: number } {
    const start = this.#doc.offsetAt({ line, character: 0 });
    let pos = start;
    while (this.#text.charCodeAt(pos) === SPACE) pos++;
    const first = this.#text.charCodeAt(pos);
    const blank = Number.isNaN(first) || first === 10 || first === 13 || first === HASH;
    return { indent: pos - start, first: blank ? -1 : first };
  }

  info(line: number): LineInfo {
    let info = this.#cache.get(line);
    if (!info) {
      const start = this.#doc.offsetAt({ line, character: 0 });
      let end = this.#text.indexOf('\n', start);
      if (end === -1) end = this.#text.length;
      info = parseLine(this.#text.slice(start, end).replace(/\r$/, ''));
      this.#cache.set(line, info);
    }
    return info;
  }
}

/**
 * The path of the container that holds element `index` of line `line`: the mapping a key is
 * in, or the list a dash is an item of.
 */
export function containerPath(lines: LineReader, line: number, elements: readonly LineElement[], index: number): JsonPath {
  if (index > 0) return [...containerPath(lines, line, elements, index - 1), 0];
  const element = elements[index];
  const col = element.col;
  if (col === 0 && element.kind !== 'dash') return [];
  for (let l = line - 1; l >= 0; l--) {
    const shape = lines.shape(l);
    if (shape.first === -1 || shape.indent > col) continue;
    if (shape.indent === col) {
      if (element.kind !== 'dash' || shape.first === DASH) continue; // a sibling
      // `key:` with the list's dashes at its own column (a compact sequence).
      const first = lines.info(l).elements[0];
      if (first?.kind === 'key' && !first.hasValue) return [...containerPath(lines, l, lines.info(l).elements, 0), first.key];
      continue;
    }
    const info = lines.info(l);
    if (!info.elements.length) continue;
    let j = info.elements.length - 1;
    while (j > 0 && info.elements[j].col >= col) j--;
    const parent = info.elements[j];
    if (parent.kind === 'key') return [...containerPath(lines, l, info.elements, j), parent.key];
    if (parent.kind === 'dash') return [...containerPath(lines, l, info.elements, j), 0];
    return [];
  }
  return [];
}

/**
 * Keys of the mapping whose keys sit at column `col` and that contains line `line`:
 * the lines above up to its parent and below to its end.
 */
export function mappingKeys(lines: LineReader, line: number, col: number): string[] {
  const keys: string[] = [];
  const keyAt = (info: LineInfo): string | undefined => {
    const element = info.elements.find((e) => e.col === col);
    return element?.kind === 'key' ? element.key : undefined;
  };
  // A line that opens its item (`- name: x`, or a bare `- `) is the mapping's first line: the
  // lines above belong to the previous item.
  const opensItem = lines.info(line).elements.filter((e) => e.col < col).at(-1)?.kind === 'dash';
  for (let l = line - 1; l >= 0 && !opensItem; l--) {
    const shape = lines.shape(l);
    if (shape.first === -1 || shape.indent > col) continue;
    const info = lines.info(l);
    if (info.indent < col) {
      // The line that opens the item (`- name: x`) holds the mapping's first key.
      const key = info.elements[info.elements.length - 1].kind === 'key' && info.elements[info.elements.length - 2]?.kind === 'dash' ? keyAt(info) : undefined;
      if (key !== undefined) keys.push(key);
      break;
    }
    const first = info.elements[0];
    if (first.kind !== 'key') break; // a dash at the same column: another list, not this mapping
    keys.push(first.key);
  }
  for (let l = line + 1; l < lines.lineCount; l++) {
    const shape = lines.shape(l);
    if (shape.first === -1 || shape.indent > col) continue;
    const info = lines.info(l);
    if (info.indent < col || info.elements[0].kind !== 'key') break;
    keys.push((info.elements[0] as { key: string }).key);
  }
  return keys;
}

/** Top-level keys of the whole document, read with a cheap first-character test per line. */
export function topLevelKeys(text: string): string[] {
  const keys: string[] = [];
  let offset = 0;
  while (offset < text.length) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    const first = text.charCodeAt(offset);
    // Skip indented, comment, list and blank lines without looking further.
    if (first !== 32 && first !== 35 && first !== 45 && first !== 10 && first !== 13 && first !== 9) {
      const match = KEY.exec(text.slice(offset, Math.min(end, offset + 200)));
      if (match) keys.push(unquote(match[1]));
    }
    offset = end + 1;
  }
  return keys;
}

export type CursorContext =
  /** Typing a key of the mapping at `path`, whose keys sit at column `col`. */
  | { readonly kind: 'key'; readonly path: JsonPath; readonly col: number; readonly start: number; readonly end: number; readonly prefix: string; readonly followedByColon: boolean }
  /** Typing the value of `path` (the last segment is the key) after `key: `. */
  | { readonly kind: 'value'; readonly path: JsonPath; readonly col: number; readonly start: number; readonly end: number; readonly prefix: string }
  /**
   * Typing right after `- `: the start of item `path` (ending in 0), which may be a scalar
   * or the first key of a mapping whose keys sit at column `col`.
   */
  | { readonly kind: 'item'; readonly path: JsonPath; readonly col: number; readonly start: number; readonly end: number; readonly prefix: string; readonly followedByColon: boolean };

/** End of the value typed on a line: before a trailing comment and trailing blanks. */
export function valueEnd(text: string, from: number): number {
  const comment = text.indexOf(' #', from);
  let end = comment === -1 ? text.length : comment;
  while (end > from && /\s/.test(text[end - 1])) end--;
  return end;
}

/** The structural context at `position`, or undefined where nothing can be completed. */
export function cursorContext(lines: LineReader, position: Position): CursorContext | undefined {
  if (position.line >= lines.lineCount) return undefined;
  const info = lines.info(position.line);
  const text = info.text;
  const cursor = Math.min(position.character, text.length);
  const before = parseLine(text.slice(0, cursor));
  if (text.slice(0, cursor).trimStart().startsWith('#')) return undefined;
  const elements = info.elements;
  const last = before.elements[before.elements.length - 1];

  if (!last || last.kind === 'dash') {
    // Blank up to the cursor, or right after a dash: a new key or a new item.
    const dashes = before.elements.length;
    const wordEnd = cursor + (/^[\w.-]*/.exec(text.slice(cursor))?.[0].length ?? 0);
    if (last) {
      const path = [...containerPath(lines, position.line, elements, dashes - 1), 0];
      return { kind: 'item', path, col: Math.max(cursor, last.col + 2), start: cursor, end: wordEnd, prefix: '', followedByColon: /^\s*:/.test(text.slice(wordEnd)) };
    }
    return keyContext(lines, position.line, cursor, cursor, wordEnd, text, '');
  }
  const index = before.elements.length - 1;
  if (last.kind === 'key' && cursor >= last.valueStart && cursor > last.keyEnd) {
    if (text.slice(last.valueStart, cursor).startsWith('#')) return undefined;
    if (text[last.valueStart - 1] === ':') return undefined; // `key:` with no space yet
    const typed = text.slice(last.valueStart, cursor);
    if (/^[|>]/.test(typed)) return undefined; // a block scalar header
    const path = [...containerPath(lines, position.line, elements, index), last.key];
    return { kind: 'value', path, col: last.col, start: last.valueStart, end: Math.max(cursor, valueEnd(text, last.valueStart)), prefix: typed };
  }
  if (last.kind === 'key' && cursor > last.keyEnd) return undefined; // between the key and its colon
  // A partly typed word: a key, or the value of a list item.
  const wordStart = last.col;
  const word = text.slice(wordStart, cursor);
  const wordEnd = cursor + (/^[\w.-]*/.exec(text.slice(cursor))?.[0].length ?? 0);
  if (index > 0) {
    const path = [...containerPath(lines, position.line, elements, index - 1), 0];
    const followedByColon = /^\s*:/.test(text.slice(wordEnd));
    return { kind: 'item', path, col: wordStart, start: wordStart, end: followedByColon ? wordEnd : Math.max(cursor, valueEnd(text, wordStart)), prefix: word, followedByColon };
  }
  return keyContext(lines, position.line, wordStart, wordStart, wordEnd, text, word);
}

function keyContext(lines: LineReader, line: number, col: number, start: number, end: number, text: string, prefix: string): CursorContext | undefined {
  if (/[^\w.-]/.test(prefix)) return undefined; // prose, not a key
  const path = containerPath(lines, line, [{ kind: 'key', col, key: prefix, keyEnd: end, valueStart: end, hasValue: false }], 0);
  return { kind: 'key', path, col, start, end, prefix, followedByColon: /^\s*:/.test(text.slice(end)) };
}

/** A one-line scalar's text without its quotes (`''` and `\"` read back as the quote). */
export function unquoteScalar(text: string): string {
  if (text.length >= 2 && (text[0] === '"' || text[0] === "'") && text[text.length - 1] === text[0]) {
    return text[0] === "'" ? text.slice(1, -1).replace(/''/g, "'") : text.slice(1, -1).replace(/\\"/g, '"');
  }
  return text;
}

function scalarText(raw: string): string {
  return unquoteScalar(raw.replace(/\s+#.*$/, '').trim());
}

// Preceded by a newline: every row name sits below its section's key line.
const NAME_LINE = /\n[ \t]*(?:-[ \t]+)*name:[ \t]+([^\n]*)/g;
const PLAIN_ITEM_LINE = /\n[ \t]*-[ \t]+(?!-[ \t])(?!(?:[\w.$-]+|"[^"\n]*"|'[^'\n]*')[ \t]*:(?:[ \t]|\r?\n|$))([^\n]*)/g;

/** Values of `regex`'s first group in `text`, with their offsets. */
function matchesOf(regex: RegExp, text: string): { at: number; value: string }[] {
  const out: { at: number; value: string }[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    const value = scalarText(m[1]);
    if (value && !value.startsWith('#')) out.push({ at: m.index, value });
  }
  return out;
}

/** What a DocumentNames part was read from: the text of its section, and the values. */
interface NamesPart {
  readonly sectionText: string;
  readonly values: readonly string[];
}

/**
 * The names a blueprint defines (row names, responsibilities) and the entries of its
 * summary and career lists, read from the text without a YAML parse: completion needs them
 * on every keystroke, also while the text does not parse. Each part is read on first use,
 * with a regular expression over just its section; a part whose section text is the same as
 * in `previous` (the names of the version before) is taken from it, so an edit elsewhere in a
 * large document costs only the search for the section starts.
 */
export class DocumentNames {
  readonly #text: string;
  #sections: Map<string, string> | undefined;
  readonly #memo = new Map<string, NamesPart>();
  /** The parts read from the version before (only its parts: no chain of older versions). */
  readonly #earlier: ReadonlyMap<string, NamesPart> | undefined;

  constructor(text: string, previous?: DocumentNames) {
    this.#text = text;
    this.#earlier = previous ? previous.#memo : undefined;
  }

  /** `name:` values of the rows of a section (kpis, tools, technical_skills of all tiers, soft_skills). */
  rows(section: 'kpis' | 'tools' | 'technical_skills' | 'soft_skills'): readonly string[] {
    return this.#remember(section, section, (body) => matchesOf(NAME_LINE, body).map((m) => m.value));
  }

  /** Named items' names and plain items of the responsibility groups, in file order. */
  responsibilities(): readonly string[] {
    return this.#remember('responsibilities', 'responsibilities', (body) => [...matchesOf(NAME_LINE, body), ...matchesOf(PLAIN_ITEM_LINE, body)].sort((a, b) => a.at - b.at).map((m) => m.value));
  }

  /** Plain entries of `scorecard_summary.<list>` or `career.<list>`. */
  list(section: 'scorecard_summary' | 'career', list: string): readonly string[] {
    return this.#remember(`${section}.${list}`, section, (body) => {
      const values: string[] = [];
      let current = '';
      let childIndent = -1;
      for (const line of body.split('\n').slice(1)) {
        const info = parseLine(line.replace(/\r$/, ''));
        if (!info.elements.length) continue;
        if (childIndent === -1) childIndent = info.indent;
        const last = info.elements[info.elements.length - 1];
        if (info.indent === childIndent && info.elements[0].kind === 'key') current = info.elements[0].key;
        else if (current === list && last.kind === 'scalar' && info.elements.length > 1) {
          const value = scalarText(line.slice(last.col));
          if (value) values.push(value);
        }
      }
      return values;
    });
  }

  #remember(key: string, section: string, compute: (sectionText: string) => readonly string[]): readonly string[] {
    let part = this.#memo.get(key);
    if (!part) {
      const sectionText = this.#section(section);
      const earlier = this.#earlier?.get(key);
      // The part keeps this version's section text, so an old text is not held for long.
      // Values read from a copy: they outlive this version when the section does not change.
      part = { sectionText, values: earlier && earlier.sectionText === sectionText ? earlier.values : compute(detachedCopy(sectionText)) };
      this.#memo.set(key, part);
    }
    return part.values;
  }

  /** The text of a top-level section (its first occurrence), from its key line to the next. */
  #section(key: string): string {
    if (!this.#sections) {
      this.#sections = new Map();
      const text = this.#text;
      let start = -1;
      let startKey = '';
      for (let offset = 0; offset <= text.length; ) {
        let end = text.indexOf('\n', offset);
        if (end === -1) end = text.length;
        const first = text.charCodeAt(offset);
        // Only a line starting with a key character can start a section.
        if (first !== SPACE && first !== HASH && first !== DASH && first !== 10 && first !== 13 && first !== 9 && offset < text.length) {
          const match = KEY.exec(text.slice(offset, Math.min(end, offset + 200)));
          if (match) {
            if (start >= 0 && !this.#sections.has(startKey)) this.#sections.set(startKey, text.slice(start, offset));
            start = offset;
            startKey = unquote(match[1]);
          }
        }
        offset = end + 1;
      }
      if (start >= 0 && !this.#sections.has(startKey)) this.#sections.set(startKey, text.slice(start));
    }
    return this.#sections.get(key) ?? '';
  }
}
