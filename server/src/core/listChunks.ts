import { isMap, isPair, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node, type ParsedNode } from 'yaml';

/**
 * Big block lists inside one top-level section, cut into one chunk per item.
 *
 * The row-heavy sections of a blueprint (`tools`, `kpis`, `technical_skills.must_have` …) can run
 * to thousands of lines, and re-parsing one of them on every keystroke costs tens of
 * milliseconds. So a section's text is cut into a *frame* (the section with every big list
 * reduced to its first item) and the list's other *items*; each is parsed on its own and cached
 * by its text, and an edit re-parses only the piece it touched. The section's node tree is then
 * the frame's, with the other items' nodes moved to their offsets and appended.
 *
 * Only plain shapes are cut: a list directly under the section key or under a key of the
 * section's mapping, no comments in or right after it, no keep-chomping block scalars, no tabs,
 * no item that ends in an empty value. Whatever a piece's parse finds odd (an error, a warning, an alias, more than one item)
 * makes the caller parse the section whole, so results never differ from a whole parse.
 */

/** Lists shorter than this are parsed with their section: cutting them saves nothing. */
const MIN_LIST_CHARS = 2_000;

/** A block scalar whose trailing blank lines are part of its value (`|+`, `>2+` …). */
export const KEEP_CHOMPING = /[:-][ \t]+(?:[|>][1-9]?\+|[|>]\+[1-9])[ \t]*(?:#.*)?\r?$/m;

/**
 * A line that ends in an empty value (`key:`, `-`, a block scalar header, a lone anchor or tag):
 * the yaml package gives the blank lines after an empty value to it (\`spaceBefore\`), so an item
 * that ends in one must not be cut from what follows it.
 */
const ENDS_EMPTY = /(?:^|[ \t])(?:-|[|>][1-9+-]*|[&!][^ \t]*)[ \t]*\r?$|:[ \t]*\r?$/;

const INLINE_COMMENT = /[ \t]#/;

const EMPTY_VALUE_KEY = /^( {0,2})(?:[A-Za-z0-9_][\w.-]*|"[^"\n]*"|'[^'\n]*')[ \t]*:[ \t]*\r?$/;

/** One big list of a section: where its items start and what the frame keeps of it. */
export interface ListCut {
  /** Keys from the section key down to the list (`['kpis']`, `['technical_skills', 'must_have']`). */
  readonly path: readonly string[];
  /** Offset in the section text where the frame stops keeping the list: after the first item's last non-blank line. */
  readonly cut: number;
  /** After the list's last non-blank line: the frame resumes here. */
  readonly end: number;
  /** Start of each item after the first (item i runs to the next start, the last one to `end`). */
  readonly itemStarts: readonly number[];
}

export interface SectionLayout {
  readonly frameText: string;
  readonly lists: readonly ListCut[];
}

export interface Line {
  readonly start: number;
  /** Start of the next line (after the line break, or the text end). */
  readonly next: number;
  /** Leading spaces; -1 for a blank line, -2 for a line to stop at (a comment, a tab). */
  readonly indent: number;
  /** The line without its `\n` (a `\r` before it is kept). */
  readonly text: string;
}

export function scanLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < text.length) {
    const newline = text.indexOf('\n', start);
    const next = newline === -1 ? text.length : newline + 1;
    const line = text.slice(start, newline === -1 ? text.length : newline);
    let indent = 0;
    while (indent < line.length && line.charCodeAt(indent) === 32) indent++;
    const first = line.charAt(indent);
    const rest = line.length - indent;
    const kind = rest === 0 || (first === '\r' && rest === 1) ? -1 : first === '#' || first === '\t' ? -2 : indent;
    lines.push({ start, next, indent: kind, text: line });
    start = next;
  }
  return lines;
}

