import type { Location, LocationLink, Position, Range } from 'vscode-languageserver-types';
import type { Span } from './diagnosticUtil';
import { careerRoleName, matchRoleTitle } from './family/ladder';
import { asRecord, groupEntries, root, sectionEntries, spanOf } from './lint/fields';
import { SUMMARY_TARGETS, type SummaryCandidate } from './lint/rules/summaryUnknownItem';
import { PLAUSIBLE_MATCH, rankMatches } from './nameMatch';
import type { ParsedBlueprint } from './parse';
import { normaliseName } from './strings';
import { toRange, trimSpan } from './symbols';
import type { ITextDocument, JsonPath } from './types';

/**
 * Go to definition and find references between the names a blueprint repeats:
 * `scorecard_summary` lists name items defined in their sections, often in a short form
 * ("Kubernetes" for the skill "Kubernetes and container orchestration"), matched exactly as
 * the `summary.unknown-item` rule matches them, so an entry the rule accepts always has a
 * definition; and `career` roles name other role files of the workspace by `role.title`.
 */

/** A role file of the workspace, for links from `career` roles. */
export interface RoleTarget {
  readonly title: string;
  readonly uri: string;
  /** Where the title is in that file; the file's start when unknown. */
  readonly range?: Range;
}

/** The summary lists the lint rule does not check: matched on the items' names alone. */
const NAME_ONLY_TARGETS: Readonly<Record<string, (parsed: ParsedBlueprint) => SummaryCandidate[]>> = {
  title: (parsed) => {
    const title = asRecord(root(parsed).role)?.title;
    return typeof title === 'string' && title.trim() ? [{ name: title, text: title, path: ['role', 'title'] }] : [];
  },
  deliverables: (parsed) => {
    const list = root(parsed).deliverables;
    if (!Array.isArray(list)) return [];
    const grouped = list.flatMap((entry, i) => (asRecord(entry)?.group !== undefined ? groupEntries(asRecord(entry)?.items, ['deliverables', i, 'items']) : []));
    return [...groupEntries(list, ['deliverables']), ...grouped].map((e) => ({ name: e.name, text: e.name, path: e.path }));
  },
  goals: (parsed) => sectionEntries(parsed, 'goals').map((e) => ({ name: e.name, text: e.name, path: e.path })),
  career: (parsed) => sectionEntries(parsed, 'career').map((e) => ({ name: e.name, text: e.name, path: e.path })),
};

const CAREER_ROLE_GROUPS = ['next_roles', 'feeder_roles', 'adjacent_paths'];

/** Candidates per summary list, computed once per request. */
type CandidateCache = Map<string, SummaryCandidate[]>;

function candidatesOf(parsed: ParsedBlueprint, list: string, cache: CandidateCache): SummaryCandidate[] {
  let candidates = cache.get(list);
  if (!candidates) cache.set(list, (candidates = SUMMARY_TARGETS[list]?.candidates(parsed) ?? NAME_ONLY_TARGETS[list]?.(parsed) ?? []));
  return candidates;
}

/** A name written in the file, with its scalar's span and the span of the entry it names. */
interface Located {
  readonly name: string;
  readonly path: JsonPath;
  readonly span: Span;
  /** The whole row for `name:` rows, else the scalar. */
  readonly entrySpan: Span;
}

function locateName(parsed: ParsedBlueprint, name: string, path: JsonPath): Located | undefined {
  const span = spanOf(parsed, path);
  if (!span) return undefined;
  const row = path[path.length - 1] === 'name' ? spanOf(parsed, path.slice(0, -1)) : undefined;
  return { name, path, span: trimSpan(parsed.text, span), entrySpan: trimSpan(parsed.text, row ?? span) };
}

interface SummaryEntry extends Located {
  /** The `scorecard_summary` list it is in. */
  readonly list: string;
}

function summaryEntries(parsed: ParsedBlueprint): SummaryEntry[] {
  const summary = asRecord(root(parsed).scorecard_summary);
  if (!summary) return [];
  const out: SummaryEntry[] = [];
  for (const [list, value] of Object.entries(summary)) {
    if (!SUMMARY_TARGETS[list] && !NAME_ONLY_TARGETS[list]) continue;
    const entries: [unknown, JsonPath][] = Array.isArray(value) ? value.map((v, i) => [v, ['scorecard_summary', list, i]]) : [[value, ['scorecard_summary', list]]];
    for (const [entry, path] of entries) {
      if (typeof entry !== 'string' || !entry.trim()) continue;
      const located = locateName(parsed, entry, path);
      if (located) out.push({ ...located, list });
    }
  }
  return out;
}

