/**
 * Catalogs of reusable blueprint rows (KPIs, tools, technical and soft skills), in the same
 * field names as the rows of a blueprint, so a catalog entry can be inserted as a row as is.
 */

export type CatalogKind = 'kpis' | 'tools' | 'technical_skills' | 'soft_skills';

export const CATALOG_KINDS: readonly CatalogKind[] = ['kpis', 'tools', 'technical_skills', 'soft_skills'];

export type SkillTier = 'must_have' | 'good_to_have' | 'advanced' | 'emerging';

export const SKILL_TIERS: readonly SkillTier[] = ['must_have', 'good_to_have', 'advanced', 'emerging'];

/** The fields each kind of row has, in the order a blueprint writes them (`name` first). */
export const ROW_FIELDS: Readonly<Record<CatalogKind, readonly string[]>> = {
  kpis: ['name', 'category', 'measures', 'why', 'target', 'frequency'],
  tools: ['name', 'category', 'use', 'prevalence'],
  technical_skills: ['name', 'importance', 'description', 'use'],
  soft_skills: ['name', 'description', 'shows_up'],
};

/** What a singular row of each kind is called in messages. */
export const KIND_NOUN: Readonly<Record<CatalogKind, string>> = {
  kpis: 'KPI',
  tools: 'tool',
  technical_skills: 'technical skill',
  soft_skills: 'soft skill',
};

/**
 * One catalog row. `fields` holds the row's text fields except `name` (only non-empty ones);
 * a technical skill may also say the `tier` it usually sits in.
 */
export interface CatalogEntry {
  readonly name: string;
  readonly fields: Readonly<Record<string, string>>;
  /** For technical skills: the tier the reference roles list it under. */
  readonly tier?: SkillTier;
  /** Titles of the roles the entry was learnt from, when known. */
  readonly roles: readonly string[];
}

/** A set of catalog rows by kind. */
export type Catalog = Readonly<Record<CatalogKind, readonly CatalogEntry[]>>;

export function emptyCatalog(): Record<CatalogKind, CatalogEntry[]> {
  return { kpis: [], tools: [], technical_skills: [], soft_skills: [] };
}

/** Where a merged entry came from; completion ranks and hover explains by it. */
export type CatalogOrigin = 'user' | 'builtin' | 'workspace';
