/**
 * Turning source lines into blueprint values: group items (with bold lead-ins), labelled
 * sub-lines ("– Use: …"), enum values, qualifiers in parentheses, and inline lists.
 * Regexes here only ever see plain, already-decoded text.
 */
import type { Line, ListItem } from './html';

/** A group item: plain text, or a name with its description when the source has a bold lead-in. */
export type Item = string | { name: string; description: string };

/** A lead-in ends with a colon or is followed by a dash separator. */
const SEPARATOR = /^\s*(?::|[—–]|-(?=\s))\s*/;

export interface LeadIn {
  readonly name: string;
  /** Text after the lead-in on the same line, separator removed. */
  readonly rest: string;
}

/**
 * The bold lead-in of a line: "<strong>Name:</strong> rest", "<strong>Name</strong>: rest" or
 * "<strong>Name</strong> — rest". `wholeLine` also accepts a line that is bold from start to end.
 * Bold words that merely start a sentence are not a lead-in.
 */
export function leadIn(line: Line, wholeLine: boolean): LeadIn | undefined {
  const [first, ...others] = line.segments;
  if (!first || !first.bold) return undefined;
  const boldText = first.text.trim();
  const after = others.map((s) => s.text).join('');
  if (/[:：]$/.test(boldText)) {
    const name = boldText.replace(/\s*[:：]$/, '').trim();
    return name ? { name, rest: after.trim() } : undefined;
  }
  const separator = SEPARATOR.exec(after);
  if (separator && after.trim()) return { name: boldText, rest: after.slice(separator[0].length).trim() };
  if (!after.trim() && wholeLine) return { name: boldText, rest: '' };
  return undefined;
}

/** Renders nested list items as "- text" lines, indented by depth. */
function childLines(children: readonly ListItem[], depth = 0): string[] {
  return children.flatMap((child) => {
    const [head, ...rest] = child.lines.map((l) => l.text);
    const indent = '  '.repeat(depth);
    const own = head === undefined ? [] : [`${indent}- ${head}`, ...rest.map((t) => `${indent}  ${t}`)];
    return [...own, ...childLines(child.children, depth + 1)];
  });
}

/** All text of a list item as lines (sub-lines plain, nested items as "- …"). */
export function itemText(item: ListItem): string {
  return [...item.lines.map((l) => l.text), ...childLines(item.children)].join('\n');
}

/** A list item (or a paragraph's bullet line) as a group item. */
export function toItem(lines: readonly Line[], children: readonly ListItem[] = []): Item {
  const [head, ...more] = lines;
  const extra = [...more.map((l) => l.text), ...childLines(children)];
  if (head) {
    const lead = leadIn(head, extra.length > 0);
    if (lead) {
      const description = [lead.rest, ...extra].filter(Boolean).join('\n');
      if (description) return { name: lead.name, description };
    }
  }
  return [...lines.map((l) => l.text), ...childLines(children)].join('\n');
}

export interface Labelled {
  /** The label, lower-cased: "use", "why it matters". */
  readonly label: string;
  readonly value: string;
}

/** "Use: scripting pipelines" → {label: "use", value: "scripting pipelines"}; short labels only. */
export function labelled(line: Line): Labelled | undefined {
  const match = /^([^:]{1,40}):\s*(.*)$/s.exec(line.text);
  if (!match || match[1].trim().split(/\s+/).length > 6) return undefined;
  return { label: match[1].trim().toLowerCase(), value: match[2].trim() };
}

export type Importance = 'critical' | 'important' | 'optional';

/** The first importance word in a text ("Optional → Important" is optional today). */
export function importanceOf(text: string): Importance | undefined {
  const match = /\b(critical|essential|required|must|high|important|medium|moderate|optional|context[- ]specific|nice[- ]to[- ]have|low)\b/i.exec(text);
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  if (['critical', 'essential', 'required', 'must', 'high'].includes(word)) return 'critical';
  if (['important', 'medium', 'moderate'].includes(word)) return 'important';
  return 'optional';
}

export type Prevalence = 'common' | 'optional' | 'context_specific';

export function prevalenceOf(text: string): Prevalence | undefined {
  const match = /\b(common(?:ly)?|standard|widely used|optional|context[- ]specific|situational|specialized)\b/i.exec(text);
  if (!match) return undefined;
  const word = match[1].toLowerCase();
  if (word.startsWith('common') || word === 'standard' || word === 'widely used') return 'common';
  if (word === 'optional') return 'optional';
  return 'context_specific';
}

/** True when a value says nothing beyond the enum it was mapped to ("Common", "Critical"). */
export function isPlainEnumWord(text: string): boolean {
  return /^(critical|essential|required|must|high|important|medium|moderate|optional|context[- ]specific|nice[- ]to[- ]have|low|common|standard)$/i.test(text.replace(/[().]/g, '').trim());
}

export interface Qualified {
  /** The text without its trailing parenthetical qualifiers. */
  readonly base: string;
  /** Qualifier texts, without parentheses, in reading order. */
  readonly qualifiers: string[];
}

/** Splits trailing "(…)" groups off a heading: "Red flags (context-specific)". */
export function splitQualifiers(text: string): Qualified {
  let base = text.trim();
  const qualifiers: string[] = [];
  for (;;) {
    if (!base.endsWith(')')) break;
    let depth = 0;
    let open = -1;
    for (let i = base.length - 1; i >= 0; i--) {
      if (base[i] === ')') depth++;
      else if (base[i] === '(') {
        depth--;
        if (depth === 0) {
          open = i;
          break;
        }
      }
    }
    if (open < 0) break;
    qualifiers.unshift(base.slice(open + 1, -1).trim());
    base = base.slice(0, open).trim();
  }
  return { base: base.replace(/\s*[:：]$/, ''), qualifiers };
}

/** Splits text on a separator character that is not inside parentheses or brackets. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[') depth++;
    else if ((ch === ')' || ch === ']') && depth > 0) depth--;
    if (ch === separator && depth === 0) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function cleanEntry(entry: string): string {
  return entry.replace(/\s+/g, ' ').trim().replace(/^(?:and|&)\s+/i, '').replace(/[\s.;,]+$/, '');
}

/**
 * An inline list from a summary cell: "1) A 2) B", "A; B" or, when `commas` is set, "A, B".
 * Numbers are dropped only when they run 1, 2, 3 … in order.
 */
export function splitInlineList(text: string, commas: boolean): string[] {
  const markers = [...text.matchAll(/(?:^|\s)(\d{1,2})[).]\s+/g)];
  const sequential = markers.length >= 2 && markers.every((m, i) => Number(m[1]) === i + 1) && text.slice(0, markers[0].index).trim() === '';
  let parts: string[];
  if (sequential) {
    parts = markers.map((m, i) => text.slice(m.index + m[0].length, i + 1 < markers.length ? markers[i + 1].index : text.length));
  } else if (splitTopLevel(text, ';').length > 1) {
    parts = splitTopLevel(text, ';');
  } else if (commas) {
    parts = splitTopLevel(text, ',');
  } else {
    parts = [text];
  }
  return parts.map(cleanEntry).filter(Boolean);
}
