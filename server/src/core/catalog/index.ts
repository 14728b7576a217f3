import { normaliseName } from '../strings';
import builtinData from './builtin.json';
import { FuzzySearchIndex, type FuzzyMatch, type PreparedKey } from './fuzzy';
import { parseUserCatalog, type ParsedUserCatalog, type UserCatalogFile } from './userCatalog';
import { type Catalog, type CatalogEntry, type CatalogKind, type CatalogOrigin, type SkillTier } from './types';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Everything completion and hover know about KPIs, tools and skills: the built-in catalog
 * (learnt from the reference blueprints), the organisation's catalogs, and the rows of the
 * other role files in the workspace, merged by name. The merged lists and their fuzzy indexes
 * are built per kind when first asked for (a tool completion needs no KPI index), and rebuilt
 * only when a source changes, never per request.
 */

export const BUILT_IN_CATALOG = builtinData as unknown as Catalog;

/** One catalog row as completion and hover see it, with where it was found. */
export interface KnownEntry {
  readonly kind: CatalogKind;
  readonly name: string;
  readonly fields: Readonly<Record<string, string>>;
  readonly tier?: SkillTier;
  readonly origins: ReadonlySet<CatalogOrigin>;
  /** Roles of the built-in and user catalogs the entry was learnt from. */
  readonly catalogRoles: readonly string[];
  /** Workspace role files that define the entry, with their titles. */
  readonly workspaceRoles: readonly { readonly uri: string; readonly title: string | undefined }[];
}

interface MutableEntry {
  kind: CatalogKind;
  name: string;
  fields: Record<string, string>;
  tier?: SkillTier;
  origins: Set<CatalogOrigin>;
  catalogRoles: string[];
  workspaceRoles: { uri: string; title: string | undefined }[];
}

/** One kind's merged entries and indexes. */
interface Built {
  readonly entries: readonly KnownEntry[];
  readonly byName: ReadonlyMap<string, KnownEntry>;
  readonly search: FuzzySearchIndex<KnownEntry>;
}

const WORKSPACE_KIND_FIELD = { kpis: 'kpis', tools: 'tools', technical_skills: 'technicalSkills', soft_skills: 'softSkills' } as const;

export class CatalogStore {
  readonly #builtin: Catalog;
  readonly #workspace: WorkspaceIndex;
  #user: ParsedUserCatalog[] = [];
  #built: Partial<Record<CatalogKind, Built>> = {};
  #builtAtWorkspaceVersion = -1;
  readonly #keyCache = new Map<string, readonly PreparedKey[]>();

  constructor(workspace: WorkspaceIndex, builtin: Catalog = BUILT_IN_CATALOG) {
    this.#workspace = workspace;
    this.#builtin = builtin;
  }

  /** Replaces the user catalogs; returns each file's diagnostics, in the order given. */
  setUserCatalogs(files: readonly UserCatalogFile[]): ParsedUserCatalog[] {
    this.#user = files.map(parseUserCatalog);
    this.#built = {};
    return this.#user;
  }

  /**
   * `forUri` in these reads is the document being edited: its own pending changes are not
   * indexed for it (see `WorkspaceIndex`), and its rows, if indexed earlier, are told apart
   * by `onlyDefinedIn` and the uri on `workspaceRoles`.
   */
  entries(kind: CatalogKind, forUri?: string): readonly KnownEntry[] {
    return this.#current(kind, forUri).entries;
  }

  /** The entry named `name` (compared normalised), if any source knows it. */
  lookup(kind: CatalogKind, name: string, forUri?: string): KnownEntry | undefined {
    return this.#current(kind, forUri).byName.get(normaliseName(name));
  }

  search(kind: CatalogKind, query: string, forUri?: string): FuzzyMatch<KnownEntry>[] {
    return this.#current(kind, forUri).search.search(query);
  }

  #current(kind: CatalogKind, forUri: string | undefined): Built {
    const version = this.#workspace.settle(forUri);
    if (this.#builtAtWorkspaceVersion !== version) {
      this.#built = {};
      this.#builtAtWorkspaceVersion = version;
    }
    return (this.#built[kind] ??= this.#build(kind));
  }

  #build(kind: CatalogKind): Built {
    // Names typed in open files come and go; don't let their prepared keys pile up.
    if (this.#keyCache.size > 5000) this.#keyCache.clear();
    const merged = new Map<string, MutableEntry>();
    const add = (entry: CatalogEntry, origin: CatalogOrigin, workspaceRole?: { uri: string; title: string | undefined }) => {
      const key = normaliseName(entry.name);
      if (!key) return;
      let known = merged.get(key);
      if (!known) {
        known = { kind, name: entry.name, fields: {}, origins: new Set(), catalogRoles: [], workspaceRoles: [] };
        merged.set(key, known);
      }
      // Sources come in precedence order: a field keeps the first value given for it.
      for (const [field, value] of Object.entries(entry.fields)) known.fields[field] ??= value;
      known.tier ??= entry.tier;
      known.origins.add(origin);
      if (workspaceRole) {
        if (!known.workspaceRoles.some((r) => r.uri === workspaceRole.uri)) known.workspaceRoles.push(workspaceRole);
      } else {
        for (const role of entry.roles) if (!known.catalogRoles.includes(role)) known.catalogRoles.push(role);
      }
    };
    for (const user of this.#user) for (const entry of user.catalog[kind]) add(entry, 'user');
    for (const entry of this.#builtin[kind] ?? []) add(entry, 'builtin');
    for (const role of this.#workspace.indexedRoles()) {
      for (const entry of role[WORKSPACE_KIND_FIELD[kind]]) add(entry, 'workspace', { uri: role.uri, title: role.title });
    }
    const entries = [...merged.values()];
    return { entries, byName: merged, search: new FuzzySearchIndex(entries, (entry) => entry.name, { keyCache: this.#keyCache }) };
  }
}

/** True when the only source of `entry` is the document at `uri` itself. */
export function onlyDefinedIn(entry: KnownEntry, uri: string): boolean {
  return entry.origins.size === 1 && entry.origins.has('workspace') && entry.workspaceRoles.every((r) => r.uri === uri);
}
