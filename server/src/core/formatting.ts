import { isMap, isScalar, Lexer, parseAllDocuments, Scalar, visit, type Document } from 'yaml';
import type { TextEdit } from 'vscode-languageserver-types';
import type { ParsedBlueprint } from './parse';
import { canonicalOrder, topLevelLayout } from './topLevelChunks';
import type { ITextDocument } from './types';

/**
 * Document formatting: re-prints the YAML with the `yaml` package (consistent indentation,
 * sequences indented under their key) and puts the top-level sections in canonical order.
 *
 * The printer keeps comments, but it re-attaches some of them (a comment line it reads as the
 * end of the line above, for one). So every result is checked before it is offered: the same
 * value, and the same comments in the same order, each still on its own line or at the end of
 * a line as before and still in the same section. Anything else and formatting declines
 * (no edits) rather than lose or move an author's text; so does a document with syntax errors.
 */

export interface FormattingOptions {
  readonly tabSize: number;
  readonly insertSpaces: boolean;
}

export function formatDocument(doc: ITextDocument, parsed: ParsedBlueprint | undefined, options: FormattingOptions): TextEdit[] {
  const text = doc.getText();
  if (!parsed || parsed.text !== text || parsed.problems.some((p) => p.severity === 'error')) return [];
  const formatted = formatText(text, options);
  if (formatted === undefined || formatted === text) return [];
  return [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: formatted }];
}

/** The formatted text, or undefined when the text cannot be formatted without changing it. */
export function formatText(text: string, options: FormattingOptions): string | undefined {
  if (topLevelLayout(text)) {
    const sorted = print(text, options, true);
    if (sorted !== undefined) return sorted;
  }
  // Sections are told apart by their column-0 key lines and comments, which some layouts (a
  // sequence at column 0 under its key, an indented comment on top) blur, and sorting can put an
  // alias before its anchor: re-indent first, then sort the re-indented text if that is safe.
  const indented = print(text, options, false);
  if (indented === undefined) return undefined;
  return print(indented, options, true) ?? indented;
}

function print(text: string, options: FormattingOptions, sortSections: boolean): string | undefined {
  const docs = parseAllDocuments(text, { uniqueKeys: true, strict: true });
  if (!Array.isArray(docs) || docs.length !== 1) return undefined;
  const [document] = docs;
  if (document.errors.length || document.warnings.length) return undefined;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }

  if (sortSections) sortTopLevel(document);
  const scalarsBefore = scalarsOf(document);
  let out: string;
  try {
    out = document.toString({
      indent: Math.min(8, Math.max(1, Math.floor(options.tabSize) || 2)),
      indentSeq: true,
      lineWidth: 0,
      minContentWidth: 0,
      flowCollectionPadding: false,
    });
  } catch {
    return undefined; // e.g. an alias that would now come before its anchor
  }
  out = keepFoldedLines(text, scalarsBefore, out);
  if (eol === '\r\n') out = out.replace(/\n/g, '\r\n');
  if (text.charCodeAt(0) === 0xfeff) out = '\ufeff' + out;

  const check = parseAllDocuments(out, { uniqueKeys: true, strict: true });
  if (!Array.isArray(check) || check.length !== 1 || check[0].errors.length) return undefined;
  let after: unknown;
  try {
    after = check[0].toJS({ maxAliasCount: 100 });
  } catch {
    return undefined;
  }
  if (!sameValue(value, after)) return undefined;
  const layout = topLevelLayout(text);
  const before = commentsBySection(text, layout);
  const afterComments = commentsBySection(out);
  // Without sections to tell apart in the input, comments can only be compared in order.
  const grouped = layout !== undefined;
  if (!sameComments(grouped ? before : flatten(before), grouped ? afterComments : flatten(afterComments))) return undefined;
  return out;
}

function scalarsOf(document: Document): Scalar[] {
  const scalars: Scalar[] = [];
  visit(document, {
    Scalar: (_, node) => {
      scalars.push(node);
    },
  });
  return scalars;
}

/**
 * The printer (with no line width) joins the lines of a folded block scalar (`>`) into one; the
 * author's line breaks there are layout, so each folded body is put back as written, only
 * re-indented. The value is unchanged either way (and checked afterwards).
 */