/** The item a summary entry names: the best plausible match among what its list may name. */
function resolve(parsed: ParsedBlueprint, entry: SummaryEntry, cache: CandidateCache): Located | undefined {
  const candidates = candidatesOf(parsed, entry.list, cache);
  const [best] = rankMatches(entry.name, candidates.map((c) => c.text));
  if (!best || best.score < PLAUSIBLE_MATCH) return undefined;
  const target = candidates[best.index];
  return locateName(parsed, target.name, target.path);
}

// The titles of the last career lookup: handing matchRoleTitle the same array again lets it
// reuse its index of them, built per array (workspace titles rarely change between requests).
let lastTitles: readonly string[] = [];

function sameTitlesAsLast(titles: readonly string[]): readonly string[] {
  if (titles.length !== lastTitles.length || titles.some((title, i) => title !== lastTitles[i])) lastTitles = titles;
  return lastTitles;
}

const contains = (span: Span, offset: number) => offset >= span[0] && offset <= span[1];
const samePath = (a: JsonPath, b: JsonPath) => a.length === b.length && a.every((s, i) => s === b[i]);

/**
 * Definition of the name at `position`: a summary entry goes to the item it names, a career
 * role to the role files with that title. Empty when there is nothing to go to.
 */
export function findDefinition(parsed: ParsedBlueprint, doc: ITextDocument, position: Position, roles: readonly RoleTarget[] = []): LocationLink[] {
  const offset = doc.offsetAt(position);
  const entry = summaryEntries(parsed).find((e) => contains(e.span, offset));
  if (entry) {
    const target = resolve(parsed, entry, new Map());
    return target ? [{ originSelectionRange: toRange(doc, entry.span), targetUri: doc.uri, targetRange: toRange(doc, target.entrySpan), targetSelectionRange: toRange(doc, target.span) }] : [];
  }
  const careerRole = sectionEntries(parsed, 'career', CAREER_ROLE_GROUPS)
    .map((e) => locateName(parsed, e.name, e.path))
    .find((e) => e && contains(e.span, offset));
  if (!careerRole) return [];
  // The role the entry names, matched as the career ladder matches it, so that a link the
  // ladder draws is one the editor follows ("MLOps Consultant (mid-level): owns …").
  const others = roles.filter((role) => role.uri !== doc.uri);
  const titles = sameTitlesAsLast(others.map((role) => role.title));
  const matched = matchRoleTitle(careerRoleName(careerRole.name, careerRole.path[1] === 'feeder_roles' ? 'feeder_roles' : 'next_roles'), titles);
  if (matched === undefined) return [];
  const title = normaliseName(titles[matched]);
  const fileStart = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return others
    .filter((role) => normaliseName(role.title) === title)
    .map((role) => ({ originSelectionRange: toRange(doc, careerRole.span), targetUri: role.uri, targetRange: role.range ?? fileStart, targetSelectionRange: role.range ?? fileStart }));
}

/**
 * References of the item at `position` (its name or anywhere in its row), or of the item the
 * summary entry at `position` names: the summary entries that name it, plus the item itself
 * when `includeDeclaration`.
 */
export function findReferences(parsed: ParsedBlueprint, doc: ITextDocument, position: Position, includeDeclaration: boolean): Location[] {
  const offset = doc.offsetAt(position);
  const entries = summaryEntries(parsed);
  const onEntry = entries.find((e) => contains(e.span, offset));
  const cache: CandidateCache = new Map();
  let declaration: Located | undefined;
  if (onEntry) {
    declaration = resolve(parsed, onEntry, cache);
  } else {
    // The innermost item under the cursor, in any list a summary entry could name it from.
    const lists = [...Object.keys(SUMMARY_TARGETS), ...Object.keys(NAME_ONLY_TARGETS)];
    const hits = lists.flatMap((list) => candidatesOf(parsed, list, cache).map((c) => locateName(parsed, c.name, c.path))).filter((l): l is Located => !!l && contains(l.entrySpan, offset));
    declaration = hits.sort((a, b) => a.entrySpan[1] - a.entrySpan[0] - (b.entrySpan[1] - b.entrySpan[0]))[0];
  }
  if (!declaration) return [];
  const found = declaration;
  const locations: Location[] = includeDeclaration ? [{ uri: doc.uri, range: toRange(doc, found.span) }] : [];
  for (const entry of entries) {
    const target = resolve(parsed, entry, cache);
    if (target && samePath(target.path, found.path)) locations.push({ uri: doc.uri, range: toRange(doc, entry.span) });
  }
  return locations;
}