/** The key of a `key: …` line (indented or not, after a BOM), unquoted; '' when it has none. */
export function keyOfLine(line: string): string {
  const raw = line.replace(/^\ufeff/, '').trimStart().match(/^("[^"\n]*"|'[^'\n]*'|[^:]+?)[ \t]*:/)?.[1] ?? '';
  return /^["']/.test(raw) ? raw.slice(1, -1) : raw;
}

const isItemLine = (line: Line, indent: number): boolean => line.indent === indent && (line.text.startsWith('- ', indent) || line.text.slice(indent) === '-' || line.text.slice(indent) === '-\r');

/**
 * The list under the key on line `keyLine`, when it is plain and big enough to cut; `stop` is
 * the line the scan may go on from.
 */
function listAfter(lines: readonly Line[], keyLine: number, path: readonly string[], text: string): { list?: ListCut; stop: number } {
  const keyIndent = lines[keyLine].indent;
  let i = keyLine + 1;
  while (i < lines.length && lines[i].indent === -1) i++;
  if (i >= lines.length) return { stop: i };
  const indent = lines[i].indent;
  if (indent < keyIndent || (keyIndent === 0 && indent === 0) || !isItemLine(lines[i], indent)) return { stop: i };
  const first = i;
  const itemLines: number[] = [first];
  let lastContent = first;
  for (i = first + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.indent === -1) continue;
    if (line.indent === -2) return { stop: i }; // a comment or a tab: parse this list with its section
    if (line.indent > indent) {
      lastContent = i;
      continue;
    }
    if (isItemLine(line, indent)) {
      if (ENDS_EMPTY.test(lines[lastContent].text)) return { stop: i };
      itemLines.push(i);
      lastContent = i;
      continue;
    }
    if (line.indent === indent && indent > keyIndent) return { stop: i }; // not an item where items are: odd
    break;
  }
  const stop = i;
  if (ENDS_EMPTY.test(lines[lastContent].text)) return { stop };
  const end = lines[lastContent].next;
  if (itemLines.length < 2 || end - lines[first].start < MIN_LIST_CHARS) return { stop };
  const body = text.slice(lines[first].start, end);
  // Keep-chomping scalars keep the blank lines that cutting moves; a comment at the end of a
  // line (or what could be one, inside quotes) attaches to nodes by what follows it.
  if (KEEP_CHOMPING.test(body) || INLINE_COMMENT.test(body)) return { stop };
  let firstEnd = itemLines[1] - 1;
  while (lines[firstEnd].indent === -1) firstEnd--;
  return { list: { path, cut: lines[firstEnd].next, end, itemStarts: itemLines.slice(1).map((n) => lines[n].start) }, stop };
}

/** Where to cut a section's text; undefined when it has no big plain list. */
export function sectionLayout(text: string): SectionLayout | undefined {
  const lines = scanLines(text);
  const keyLine = lines.findIndex((line) => line.indent === 0);
  if (keyLine === -1 || !EMPTY_VALUE_KEY.test(lines[keyLine].text)) return undefined;
  const sectionKey = keyOfLine(lines[keyLine].text);
  const lists: ListCut[] = [];
  const top = listAfter(lines, keyLine, [sectionKey], text);
  if (top.list) lists.push(top.list);
  else {
    // The section is a mapping: look for lists under its keys.
    for (let i = keyLine + 1; i < lines.length; i++) {
      const line = lines[i];
      if (line.indent === 0) break;
      if (line.indent !== 2 || !EMPTY_VALUE_KEY.test(line.text)) continue;
      const found = listAfter(lines, i, [sectionKey, keyOfLine(line.text)], text);
      if (found.list) lists.push(found.list);
      i = found.stop - 1;
    }
  }
  if (lists.length === 0) return undefined;
  let frameText = '';
  let from = 0;
  for (const list of lists) {
    frameText += text.slice(from, list.cut);
    from = list.end;
  }
  frameText += text.slice(from);
  return { frameText, lists };
}

/** Maps frame offsets to section offsets: a start at a cut is after it, an end at a cut before it. */
export function frameOffsetMapper(lists: readonly ListCut[]): (offset: number, isEnd: boolean) => number {
  const cuts = lists.map((l) => ({ at: l.cut, removed: l.end - l.cut }));
  return (offset, isEnd) => {
    let shifted = offset;
    let frameCut = 0;
    for (const { at, removed } of cuts) {
      // `at` is a section offset; the same point in the frame is `at` minus what earlier cuts removed.
      const frameAt = at - frameCut;
      if (isEnd ? offset > frameAt : offset >= frameAt) shifted += removed;
      frameCut += removed;
    }
    return shifted;
  };
}

/** True when the node tree holds an alias (a piece with one is parsed with its section). */
export function hasAlias(node: Node | null): boolean {
  let found = false;
  if (node)
    visit(node, {
      Alias: () => {
        found = true;
        return visit.BREAK;
      },
    });
  return found;
}

/**
 * A copy of a node or pair with the same own properties. Made through the yaml package's own
 * constructors (they set its type tag and schema) and Object.assign: several times faster than
 * copying property descriptors, and each edit of a section copies its frame's moved nodes.
 */
function shallowCopy<T extends object>(value: T): T {
  if (isScalar(value)) return Object.assign(new Scalar(null), value) as T;
  if (isMap(value)) return Object.assign(new YAMLMap(value.schema), value) as T;
  if (isSeq(value)) return Object.assign(new YAMLSeq(value.schema), value) as T;
  if (isPair(value)) return Object.assign(new Pair(null), value) as T;
  return Object.create(Object.getPrototypeOf(value), Object.getOwnPropertyDescriptors(value)) as T;
}

/**
 * The tree with every range mapped through `map`: nodes whose subtree keeps its ranges are
 * shared, the others are copied (the input is never changed).
 */
export function movedTree(node: Node | null, map: (offset: number, isEnd: boolean) => number): Node | null {
  if (!node) return node;
  let items: unknown[] | undefined;
  if (isMap(node)) {
    node.items.forEach((pair, i) => {
      const key = movedTree(pair.key as Node | null, map);
      const value = movedTree(pair.value as Node | null, map);
      if (key === pair.key && value === pair.value) return;
      items ??= [...node.items];
      const moved = shallowCopy(pair);
      moved.key = key;
      moved.value = value;
      items[i] = moved;
    });
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const moved = movedTree(item as Node | null, map);
      if (moved === item) return;
      items ??= [...node.items];
      items[i] = moved;
    });
  }
  const range = node.range;
  const mapped = range ? ([map(range[0], false), map(range[1], true), map(range[2], true)] as const) : undefined;
  const rangeMoved = range && mapped && (mapped[0] !== range[0] || mapped[1] !== range[1] || mapped[2] !== range[2]);
  if (!items && !rangeMoved) return node;
  const copy = shallowCopy(node) as Node & { items?: unknown[] };
  if (items) copy.items = items;
  else if (isMap(node) || isSeq(node)) copy.items = [...node.items];
  copy.range = mapped ? [mapped[0], mapped[1], mapped[2]] : range;
  return copy;
}

