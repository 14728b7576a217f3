import type { JsonPath } from '../types';
import { SKILL_TIERS, type CatalogKind } from './types';

/** Which catalog a blueprint row belongs to, by the path of the row (items counted as 0). */
export function catalogKindOfRow(path: JsonPath): CatalogKind | undefined {
  const [section, a, b, c] = path;
  if ((section === 'kpis' || section === 'tools' || section === 'soft_skills') && path.length === 2 && typeof a === 'number') return section;
  if (section === 'technical_skills' && SKILL_TIERS.includes(a as never)) {
    if (path.length === 3 && typeof b === 'number') return 'technical_skills';
    if (path.length === 4 && b === 'items' && typeof c === 'number') return 'technical_skills';
  }
  return undefined;
}

/** The schema path of a field of a catalog row (the first row; skills as in the must-have tier). */
export function rowFieldPath(kind: CatalogKind, field: string): JsonPath {
  return kind === 'technical_skills' ? ['technical_skills', 'must_have', 0, field] : [kind, 0, field];
}

/** What the entries of a `scorecard_summary` list name: a catalog kind, or the responsibilities. */
export type ScorecardListKind = CatalogKind | 'responsibilities';

/** The kind a `scorecard_summary.<list>` item names, by the path of the item. */
export function scorecardListOfItem(path: JsonPath): ScorecardListKind | undefined {
  if (path.length !== 3 || path[0] !== 'scorecard_summary' || typeof path[2] !== 'number') return undefined;
  const list = path[1];
  return list === 'kpis' || list === 'tools' || list === 'technical_skills' || list === 'soft_skills' || list === 'responsibilities' ? list : undefined;
}
