import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { RoleBlueprintLanguageService } from '../core';
import { CODE_ACTION_KINDS } from '../core/codeActions';
import { buildLadder, ladderDiagnostics, ladderToJson, type Ladder, type LadderFile } from '../core/family/ladder';
import { asRecord, root } from '../core/lint/fields';
import type { ParsedBlueprint } from '../core/parse';
import { DIAGNOSTIC_SOURCE } from '../core/diagnosticUtil';
import { uriKey } from './fileSystem';
import { CREATE_ROLE_COMMAND } from './protocol';
import type { WorkspaceRoles } from './workspaceRoles';

interface CrossFileFix {
  readonly title: string;
  readonly uri: string;
  readonly edit: { readonly range: Diagnostic['range']; readonly newText: string };
}

/**
 * A whole-workspace build takes about 0.1 s for 300 role files and 0.7–1.4 s for 1,000–2,000
 * (this machine, loaded); it runs when a title or career path changes. Above this many role
 * files the editor leaves the ladder to the CLI (`role-blueprint check DIR`, `role-blueprint ladder DIR`).
 */
export const MAX_LADDER_FILES = 2000;

/** What the ladder reads of a file: its title and career paths (other edits leave the ladder as it is). */
const signatures = new WeakMap<ParsedBlueprint, string>();
function ladderSignature(parsed: ParsedBlueprint): string {
  let signature = signatures.get(parsed);
  if (signature === undefined) {
    const value = root(parsed);
    const career = asRecord(value.career);
    signature = JSON.stringify([asRecord(value.role)?.title, career?.feeder_roles, career?.next_roles]);
    signatures.set(parsed, signature);
  }
  return signature;
}

/**
 * The career ladder of the whole workspace, for the editor: every role file the server knows
 * (the workspace index, with open documents as typed). The whole ladder is built again only
 * when a title or a career path changed (or a file came or went); an edit elsewhere in a document only moves its
 * findings, which come from a ladder of that document and its neighbours. Files on disk are
 * read through the workspace index's parse, the one the index itself made.
 */
export class WorkspaceLadder {
  #built: { readonly files: readonly LadderFile[]; readonly ladder: Ladder; readonly shape: string } | undefined;
  /** False until the workspace scan is done (see `scanDone`): a ladder before it would miss files. */
  #ready = false;

  constructor(
    private readonly ls: RoleBlueprintLanguageService,
    private readonly roles: WorkspaceRoles,
    /** The open role documents. */
    private readonly openDocuments: () => readonly TextDocument[],
  ) {}

  /**
   * The workspace scan is done: documents get ladder findings from now on (before, a ladder
   * would miss files). The files on disk were read, and their ladder views made, as the scan
   * found them.
   */
  scanDone(): void {
    this.#ready = true;
  }

  /** The role files now: open documents as typed, the others as last read from disk (what the ladder reads of them). */
  files(): LadderFile[] {
    this.roles.syncOpen();
    const open = new Map(this.openDocuments().map((doc) => [doc.uri, doc]));
    const files: LadderFile[] = [];
    for (const uri of this.ls.workspaceIndex.uris()) {
      const doc = open.get(uri);
      const parsed = doc ? this.ls.parse(doc) : this.roles.diskLadderView(uri);
      if (parsed) files.push({ uri, parsed });
    }
    return files;
  }

