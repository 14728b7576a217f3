import { BlueprintParser } from '../parse';
import { extractRows, groupItems } from './rows';
import type { CatalogEntry } from './types';

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
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

/** Files larger than this are listed without their rows (the service's default size limit). */
const DEFAULT_MAX_TEXT_LENGTH = 5 * 1024 * 1024;

export class WorkspaceIndex {
  readonly #parser = new BlueprintParser();
  readonly #maxTextLength: number;
  readonly #roles = new Map<string, { text: string; role: IndexedRole; rows: string }>();
  #version = 0;

  constructor(options: { maxTextLength?: number } = {}) {
    this.#maxTextLength = options.maxTextLength ?? DEFAULT_MAX_TEXT_LENGTH;
  }

  /** Increases on every change, so derived indexes know when to rebuild. */
  get version(): number {
    return this.#version;
  }

  /** Indexes (or re-indexes) the role file at `uri`. Malformed text indexes what could be read. */
  update(uri: string, text: string): void {
    if (this.#roles.get(uri)?.text === text) return;
    const role = indexRole(uri, text.length > this.#maxTextLength ? undefined : this.#parser.parse(text, uri).value);
    // Typing prose changes the text but not what the index holds: keep derived indexes warm.
    const rows = JSON.stringify(role);
    const changed = this.#roles.get(uri)?.rows !== rows;
    this.#roles.set(uri, { text, role, rows });
    if (changed) this.#version++;
  }

  remove(uri: string): void {
    this.#parser.forget(uri);
    if (this.#roles.delete(uri)) this.#version++;
  }

  clear(): void {
    for (const uri of this.#roles.keys()) this.#parser.forget(uri);
    if (this.#roles.size) this.#version++;
    this.#roles.clear();
  }

  roles(): IndexedRole[] {
    return [...this.#roles.values()].map((r) => r.role);
  }

  get(uri: string): IndexedRole | undefined {
    return this.#roles.get(uri)?.role;
  }
}
