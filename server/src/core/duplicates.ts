import type { Diagnostic } from 'vscode-languageserver-types';
import { SKILL_TIERS } from './catalog/types';
import { makeDiagnostic } from './diagnosticUtil';
import { groupEntries } from './lint/fields';
import { locate, nodeSpan, type ParsedBlueprint } from './parse';
import { normaliseName } from './strings';
import type { ITextDocument, JsonPath } from './types';
import { isRecord } from './values';

/**
 * Names that must be unique in a file: KPIs, tools, technical skills (across all tiers),
 * soft skills and scorecard dimensions. The second and later uses get the diagnostic, with
 * the first use as related information.
 */

export interface NamedRow {
  readonly kind: string;
  readonly name: string;
  /** The name as names are compared (normaliseName). */
  readonly normal: string;
  readonly path: JsonPath;
}

/** The `{field: name}` items of a list (plain or `{items}`); string items have no such field. */
function rowsOf(list: unknown, basePath: JsonPath, field: string, kind: string): NamedRow[] {
  return groupEntries(list, basePath, field).flatMap(({ name, path, record }) => (record ? [{ kind, name, normal: normaliseName(name), path }] : []));
}

/** A namespace of unique names: the top-level section its rows are read from, and how. */
export interface RowKind {
  readonly kind: string;
  readonly section: string;
  readonly rows: (sectionValue: unknown) => NamedRow[];
}

export const ROW_KINDS: readonly RowKind[] = [
  { kind: 'KPI', section: 'kpis', rows: (v) => rowsOf(v, ['kpis'], 'name', 'KPI') },
  { kind: 'tool', section: 'tools', rows: (v) => rowsOf(v, ['tools'], 'name', 'tool') },
  { kind: 'technical skill', section: 'technical_skills', rows: (v) => SKILL_TIERS.flatMap((tier) => rowsOf(isRecord(v) ? v[tier] : undefined, ['technical_skills', tier], 'name', 'technical skill')) },
  { kind: 'soft skill', section: 'soft_skills', rows: (v) => rowsOf(v, ['soft_skills'], 'name', 'soft skill') },
  { kind: 'scorecard dimension', section: 'hiring', rows: (v) => rowsOf(isRecord(v) ? v.scorecard : undefined, ['hiring', 'scorecard'], 'dimension', 'scorecard dimension') },
];

// Per kind and section value (kept by the parser while the section is unchanged): its rows.
const rowCache = new Map(ROW_KINDS.map((k) => [k, new WeakMap<object, NamedRow[]>()]));

/** The rows of one kind in a document's value; the same array while their section is unchanged. */
export function rowsOfKind(value: unknown, kind: RowKind): NamedRow[] {
  const sectionValue = isRecord(value) ? value[kind.section] : undefined;
  if (!sectionValue || typeof sectionValue !== 'object') return kind.rows(sectionValue);
  const cache = rowCache.get(kind) as WeakMap<object, NamedRow[]>;
  let rows = cache.get(sectionValue);
  if (!rows) cache.set(sectionValue, (rows = kind.rows(sectionValue)));
  return rows;
}

/** A repeated name: the row that repeats it and the first row with it. */
interface Repeat {
  readonly row: NamedRow;
  readonly earlier: NamedRow;
}

const repeatCache = new WeakMap<readonly NamedRow[], readonly Repeat[]>();

function repeats(rows: readonly NamedRow[]): readonly Repeat[] {
  let found = repeatCache.get(rows);
  if (found) return found;
  const out: Repeat[] = [];
  const first = new Map<string, NamedRow>();
  for (const row of rows) {
    const earlier = first.get(row.normal);
    if (earlier) out.push({ row, earlier });
    else first.set(row.normal, row);
  }
  repeatCache.set(rows, (found = out));
  return found;
}

export function duplicateDiagnostics(parsed: ParsedBlueprint, doc: ITextDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Names are unique within each namespace: a kind's rows (no rows when the value is no mapping).
  for (const kind of ROW_KINDS) {
    for (const { row, earlier } of repeats(rowsOfKind(parsed.value, kind))) {
      const here = locate(parsed, row.path);
      const there = locate(parsed, earlier.path);
      if (!here?.node) continue;
      const where = row.path.length > 3 && earlier.path[1] !== row.path[1] ? ` (also listed under ${String(earlier.path[1])})` : '';
      const diagnostic = makeDiagnostic(doc, nodeSpan(here.node, here.base), 'duplicate.name', `The ${row.kind} "${row.name}" is already listed above${where}; each ${row.kind} should appear once.`, 'error', { kind: row.kind, path: row.path });
      if (there?.node) {
        const [s, e] = nodeSpan(there.node, there.base);
        diagnostic.relatedInformation = [{ location: { uri: doc.uri, range: { start: doc.positionAt(s), end: doc.positionAt(e) } }, message: `First "${earlier.name}"` }];
      }
      diagnostics.push(diagnostic);
    }
  }
  return diagnostics;
}
