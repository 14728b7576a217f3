import { normaliseName } from '../strings';
import { ROW_FIELDS, SKILL_TIERS, emptyCatalog, type Catalog, type CatalogEntry, type CatalogKind, type SkillTier } from './types';
import { isRecord } from '../values';

/**
 * Reading catalog rows out of a blueprint value, and merging rows that name the same thing.
 * Used by the built-in catalog builder (scripts/build-catalog.ts) and the workspace index.
 */

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A row of `kind` from a plain object, or undefined when it has no usable name. */
export function rowToEntry(kind: CatalogKind, row: unknown, role: string | undefined, tier?: SkillTier): CatalogEntry | undefined {
  if (!isRecord(row)) return undefined;
  const name = text(row.name);
  if (!name) return undefined;
  const fields: Record<string, string> = {};
  for (const field of ROW_FIELDS[kind]) {
    if (field === 'name') continue;
    const value = text(row[field]);
    if (value !== undefined) fields[field] = value;
  }
  return { name, fields, ...(tier ? { tier } : {}), roles: role ? [role] : [] };
}

/** Items of a list, or of a `{note, items}` group. */
export function groupItems(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.items)) return value.items;
  return [];
}

/** The KPI, tool and skill rows a blueprint value defines, in file order. */
export function extractRows(blueprint: unknown): Record<CatalogKind, CatalogEntry[]> {
  const rows = emptyCatalog();
  if (!isRecord(blueprint)) return rows;
  const role = isRecord(blueprint.role) ? text(blueprint.role.title) : undefined;
  const push = (kind: CatalogKind, list: readonly unknown[], tier?: SkillTier) => {
    for (const row of list) {
      const entry = rowToEntry(kind, row, role, tier);
      if (entry) rows[kind].push(entry);
    }
  };
  if (Array.isArray(blueprint.kpis)) push('kpis', blueprint.kpis);
  if (Array.isArray(blueprint.tools)) push('tools', blueprint.tools);
  if (Array.isArray(blueprint.soft_skills)) push('soft_skills', blueprint.soft_skills);
  if (isRecord(blueprint.technical_skills)) {
    for (const tier of SKILL_TIERS) push('technical_skills', groupItems(blueprint.technical_skills[tier]), tier);
  }
  return rows;
}

/**
 * Merges entries naming the same thing (same normalised name): the first one's fields win and
 * the later ones fill fields it lacks; the roles are united. Order of first appearance is kept.
 */
export function mergeEntries(entries: readonly CatalogEntry[]): CatalogEntry[] {
  const byName = new Map<string, { name: string; fields: Record<string, string>; tier?: SkillTier; roles: string[] }>();
  for (const entry of entries) {
    const key = normaliseName(entry.name);
    const existing = byName.get(key);
    if (!existing) {
      byName.set(key, { name: entry.name, fields: { ...entry.fields }, ...(entry.tier ? { tier: entry.tier } : {}), roles: [...entry.roles] });
      continue;
    }
    for (const [field, value] of Object.entries(entry.fields)) existing.fields[field] ??= value;
    existing.tier ??= entry.tier;
    for (const role of entry.roles) if (!existing.roles.includes(role)) existing.roles.push(role);
  }
  return [...byName.values()];
}

/** Merges whole catalogs kind by kind; earlier catalogs take precedence. */
export function mergeCatalogs(catalogs: readonly Catalog[]): Record<CatalogKind, CatalogEntry[]> {
  const merged = emptyCatalog();
  for (const kind of Object.keys(merged) as CatalogKind[]) merged[kind] = mergeEntries(catalogs.flatMap((c) => c[kind]));
  return merged;
}
