import { isMap, isScalar, isSeq, type Pair, type ParsedNode } from 'yaml';
import { SymbolKind, type DocumentSymbol, type Range, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { Span } from './diagnosticUtil';
import { findSection, type ParsedBlueprint, type Section } from './parse';
import { sectionInfo } from './sections';
import { fileNameOfUri } from './strings';
import type { ITextDocument } from './types';

/**
 * The outline of a blueprint (document symbols, breadcrumbs) and the names other files can
 * find it by (workspace symbols). Ranges come from the YAML tree: a symbol's range is its whole
 * entry, its selection range the key (or the name of a row).
 */

// ---- small helpers over the YAML tree, shared with folding and definition ----

/** A node together with the offset of the chunk it was parsed in. */
export interface PlacedNode {
  readonly node: ParsedNode;
  readonly base: number;
}

export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const value = node.value;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

/** The pair of `key` in a mapping node. */
export function pairOf(node: unknown, key: string): Pair<ParsedNode, ParsedNode | null> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => scalarText(p.key) === key) as Pair<ParsedNode, ParsedNode | null> | undefined;
}

/** [start, end) of a node with trailing whitespace and newlines left out. */
export function trimmedSpan(text: string, node: ParsedNode, base: number): Span {
  const start = base + node.range[0];
  return trimSpan(text, [start, base + node.range[1]]);
}

/** [start, end) of `key: value`, from the key to the value's last character. */
export function pairSpan(text: string, pair: Pair<ParsedNode, ParsedNode | null>, base: number): Span {
  const start = base + pair.key.range[0];
  const end = pair.value ? base + pair.value.range[1] : base + pair.key.range[1];
  return trimSpan(text, [start, Math.max(end, base + pair.key.range[1])]);
}

export function sectionSpan(text: string, section: Section): Span {
  return pairSpan(text, section.pair, section.base);
}

/** `span` without the whitespace and newlines at its end. */
export function trimSpan(text: string, [start, end]: Span): Span {
  let e = Math.min(end, text.length);
  while (e > start && /\s/.test(text.charAt(e - 1))) e--;
  return [start, e];
}

export function toRange(doc: ITextDocument, span: Span): Range {
  return { start: doc.positionAt(span[0]), end: doc.positionAt(span[1]) };
}

/** The entries of a group: a list, or `{note, items: [...]}`. */
export function groupItems(node: ParsedNode | null): ParsedNode[] {
  if (isSeq(node)) return node.items as ParsedNode[];
  const items = pairOf(node, 'items')?.value;
  return isSeq(items) ? (items.items as ParsedNode[]) : [];
}

// ---- the outline ----

const SKILL_TIERS = new Set(['must_have', 'good_to_have', 'advanced', 'emerging']);

/** The field that names a row in each list of rows. */
function nameFieldOf(listKey: string): string {
  return listKey === 'scorecard' ? 'dimension' : 'name';
}

const ROW_KIND: Record<string, SymbolKind> = {
  kpis: SymbolKind.Number,
  tools: SymbolKind.Package,
  soft_skills: SymbolKind.Property,
  scorecard: SymbolKind.Field,
  skill: SymbolKind.Property,
};

function rowDetail(listKey: string, row: ParsedNode): string | undefined {
  const field = (key: string) => scalarText(pairOf(row, key)?.value);
  switch (listKey) {
    case 'kpis':
      return field('target') ?? field('category');
    case 'tools':
      return field('category');
    case 'scorecard': {
      const weight = field('weight');
      return weight !== undefined ? `${weight}%` : undefined;
    }
    case 'skill':
      return field('importance');
    default:
      return undefined;
  }
}

class OutlineBuilder {
  constructor(
    readonly doc: ITextDocument,
    readonly text: string,
  ) {}

  symbol(name: string, kind: SymbolKind, span: Span, selection: Span, children: DocumentSymbol[] = [], detail?: string): DocumentSymbol {
    const symbol: DocumentSymbol = { name: name.trim() || '(unnamed)', kind, range: toRange(this.doc, span), selectionRange: toRange(this.doc, selection) };
    if (detail) symbol.detail = detail;
    if (children.length) symbol.children = children;
    return symbol;
  }

