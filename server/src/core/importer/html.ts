/**
 * HTML → a flat outline of the blueprint: sections (h2) holding subsections (h3) holding blocks
 * (paragraphs, lists, tables). Text is decoded and split into lines the way a reader sees them:
 * `<br>` breaks a line, and so does a newline followed by a dash bullet ("\n– item"), which is how
 * these posts write lists inside a paragraph. Bold runs are kept so lead-ins can be recognised.
 */
import { HTMLElement, Node, NodeType, parse } from 'node-html-parser';

export interface Segment {
  readonly text: string;
  readonly bold: boolean;
}

export interface Line {
  /** The line's text, whitespace collapsed, bullet marker removed. */
  readonly text: string;
  /** Runs of the line in order, same text as `text` once joined. */
  readonly segments: readonly Segment[];
  /** The source wrote this line as a dash bullet ("– item"). */
  readonly bullet: boolean;
}

export interface ListItem {
  readonly lines: readonly Line[];
  /** Items of lists nested inside this item. */
  readonly children: readonly ListItem[];
}

export type Block =
  | { readonly kind: 'paragraph'; readonly lines: readonly Line[] }
  | { readonly kind: 'list'; readonly items: readonly ListItem[] }
  | { readonly kind: 'table'; readonly header: readonly string[]; readonly rows: readonly (readonly string[])[] };

export interface Subsection {
  /** Heading text as written (h3/h4), or undefined for the blocks before the first h3. */
  readonly heading: string;
  readonly blocks: Block[];
}

export interface SourceSection {
  /** The h2 text as written, e.g. "7) KPIs and Productivity Metrics". */
  readonly heading: string;
  /** The number the source gives the section ("7"), if any. */
  readonly number?: number;
  /** The heading without its number. */
  readonly title: string;
  /** Blocks between the h2 and the first h3. */
  readonly intro: Block[];
  readonly subsections: Subsection[];
}

export interface SourceOutline {
  /** Text of the first h1 / title element, if any. */
  readonly pageTitle?: string;
  /** Blocks before the first h2. */
  readonly preamble: Block[];
  readonly sections: SourceSection[];
}

/** Elements whose content is never blueprint text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'footer', 'svg', 'head', 'form', 'button', 'iframe']);
/** Inline elements whose text flows into the surrounding line. */
const INLINE = new Set(['a', 'abbr', 'b', 'strong', 'em', 'i', 'u', 's', 'span', 'code', 'mark', 'small', 'sub', 'sup', 'kbd', 'q', 'cite', 'time', 'del', 'ins', 'var', 'samp', 'font', 'label', 'data', 'dfn', 'bdi', 'bdo', 'wbr', 'img']);
const BOLD = new Set(['strong', 'b']);
/** A newline followed by a dash bullet starts a new line. */
const SOFT_BREAK = /\n(?=[ \t\u00a0]*[–—•\-*][ \t\u00a0])/;
const BULLET = /^[–—•\-*][ \t\u00a0]+/;

function tagOf(node: Node): string {
  return node.nodeType === NodeType.ELEMENT_NODE ? (node as HTMLElement).rawTagName.toLowerCase() : '';
}

/** Collects inline runs into lines. */
class LineBuilder {
  private readonly lines: Segment[][] = [[]];

  add(text: string, bold: boolean): void {
    const parts = text.split(SOFT_BREAK);
    parts.forEach((part, index) => {
      if (index > 0) this.lines.push([]);
      this.lines[this.lines.length - 1].push({ text: part, bold });
    });
  }

  hardBreak(): void {
    this.lines.push([]);
  }

  build(): Line[] {
    const result: Line[] = [];
    for (const raw of this.lines) {
      const line = makeLine(raw);
      if (line) result.push(line);
    }
    return result;
  }
}