function keepFoldedLines(source: string, before: readonly Scalar[], out: string): string {
  const [printed] = parseAllDocuments(out);
  if (!printed || printed.errors.length) return out;
  const after = scalarsOf(printed);
  if (after.length !== before.length) return out;
  const replacements: { start: number; end: number; text: string }[] = [];
  before.forEach((original, i) => {
    const now = after[i];
    if (original.type !== Scalar.BLOCK_FOLDED || now.type !== Scalar.BLOCK_FOLDED || !original.range || !now.range) return;
    const written = source.slice(original.range[0], original.range[1]).replace(/\r\n/g, '\n');
    const headerEnd = written.indexOf('\n');
    // An explicit indentation indicator (`>2`) ties the body to its old indentation.
    if (headerEnd === -1 || /\d/.test(written.slice(0, headerEnd).replace(/#.*$/, ''))) return;
    const body = written.slice(headerEnd + 1);
    const printedBlock = out.slice(now.range[0], now.range[1]);
    const printedHeaderEnd = printedBlock.indexOf('\n');
    const fromIndent = /^ *(?=\S)/m.exec(body)?.[0].length ?? 0;
    const toIndent = /^ *(?=\S)/m.exec(printedBlock.slice(printedHeaderEnd + 1))?.[0].length ?? 0;
    const reindented = body
      .split('\n')
      .map((line) => (line.trim() === '' && line.length <= fromIndent ? '' : ' '.repeat(toIndent) + line.slice(fromIndent)))
      .join('\n');
    replacements.push({ start: now.range[0] + printedHeaderEnd + 1, end: now.range[1], text: reindented });
  });
  let result = out;
  for (const r of replacements.reverse()) result = result.slice(0, r.start) + r.text + result.slice(r.end);
  return result;
}

/** A comment's text split at its last blank line: what belongs above (detached) and the run on the key. */
function splitComment(comment: string | null | undefined): { detached: string; attached: string } {
  if (!comment) return { detached: '', attached: '' };
  const lines = comment.split('\n');
  const blank = lines.map((l) => l.trim() === '').lastIndexOf(true);
  return blank === -1 ? { detached: '', attached: comment } : { detached: lines.slice(0, blank).join('\n').replace(/\n+$/, ''), attached: lines.slice(blank + 1).join('\n') };
}

const joinComments = (...parts: string[]): string => parts.filter((p) => p !== '').join('\n\n');

/**
 * Reorders the top-level pairs. A comment directly above a key moves with it; a comment set off
 * by a blank line belongs to what precedes it (the header, or the section before), as in
 * `topLevelLayout`, so the sort code action and the formatter agree.
 */
function sortTopLevel(document: Document.Parsed): void {
  const map = document.contents;
  if (!isMap(map) || map.flow) return;
  const pairs = map.items;
  const keyName = (pair: (typeof pairs)[number]): string => (isScalar(pair.key) ? String(pair.key.value) : '');
  const order = canonicalOrder(pairs, keyName);
  if (order.every((pair, i) => pair === pairs[i])) return;
  const parts = pairs.map((pair) => splitComment(isScalar(pair.key) ? pair.key.commentBefore : undefined));
  // trailing[i]: the detached comment that followed pair i (it sat above pair i + 1).
  const trailing = pairs.map((_, i) => parts[i + 1]?.detached ?? '');
  const header = parts[0].detached;
  order.forEach((pair, slot) => {
    if (!isScalar(pair.key)) return;
    const i = pairs.indexOf(pair);
    const before = slot === 0 ? header : trailing[pairs.indexOf(order[slot - 1])];
    // A trailing empty comment line prints as a blank line: the moved comment stays set off from the key.
    pair.key.commentBefore = (parts[i].attached ? joinComments(before, parts[i].attached) : before && `${before}\n`) || undefined;
    if (slot === 0) pair.key.spaceBefore = undefined;
  });
  const lastTrailing = trailing[pairs.indexOf(order[order.length - 1])];
  if (lastTrailing) document.comment = joinComments(lastTrailing, document.comment ?? '');
  map.items = order;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a instanceof Map || b instanceof Map || a instanceof Set || b instanceof Set) return false;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Each comment as `L text` (own line), `T text` (after content) or `K text` (just after a
 * `key:` that opens a block, on its line or the next: the printer writes such a comment on the
 * next line, which keeps it with its key), grouped by the section that holds it.
 */
export function commentsBySection(text: string, layout = topLevelLayout(text)): Map<string, string[]> {
  const owner = (offset: number): string => {
    if (!layout) return '';
    if (offset < layout.chunks[0].start) return '(preamble)';
    if (offset >= layout.footerStart) return '(footer)';
    const chunk = layout.chunks.find((c) => offset >= c.start && offset < c.end);
    return chunk ? chunk.key : '';
  };
  const groups = new Map<string, string[]>();
  let offset = 0;
  let lastOnLine = '';
  let previousLineOpensBlock = false;
  for (const token of new Lexer().lex(text)) {
    // The lexer's control tokens (document, scalar, flow-error markers) take no source text.
    if (token === '\x02' || token === '\x1f' || token === '\x18') continue;
    if (token.startsWith('#')) {
      const kind = lastOnLine === ':' || (lastOnLine === '' && previousLineOpensBlock) ? 'K' : lastOnLine ? 'T' : 'L';
      const key = owner(offset);
      const list = groups.get(key) ?? [];
      list.push(`${kind} ${token.trimEnd()}`);
      groups.set(key, list);
      lastOnLine = lastOnLine || '#';
    } else if (token.includes('\n')) {
      previousLineOpensBlock = lastOnLine === ':';
      // A block scalar's body is one token that ends the line it is on.
      lastOnLine = /\n[ \t\r]*$/.test(token) || token.trim() === '' ? '' : 'scalar';
    } else if (token.trim() !== '' && token !== '\ufeff') {
      lastOnLine = token.trim();
    }
    offset += token.length;
  }
  return groups;
}

/** All comments in document order, as one group. */
function flatten(groups: Map<string, string[]>): Map<string, string[]> {
  return new Map([['', [...groups.values()].flat()]]);
}

function sameComments(a: Map<string, string[]>, b: Map<string, string[]>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, list] of a) {
    const other = b.get(key);
    if (!other || other.length !== list.length || list.some((c, i) => c !== other[i])) return false;
  }
  return true;
}
