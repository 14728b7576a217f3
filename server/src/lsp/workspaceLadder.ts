import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { RoleBlueprintLanguageService } from '../core';
import { CODE_ACTION_KINDS } from '../core/codeActions';
import { buildLadder, ladderDiagnostics, ladderToJson, type Ladder, type LadderFile } from '../core/family/ladder';
import { BlueprintParser, type ParsedBlueprint } from '../core/parse';
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
 * The career ladder of the whole workspace, for the editor: every role file the server knows
 * (the workspace index, with open documents as typed). Built again only when a file's parse
 * changed; files on disk are parsed once per text by a parser of their own, so the ladder does
 * not evict the open documents' warm parse cache.
 */
export class WorkspaceLadder {
  readonly #parser = new BlueprintParser();
  readonly #diskParsed = new Map<string, { readonly text: string; readonly parsed: ParsedBlueprint }>();
  #built: { readonly files: readonly LadderFile[]; readonly ladder: Ladder; readonly shape: string } | undefined;

  constructor(
    private readonly ls: RoleBlueprintLanguageService,
    private readonly roles: WorkspaceRoles,
    /** The open role documents. */
    private readonly openDocuments: () => readonly TextDocument[],
  ) {}

  #parseDisk(uri: string, text: string): ParsedBlueprint | undefined {
    if (text.length > this.ls.settings.maxFileSize) return undefined;
    const cached = this.#diskParsed.get(uri);
    if (cached?.text === text) return cached.parsed;
    const parsed = this.#parser.parse(text);
    this.#diskParsed.set(uri, { text, parsed });
    return parsed;
  }

  /** The role files now: open documents as typed, the others as last read from disk. */
  files(): LadderFile[] {
    this.roles.syncOpen();
    const open = new Map(this.openDocuments().map((doc) => [doc.uri, doc]));
    const texts = this.ls.workspaceIndex.texts();
    for (const uri of this.#diskParsed.keys()) if (!texts.has(uri) || open.has(uri)) this.#diskParsed.delete(uri);
    const files: LadderFile[] = [];
    for (const [uri, text] of texts) {
      const doc = open.get(uri);
      const parsed = doc ? this.ls.parse(doc) : this.#parseDisk(uri, text);
      if (parsed) files.push({ uri, parsed });
    }
    return files;
  }

  #current(): { ladder: Ladder; shape: string; files: readonly LadderFile[] } {
    const files = this.files();
    const built = this.#built;
    if (built && built.files.length === files.length && built.files.every((f, i) => f.uri === files[i].uri && f.parsed === files[i].parsed)) return built;
    const ladder = buildLadder(files);
    this.#built = { files, ladder, shape: JSON.stringify(ladderToJson(ladder)) };
    return this.#built;
  }

  ladder(): Ladder {
    return this.#current().ladder;
  }

  /** The ladder's roles and steps as a string: when it changes, other files' ladder findings may have changed. */
  shape(): string {
    return this.#current().shape;
  }

  /** The parsed role file at `uri` (any spelling), open or indexed. */
  parsedFile(uri: string): ParsedBlueprint | undefined {
    const key = uriKey(uri);
    return this.files().find((f) => uriKey(f.uri) === key)?.parsed;
  }

  /** The ladder findings of an open document; a lone file has no ladder. */
  diagnostics(doc: TextDocument): Diagnostic[] {
    if (!this.ls.settings.validate) return [];
    const { ladder, files } = this.#current();
    if (files.length < 2) return [];
    return ladderDiagnostics(ladder, doc.uri, this.ls.settings);
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

function sameRange(a: Diagnostic['range'], b: Diagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