/** Normalises one line's runs: collapsed whitespace, merged runs, bullet marker removed. */
function makeLine(raw: readonly Segment[]): Line | undefined {
  const merged: { text: string; bold: boolean }[] = [];
  for (const segment of raw) {
    const text = segment.text.replace(/[\s\u00a0]+/g, ' ');
    if (!text) continue;
    const last = merged[merged.length - 1];
    // A whitespace-only run takes the style of its neighbour so bold lead-ins stay one run.
    if (last && (last.bold === segment.bold || !text.trim())) last.text += text;
    else merged.push({ text, bold: segment.bold });
  }
  let full = merged.map((s) => s.text).join('');
  const leading = full.length - full.trimStart().length;
  full = full.trim();
  if (!full) return undefined;
  const bulletMatch = BULLET.exec(full);
  let skip = leading + (bulletMatch ? bulletMatch[0].length : 0);
  const segments: Segment[] = [];
  for (const s of merged) {
    let text = s.text;
    if (skip > 0) {
      const cut = Math.min(skip, text.length);
      text = text.slice(cut);
      skip -= cut;
    }
    if (text) segments.push({ text, bold: s.bold });
  }
  // Trim the edges of the run list to match the trimmed text.
  if (segments.length) {
    const lastIndex = segments.length - 1;
    segments[lastIndex] = { ...segments[lastIndex], text: segments[lastIndex].text.trimEnd() };
    segments[0] = { ...segments[0], text: segments[0].text.trimStart() };
  }
  const text = segments.map((s) => s.text).join('');
  if (!text) return undefined;
  return { text, segments: segments.filter((s) => s.text), bullet: Boolean(bulletMatch) };
}

/**
 * Lines of an element's inline content. Nested lists are returned separately so list items can
 * keep their children; other block children (p, div) just break lines.
 */
function collectLines(element: HTMLElement, nestedLists: HTMLElement[] | undefined): Line[] {
  return collectNodeLines(element.childNodes, nestedLists);
}

function collectNodeLines(nodes: readonly Node[], nestedLists: HTMLElement[] | undefined): Line[] {
  const builder = new LineBuilder();
  const walk = (node: Node, bold: boolean): void => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      builder.add(node.text, bold);
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const tag = tagOf(node);
    if (SKIPPED.has(tag)) return;
    if (tag === 'br') {
      builder.hardBreak();
      return;
    }
    if ((tag === 'ul' || tag === 'ol') && nestedLists) {
      nestedLists.push(node as HTMLElement);
      builder.hardBreak();
      return;
    }
    const block = !INLINE.has(tag);
    if (block) builder.hardBreak();
    for (const child of node.childNodes) walk(child, bold || BOLD.has(tag));
    if (block) builder.hardBreak();
  };
  for (const node of nodes) walk(node, false);
  return builder.build();
}

function listItems(list: HTMLElement): ListItem[] {
  const items: ListItem[] = [];
  for (const child of list.childNodes) {
    if (tagOf(child) !== 'li') {
      // Stray text or elements directly in a list still count as an item.
      const lines = collectNodeLines([child], undefined);
      if (lines.length) items.push({ lines, children: [] });
      continue;
    }
    const nested: HTMLElement[] = [];
    const lines = collectLines(child as HTMLElement, nested);
    const children = nested.flatMap(listItems);
    if (lines.length || children.length) items.push({ lines, children });
  }
  return items;
}

function cellText(cell: HTMLElement): string {
  return collectLines(cell, undefined)
    .map((line) => (line.bullet ? `– ${line.text}` : line.text))
    .join('\n');
}

function tableBlock(table: HTMLElement): Block | undefined {
  const rows = table.querySelectorAll('tr');
  if (!rows.length) return undefined;
  const cells = rows.map((row) => row.childNodes.filter((c) => tagOf(c) === 'th' || tagOf(c) === 'td') as HTMLElement[]);
  const hasHead = table.querySelector('thead') !== null || cells[0].every((c) => tagOf(c) === 'th');
  const header = hasHead ? cells[0].map(cellText) : [];
  const body = (hasHead ? cells.slice(1) : cells).map((row) => row.map(cellText)).filter((row) => row.some((c) => c));
  return { kind: 'table', header, rows: body };
}

type Event =
  | { readonly kind: 'heading'; readonly level: 1 | 2 | 3; readonly text: string }
  | { readonly kind: 'block'; readonly block: Block };

