/**
 * The `roleBlueprint.*` settings as the client reads them, normalised: a wrong type in the
 * user's settings.json falls back to the default instead of reaching the code. Pure (the
 * `vscode` wrapper is config.ts), so it is unit-tested.
 */

export const CONFIG_SECTION = 'roleBlueprint';

/**
 * What the client itself reads. The server reads all of `roleBlueprint.*` (rules,
 * maxFileSize, …) through `workspace/configuration`, and the language client handles
 * `roleBlueprint.trace.server`.
 */
export interface ClientSettings {
  readonly validate: boolean;
  /** Catalog files (skills, tools, KPIs), workspace-relative or absolute. */
  readonly catalogs: readonly string[];
  /** Glob → schema path associations. */
  readonly schemas: Readonly<Record<string, string>>;
  readonly previewScrollSync: boolean;
}

export const DEFAULT_SETTINGS: ClientSettings = {
  validate: true,
  catalogs: [],
  schemas: {},
  previewScrollSync: true,
};

/**
 * Settings whose change needs a server restart: catalogs and schemas decide which files the
 * client watches for the server, and that list is fixed when the client starts.
 */
export const RESTART_REQUIRED: readonly string[] = ['catalogs', 'schemas'];

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const result: Record<string, string> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (typeof entry === 'string') result[key] = entry;
  }
  return result;
}

/** `get(key)` reads one key under `roleBlueprint` (e.g. `preview.scrollSync`). */
export function readSettings(get: (key: string) => unknown): ClientSettings {
  const validate = get('validate');
  const catalogs = get('catalogs');
  const scrollSync = get('preview.scrollSync');
  return {
    validate: typeof validate === 'boolean' ? validate : DEFAULT_SETTINGS.validate,
    catalogs: Array.isArray(catalogs) ? catalogs.filter((c): c is string => typeof c === 'string' && c.trim() !== '') : DEFAULT_SETTINGS.catalogs,
    schemas: stringRecord(get('schemas')) ?? DEFAULT_SETTINGS.schemas,
    previewScrollSync: typeof scrollSync === 'boolean' ? scrollSync : DEFAULT_SETTINGS.previewScrollSync,
  };
}

/** Files the server always reads besides the open blueprints. */
export const WATCHED_FILES: readonly string[] = ['**/*.role.{yaml,yml}', '**/*.schema.json'];

/** A file watcher's pattern: a glob in every workspace folder, or a file name under an absolute folder. */
export interface WatchPattern {
  readonly base?: string;
  readonly glob: string;
}

/**
 * What the client watches for the server: the blueprints and schemas, plus the configured
 * catalogs and schema files. A relative path is matched in every workspace folder, an absolute
 * one where it is; `../` paths and URLs are not watched (the server still reads them).
 * Backslashes become slashes so Windows paths work as globs.
 */
export function watchPatterns(settings: Pick<ClientSettings, 'catalogs' | 'schemas'>): WatchPattern[] {
  const patterns = new Map<string, WatchPattern>(WATCHED_FILES.map((glob) => [glob, { glob }]));
  for (const file of [...settings.catalogs, ...Object.values(settings.schemas)]) {
    const path = file.trim().replace(/\\/g, '/').replace(/^(\.\/)+/, '');
    if (!path || /^[a-z][a-z0-9+.-]+:\/\//i.test(path) || path.startsWith('../')) continue;
    if (/^([a-zA-Z]:)?\//.test(path)) {
      const slash = path.lastIndexOf('/');
      const pattern = { base: path.slice(0, slash) || '/', glob: path.slice(slash + 1) };
      patterns.set(`${pattern.base}\n${pattern.glob}`, pattern);
    } else {
      patterns.set(`**/${path}`, { glob: `**/${path}` });
    }
  }
  return [...patterns.values()];
}
