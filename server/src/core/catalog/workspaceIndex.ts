import { BlueprintParser, type ParsedBlueprint } from '../parse';
import { extractRows, groupItems } from './rows';
import type { CatalogEntry } from './types';
import { isRecord } from '../values';

/**
 * What the other role files of the workspace define: their titles and levels, their KPI, tool
 * and skill rows, and the career links between roles. The host feeds it text (open documents
 * on change, files on disk once); completion and hover read it.
 */

export interface IndexedRole {
  readonly uri: string;
  /** `role.title`, or undefined when the file has none yet. */
  readonly title: string | undefined;
  readonly level: string | undefined;
  readonly kpis: readonly CatalogEntry[];
  readonly tools: readonly CatalogEntry[];
  /** Technical skills of all tiers; each entry carries its `tier`. */
  readonly technicalSkills: readonly CatalogEntry[];
  readonly softSkills: readonly CatalogEntry[];
  readonly feederRoles: readonly string[];
  readonly nextRoles: readonly string[];
}


function itemNames(value: unknown): string[] {
  const names: string[] = [];
  for (const item of groupItems(value)) {
    const name = typeof item === 'string' ? item : isRecord(item) && typeof item.name === 'string' ? item.name : undefined;
    if (name?.trim()) names.push(name.trim());
  }
  return names;
}

/** The index entry of one blueprint value. */
export function indexRole(uri: string, value: unknown): IndexedRole {
  const role = isRecord(value) && isRecord(value.role) ? value.role : {};
  const title = typeof role.title === 'string' && role.title.trim() ? role.title.trim() : undefined;
  const rows = extractRows(value);
  const career = isRecord(value) && isRecord(value.career) ? value.career : {};
  return {
    uri,
    title,
    level: typeof role.level === 'string' ? role.level : undefined,
    kpis: rows.kpis,
    tools: rows.tools,
    technicalSkills: rows.technical_skills,
    softSkills: rows.soft_skills,
    feederRoles: itemNames(career.feeder_roles),
    nextRoles: itemNames(career.next_roles),
  };
}

/**
 * True when `a` and `b` serialise to the same JSON, without serialising them: the index kept
 * each file's entry as JSON to compare the next one with, a copy of a third of the file's size.
 */
function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  // JSON leaves out undefined (and function) members and keeps the others in key order.
  const keysA = Object.keys(a).filter((k) => serialised((a as Record<string, unknown>)[k]));
  const keysB = Object.keys(b).filter((k) => serialised((b as Record<string, unknown>)[k]));
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    if (keysA[i] !== keysB[i] || !sameJson((a as Record<string, unknown>)[keysA[i]], (b as Record<string, unknown>)[keysB[i]])) return false;
  }
  return true;
}

function serialised(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}

/** Files larger than this are listed without their rows (the service's default size limit). */
const DEFAULT_MAX_TEXT_LENGTH = 5 * 1024 * 1024;

/**
 * Texts of open documents are indexed lazily: `update` only records the text, and a read
 * parses what is pending. Readers working on one document pass its uri as `except`, so the
 * document being typed in is not re-parsed on every keystroke for completion and hover: they
 * never show a document its own rows as "from the workspace", and read the names it defines
 * from its text. Files read from disk come with the host's parse (`index`): the parses of a
 * workspace's files are not kept.
 */
export class WorkspaceIndex {
  readonly #parser: BlueprintParser;
  readonly #maxTextLength: number;
  readonly #roles = new Map<string, { text: string; role: IndexedRole }>();
  /** Texts of open documents not indexed yet, with their document version when the host gave it. */
  readonly #pending = new Map<string, { readonly text: string; readonly version: number | undefined }>();
  #version = 0;

  /**
   * `parser`: pass the language service's parser so an open document is parsed once per
   * version for diagnostics and the index together (its chunk cache is shared).
   */
  constructor(options: { parser?: BlueprintParser; maxTextLength?: number } = {}) {
    this.#parser = options.parser ?? new BlueprintParser();
    this.#maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
  }

