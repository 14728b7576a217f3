import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic } from './diagnosticUtil';
import { locate, nodeSpan, type ParsedBlueprint } from './parse';
import { normaliseName } from './strings';
import type { ITextDocument, JsonPath } from './types';

/**
 * Names that must be unique in a file: KPIs, tools, technical skills (across all tiers),
 * soft skills and scorecard dimensions. The second and later uses get the diagnostic, with
 * the first use as related information.
 */

interface NamedRow {
  readonly kind: string;
  readonly name: string;
  readonly path: JsonPath;
}

const SKILL_TIERS = ['must_have', 'good_to_have', 'advanced', 'emerging'] as const;

function rowsOf(list: unknown, basePath: JsonPath, field: string, kind: string): NamedRow[] {
  const items = Array.isArray(list) ? list : list && typeof list === 'object' && Array.isArray((list as { items?: unknown }).items) ? (list as { items: unknown[] }).items : undefined;
  const itemsPath = Array.isArray(list) ? basePath : [...basePath, 'items'];
  if (!items) return [];
  const rows: NamedRow[] = [];
  items.forEach((item, index) => {
    const name = item && typeof item === 'object' ? (item as Record<string, unknown>)[field] : undefined;
    if (typeof name === 'string' && name.trim()) rows.push({ kind, name, path: [...itemsPath, index, field] });
  });
  return rows;
}

/** Every row whose name must be unique, grouped by the namespace it must be unique in. */
export function namedRows(value: unknown): NamedRow[][] {
  if (!value || typeof value !== 'object') return [];
  const v = value as Record<string, unknown>;
  const skills = v.technical_skills && typeof v.technical_skills === 'object' ? (v.technical_skills as Record<string, unknown>) : {};
  const hiring = v.hiring && typeof v.hiring === 'object' ? (v.hiring as Record<string, unknown>) : {};
  return [
    rowsOf(v.kpis, ['kpis'], 'name', 'KPI'),
    rowsOf(v.tools, ['tools'], 'name', 'tool'),
    SKILL_TIERS.flatMap((tier) => rowsOf(skills[tier], ['technical_skills', tier], 'name', 'technical skill')),
    rowsOf(v.soft_skills, ['soft_skills'], 'name', 'soft skill'),
    rowsOf(hiring.scorecard, ['hiring', 'scorecard'], 'dimension', 'scorecard dimension'),
  ];
}

export function duplicateDiagnostics(parsed: ParsedBlueprint, doc: ITextDocument): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const rows of namedRows(parsed.value)) {
    const first = new Map<string, NamedRow>();
    for (const row of rows) {
      const key = normaliseName(row.name);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, row);
        continue;
      }
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
