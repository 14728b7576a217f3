import { isMap, isSeq, type ParsedNode } from 'yaml';
import type { CodeAction, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './diagnosticUtil';
import { locate, nodeSpan, type ParsedBlueprint } from './parse';
import type { JsonSchema } from './schemaValidation';
import { yamlScalar } from './lint/fields';
import { objectSchemaAt, placeholderFor, sectionSkeleton } from './sectionSkeletons';
import { SECTIONS, sectionInfo } from './sections';
import { canonicalRank, isCanonicallyOrdered, sortedChunksText, topLevelLayout, type TopLevelLayout } from './topLevelChunks';
import type { ITextDocument, JsonPath } from './types';

/**
 * Quick fixes, refactors and source actions, all computed from the parsed document and the
 * diagnostics' `data` (never from message text): did-you-mean for keys and enum values, add a
 * missing required field, add a missing section, remove a duplicate row, sort sections. Content
 * rules may attach ready-made fixes as `data.fixes`; those become quick fixes as they are.
 */

export const CODE_ACTION_KINDS = {
  quickFix: 'quickfix',
  /** Add one of the 20 sections that the file does not have yet. */
  addSection: 'refactor.rewrite.addSection.roleBlueprint',
  /** Move the top-level sections into the format's canonical order. */
  sortSections: 'source.sortSections.roleBlueprint',
} as const;

export interface CodeActionRequestContext {
  readonly diagnostics: readonly Diagnostic[];
  /** Requested kinds (prefixes, as LSP's `CodeActionContext.only`). */
  readonly only?: readonly string[];
}

export interface CodeActionsInput {
  readonly doc: ITextDocument;
  readonly parsed: ParsedBlueprint | undefined;
  readonly range: Range;
  readonly context: CodeActionRequestContext;
  readonly schema: JsonSchema;
}

/** A fix a content rule attaches to its diagnostic's `data.fixes`. */
export interface AttachedFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
}

type Edit = { title: string; edits: TextEdit[]; preferred?: boolean };

// Code actions are asked for on every cursor move: one parsed version's layout (a scan of the
// whole text) is read once, not once per request.
const layouts = new WeakMap<ParsedBlueprint, TopLevelLayout | undefined>();

function layoutOf(parsed: ParsedBlueprint): TopLevelLayout | undefined {
  if (!layouts.has(parsed)) layouts.set(parsed, topLevelLayout(parsed.text));
  return layouts.get(parsed);
}

export function computeCodeActions({ doc, parsed, context, schema }: CodeActionsInput): CodeAction[] {
  const wanted = (kind: string): boolean => !context.only || context.only.some((o) => kind === o || kind.startsWith(o + '.'));
  const actions: CodeAction[] = [];
  const text = doc.getText();
  // Edits are offsets of the parsed text: a stale parse would put them in the wrong place.
  if (!parsed || parsed.text !== text) return actions;
  const layout = layoutOf(parsed);
  const action = (kind: string, fix: Edit, diagnostic?: Diagnostic): CodeAction => ({
    title: fix.title,
    kind,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    ...(fix.preferred ? { isPreferred: true } : {}),
    edit: { changes: { [doc.uri]: fix.edits } },
  });

  if (wanted(CODE_ACTION_KINDS.quickFix)) {
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) continue;
      const fixes = quickFixes(diagnostic, { doc, parsed, schema, layout });
      fixes.forEach((fix, i) => actions.push(action(CODE_ACTION_KINDS.quickFix, { ...fix, preferred: i === 0 }, diagnostic)));
    }
  }
  if (layout && wanted(CODE_ACTION_KINDS.addSection)) {
    const present = new Set(layout.chunks.map((c) => c.key));
    for (const section of SECTIONS) {
      if (present.has(section.key)) continue;
      actions.push(action(CODE_ACTION_KINDS.addSection, addSectionFix(doc, layout, section.key, schema)));
    }
  }
  // Moving text around a syntax error could change what the error swallows: sort valid files only.
  const valid = !parsed.problems.some((p) => p.severity === 'error');
  if (layout && valid && wanted(CODE_ACTION_KINDS.sortSections) && !isCanonicallyOrdered(layout.chunks.map((c) => c.key))) {
    const first = layout.chunks[0];
    actions.push(
      action(CODE_ACTION_KINDS.sortSections, {
        title: 'Sort sections into canonical order',
        edits: [edit(doc, first.start, layout.footerStart, sortedChunksText(layout))],
      }),
    );
  }
  return actions;
}

interface FixContext {
  readonly doc: ITextDocument;
  readonly parsed: ParsedBlueprint;
  readonly schema: JsonSchema;
  readonly layout: TopLevelLayout | undefined;
}

