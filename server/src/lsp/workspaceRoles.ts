import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RoleBlueprintLanguageService } from '../core';
import type { RoleTarget } from '../core/definition';
import { ladderView } from '../core/family/ladder';
import type { ParsedBlueprint } from '../core/parse';
import { createStaticTextDocument } from '../core/staticTextDocument';
import { summariseRoleFile, type RoleFileSummary } from '../core/symbols';
import { pathToUri, uriKey, type ServerFileSystem } from './fileSystem';

/**
 * The role files of the workspace as the server knows them: files on disk (from the scan and
 * file events) and open documents on top, which win while they are open. Feeds the core's
 * workspace index (completion, hover) and keeps located summaries (workspace symbols, career
 * links). Open documents are re-indexed lazily, when a feature asks, never per keystroke.
 * A file read from disk is parsed once, for its summary, its index entry and what the career
 * ladder reads of it; its whole parse is not kept (in a workspace of 1,000 role files the
 * parses were 5 times the rest of the server's memory).
 */
export class WorkspaceRoles {
  /** Files on disk that are not open, by uriKey: their summary and their ladder view (see `ladderView`). */
  readonly #disk = new Map<string, { readonly summary: RoleFileSummary; readonly ladder: ParsedBlueprint }>();
  /** The uri each file is indexed under in the core's index, by uriKey (spellings differ). */
  readonly #indexedUri = new Map<string, string>();
  readonly #open = new Map<string, TextDocument>();
  readonly #dirty = new Set<string>();

  constructor(
    private readonly ls: RoleBlueprintLanguageService,
    private readonly fs: ServerFileSystem,
  ) {}

  /** Indexes an open document's text (lazily), or a disk file's with its parse's value. */
  #index(uri: string, text: string, source: { readonly version: number } | { readonly value: unknown }): void {
    const key = uriKey(uri);
    const previous = this.#indexedUri.get(key);
    if (previous !== undefined && previous !== uri) this.ls.workspaceIndex.remove(previous);
    this.#indexedUri.set(key, uri);
    if ('value' in source) this.ls.workspaceIndex.index(uri, text, source.value);
    else this.ls.workspaceIndex.update(uri, text, source.version);
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
    const doc = createStaticTextDocument(uri, 0, text);
    const parsed = this.ls.parse(doc);
    this.ls.forget(uri);
    if (parsed) this.#disk.set(key, { summary: summariseRoleFile(parsed, doc), ladder: ladderView(parsed) });
    this.#index(uri, text, { value: parsed?.value });
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
      if (doc) this.#index(doc.uri, doc.getText(), { version: doc.version });
    }
    this.#dirty.clear();
  }

  clearDisk(): void {
    for (const key of [...this.#indexedUri.keys()]) if (!this.#open.has(key)) this.#unindex(key);
  }

  /** What the career ladder reads of a file on disk that is not open. */
  diskLadderView(uri: string): ParsedBlueprint | undefined {
    return this.#disk.get(uriKey(uri))?.ladder;
  }

  summaries(): RoleFileSummary[] {
    const byKey = new Map<string, RoleFileSummary>();
    for (const [key, disk] of this.#disk) byKey.set(key, disk.summary);
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