  /** Named rows (`name:` or `dimension:`) of a list; plain string items are left to folding. */
  rows(items: readonly ParsedNode[], listKey: string, base: number): DocumentSymbol[] {
    const out: DocumentSymbol[] = [];
    for (const row of items) {
      if (!isMap(row)) continue;
      const nameNode = pairOf(row, nameFieldOf(listKey))?.value;
      const name = scalarText(nameNode);
      if (name === undefined || !nameNode) continue;
      out.push(this.symbol(name, ROW_KIND[listKey] ?? SymbolKind.String, trimmedSpan(this.text, row, base), trimmedSpan(this.text, nameNode, base), [], rowDetail(listKey, row)));
    }
    return out;
  }

  /** A group entry `key: [...]` with its named items. */
  group(pair: Pair<ParsedNode, ParsedNode | null>, base: number, listKey: string): DocumentSymbol {
    const key = scalarText(pair.key) ?? '';
    const items = groupItems(pair.value);
    const detail = isSeq(pair.value) || isMap(pair.value) ? `${items.length} item${items.length === 1 ? '' : 's'}` : scalarText(pair.value);
    return this.symbol(key, SymbolKind.Array, pairSpan(this.text, pair, base), trimmedSpan(this.text, pair.key, base), this.rows(items, listKey, base), detail);
  }

  section(section: Section): DocumentSymbol {
    const { key, valueNode: value, base } = section;
    const span = sectionSpan(this.text, section);
    const selection = trimmedSpan(this.text, section.keyNode, base);
    if (key === 'role') {
      const title = scalarText(pairOf(value, 'title')?.value);
      const detail = ['level', 'family'].map((k) => scalarText(pairOf(value, k)?.value)).filter(Boolean).join(' · ');
      return this.symbol(title ?? 'role', SymbolKind.Class, span, selection, [], detail || undefined);
    }
    const info = sectionInfo(key);
    if (!info) return this.symbol(key, key === 'blueprint' ? SymbolKind.Constant : SymbolKind.Field, span, selection, [], key === 'blueprint' ? `format ${scalarText(value) ?? '?'}` : undefined);
    const name = `${info.number}. ${info.title}`;
    return this.symbol(name, SymbolKind.Module, span, selection, this.sectionChildren(key, value, base), key);
  }

  sectionChildren(key: string, value: ParsedNode | null, base: number): DocumentSymbol[] {
    if (key === 'kpis' || key === 'tools' || key === 'soft_skills') return this.rows(isSeq(value) ? (value.items as ParsedNode[]) : [], key, base);
    if (key === 'deliverables') return this.deliverables(value, base);
    if (!isMap(value)) return [];
    return value.items.map((item) => {
      const pair = item as Pair<ParsedNode, ParsedNode | null>;
      const group = scalarText(pair.key) ?? '';
      const listKey = key === 'technical_skills' && SKILL_TIERS.has(group) ? 'skill' : key === 'hiring' && group === 'scorecard' ? 'scorecard' : 'item';
      return this.group(pair, base, listKey);
    });
  }

  /** Deliverables: a list whose `{group, items}` entries are headed groups. */
  deliverables(value: ParsedNode | null, base: number): DocumentSymbol[] {
    if (!isSeq(value)) return [];
    const out: DocumentSymbol[] = [];
    for (const entry of value.items as ParsedNode[]) {
      const heading = pairOf(entry, 'group');
      if (heading?.value) {
        const items = groupItems(entry);
        out.push(this.symbol(scalarText(heading.value) ?? 'group', SymbolKind.Array, trimmedSpan(this.text, entry, base), trimmedSpan(this.text, heading.value, base), this.rows(items, 'item', base), `${items.length} item${items.length === 1 ? '' : 's'}`));
      } else {
        out.push(...this.rows([entry], 'item', base));
      }
    }
    return out;
  }
}

/** A section's outline, with the line its chunk starts on. */
interface SectionOutline {
  readonly line: number;
  readonly symbol: DocumentSymbol;
}

// By the section's pair: the parser reuses a section's nodes while its text is unchanged, and
// an unchanged chunk's outline only moves by whole lines (chunks start at a line's start).
const sectionOutlines = new WeakMap<object, SectionOutline>();

/** The hierarchical outline: the role header, each section, its groups and named rows. */
export function documentSymbols(parsed: ParsedBlueprint, doc: ITextDocument): DocumentSymbol[] {
  const builder = new OutlineBuilder(doc, parsed.text);
  return parsed.sections.map((section) => {
    const start = doc.positionAt(section.base);
    const cached = sectionOutlines.get(section.pair);
    if (cached && start.character === 0) return shiftedSymbol(cached.symbol, start.line - cached.line);
    const symbol = builder.section(section);
    if (start.character === 0) sectionOutlines.set(section.pair, { line: start.line, symbol: shiftedSymbol(symbol, 0) });
    return symbol;
  });
}