/** Walks the document in reading order and emits headings and content blocks. */
function events(root: HTMLElement): Event[] {
  const out: Event[] = [];
  // Loose inline content outside any paragraph (a bare page) is gathered into one paragraph.
  let pending = new LineBuilder();
  let pendingUsed = false;
  const flushLoose = () => {
    if (!pendingUsed) return;
    const lines = pending.build();
    pending = new LineBuilder();
    pendingUsed = false;
    if (lines.length) out.push({ kind: 'block', block: { kind: 'paragraph', lines } });
  };
  const visit = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      // The parser leaves a doctype declaration as text.
      if (node.rawText.trim().startsWith('<!')) return;
      if (node.text.trim()) {
        pending.add(node.text, false);
        pendingUsed = true;
      }
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const element = node as HTMLElement;
    const tag = tagOf(element);
    if (SKIPPED.has(tag) || tag === 'hr' || tag === 'title') return;
    if (INLINE.has(tag) || tag === 'br') {
      if (tag === 'br') pending.hardBreak();
      else {
        for (const line of collectLines(element, undefined)) {
          for (const s of line.segments) pending.add(s.text, s.bold || BOLD.has(tag));
        }
      }
      pendingUsed = true;
      return;
    }
    flushLoose();
    if (/^h[1-6]$/.test(tag)) {
      const text = collectLines(element, undefined).map((l) => l.text).join(' ');
      if (!text) return;
      const level = Number(tag[1]);
      if (level === 1 || level === 2 || level === 3) out.push({ kind: 'heading', level, text });
      // h4–h6 read as a bold paragraph: a pseudo-heading inside a subsection.
      else out.push({ kind: 'block', block: boldParagraph(text) });
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      const items = listItems(element);
      if (items.length) out.push({ kind: 'block', block: { kind: 'list', items } });
      return;
    }
    if (tag === 'table') {
      const block = tableBlock(element);
      if (block) out.push({ kind: 'block', block });
      return;
    }
    if (tag === 'p' || tag === 'pre' || tag === 'blockquote' || tag === 'figcaption' || tag === 'dt' || tag === 'dd') {
      if (tag === 'blockquote' && element.querySelector('p, ul, ol, table')) {
        for (const child of element.childNodes) visit(child);
        return;
      }
      const lines = collectLines(element, undefined);
      if (lines.length) out.push({ kind: 'block', block: { kind: 'paragraph', lines } });
      return;
    }
    // Containers (div, section, article, figure, main, body, html, dl, ...): descend.
    for (const child of element.childNodes) visit(child);
    flushLoose();
  };
  for (const child of root.childNodes) visit(child);
  flushLoose();
  return out;
}

const NUMBERED = /^\s*(\d{1,2})\s*[).:\-–]?\s+(.*)$/;

export function parseOutline(html: string): SourceOutline {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const titleElement = root.querySelector('title');
  let pageTitle: string | undefined;
  const preamble: Block[] = [];
  const sections: SourceSection[] = [];
  let subsection: Subsection | undefined;
  for (const event of events(root)) {
    const section = sections[sections.length - 1];
    if (event.kind === 'heading' && event.level === 1 && pageTitle === undefined) {
      pageTitle = event.text;
      continue;
    }
    if (event.kind === 'heading' && event.level === 2) {
      const numbered = NUMBERED.exec(event.text);
      sections.push({
        heading: event.text,
        number: numbered ? Number(numbered[1]) : undefined,
        title: numbered ? numbered[2].trim() : event.text,
        intro: [],
        subsections: [],
      });
      subsection = undefined;
      continue;
    }
    if (event.kind === 'heading' && event.level === 3 && section) {
      subsection = { heading: event.text, blocks: [] };
      section.subsections.push(subsection);
      continue;
    }
    // A later h1, or an h3 before any section, reads as a bold paragraph.
    const block = event.kind === 'block' ? event.block : boldParagraph(event.text);
    if (!section) preamble.push(block);
    else if (subsection) subsection.blocks.push(block);
    else section.intro.push(block);
  }
  if (pageTitle === undefined && titleElement) {
    const text = titleElement.text.replace(/\s+/g, ' ').trim();
    if (text) pageTitle = text;
  }
  return { pageTitle, preamble, sections };
}

function boldParagraph(text: string): Block {
  return { kind: 'paragraph', lines: [{ text, segments: [{ text, bold: true }], bullet: false }] };
}

/** Plain text of an HTML fragment (entities decoded, whitespace collapsed). */
export function htmlToText(html: string): string {
  return parse(html).text.replace(/[\s\u00a0]+/g, ' ').trim();
}
