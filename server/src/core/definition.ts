import { isMap, isScalar, isSeq, type Pair, type ParsedNode } from 'yaml';
import type { Location, LocationLink, Position, Range } from 'vscode-languageserver-types';
import type { Span } from './diagnosticUtil';
import { findSection, type ParsedBlueprint } from './parse';
import { editDistance, normaliseName } from './strings';
import { groupItems, pairOf, scalarText, toRange, trimmedSpan } from './symbols';
import type { ITextDocument } from './types';

/**
 * Go to definition and find references between the names a blueprint repeats:
 * `scorecard_summary` lists name items defined in their sections (often in a short form:
 * "Kubernetes" for the skill "Kubernetes and container orchestration"), and `career` roles
 * name other role files of the workspace by their `role.title`.
 */

/** A role file of the workspace, for links from `career` roles. */
export interface RoleTarget {
  readonly title: string;
  readonly uri: string;
  /** Where the title is in that file; the file's start when unknown. */
  readonly range?: Range;
}

/** A name in the text: the scalar it is written in and, for rows, the whole row. */
interface NameNode {
  readonly name: string;
  /** The name's scalar. */
  readonly span: Span;
  /** The entry it names (the row for `name:` rows, else the scalar). */
  readonly entrySpan: Span;
}

/** Which items each `scorecard_summary` list names. */
const SUMMARY_TARGETS: Record<string, (parsed: ParsedBlueprint) => NameNode[]> = {
  title: (parsed) => sectionNames(parsed, 'role', (value, base, text) => {
    const title = pairOf(value, 'title')?.value;
    return title ? [scalarName(title, base, text)].filter(isDefined) : [];
  }),
  responsibilities: (parsed) => groupedNames(parsed, 'responsibilities'),
  technical_skills: (parsed) => groupedNames(parsed, 'technical_skills'),
  soft_skills: (parsed) => listNames(parsed, 'soft_skills'),
  tools: (parsed) => listNames(parsed, 'tools'),
  kpis: (parsed) => listNames(parsed, 'kpis'),
  deliverables: (parsed) => sectionNames(parsed, 'deliverables', (value, base, text) =>
    isSeq(value) ? (value.items as ParsedNode[]).flatMap((entry) => (pairOf(entry, 'group') ? itemNames(groupItems(entry), base, text) : itemNames([entry], base, text))) : [],
  ),
  goals: (parsed) => groupedNames(parsed, 'goals'),
  career: (parsed) => groupedNames(parsed, 'career'),
};

const CAREER_ROLE_GROUPS = new Set(['next_roles', 'feeder_roles', 'adjacent_paths']);

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}

function sectionNames(parsed: ParsedBlueprint, key: string, read: (value: ParsedNode | null, base: number, text: string) => NameNode[]): NameNode[] {
  const section = findSection(parsed, key);
  return section ? read(section.valueNode, section.base, parsed.text) : [];
}

function scalarName(node: ParsedNode, base: number, text: string, entry?: ParsedNode): NameNode | undefined {
  const name = scalarText(node);
  if (name === undefined || !name.trim()) return undefined;
  const span = trimmedSpan(text, node, base);
  return { name, span, entrySpan: entry ? trimmedSpan(text, entry, base) : span };
}

/** Items of a list: plain strings by their text, rows by their `name`. */
function itemNames(items: readonly ParsedNode[], base: number, text: string): NameNode[] {
  const out: NameNode[] = [];
  for (const item of items) {
    if (isScalar(item)) {
      const name = scalarName(item, base, text);
      if (name) out.push(name);
    } else if (isMap(item)) {
      const nameNode = pairOf(item, 'name')?.value;
      const name = nameNode ? scalarName(nameNode, base, text, item) : undefined;
      if (name) out.push(name);
    }
  }
  return out;
}

function listNames(parsed: ParsedBlueprint, key: string): NameNode[] {
  return sectionNames(parsed, key, (value, base, text) => (isSeq(value) ? itemNames(value.items as ParsedNode[], base, text) : []));
}

function groupedNames(parsed: ParsedBlueprint, key: string): NameNode[] {
  return sectionNames(parsed, key, (value, base, text) => (isMap(value) ? value.items.flatMap((pair) => itemNames(groupItems(pair.value as ParsedNode | null), base, text)) : []));
}

// ---- fuzzy name matching ----

const STOP_WORDS = new Set(['a', 'an', 'and', 'or', 'the', 'of', 'for', 'to', 'in', 'on', 'with', 'at', 'by', '&']);

function tokens(normalised: string): string[] {
  return normalised.split(' ').filter((t) => t && !STOP_WORDS.has(t));
}

function sameToken(a: string, b: string): boolean {
  if (a === b) return true;
  // Plurals and small typos: "pipeline" / "pipelines", "kubernets" / "kubernetes".
  if (a.length >= 4 && b.length >= 4 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 2) return true;
  return a.length >= 6 && b.length >= 6 && editDistance(a, b) <= 1;
}

/**
 * How well `query` (a short form) names `candidate`, from 0 to 1: the better of how many of
 * the query's words the candidate has (weighted to also prefer candidates with few extra
 * words) and the edit-distance similarity of the whole names.
 */
export function nameMatchScore(query: string, candidate: string): number {
  const q = normaliseName(query);
  const c = normaliseName(candidate);
  if (!q || !c) return 0;
  if (q === c) return 1;
  const qt = tokens(q);
  const ct = tokens(c);
  let tokenScore = 0;
  if (qt.length && ct.length) {
    const common = qt.filter((t) => ct.some((u) => sameToken(t, u))).length;
    tokenScore = 0.95 * (0.7 * (common / qt.length) + 0.3 * (common / ct.length));
  }
  const longest = Math.max(q.length, c.length);
  const editScore = longest > 200 ? 0 : 1 - editDistance(q, c) / longest;
  return Math.max(tokenScore, editScore);
}

