import * as path from 'node:path';
import type { RoleBlueprintLanguageService } from '../core';
import { findSchemaModeline, schemaForPath, type OrgSchemaChoice } from '../core/orgSchemas';
import type { ITextDocument } from '../core/types';
import { isWithin, uriKey, uriToPath, type ServerFileSystem } from './fileSystem';

const URL_LIKE = /^[a-z][a-z0-9+.-]+:/i;
const WINDOWS_DRIVE = /^[a-z]:[\\/]/i;

/**
 * The file side of organisation schemas: which schema file a role file names (modeline first,
 * then the `roleBlueprint.schemas` globs of the folder it is in), reading it once into the core,
 * and forgetting it when the file changes. The core's key for a schema is its absolute path.
 */
export class OrgSchemaHost {
  readonly #loading = new Map<string, Promise<void>>();

  constructor(
    private readonly ls: RoleBlueprintLanguageService,
    private readonly fs: ServerFileSystem,
    /** Told whether each schema loaded, with the reason when not (for the server status). */
    private readonly onLoaded: (key: string, problem: string | undefined) => void,
  ) {}

  /** The schema a document is to be validated with, if any. */
  choiceFor(doc: ITextDocument, folders: readonly string[], globs: Readonly<Record<string, string>>): OrgSchemaChoice | undefined {
    const docPath = uriToPath(doc.uri);
    const modeline = findSchemaModeline(doc.getText());
    if (modeline) {
      const written = modeline.path;
      if (URL_LIKE.test(written) && !WINDOWS_DRIVE.test(written)) return { key: uriToPath(written) ?? written, label: written };
      const base = docPath ? path.dirname(docPath) : folders[0];
      return { key: base ? path.resolve(base, written) : written, label: written };
    }
    if (!docPath || Object.keys(globs).length === 0) return undefined;
    for (const folder of folders) {
      if (!isWithin(folder, docPath)) continue;
      const schemaPath = schemaForPath(path.relative(folder, docPath), globs);
      if (schemaPath) return { key: path.resolve(folder, schemaPath), label: schemaPath };
    }
    return undefined;
  }

  /** Loads the schema into the core unless it is there already; concurrent callers share one read. */
  ensureLoaded(key: string): Promise<void> | undefined {
    if (this.ls.hasOrgSchema(key)) return undefined;
    const running = this.#loading.get(key);
    if (running) return running;
    const load = this.#load(key).finally(() => this.#loading.delete(key));
    this.#loading.set(key, load);
    return load;
  }

  async #load(key: string): Promise<void> {
    let source: { text: string } | { error: string };
    if (!path.isAbsolute(key)) {
      source = { error: URL_LIKE.test(key) ? 'only schema files in the workspace are supported, not URLs' : 'a relative path needs a saved file or an open folder to be resolved against' };
    } else {
      try {
        source = { text: await this.fs.readFile(key) };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        source = { error: code === 'ENOENT' ? `the file ${key} does not exist` : `the file cannot be read (${(error as Error).message})` };
      }
    }
    const state = this.ls.setOrgSchema(key, source);
    this.onLoaded(key, state.ok ? undefined : state.reason);
  }

  /** Forgets the schema at `uri` if one is loaded from there; true when documents must be re-checked. */
  invalidate(uri: string): boolean {
    const key = uriKey(uri);
    if (!this.ls.hasOrgSchema(key) && !this.#loading.has(key)) return false;
    this.ls.removeOrgSchema(key); // read again on the next check of a file that names it
    this.onLoaded(key, undefined);
    return true;
  }
}