function quickFixes(diagnostic: Diagnostic, context: FixContext): Edit[] {
  const data = (diagnostic.data ?? {}) as Record<string, unknown>;
  const attached = Array.isArray(data.fixes) ? (data.fixes as AttachedFix[]).filter(isAttachedFix).map((f) => ({ title: f.title, edits: [...f.edits] })) : [];
  return [...attached, ...builtInFixes(String(diagnostic.code ?? ''), diagnostic, data, context)];
}

function isAttachedFix(fix: unknown): fix is AttachedFix {
  const f = fix as AttachedFix | undefined;
  return !!f && typeof f.title === 'string' && Array.isArray(f.edits) && f.edits.every((e) => e && typeof e.newText === 'string' && !!e.range);
}

function builtInFixes(code: string, diagnostic: Diagnostic, data: Record<string, unknown>, context: FixContext): Edit[] {
  const { doc, parsed, schema, layout } = context;
  switch (code) {
    case 'schema.unknown-key': {
      const current = doc.getText(diagnostic.range);
      if (typeof data.key !== 'string' || unquote(current) !== data.key) return [];
      return strings(data.suggestions).map((s) => ({ title: `Change "${data.key}" to "${s}"`, edits: [{ range: diagnostic.range, newText: requote(current, s, false) }] }));
    }
    case 'schema.enum':
    case 'schema.const': {
      const current = doc.getText(diagnostic.range);
      if (current.includes('\n')) return [];
      return strings(data.suggestions).map((s) => ({ title: `Change to "${s}"`, edits: [{ range: diagnostic.range, newText: requote(current, s, code === 'schema.const') }] }));
    }
    case 'schema.required': {
      if (typeof data.property !== 'string' || !Array.isArray(data.path)) return [];
      const fix = addRequiredField(context, data.path as JsonPath, data.property);
      return fix ? [fix] : [];
    }
    case 'duplicate.name': {
      if (!Array.isArray(data.path)) return [];
      const fix = removeRow(doc, parsed, data.path as JsonPath, diagnostic);
      return fix ? [fix] : [];
    }
    case 'completeness.missing-section': {
      // The rule reports every missing section in one diagnostic: `data.missing` lists their keys.
      const keys = [...strings(data.missing), ...strings([data.key, data.section])];
      if (!layout) return [];
      return keys.filter((key) => sectionInfo(key) && !layout.chunks.some((c) => c.key === key)).map((key) => addSectionFix(doc, layout, key, schema));
    }
    default:
      return [];
  }
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function unquote(text: string): string {
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      return text;
    }
  }
  if (text.startsWith("'")) return text.slice(1, -1).replace(/''/g, "'");
  return text;
}

/** `replacement` written in the quoting style of `original`. */
function requote(original: string, replacement: string, literal: boolean): string {
  // A const such as `blueprint: 1` is a number, not the text "1", however the typo was written.
  if (literal && /^(-?\d+(\.\d+)?|true|false)$/.test(replacement)) return replacement;
  if (original.startsWith('"')) return JSON.stringify(replacement);
  if (original.startsWith("'")) return `'${replacement.replace(/'/g, "''")}'`;
  return yamlScalar(replacement);
}

function edit(doc: ITextDocument, start: number, end: number, newText: string): TextEdit {
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, newText };
}

