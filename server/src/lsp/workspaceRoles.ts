import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RoleBlueprintLanguageService } from '../core';
import type { RoleTarget } from '../core/definition';
import type { RoleFileSummary } from '../core/symbols';
import { pathToUri, uriKey, type ServerFileSystem } from './fileSystem';

/**
 * The role files of the workspace as the server knows them: files on disk (from the scan and
 * file events) and open documents on top, which win while they are open. Feeds the core's
 * workspace index (completion, hover) and keeps located summaries (workspace symbols, career
 * links). Open documents are re-indexed lazily, when a feature asks, never per keystroke.
 */
export class WorkspaceRoles {
  /** Files on disk that are not open, by uriKey. */
  readonly #disk = new Map<string, RoleFileSummary>();
  /** The uri each file is indexed under in the core's index, by uriKey (spellings differ). */
  readonly #indexedUri = new Map<string, string>();
  readonly #open = new Map<string, TextDocument>();
  readonly #dirty = new Set<string>();

  constructor(
    private readonly ls: RoleBlueprintLanguageService,
    private readonly fs: ServerFileSystem,
  ) {}

  #index(uri: string, text: string): void {
    const key = uriKey(uri);
    const previous = this.#indexedUri.get(key);
    if (previous !== undefined && previous !== uri) this.ls.workspaceIndex.remove(previous);
    this.#indexedUri.set(key, uri);
    this.ls.workspaceIndex.update(uri, text);
  }

  #unindex(key: string): void {
    const uri = this.#indexedUri.get(key);
    if (uri !== undefined) this.ls.workspaceIndex.remove(uri);
    this.#indexedUri.delete(key);
    this.#disk.delete(key);
  }

  /** Reads a role file from disk (unless it is open); a file that is gone or too big is dropped. */
  async indexFile(file: string): Promise<void> {
    const uri = pathToUri(file);
    const key = uriKey(uri);
    if (this.#open.has(key)) return;
    let text: string;
    try {
      if ((await this.fs.size(file)) > this.ls.settings.maxFileSize) return this.#unindex(key);
      text = await this.fs.readFile(file);
    } catch {
      return this.#unindex(key);
    }
    if (this.#open.has(key)) return; // opened while we read
    const summary = this.ls.summariseRoleFile(TextDocument.create(uri, 'role-blueprint', 0, text));
    this.ls.forget(uri);
    if (summary) this.#disk.set(key, summary);
    this.#index(uri, text);
  }

  removeFile(uri: string): void {
    const key = uriKey(uri);
    if (!this.#open.has(key)) this.#unindex(key);
  }

  opened(doc: TextDocument): void {
    const key = uriKey(doc.uri);
    this.#open.set(key, doc);
    this.#disk.delete(key);
    this.#dirty.add(key);
  }

  changed(doc: TextDocument): void {
    const key = uriKey(doc.uri);
    this.#open.set(key, doc);
    this.#dirty.add(key);
  }

  /** A closed document falls back to its file on disk, or out of the index when it has none. */
  async closed(uri: string, file: string | undefined): Promise<void> {
    const key = uriKey(uri);
    this.#open.delete(key);
    this.#dirty.delete(key);
    this.#unindex(key);
    if (file) await this.indexFile(file);
  }

  /** Brings edits of open documents into the core's index. */
  syncOpen(): void {
    for (const key of this.#dirty) {
      const doc = this.#open.get(key);
      if (doc) this.#index(doc.uri, doc.getText());
    }
    this.#dirty.clear();
  }

  clearDisk(): void {
    for (const key of [...this.#indexedUri.keys()]) if (!this.#open.has(key)) this.#unindex(key);
  }

  summaries(): RoleFileSummary[] {
    const byKey = new Map(this.#disk);
    for (const [key, doc] of this.#open) {
      const summary = this.ls.summariseRoleFile(doc);
      if (summary) byKey.set(key, summary);
    }
    return [...byKey.values()];
  }

  roleTargets(): RoleTarget[] {
    return this.summaries().flatMap((s) => (s.title ? [{ title: s.title, uri: s.uri, range: s.titleRange }] : []));
  }
}