  /** Increases whenever what is indexed changes, so derived indexes know when to rebuild. */
  get version(): number {
    return this.settle();
  }

  /** Indexes pending texts (all but `except`'s) and returns the version. */
  settle(except?: string): number {
    for (const [uri, { text, version }] of this.#pending) {
      if (uri === except) continue;
      this.#pending.delete(uri);
      this.#index(uri, text, version);
    }
    return this.#version;
  }

  /**
   * Indexes a file read from disk at once, from the value of a parse the host already made
   * (undefined for a text too large to parse): nothing is parsed here and no parse is kept.
   */
  index(uri: string, text: string, value: unknown): void {
    this.#pending.delete(uri);
    this.#store(uri, text, indexRole(uri, text.length > this.#maxTextLength ? undefined : value));
  }

  /**
   * Records the text of the role file at `uri`; it is indexed when next read. `version`: the
   * open document's version, under which the shared parser knows the text (a version the
   * language service has parsed is then not parsed again).
   */
  update(uri: string, text: string, version?: number): void {
    if (this.#roles.get(uri)?.text === text) this.#pending.delete(uri);
    else this.#pending.set(uri, { text, version });
  }

  remove(uri: string): void {
    this.#pending.delete(uri);
    this.#parser.forget(uri);
    if (this.#roles.delete(uri)) this.#version++;
  }

  clear(): void {
    for (const uri of this.#roles.keys()) this.#parser.forget(uri);
    if (this.#roles.size) this.#version++;
    this.#roles.clear();
    this.#pending.clear();
  }

  /** Every indexed role; with `except`, leaves that document out (and unparsed). */
  roles(except?: string): IndexedRole[] {
    this.settle(except);
    return [...this.#roles.values()].map((r) => r.role).filter((r) => r.uri !== except);
  }

  /** The roles indexed so far, without indexing what is pending (call `settle` first). */
  indexedRoles(): IndexedRole[] {
    return [...this.#roles.values()].map((r) => r.role);
  }

  /** The uris of every role file (pending ones included), in the order of `texts()`. */
  uris(): string[] {
    const uris = [...this.#roles.keys()];
    for (const uri of this.#pending.keys()) if (!this.#roles.has(uri)) uris.push(uri);
    return uris;
  }

  /** How many role files there are (pending ones included). */
  get size(): number {
    let size = this.#roles.size;
    for (const uri of this.#pending.keys()) if (!this.#roles.has(uri)) size++;
    return size;
  }

  /** The latest text of every role file (pending ones included, nothing parsed), for features that read whole files. */
  texts(): Map<string, string> {
    const texts = new Map<string, string>();
    for (const [uri, entry] of this.#roles) texts.set(uri, entry.text);
    for (const [uri, { text }] of this.#pending) texts.set(uri, text);
    return texts;
  }

  /** A whole parse of a role file's text, for a feature that reads one file once (comparing two files): not kept. */
  parsed(text: string): ParsedBlueprint | undefined {
    return text.length > this.#maxTextLength ? undefined : this.#parser.parse(text);
  }

  get(uri: string): IndexedRole | undefined {
    this.settle();
    return this.#roles.get(uri)?.role;
  }

  /** Malformed text indexes what could be read. */
  #index(uri: string, text: string, version: number | undefined): void {
    this.#store(uri, text, indexRole(uri, text.length > this.#maxTextLength ? undefined : this.#parser.parse(text, uri, version).value));
  }

  #store(uri: string, text: string, role: IndexedRole): void {
    // Typing prose changes the text but not what the index holds: keep derived indexes warm.
    const previous = this.#roles.get(uri)?.role;
    this.#roles.set(uri, { text, role });
    if (!previous || !sameJson(previous, role)) this.#version++;
  }
}