function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The author's indentation step: the first indented content line's indent, else two spaces. */
function indentUnit(text: string): string {
  const match = /^( +)[^\s#]/m.exec(text);
  return match ? match[1] : '  ';
}

/** Inserts a top-level entry after the closest present entry that precedes it canonically. */
function insertTopLevel(doc: ITextDocument, layout: TopLevelLayout, key: string, lines: readonly string[]): TextEdit {
  const { text, eol, chunks } = layout;
  const rank = canonicalRank(key);
  let previous: (typeof chunks)[number] | undefined;
  for (const chunk of chunks) if (canonicalRank(chunk.key) < rank && (!previous || canonicalRank(chunk.key) >= canonicalRank(previous.key))) previous = chunk;
  const body = lines.join(eol) + eol;
  if (!previous) {
    const first = chunks[0];
    return edit(doc, first.start, first.start, body);
  }
  // Set off by a blank line when the section before is (after the last one: when any section is).
  const spaced = (c: (typeof chunks)[number]): boolean => c.end > c.bodyEnd;
  const blank = !previous.keepsTrailingLines && (previous === chunks[chunks.length - 1] ? chunks.some(spaced) : spaced(previous)) ? eol : '';
  const open = previous.bodyEnd === text.length && !text.endsWith('\n');
  return edit(doc, previous.bodyEnd, previous.bodyEnd, (open ? eol : '') + blank + body);
}

function addSectionFix(doc: ITextDocument, layout: TopLevelLayout, key: string, schema: JsonSchema): Edit {
  const info = sectionInfo(key);
  return {
    title: info ? `Add section ${info.number}) ${info.title}` : `Add "${key}"`,
    edits: [insertTopLevel(doc, layout, key, sectionSkeleton(key, schema, indentUnit(layout.text)))],
  };
}

function addRequiredField({ doc, parsed, schema, layout }: FixContext, path: JsonPath, property: string): Edit | undefined {
  const owner = objectSchemaAt(schema, path, property);
  const value = placeholderFor((owner?.properties as Record<string, JsonSchema> | undefined)?.[property], schema);
  const entry = `${yamlScalar(property)}: ${value}`;
  const title = `Add the required field "${property}"`;
  const text = parsed.text;
  if (path.length === 0) return layout ? { title, edits: [insertTopLevel(doc, layout, property, [entry])] } : undefined;
  const location = locate(parsed, path);
  if (!location) return undefined;
  const { node, base } = location;
  if (isMap(node)) {
    const firstKey = node.items[0]?.key as ParsedNode | undefined;
    if (node.flow) {
      const open = nodeSpan(node, base)[0] + 1;
      return { title, edits: [edit(doc, open, open, firstKey ? `${entry}, ` : entry)] };
    }
    if (!firstKey) return undefined;
    const at = nodeSpan(firstKey, base)[0];
    const column = at - lineStartOf(text, at);
    return { title, edits: [edit(doc, at, at, `${entry}${eolOf(text)}${' '.repeat(column)}`)] };
  }
  return undefined;
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** Deletes the sequence item that holds `path` (a duplicate row), with its comment lines. */
function removeRow(doc: ITextDocument, parsed: ParsedBlueprint, path: JsonPath, diagnostic: Diagnostic): Edit | undefined {
  let itemIndex = -1;
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'number') { itemIndex = i; break; }
  if (itemIndex < 1) return undefined;
  const nameLocation = locate(parsed, path);
  const seqLocation = locate(parsed, path.slice(0, itemIndex));
  const seq = seqLocation?.node;
  const index = path[itemIndex] as number;
  if (!nameLocation?.node || !isSeq(seq) || !seqLocation) return undefined;
  // The diagnostic must still point at this row's name.
  const [nameStart] = nodeSpan(nameLocation.node, nameLocation.base);
  if (doc.offsetAt(diagnostic.range.start) !== nameStart) return undefined;
  const text = parsed.text;
  const base = seqLocation.base;
  const items = seq.items as ParsedNode[];
  const name = String((nameLocation.node as { value?: unknown }).value ?? '');
  const title = `Remove the duplicate "${name}"`;
  if (seq.flow) {
    const [start, end] = nodeSpan(items[index], base);
    if (index + 1 < items.length) return { title, edits: [edit(doc, start, nodeSpan(items[index + 1], base)[0], '')] };
    if (index === 0) return { title, edits: [edit(doc, start, end, '')] };
    return { title, edits: [edit(doc, nodeSpan(items[index - 1], base)[1], end, '')] };
  }
  const item = blockItemStart(text, nodeSpan(items[index], base)[0]);
  if (!item) return undefined;
  let end: number;
  if (index + 1 < items.length) {
    const next = blockItemStart(text, nodeSpan(items[index + 1], base)[0]);
    if (!next) return undefined;
    end = next.start;
  } else {
    end = lastItemEnd(text, nodeSpan(items[index], base)[1], item.dashColumn);
  }
  return { title, edits: [edit(doc, item.start, end, '')] };
}

/** Start of the line of an item's `-`, moved up over the comment lines directly above it at the dash's column. */
function blockItemStart(text: string, nodeStart: number): { start: number; dashColumn: number } | undefined {
  let dash = nodeStart - 1;
  while (dash >= 0 && /[ \t\r\n]/.test(text.charAt(dash))) dash--;
  if (text.charAt(dash) !== '-') return undefined;
  let start = lineStartOf(text, dash);
  if (text.slice(start, dash).trim() !== '') return undefined; // a nested `- - x`: leave it alone
  const column = dash - start;
  while (start > 0) {
    const above = lineStartOf(text, start - 1);
    const line = text.slice(above, start - 1).replace(/\r$/, '');
    if (!(line.trim().startsWith('#') && line.indexOf('#') === column)) break;
    start = above;
  }
  return { start, dashColumn: column };
}

/** End of the last item of a block sequence: its last line plus comment lines indented under it. */
function lastItemEnd(text: string, valueEnd: number, dashColumn: number): number {
  let end = text.indexOf('\n', valueEnd - 1);
  end = end === -1 ? text.length : end + 1;
  while (end < text.length) {
    const lineEnd = text.indexOf('\n', end);
    const line = text.slice(end, lineEnd === -1 ? text.length : lineEnd);
    if (!(line.trim().startsWith('#') && line.indexOf('#') > dashColumn)) break;
    end = lineEnd === -1 ? text.length : lineEnd + 1;
  }
  return end;
}
