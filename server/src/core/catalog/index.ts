import { normaliseName } from '../strings';
import builtinData from './builtin.json';
import { FuzzySearchIndex, type FuzzyMatch, type PreparedKey } from './fuzzy';
import { parseUserCatalog, type ParsedUserCatalog, type UserCatalogFile } from './userCatalog';
import { CATALOG_KINDS, type Catalog, type CatalogEntry, type CatalogKind, type CatalogOrigin, type SkillTier } from './types';
import type { WorkspaceIndex } from './workspaceIndex';

/**
 * Everything completion and hover know about KPIs, tools and skills: the built-in catalog
 * (learnt from the reference blueprints), the organisation's catalogs, and the rows of the
 * other role files in the workspace, merged by name. The merged lists and their fuzzy indexes
 * are rebuilt only when a source changes, never per request.
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

interface Built {
  readonly entries: Record<CatalogKind, readonly KnownEntry[]>;
  readonly byName: Record<CatalogKind, ReadonlyMap<string, KnownEntry>>;
  readonly search: Record<CatalogKind, FuzzySearchIndex<KnownEntry>>;
}

const WORKSPACE_KIND_FIELD = { kpis: 'kpis', tools: 'tools', technical_skills: 'technicalSkills', soft_skills: 'softSkills' } as const;

export class CatalogStore {
  readonly #builtin: Catalog;
  readonly #workspace: WorkspaceIndex;
  #user: ParsedUserCatalog[] = [];
  #built: Built | undefined;
  #builtAtWorkspaceVersion = -1;
  readonly #keyCache = new Map<string, readonly PreparedKey[]>();

  constructor(workspace: WorkspaceIndex, builtin: Catalog = BUILT_IN_CATALOG) {
    this.#workspace = workspace;
    this.#builtin = builtin;
  }

  /** Replaces the user catalogs; returns each file's diagnostics, in the order given. */
  setUserCatalogs(files: readonly UserCatalogFile[]): ParsedUserCatalog[] {
    this.#user = files.map(parseUserCatalog);
    this.#built = undefined;
    return this.#user;
  }

  /**
   * `forUri` in these reads is the document being edited: its own pending changes are not
   * indexed for it (see `WorkspaceIndex`), and its rows, if indexed earlier, are told apart
   * by `onlyDefinedIn` and the uri on `workspaceRoles`.
   */
  entries(kind: CatalogKind, forUri?: string): readonly KnownEntry[] {
    return this.#current(forUri).entries[kind];
  }

  /** The entry named `name` (compared normalised), if any source knows it. */
  lookup(kind: CatalogKind, name: string, forUri?: string): KnownEntry | undefined {
    return this.#current(forUri).byName[kind].get(normaliseName(name));
  }

  search(kind: CatalogKind, query: string, forUri?: string): FuzzyMatch<KnownEntry>[] {
    return this.#current(forUri).search[kind].search(query);
  }

  #current(forUri: string | undefined): Built {
    const version = this.#workspace.settle(forUri);
    if (!this.#built || this.#builtAtWorkspaceVersion !== version) {
      this.#built = this.#build();
      this.#builtAtWorkspaceVersion = version;
    }
    return this.#built;
  }

  #build(): Built {
    // Names typed in open files come and go; don't let their prepared keys pile up.
    if (this.#keyCache.size > 5000) this.#keyCache.clear();
    const maps = Object.fromEntries(CATALOG_KINDS.map((kind) => [kind, new Map<string, MutableEntry>()])) as Record<CatalogKind, Map<string, MutableEntry>>;
    const add = (kind: CatalogKind, entry: CatalogEntry, origin: CatalogOrigin, workspaceRole?: { uri: string; title: string | undefined }) => {
      const key = normaliseName(entry.name);
      if (!key) return;
      let merged = maps[kind].get(key);
      if (!merged) {
        merged = { kind, name: entry.name, fields: {}, origins: new Set(), catalogRoles: [], workspaceRoles: [] };
        maps[kind].set(key, merged);
      }
      // Sources come in precedence order: a field keeps the first value given for it.
      for (const [field, value] of Object.entries(entry.fields)) merged.fields[field] ??= value;
      merged.tier ??= entry.tier;
      merged.origins.add(origin);
      if (workspaceRole) {
        if (!merged.workspaceRoles.some((r) => r.uri === workspaceRole.uri)) merged.workspaceRoles.push(workspaceRole);
      } else {
        for (const role of entry.roles) if (!merged.catalogRoles.includes(role)) merged.catalogRoles.push(role);
      }
    };
    for (const user of this.#user) for (const kind of CATALOG_KINDS) for (const entry of user.catalog[kind]) add(kind, entry, 'user');
    for (const kind of CATALOG_KINDS) for (const entry of this.#builtin[kind] ?? []) add(kind, entry, 'builtin');
    for (const role of this.#workspace.indexedRoles()) {
      for (const kind of CATALOG_KINDS) {
        for (const entry of role[WORKSPACE_KIND_FIELD[kind]]) add(kind, entry, 'workspace', { uri: role.uri, title: role.title });
      }
    }
    const entries = {} as Record<CatalogKind, readonly KnownEntry[]>;
    const byName = {} as Record<CatalogKind, ReadonlyMap<string, KnownEntry>>;
    const search = {} as Record<CatalogKind, FuzzySearchIndex<KnownEntry>>;
    for (const kind of CATALOG_KINDS) {
      entries[kind] = [...maps[kind].values()];
      byName[kind] = maps[kind];
      search[kind] = new FuzzySearchIndex(entries[kind], (entry) => entry.name, { keyCache: this.#keyCache });
    }
    return { entries, byName, search };
  }
}

/** True when the only source of `entry` is the document at `uri` itself. */
export function onlyDefinedIn(entry: KnownEntry, uri: string): boolean {
  return entry.origins.size === 1 && entry.origins.has('workspace') && entry.workspaceRoles.every((r) => r.uri === uri);
}
