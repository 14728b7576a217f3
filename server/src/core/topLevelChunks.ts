import { KEEP_CHOMPING, keyOfLine, scanLines, type Line } from './listChunks';
import { splitTopLevel } from './parse';
import { TOP_LEVEL_ORDER } from './sections';

/**
 * The top level of a blueprint as whole-line chunks of text, for edits that move or add
 * sections without re-printing them (sorting sections, inserting a skeleton).
 *
 * A chunk is one top-level entry: the comment lines directly above its key (no blank line in
 * between), its key line, everything down to the next chunk, minus its trailing blank lines
 * (its `separator`). Text before the first chunk is the `preamble` (a header comment set off by a
 * blank line); column-0 comments after the last entry are the `footer`. Preamble, chunks and
 * footer concatenate back to the exact text.
 */

export interface TopLevelChunk {
  readonly key: string;
  /** Offset of the chunk's first line (its attached comments, or its key line). */
  readonly start: number;
  /** End of the chunk's body: after the newline of its last non-blank line (or the text end). */
  readonly bodyEnd: number;
  /** End of the trailing blank lines that separate it from what follows. */
  readonly end: number;
  /** Its value ends in a keep-chomping block scalar (`|+`): blank lines after it would join the value. */
  readonly keepsTrailingLines: boolean;
}

export interface TopLevelLayout {
  readonly text: string;
  readonly eol: string;
  readonly chunks: readonly TopLevelChunk[];
  /** Start of the footer (equals the last chunk's `end`). */
  readonly footerStart: number;
}

const isBlank = (line: Line): boolean => line.text.trim() === '';
const isColumnZeroComment = (line: Line): boolean => line.text.startsWith('#') || (line.start === 0 && line.text.startsWith('\ufeff#'));

/** The chunks of a plain block-mapping document; undefined for any other shape. */
export function topLevelLayout(text: string): TopLevelLayout | undefined {
  const starts = splitTopLevel(text);
  if (!starts) return undefined;
  const lines = scanLines(text);
  const lineIndexAt = new Map(lines.map((line, i) => [line.start, i]));
  const keyLines: number[] = [];
  for (const start of starts) {
    let i = lineIndexAt.get(start) ?? 0;
    // A start may be a comment run that indented lines of the previous entry follow: skip to the key.
    while (i < lines.length && (lines[i].text.trim().startsWith('#') || isBlank(lines[i]) || /^[ \t]/.test(lines[i].text))) i++;
    keyLines.push(i);
  }
  // The footer: column-0 comments (and blank lines) after the last line of content.
  let footerLine = lines.length;
  while (footerLine > keyLines[keyLines.length - 1] + 1 && (isBlank(lines[footerLine - 1]) || isColumnZeroComment(lines[footerLine - 1]))) footerLine--;
  while (footerLine < lines.length && isBlank(lines[footerLine])) footerLine++;
  const footerStart = footerLine < lines.length ? lines[footerLine].start : text.length;

  const attachedStart = keyLines.map((keyLine) => {
    let i = keyLine;
    while (i > 0 && isColumnZeroComment(lines[i - 1])) i--;
    return lines[i].start;
  });
  const chunks = keyLines.map((keyLine, n): TopLevelChunk => {
    const start = attachedStart[n];
    const end = n + 1 < keyLines.length ? attachedStart[n + 1] : footerStart;
    let last = lines.findIndex((line) => line.next >= end && line.start < end);
    if (last === -1) last = lines.length - 1;
    while (last > keyLine && isBlank(lines[last])) last--;
    const bodyEnd = Math.min(end, lines[last].next);
    // Under a keep-chomping block scalar (`|+`) trailing blank lines are part of the value.
    const keepsTrailingLines = KEEP_CHOMPING.test(text.slice(start, bodyEnd));
    return { key: keyOfLine(lines[keyLine].text), start, bodyEnd: keepsTrailingLines ? end : bodyEnd, end, keepsTrailingLines };
  });
  return { text, eol: text.includes('\r\n') ? '\r\n' : '\n', chunks, footerStart };
}

/** Canonical rank of a top-level key; unknown keys rank after every known one. */
export function canonicalRank(key: string): number {
  const index = TOP_LEVEL_ORDER.indexOf(key);
  return index === -1 ? TOP_LEVEL_ORDER.length : index;
}

/** Keys in canonical order (stable: unknown and repeated keys keep their relative place). */
export function canonicalOrder<T>(items: readonly T[], keyOf: (item: T) => string): T[] {
  return items
    .map((item, index) => ({ item, index, rank: canonicalRank(keyOf(item)) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ item }) => item);
}

export function isCanonicallyOrdered(keys: readonly string[]): boolean {
  return keys.every((key, i) => i === 0 || canonicalRank(keys[i - 1]) <= canonicalRank(key));
}

/**
 * The text from the first chunk to the footer with the chunks in canonical order; every line of
 * the input appears exactly once in the output.
 */
export function sortedChunksText(layout: TopLevelLayout): string {
  const { text, eol, chunks } = layout;
  const bodies = chunks.map((c) => text.slice(c.start, c.bodyEnd));
  const separators = chunks.map((c) => text.slice(c.bodyEnd, c.end));
  const order = canonicalOrder(chunks.map((c, i) => ({ key: c.key, i })), (x) => x.key);
  // Blank lines move with their section, except that what separated the last section from the
  // footer stays there (the sections now and formerly last swap separators).
  const last = chunks.length - 1;
  const newLast = order[last].i;
  if (!chunks[newLast].keepsTrailingLines && !chunks[last].keepsTrailingLines) [separators[last], separators[newLast]] = [separators[newLast], separators[last]];
  let out = '';
  order.forEach(({ i }, slot) => {
    // Only the old last entry can lack a final line break; it needs one unless it stays last.
    out += bodies[i] + (slot < last && !bodies[i].endsWith('\n') ? eol : '') + separators[i];
  });
  return out;
}