/** A copy of `symbol` and its children, `lines` lines further down. */
function shiftedSymbol(symbol: DocumentSymbol, lines: number): DocumentSymbol {
  const range = (r: Range): Range => ({ start: { line: r.start.line + lines, character: r.start.character }, end: { line: r.end.line + lines, character: r.end.character } });
  const copy: DocumentSymbol = { name: symbol.name, kind: symbol.kind, range: range(symbol.range), selectionRange: range(symbol.selectionRange) };
  if (symbol.detail !== undefined) copy.detail = symbol.detail;
  if (symbol.children) copy.children = symbol.children.map((child) => shiftedSymbol(child, lines));
  return copy;
}

// ---- workspace symbols ----

/** What a role file contributes to the workspace: its title and the names defined in it. */
export interface RoleFileSummary {
  readonly uri: string;
  readonly title?: string;
  /** Range of the title's value, the target of "go to role". */
  readonly titleRange?: Range;
  readonly symbols: readonly WorkspaceSymbol[];
}

const WORKSPACE_LISTS: readonly { readonly section: string; readonly kind: SymbolKind; readonly label: string }[] = [
  { section: 'kpis', kind: SymbolKind.Number, label: 'KPI' },
  { section: 'tools', kind: SymbolKind.Package, label: 'tool' },
  { section: 'soft_skills', kind: SymbolKind.Property, label: 'soft skill' },
];

export function summariseRoleFile(parsed: ParsedBlueprint, doc: ITextDocument): RoleFileSummary {
  const text = parsed.text;
  const symbols: WorkspaceSymbol[] = [];
  const role = findSection(parsed, 'role');
  const titleNode = pairOf(role?.valueNode, 'title')?.value;
  const title = scalarText(titleNode);
  const titleRange = titleNode && role ? toRange(doc, trimmedSpan(text, titleNode, role.base)) : undefined;
  const container = title ?? fileNameOfUri(doc.uri);
  if (title !== undefined && titleRange) symbols.push({ name: title, kind: SymbolKind.Class, location: { uri: doc.uri, range: titleRange }, containerName: 'role' });

  const add = (rows: readonly ParsedNode[], base: number, kind: SymbolKind, label: string) => {
    for (const row of rows) {
      const nameNode = pairOf(row, 'name')?.value;
      const name = scalarText(nameNode);
      if (name === undefined || !nameNode) continue;
      symbols.push({ name, kind, location: { uri: doc.uri, range: toRange(doc, trimmedSpan(text, nameNode, base)) }, containerName: `${label} · ${container}` });
    }
  };
  for (const { section: key, kind, label } of WORKSPACE_LISTS) {
    const section = findSection(parsed, key);
    if (section && isSeq(section.valueNode)) add(section.valueNode.items as ParsedNode[], section.base, kind, label);
  }
  const skills = findSection(parsed, 'technical_skills');
  if (skills && isMap(skills.valueNode)) {
    for (const tier of skills.valueNode.items) add(groupItems(tier.value as ParsedNode | null), skills.base, SymbolKind.Property, 'skill');
  }
  return { uri: doc.uri, title, titleRange, symbols };
}

/**
 * Workspace symbols matching `query`: the query's characters in order (case-insensitive), as
 * VS Code's own quick open matches; contiguous and word-start matches rank first.
 */
export function filterWorkspaceSymbols(summaries: Iterable<RoleFileSummary>, query: string, limit = 500): WorkspaceSymbol[] {
  const needle = query.toLowerCase().replace(/\s+/g, '');
  const scored: { symbol: WorkspaceSymbol; score: number }[] = [];
  for (const summary of summaries) {
    for (const symbol of summary.symbols) {
      const score = matchScore(symbol.name.toLowerCase(), needle);
      if (score !== undefined) scored.push({ symbol, score });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || a.symbol.name.localeCompare(b.symbol.name))
    .slice(0, limit)
    .map((s) => s.symbol);
}

/** Lower is better; undefined when `needle` is not a subsequence of `name`. */
function matchScore(name: string, needle: string): number | undefined {
  if (!needle) return 0;
  const at = name.indexOf(needle);
  if (at === 0) return 0;
  if (at > 0) return /[^a-z0-9]/.test(name.charAt(at - 1)) ? 1 : 2;
  let i = 0;
  let gaps = 0;
  for (const ch of name) {
    if (ch === needle[i]) i++;
    else if (i > 0 && i < needle.length) gaps++;
    if (i === needle.length) return 3 + gaps;
  }
  return undefined;
}
