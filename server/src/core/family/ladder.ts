import { isMap, isSeq, type Node } from 'yaml';
import type { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import { applyLevels } from '../diagnostics';
import { makeDiagnostic, type Span } from '../diagnosticUtil';
import { appendToBlockList, asRecord, groupEntries, lineEnd, lineIndent, nodeAt, quickFix, root, spanOf, yamlScalar, type QuickFix } from '../lint/fields';
import { CandidateIndex } from '../nameMatch';
import { findSection, type ParsedBlueprint } from '../parse';
import { readRole } from '../render/model';
import { fileNameOfUri, normaliseName } from '../strings';
import { createStaticTextDocument } from '../staticTextDocument';
import { applySuppressions } from '../suppression';
import { toRange } from '../symbols';
import type { ITextDocument, JsonPath, Settings } from '../types';
import { renameScore } from './diff';

/**
 * The career ladder of a set of role files: each role is a node, `career.feeder_roles` and
 * `career.next_roles` are edges (feeder → role → next). Roles that are named but have no
 * file are nodes too, marked missing. Both ends of an edge should agree: when A lists B as a
 * next role, B should list A as a feeder role, and the reverse; a one-sided edge is reported
 * on the entry that declares it, with fixes for both files.
 */

export type CareerGroup = 'feeder_roles' | 'next_roles';

export interface LadderFile {
  readonly uri: string;
  readonly parsed: ParsedBlueprint;
  /**
   * The document of `parsed.text` when the caller has one that will not change (a check of
   * files on disk): its line offsets, a scan of the whole text, are then computed once.
   */
  readonly doc?: ITextDocument;
}

export interface LadderNode {
  /** The file's uri, or `missing:<normalised name>` for a role without a file. */
  readonly id: string;
  readonly title: string;
  readonly uri?: string;
  readonly level?: string;
  readonly family?: string;
  readonly missing: boolean;
}

export interface LadderEdge {
  readonly from: string;
  readonly to: string;
  /** Which files declare the edge: the `from` role in its next_roles, the `to` role in its feeder_roles, or both. */
  readonly declaredBy: readonly { readonly uri: string; readonly group: CareerGroup }[];
}

/** A role named in a career group. */
export interface LadderReference {
  readonly uri: string;
  readonly group: CareerGroup;
  /** The entry as written. */
  readonly raw: string;
  /** The role name read from it (qualifiers, descriptions and arrows removed). */
  readonly name: string;
  /** Where the name's scalar is. */
  readonly range: Range;
  /** The node it names; undefined for a reference to the file itself. */
  readonly target: string | undefined;
}

export interface Ladder {
  readonly nodes: readonly LadderNode[];
  readonly edges: readonly LadderEdge[];
  readonly references: readonly LadderReference[];
}

interface FileState {
  readonly file: LadderFile;
  readonly doc: ITextDocument;
  readonly title: string;
  readonly refs: (LadderReference & { readonly span: Span; readonly itemPath: JsonPath })[];
}

// Ladders are built for one set of files and then asked for each file's diagnostics: the
// parsed files stay with the ladder without being part of its (serialisable) value.
const states = new WeakMap<Ladder, Map<string, FileState>>();

const ARROW = /\s*(?:→|->|⟶|=>)\s*/;
// Words that set a rung: "Senior MLOps Engineer" and "Lead MLOps Engineer" are different roles.
const LEVEL_WORDS = new Set(['intern', 'junior', 'graduate', 'associate', 'mid', 'senior', 'lead', 'staff', 'principal', 'distinguished', 'head', 'chief', 'director', 'vp', 'manager']);

/**
 * The role a career entry names: the side of an arrow that is the other role ("DevOps
 * Engineer → MLOps Consultant (after …)" as a feeder is the DevOps Engineer), without the
 * description after a colon or a spaced dash, qualifiers in parentheses ("(adjacent)") or
 * the final full stop.
 */
export function careerRoleName(raw: string, group: CareerGroup): string {
  let name = raw.replace(/\s+/g, ' ').trim();
  const sides = name.split(ARROW).filter((s) => s.trim() !== '');
  if (sides.length > 1) name = group === 'feeder_roles' ? sides[0] : sides[sides.length - 1];
  name = name.split(/:(?:\s|$)/)[0];
  for (let previous = ''; previous !== name; ) {
    previous = name;
    name = name.replace(/\s*\([^()]*\)/g, '');
  }
  name = name.split(/\s[-–—]\s/)[0];
  return name.replace(/[\s.,;:]+$/, '').replace(/^[\s-–—]+/, '').trim();
}

/** The alternatives of a name: "Staff MLOps Engineer / Staff ML Platform Engineer" → both. */
function alternatives(name: string): string[] {
  return [name, ...name.split(/\s+\/\s+|\s+or\s+/i)].map((s) => s.trim()).filter((s, i, all) => s !== '' && all.indexOf(s) === i);
}

function levelWords(name: string): string {
  return normaliseName(name)
    .split(' ')
    .filter((w) => LEVEL_WORDS.has(w))
    .sort()
    .join(' ');
}

/** A list of titles prepared for matching: the first title of each normal form, and the fuzzy index. */
interface TitleIndex {
  readonly exact: ReadonlyMap<string, number>;
  readonly fuzzy: CandidateIndex;
  /** Career name → the title it matched: files of one family name the same roles again and again. */
  readonly matched: Map<string, number | undefined>;
}

// Per titles array: a ladder matches every career entry of every file against the same titles.
const titleIndexes = new WeakMap<readonly string[], TitleIndex>();

function titleIndex(titles: readonly string[]): TitleIndex {
  let index = titleIndexes.get(titles);
  if (!index) {
    const exact = new Map<string, number>();
    titles.forEach((title, i) => {
      const normal = normaliseName(title);
      if (!exact.has(normal)) exact.set(normal, i);
    });
    titleIndexes.set(titles, (index = { exact, fuzzy: new CandidateIndex(titles), matched: new Map() }));
  }
  return index;
}

/** The title a career name refers to: equal once normalised, or a close fuzzy match on the same rung. */
export function matchRoleTitle(name: string, titles: readonly string[]): number | undefined {
  const index = titleIndex(titles);
  if (index.matched.has(name)) return index.matched.get(name);
  const matched = matchTitle(name, index);
  index.matched.set(name, matched);
  return matched;
}

function matchTitle(name: string, index: TitleIndex): number | undefined {
  for (const alternative of alternatives(name)) {
    const exact = index.exact.get(normaliseName(alternative));
    if (exact !== undefined) return exact;
  }
  for (const alternative of alternatives(name)) {
    const best = index.fuzzy.best(alternative);
    if (best && levelWords(alternative) === levelWords(best.candidate) && renameScore(alternative, best.candidate) > 0) return best.index;
  }
  return undefined;
}

function careerReferences(file: LadderFile): { raw: string; name: string; group: CareerGroup; span: Span; itemPath: JsonPath }[] {
  const career = asRecord(root(file.parsed).career);
  if (!career) return [];
  const out: { raw: string; name: string; group: CareerGroup; span: Span; itemPath: JsonPath }[] = [];
  for (const group of ['feeder_roles', 'next_roles'] as const) {
    for (const entry of groupEntries(career[group], ['career', group])) {
      const span = spanOf(file.parsed, entry.path);
      const name = careerRoleName(entry.name, group);
      if (!span || !name) continue;
      out.push({ raw: entry.name, name, group, span, itemPath: entry.record ? entry.path.slice(0, -1) : entry.path });
    }
  }
  return out;
}

/** The top-level sections the ladder reads: titles (and the scorecard title they fall back to) and career paths. */
const LADDER_SECTIONS: ReadonlySet<string> = new Set(['role', 'career', 'scorecard_summary']);

/**
 * What the ladder reads of a parsed file: the same text, and only the sections it reads (their
 * nodes and values), so that a workspace's files can be kept for the ladder without keeping
 * their whole parse. Every ladder result is the same as with the whole parse.
 */
export function ladderView(parsed: ParsedBlueprint): ParsedBlueprint {
  const value = asRecord(parsed.value);
  let kept: Record<string, unknown> | undefined;
  if (value) {
    kept = {};
    for (const key of LADDER_SECTIONS) {
      if (Object.prototype.hasOwnProperty.call(value, key)) kept[key] = value[key];
    }
  }
  return { text: parsed.text, sections: parsed.sections.filter((s) => LADDER_SECTIONS.has(s.key)), value: kept, problems: [], chunked: parsed.chunked, editSession: undefined };
}

const MISSING_PREFIX = 'missing:';

/** Builds the ladder of `files` (several files with the same uri: the last one wins). */
export function buildLadder(files: readonly LadderFile[]): Ladder {
  const byUri = new Map<string, LadderFile>();
  for (const file of files) byUri.set(file.uri, file);
  const unique = [...byUri.values()];
  const nodes: LadderNode[] = unique.map((file) => {
    const role = readRole(file.parsed.value);
    return { id: file.uri, title: role.title, uri: file.uri, ...(role.level ? { level: role.level } : {}), ...(role.family ? { family: role.family } : {}), missing: false };
  });
  const titles = nodes.map((n) => n.title);
  const missing = new Map<string, LadderNode>();
  const edges = new Map<string, { from: string; to: string; declaredBy: { uri: string; group: CareerGroup }[] }>();
  const fileStates = new Map<string, FileState>();
  const references: LadderReference[] = [];

  for (const [i, file] of unique.entries()) {
    const doc = file.doc ?? createStaticTextDocument(file.uri, 0, file.parsed.text);
    const refs: FileState['refs'] = [];
    for (const ref of careerReferences(file)) {
      const index = matchRoleTitle(ref.name, titles);
      let target: string | undefined;
      if (index !== undefined) {
        target = nodes[index].id === file.uri ? undefined : nodes[index].id;
      } else {
        const id = MISSING_PREFIX + normaliseName(ref.name);
        if (!missing.has(id)) missing.set(id, { id, title: ref.name, missing: true });
        target = id;
      }
      const range = toRange(doc, ref.span);
      const reference = { uri: file.uri, group: ref.group, raw: ref.raw, name: ref.name, range, target };
      refs.push({ ...reference, span: ref.span, itemPath: ref.itemPath });
      references.push(reference);
      if (target === undefined) continue;
      const [from, to] = ref.group === 'next_roles' ? [file.uri, target] : [target, file.uri];
      const key = `${from}\u0000${to}`;
      const edge = edges.get(key) ?? { from, to, declaredBy: [] };
      if (!edge.declaredBy.some((d) => d.uri === file.uri && d.group === ref.group)) edge.declaredBy.push({ uri: file.uri, group: ref.group });
      edges.set(key, edge);
    }
    fileStates.set(file.uri, { file, doc, title: nodes[i].title, refs });
  }
  const ladder: Ladder = { nodes: [...nodes, ...missing.values()], edges: [...edges.values()], references };
  states.set(ladder, fileStates);
  return ladder;
}

const OTHER_GROUP: Record<CareerGroup, CareerGroup> = { feeder_roles: 'next_roles', next_roles: 'feeder_roles' };
const GROUP_LABEL: Record<CareerGroup, string> = { feeder_roles: 'feeder role', next_roles: 'next role' };

/** Slug of a title for a new file's name: "Staff MLOps Engineer" → staff-mlops-engineer.role.yaml. */
export function roleFileName(title: string): string {
  const slug = normaliseName(title).replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return `${slug || 'role'}.role.yaml`;
}

/** The edit that removes a whole list entry (its lines) from the declaring file. */
function removeEntryFix(state: FileState, itemPath: JsonPath, title: string): QuickFix | undefined {
  const location = nodeAt(state.file.parsed, itemPath);
  const range = location?.node?.range;
  if (!location || !range) return undefined;
  const text = state.file.parsed.text;
  const { lineStart } = lineIndent(text, location.base + range[0]);
  const end = lineEnd(text, location.base + Math.max(range[0], range[1] - 1));
  // Only when the entry has its own lines (`- name`), not inside a flow list.
  if (!/^\s*-\s/.test(text.slice(lineStart, location.base + range[0] + 1))) return undefined;
  return quickFix(state.doc, title, [{ span: [lineStart, end], newText: '' }]);
}

/** The edit that adds `title` to `group` of the other file's career section. */
function addEntryEdit(state: FileState, group: CareerGroup, title: string): TextEdit | undefined {
  const parsed = state.file.parsed;
  const doc = state.doc;
  const edit = (span: Span, newText: string): TextEdit => ({ range: toRange(doc, span), newText });
  const career = asRecord(root(parsed).career);
  const existing = career?.[group];
  const listPath: JsonPath = Array.isArray(existing) ? ['career', group] : ['career', group, 'items'];
  if (existing !== undefined && existing !== null) {
    const appended = appendToBlockList(parsed, listPath, [yamlScalar(title)]);
    return appended ? edit(appended.span, appended.newText) : undefined;
  }
  const section = findSection(parsed, 'career');
  if (!section) {
    const text = parsed.text;
    const lead = text.length === 0 || text.endsWith('\n') ? '' : '\n';
    return edit([text.length, text.length], `${lead}career:\n  ${group}:\n    - ${yamlScalar(title)}\n`);
  }
  const value = section.valueNode;
  if (!isMap(value) || value.flow || value.items.length === 0) return undefined;
  const pair = value.items.find((p) => String((p.key as { value?: unknown } | null)?.value) === group);
  // `group:` with no value: the list goes under it.
  const anchor = (pair?.key ?? value.items[0].key) as Node | null;
  if (!anchor?.range) return undefined;
  const { lineStart, indent } = lineIndent(parsed.text, section.base + anchor.range[0]);
  const pad = ' '.repeat(indent);
  if (pair) {
    const at = lineEnd(parsed.text, section.base + anchor.range[0]);
    const lineText = parsed.text.slice(lineStart, at).replace(/\s+$/, '');
    if (!/:\s*(#.*)?$/.test(lineText) || isSeq(pair.value)) return undefined;
    return edit([at, at], `${at === parsed.text.length && !parsed.text.endsWith('\n') ? '\n' : ''}${pad}  - ${yamlScalar(title)}\n`);
  }
  return edit([lineStart, lineStart], `${pad}${group}:\n${pad}  - ${yamlScalar(title)}\n`);
}

// Per ladder: its nodes by id, made once (a check asks for the findings of every file in turn).
const nodeIndexes = new WeakMap<Ladder, Map<string, LadderNode>>();

function nodesByIdOf(ladder: Ladder): Map<string, LadderNode> {
  let index = nodeIndexes.get(ladder);
  if (!index) nodeIndexes.set(ladder, (index = new Map(ladder.nodes.map((n) => [n.id, n]))));
  return index;
}

/**
 * The ladder findings of one file: one-sided edges it declares (`ladder.inconsistent`) and
 * roles it names that have no file (`ladder.missing-role`). Settings (severity, off) and the
 * file's disable comments apply as to every other code.
 */
export function ladderDiagnostics(ladder: Ladder, uri: string, settings?: Settings): Diagnostic[] {
  const state = states.get(ladder)?.get(uri);
  if (!state) return [];
  const all = states.get(ladder) as Map<string, FileState>;
  const nodesById = nodesByIdOf(ladder);
  const out: Diagnostic[] = [];
  for (const ref of state.refs) {
    if (ref.target === undefined) continue;
    const node = nodesById.get(ref.target);
    if (!node) continue;
    if (node.missing) {
      out.push(
        makeDiagnostic(state.doc, ref.span, 'ladder.missing-role', `"${ref.name}" (a ${GROUP_LABEL[ref.group]}) has no blueprint among the role files; create one so the career ladder is complete.`, 'info', {
          role: ref.name,
          group: ref.group,
          fileName: roleFileName(ref.name),
        }),
      );
      continue;
    }
    const other = node.uri ? all.get(node.uri) : undefined;
    if (!other) continue;
    const back = OTHER_GROUP[ref.group];
    if (other.refs.some((r) => r.group === back && r.target === uri)) continue;
    const otherName = fileNameOfUri(other.file.uri);
    const removal = removeEntryFix(state, ref.itemPath, `Remove "${ref.name}" from ${ref.group}`);
    const addition = addEntryEdit(other, back, state.title);
    out.push(
      makeDiagnostic(
        state.doc,
        ref.span,
        'ladder.inconsistent',
        `"${state.title}" lists "${node.title}" as a ${GROUP_LABEL[ref.group]}, but ${otherName} does not list "${state.title}" among its ${back.replace('_', ' ')}.`,
        'warning',
        {
          role: node.title,
          targetUri: other.file.uri,
          group: ref.group,
          fixes: removal ? [removal] : [],
          ...(addition ? { crossFile: { title: `Add "${state.title}" to ${back} of ${otherName}`, uri: other.file.uri, edit: addition } } : {}),
        },
      ),
    );
  }
  const levelled = settings ? applyLevels(out, settings) : out;
  return applySuppressions(levelled, state.file.parsed.text);
}

/** The ladder as plain data (nodes and edges), for JSON output and the editor's webview. */
export function ladderToJson(ladder: Ladder): { nodes: readonly LadderNode[]; edges: readonly LadderEdge[] } {
  return { nodes: ladder.nodes, edges: ladder.edges };
}