const MIN_SCORE = 0.5;

/** Index of the candidate `query` names best, or -1 when none is close enough. */
export function bestMatch(query: string, candidates: readonly string[], minScore = MIN_SCORE): number {
  let best = -1;
  let bestScore = minScore;
  candidates.forEach((candidate, i) => {
    const score = nameMatchScore(query, candidate);
    if (score > bestScore || (score === bestScore && best === -1 && score > 0)) {
      best = i;
      bestScore = score;
    }
  });
  return best;
}

/** Role titles must match closely: "Senior MLOps Engineer" is not "Lead MLOps Engineer". */
function sameRole(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  if (x === y) return true;
  return tokens(x).join(' ') === tokens(y).join(' ') || (Math.max(x.length, y.length) >= 8 && editDistance(x, y) <= 1);
}

// ---- what is under the cursor ----

interface SummaryEntry extends NameNode {
  /** The `scorecard_summary` list it is in. */
  readonly list: string;
}

function summaryEntries(parsed: ParsedBlueprint): SummaryEntry[] {
  const section = findSection(parsed, 'scorecard_summary');
  if (!section || !isMap(section.valueNode)) return [];
  const out: SummaryEntry[] = [];
  for (const item of section.valueNode.items) {
    const pair = item as Pair<ParsedNode, ParsedNode | null>;
    const list = scalarText(pair.key);
    if (!list || !SUMMARY_TARGETS[list] || !pair.value) continue;
    const values = isSeq(pair.value) ? (pair.value.items as ParsedNode[]) : [pair.value];
    for (const value of values) {
      const name = isScalar(value) ? scalarName(value, section.base, parsed.text) : undefined;
      if (name) out.push({ ...name, list });
    }
  }
  return out;
}

function careerRoleEntries(parsed: ParsedBlueprint): NameNode[] {
  const section = findSection(parsed, 'career');
  if (!section || !isMap(section.valueNode)) return [];
  return section.valueNode.items.flatMap((pair) => (CAREER_ROLE_GROUPS.has(scalarText(pair.key) ?? '') ? itemNames(groupItems(pair.value as ParsedNode | null), section.base, parsed.text) : []));
}

const contains = (span: Span, offset: number) => offset >= span[0] && offset <= span[1];

function link(doc: ITextDocument, origin: Span, uri: string, targetRange: Range, targetSelectionRange: Range): LocationLink {
  return { originSelectionRange: toRange(doc, origin), targetUri: uri, targetRange, targetSelectionRange };
}

/** Where the summary entry names its item: the best match among the items its list names. */
function resolveSummaryEntry(parsed: ParsedBlueprint, entry: SummaryEntry): NameNode | undefined {
  const targets = SUMMARY_TARGETS[entry.list](parsed);
  const index = bestMatch(entry.name, targets.map((t) => t.name));
  return index === -1 ? undefined : targets[index];
}

/**
 * Definition of the name at `position`: a summary entry goes to the item it names, a career
 * role to the role file with that title. Empty when there is nothing to go to.
 */
export function findDefinition(parsed: ParsedBlueprint, doc: ITextDocument, position: Position, roles: readonly RoleTarget[] = []): LocationLink[] {
  const offset = doc.offsetAt(position);
  const entry = summaryEntries(parsed).find((e) => contains(e.span, offset));
  if (entry) {
    const target = resolveSummaryEntry(parsed, entry);
    return target ? [link(doc, entry.span, doc.uri, toRange(doc, target.entrySpan), toRange(doc, target.span))] : [];
  }
  const careerRole = careerRoleEntries(parsed).find((e) => contains(e.span, offset));
  if (careerRole) {
    const start = { line: 0, character: 0 };
    return roles
      .filter((role) => role.uri !== doc.uri && sameRole(careerRole.name, role.title))
      .map((role) => link(doc, careerRole.span, role.uri, role.range ?? { start, end: start }, role.range ?? { start, end: start }));
  }
  return [];
}

/**
 * References of the item at `position` (or of the item a summary entry at `position` names):
 * the summary entries that name it, plus the item itself when `includeDeclaration`.
 */
export function findReferences(parsed: ParsedBlueprint, doc: ITextDocument, position: Position, includeDeclaration: boolean): Location[] {
  const offset = doc.offsetAt(position);
  const entries = summaryEntries(parsed);
  let declaration: NameNode | undefined;
  let lists: string[] = [];
  const entry = entries.find((e) => contains(e.span, offset));
  if (entry) {
    declaration = resolveSummaryEntry(parsed, entry);
    lists = [entry.list];
  } else {
    // The innermost item under the cursor (a row's name, or the row around it), in every list
    // that can name it.
    const size = (n: NameNode) => n.entrySpan[1] - n.entrySpan[0];
    const hits = Object.entries(SUMMARY_TARGETS).flatMap(([list, targetsOf]) => targetsOf(parsed).filter((t) => contains(t.entrySpan, offset)).map((t) => ({ list, target: t })));
    hits.sort((a, b) => size(a.target) - size(b.target));
    declaration = hits[0]?.target;
    lists = hits.filter((h) => h.target.span[0] === declaration?.span[0]).map((h) => h.list);
  }
  if (!declaration) return [];
  const found = declaration;
  const locations: Location[] = includeDeclaration ? [{ uri: doc.uri, range: toRange(doc, found.span) }] : [];
  for (const e of entries) {
    if (!lists.includes(e.list)) continue;
    const target = resolveSummaryEntry(parsed, e);
    if (target && target.span[0] === found.span[0]) locations.push({ uri: doc.uri, range: toRange(doc, e.span) });
  }
  return locations;
}