/**
 * Moves every range of a tree nobody else holds (a piece just parsed, or an item piece the
 * parser moves along), in place: its nodes' range arrays are their own (the yaml package makes
 * one per node, and copies here get new ones).
 */
export function moveRanges(node: Node | null, delta: number): void {
  if (!node) return;
  const range = node.range as [number, number, number] | null | undefined;
  if (range) {
    range[0] += delta;
    range[1] += delta;
    range[2] += delta;
  }
  if (isMap(node)) {
    for (const pair of node.items) {
      moveRanges(pair.key as Node | null, delta);
      moveRanges(pair.value as Node | null, delta);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) moveRanges(item as Node | null, delta);
  }
}

/**
 * The tree with the collections and pairs from the root down to the list at `path` copied, so
 * that the list and the ends of the collections above it can be changed; undefined when `path`
 * does not lead to a list.
 */
export function withOwnedList(root: ParsedNode, path: readonly string[]): { root: ParsedNode; list: YAMLSeq<ParsedNode>; ancestors: YAMLMap[] } | undefined {
  const ancestors: YAMLMap[] = [];
  const copyOf = (node: YAMLMap | YAMLSeq) => {
    const copy = shallowCopy(node);
    copy.items = [...node.items];
    return copy;
  };
  if (!isMap(root)) return undefined;
  const newRoot = copyOf(root) as YAMLMap;
  let parent = newRoot;
  for (let depth = 0; depth < path.length; depth++) {
    ancestors.push(parent);
    const at = parent.items.findIndex((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === path[depth]);
    if (at === -1) return undefined;
    const pair = shallowCopy(parent.items[at]);
    parent.items[at] = pair;
    const value = pair.value;
    if (depth === path.length - 1) {
      if (!isSeq(value)) return undefined;
      const list = copyOf(value) as YAMLSeq<ParsedNode>;
      pair.value = list;
      return { root: newRoot as unknown as ParsedNode, list, ancestors };
    }
    if (!isMap(value)) return undefined;
    parent = copyOf(value) as YAMLMap;
    pair.value = parent;
  }
  return undefined;
}

/** The list node at `path` below the section's root map. */
export function findList(root: ParsedNode | null, path: readonly string[]): YAMLSeq<ParsedNode> | undefined {
  let node: unknown = root;
  for (const key of path) {
    if (!isMap(node)) return undefined;
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    node = pair?.value;
  }
  return isSeq(node) ? (node as YAMLSeq<ParsedNode>) : undefined;
}
