/**
 * The `roleBlueprint.*` settings as the client reads them, normalised: a wrong type in the
 * user's settings.json falls back to the default instead of reaching the code. Pure (the
 * `vscode` wrapper is config.ts), so it is unit-tested.
 */

import * as path from 'node:path';

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

/** A file to watch: `glob` under the absolute folder `base`. */
export interface WatchTarget {
  readonly base: string;
  readonly glob: string;
}

/**
 * Catalog and schema files the server's own file watcher cannot see. The server registers a
 * watcher for every JSON and YAML file in the workspace folders (blueprints, schemas, catalogs);
 * a configured file outside every folder (an absolute path, or `../shared/kpis.json`) is
 * watched by the client, which forwards its changes. A relative path resolves against each
 * folder, as the server does; URLs are not files.
 */
export function externalWatchTargets(settings: Pick<ClientSettings, 'catalogs' | 'schemas'>, folders: readonly string[]): WatchTarget[] {
  const targets = new Map<string, WatchTarget>();
  const inside = (file: string) => folders.some((folder) => !path.relative(folder, file).startsWith('..'));
  for (const entry of [...settings.catalogs, ...Object.values(settings.schemas)]) {
    const file = entry.trim();
    if (!file || /^[a-z][a-z0-9+.-]+:\/\//i.test(file)) continue;
    const candidates = path.isAbsolute(file) ? [path.normalize(file)] : folders.map((folder) => path.resolve(folder, file));
    for (const candidate of candidates) {
      if (inside(candidate)) continue;
      targets.set(candidate, { base: path.dirname(candidate), glob: path.basename(candidate) });
    }
  }
  return [...targets.values()];
}