  /**
   * The role files now when they make a ladder to check (two or more). For a lone file nothing
   * is kept: its build would hold on to the version of the document it was built from (its text,
   * parse and diagnostics) while the document is typed in.
   */
  #ladderFiles(): LadderFile[] | undefined {
    const files = this.files();
    if (files.length >= 2) return files;
    this.#built = undefined;
    return undefined;
  }

  /** The ladder of `files` (the current ones); `built` are the files it was built from. */
  #current(files: readonly LadderFile[]): { ladder: Ladder; shape: string; built: readonly LadderFile[] } {
    if (!this.#built || !sameLadderInput(this.#built.files, files)) {
      const ladder = buildLadder(files);
      this.#built = { files, ladder, shape: JSON.stringify(ladderToJson(ladder)) };
    }
    return { ...this.#built, built: this.#built.files };
  }

  /** The ladder of the files as they are now (built again when only positions moved). */
  ladder(): Ladder {
    const files = this.files();
    if (files.length < 2) return buildLadder(files);
    const { ladder, built } = this.#current(files);
    if (built.every((f, i) => f.parsed === files[i].parsed)) return ladder;
    const rebuilt = buildLadder(files);
    if (this.#built) this.#built = { ...this.#built, files, ladder: rebuilt };
    return rebuilt;
  }

  /** The ladder's roles and steps as a string: when it changes, other files' ladder findings may have changed. */
  shape(): string {
    if (!this.#ready || this.tooLarge()) return '';
    const files = this.#ladderFiles();
    return files ? this.#current(files).shape : '';
  }

  /** More role files than the editor builds a ladder of (see MAX_LADDER_FILES). */
  tooLarge(): boolean {
    return this.ls.workspaceIndex.size > MAX_LADDER_FILES;
  }

  /** The whole parse of the role file at `uri` (any spelling), open or indexed; a file on disk is parsed for the call. */
  parsedFile(uri: string): ParsedBlueprint | undefined {
    this.roles.syncOpen();
    const key = uriKey(uri);
    for (const [indexed, text] of this.ls.workspaceIndex.texts()) {
      if (uriKey(indexed) !== key) continue;
      const doc = this.openDocuments().find((d) => d.uri === indexed);
      if (doc) return this.ls.parse(doc);
      return text.length > this.ls.settings.maxFileSize ? undefined : this.ls.workspaceIndex.parsed(text);
    }
    return undefined;
  }

  /** The ladder findings of an open document; a lone file has no ladder. */
  diagnostics(doc: TextDocument): Diagnostic[] {
    return this.check(doc).diagnostics;
  }

  /** `diagnostics(doc)` and `shape()` together, from one reading of the role files (a check does both on every keystroke). */
  check(doc: TextDocument): { diagnostics: Diagnostic[]; shape: string } {
    if (!this.#ready || this.tooLarge()) return { diagnostics: [], shape: '' };
    const files = this.#ladderFiles();
    if (!files) return { diagnostics: [], shape: '' };
    return { diagnostics: this.ls.settings.validate ? this.#diagnosticsFrom(files, doc) : [], shape: this.#current(files).shape };
  }

  #diagnosticsFrom(files: readonly LadderFile[], doc: TextDocument): Diagnostic[] {
    const { ladder, built } = this.#current(files);
    // The findings of a document (and its fixes' edits) read it and the files it names or is named by.
    const neighbours = new Set([doc.uri]);
    for (const edge of ladder.edges) {
      if (edge.from === doc.uri) neighbours.add(edge.to);
      if (edge.to === doc.uri) neighbours.add(edge.from);
    }
    const moved = files.some((f, i) => neighbours.has(f.uri) && built[i].parsed !== f.parsed);
    if (!moved) return ladderDiagnostics(ladder, doc.uri, this.ls.settings);
    // Same titles and career paths, text moved: a ladder of just those files.
    return ladderDiagnostics(buildLadder(files.filter((f) => neighbours.has(f.uri))), doc.uri, this.ls.settings);
  }

  /**
   * Fixes that reach beyond the document: adding the missing back-link to the other file of a
   * one-sided step, and creating a blueprint for a role that has none. The other file's edit is
   * taken from the ladder as it is now, not from the (possibly older) diagnostic's data.
   */
  codeActions(doc: TextDocument, diagnostics: readonly Diagnostic[], only: readonly string[] | undefined): CodeAction[] {
    if (only && !only.some((o) => CODE_ACTION_KINDS.quickFix === o || CODE_ACTION_KINDS.quickFix.startsWith(o + '.'))) return [];
    const wanted = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && (d.code === 'ladder.inconsistent' || d.code === 'ladder.missing-role'));
    if (wanted.length === 0) return [];
    const current = this.diagnostics(doc);
    const actions: CodeAction[] = [];
    for (const diagnostic of wanted) {
      const now = current.find((c) => c.code === diagnostic.code && sameRange(c.range, diagnostic.range));
      const data = (now?.data ?? {}) as { role?: unknown; fileName?: unknown; crossFile?: CrossFileFix };
      if (diagnostic.code === 'ladder.inconsistent' && data.crossFile) {
        const { title, uri, edit } = data.crossFile;
        actions.push({ title, kind: CODE_ACTION_KINDS.quickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [edit] } } });
      } else if (diagnostic.code === 'ladder.missing-role' && typeof data.role === 'string' && typeof data.fileName === 'string') {
        const title = `Create blueprint for ${data.role}`;
        actions.push({ title, kind: CODE_ACTION_KINDS.quickFix, diagnostics: [diagnostic], isPreferred: true, command: { title, command: CREATE_ROLE_COMMAND, arguments: [doc.uri, data.role, data.fileName] } });
      }
    }
    return actions;
  }
}

/** The same files, with the same titles and career paths: the ladder built from `built` is the ladder of `files`. */
function sameLadderInput(built: readonly LadderFile[], files: readonly LadderFile[]): boolean {
  return built.length === files.length && built.every((f, i) => f.uri === files[i].uri && (f.parsed === files[i].parsed || ladderSignature(f.parsed) === ladderSignature(files[i].parsed)));
}

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
