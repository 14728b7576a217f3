import * as path from 'node:path';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  ErrorCodes,
  LSPErrorCodes,
  FileChangeType,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type CompletionItem,
  type Connection,
  type DidChangeWatchedFilesParams,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type Position,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { version as serverVersion } from '../../../package.json';
import { createLanguageService, type RoleBlueprintLanguageService } from '../core';
import { CODE_ACTION_KINDS } from '../core/codeActions';
import { byStart } from '../core/diagnosticUtil';
import { computeCompleteness } from '../core/render';
import { diffBlueprints } from '../core/family/diff';
import { diffToHtml } from '../core/family/diffRender';
import { ladderToHtml } from '../core/family/ladderRender';
import { postingJsonLd, postingToHtml } from '../core/family/posting';
import { findSection } from '../core/parse';
import { filterWorkspaceSymbols, pairOf, scalarText } from '../core/symbols';
import { ROLE_FILE_NAME } from '../core/types';
import { isRecord } from '../core/values';
import { documentChecked } from './codeCache';
import { isWithin, nodeFileSystem, pathToUri, uriKey, uriToPath, type ServerFileSystem } from './fileSystem';
import {
  CompareRequest,
  DocumentStatusRequest,
  LadderRequest,
  ImportRequest,
  RenderRequest,
  ServerStatusNotification,
  type CompareParams,
  type CompareResult,
  type DocumentStatus,
  type DocumentStatusParams,
  type ImportParams,
  type ImportResult,
  type LadderParams,
  type LadderResult,
  type RenderParams,
  type RenderResult,
  type ServerStatus,
} from './protocol';
import { readServerSettings, type ServerSettings } from './settings';
import { OrgSchemaHost } from './orgSchemaHost';
import { MAX_LADDER_FILES, WorkspaceLadder } from './workspaceLadder';
import { WorkspaceRoles } from './workspaceRoles';
import { scanRoleFiles, yieldToEventLoop } from './workspaceScan';

/**
 * The Role Blueprint language server: thin LSP handlers over the pure core. Each handler gets
 * its document from `TextDocuments`, answers empty when there is none (or the params are
 * garbage), and calls one core function; an exception in a feature is logged and answered
 * empty, so the server never goes down with it.
 */

export interface ServerLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface ServerDeps {
  readonly logger?: ServerLogger;
  /** File access for the workspace scan, organisation schemas and catalogs (default: Node's fs). */
  readonly fs?: ServerFileSystem;
  /** Upper bound of role files indexed from disk. */
  readonly maxIndexedFiles?: number;
  /** The core to serve (default: a new one); tests pass one to observe or break a feature. */
  readonly languageService?: RoleBlueprintLanguageService;
}

// Bounded so a runaway folder cannot exhaust memory; 10,000 role files index in seconds.
const MAX_INDEXED_FILES = 20_000;
const MAX_SCAN_DEPTH = 20;

/** What the client can do, read once from `initialize`. */
interface ClientFlags {
  readonly pullDiagnostics: boolean;
  readonly diagnosticRefresh: boolean;
  readonly configuration: boolean;
  readonly configurationRegistration: boolean;
  readonly watchedFilesRegistration: boolean;
  readonly workspaceFolders: boolean;
  readonly definitionLinks: boolean;
}

function clientFlags(capabilities: ClientCapabilities): ClientFlags {
  return {
    pullDiagnostics: !!capabilities.textDocument?.diagnostic,
    diagnosticRefresh: !!capabilities.workspace?.diagnostics?.refreshSupport,
    configuration: !!capabilities.workspace?.configuration,
    configurationRegistration: !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration,
    watchedFilesRegistration: !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    workspaceFolders: !!capabilities.workspace?.workspaceFolders,
    definitionLinks: !!capabilities.textDocument?.definition?.linkSupport,
  };
}

/** `params.textDocument.uri` when the params have one. */
function documentUri(params: unknown): string | undefined {
  const uri = isRecord(params) && isRecord(params.textDocument) ? params.textDocument.uri : undefined;
  return typeof uri === 'string' ? uri : undefined;
}

function validPosition(value: unknown): Position | undefined {
  if (!isRecord(value)) return undefined;
  const { line, character } = value;
  return Number.isInteger(line) && Number.isInteger(character) && (line as number) >= 0 && (character as number) >= 0 ? { line: line as number, character: character as number } : undefined;
}

/** Role files are `*.role.yaml` / `*.role.yml` whatever their language id, and anything the client calls role-blueprint. */
export function isRoleDocument(doc: { readonly uri: string; readonly languageId: string }): boolean {
  return doc.languageId === 'role-blueprint' || ROLE_FILE_NAME.test(doc.uri.split(/[?#]/)[0]);
}

function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

export function startServer(connection: Connection, deps: ServerDeps = {}): void {
  const logger: ServerLogger = deps.logger ?? { log: (m) => connection.console.log(m), error: (m) => connection.console.error(m) };
  const fs = deps.fs ?? nodeFileSystem;
  const maxIndexedFiles = deps.maxIndexedFiles ?? MAX_INDEXED_FILES;
  const documents = new TextDocuments(TextDocument);
  const ls = deps.languageService ?? createLanguageService();

  let flags: ClientFlags = clientFlags({});
  let initialized = false;
  let shuttingDown = false;
  let workspaceFolders: string[] = [];
  let settings: ServerSettings = readServerSettings(undefined);
  /** Settings pushed with didChangeConfiguration, for clients without workspace/configuration. */
  let pushedSettings: unknown;
  /** Bumped whenever diagnostics may change without an edit (settings, schema files). */
  let generation = 0;
  const roles = new WorkspaceRoles(ls, fs);
  const ladder = new WorkspaceLadder(ls, roles, () => documents.all().filter(isRoleDocument));
  /** The ladder's shape when last checked; see `checkLadder`. */
  let ladderShape: string | undefined;
  /** The ladder findings each open document was last given, by uri. */
  const ladderFindings = new Map<string, string>();
  /**
   * Pull diagnostics: each open document's last report, by its result id, with its items as
   * JSON. Most keystrokes leave a document's findings as they were (typing in a description):
   * the client is then told so instead of being sent them all again (hundreds of kilobytes in a
   * big file).
   */
  const lastReports = new Map<string, { readonly resultId: string; readonly items: string }>();
  /** Why the server is not fully healthy, by source. */
  const problems = new Map<string, string>();
  /** Features whose last call failed inside the server (health: error until one succeeds). */
  const failing = new Map<string, string>();
  let indexing = false;
  let scanId = 0;

  // ---- plumbing: every handler is wrapped, and document handlers get a role document or nothing ----

  const handle =
    <P, R>(name: string, empty: R, handler: (params: P, token: CancellationToken) => R | Promise<R>) =>
    async (params: P, token: CancellationToken): Promise<R> => {
      try {
        const result = await handler(params, token);
        if (failing.delete(name)) sendStatus();
        return result;
      } catch (error) {
        if (error instanceof ResponseError) throw error;
        logger.error(`roleBlueprint: ${name} failed: ${describeError(error)}`);
        failing.set(name, `${name} failed: ${error instanceof Error ? error.message : String(error)} (details in the output)`);
        sendStatus();
        return empty;
      }
    };

  const notify =
    <P>(name: string, handler: (params: P) => void | Promise<void>) =>
    async (params: P): Promise<void> => {
      try {
        await handler(params);
      } catch (error) {
        logger.error(`roleBlueprint: ${name} failed: ${describeError(error)}`);
      }
    };

  const roleDocument = (uri: string | undefined): TextDocument | undefined => {
    const doc = uri === undefined ? undefined : documents.get(uri);
    return doc && isRoleDocument(doc) ? doc : undefined;
  };

  const withDocument = <R>(params: unknown, empty: R, run: (doc: TextDocument) => R): R => {
    const doc = roleDocument(documentUri(params));
    return doc ? run(doc) : empty;
  };

  const withPosition = <R>(params: unknown, empty: R, run: (doc: TextDocument, position: Position) => R): R => {
    const position = validPosition(isRecord(params) ? params.position : undefined);
    return position ? withDocument(params, empty, (doc) => run(doc, position)) : empty;
  };

  // ---- server status ----

  const sendStatus = (): void => {
    if (!initialized) return;
    const messages = [...failing.values(), ...problems.values()];
    const status: ServerStatus = {
      health: failing.size ? 'error' : messages.length ? 'warning' : 'ok',
      quiescent: !indexing,
      message: messages.length ? messages.join('\n') : indexing ? 'Indexing role files…' : undefined,
    };
    void connection.sendNotification(ServerStatusNotification.method, status).catch(() => undefined);
  };

  // ---- organisation schemas ----

  const orgSchemas = new OrgSchemaHost(ls, fs, (key, problem) => {
    if (problem) problems.set(`schema:${key}`, `Organisation schema ${key}: ${problem}`);
    else problems.delete(`schema:${key}`);
    sendStatus();
  });

  const diagnosticsFor = async (doc: TextDocument): Promise<Diagnostic[]> => {
    const orgSchema = orgSchemas.choiceFor(doc, workspaceFolders, settings.schemas);
    if (orgSchema) await orgSchemas.ensureLoaded(orgSchema.key);
    const diagnostics = ls.computeDiagnostics(doc, { orgSchema });
    documentChecked();
    // The career ladder is a property of the workspace's role files together.
    const { diagnostics: found, shape } = ladder.check(doc);
    ladderFindings.set(doc.uri, JSON.stringify(found));
    checkLadder(shape);
    if (found.length === 0) return diagnostics;
    return [...diagnostics, ...found].sort(byStart);
  };

  /**
   * A document's ladder findings change with other files' career paths and titles (open ones
   * as typed, or on disk): when the ladder changed, the open documents whose findings differ
   * from what they were given are checked again — only those, so an edit elsewhere does not
   * re-publish every document.
   */
  const checkLadder = (shape = ladder.shape()): void => {
    if (shape === ladderShape) return;
    ladderShape = shape;
    const stale = documents.all().filter((doc) => isRoleDocument(doc) && JSON.stringify(ladder.diagnostics(doc)) !== (ladderFindings.get(doc.uri) ?? '[]'));
    if (stale.length === 0) return;
    if (flags.pullDiagnostics) return revalidateAll();
    for (const doc of stale) scheduleDiagnostics(doc.uri, false);
  };

  // ---- diagnostics: pushed when the client cannot pull, pulled when it can; never both ----

  const pushQueue: string[] = [];
  let flushScheduled = false;

  const flushDiagnostics = async (): Promise<void> => {
    flushScheduled = false;
    while (pushQueue.length) {
      const uri = pushQueue.shift() as string;
      const doc = roleDocument(uri);
      if (!doc) continue;
      const version = doc.version;
      try {
        const diagnostics = await diagnosticsFor(doc);
        // A newer version was queued meanwhile and gets its own turn.
        if (documents.get(uri)?.version !== version) continue;
        await connection.sendDiagnostics({ uri, version, diagnostics });
      } catch (error) {
        logger.error(`roleBlueprint: diagnostics of ${uri} failed: ${describeError(error)}`);
      }
    }
  };

  /**
   * Queues a document; an edited one goes first. JSON-RPC hands over received messages one
   * event-loop turn at a time (reading, then dispatching), so the flush waits turn by turn — no
   * timer — until QUIET_TURNS pass without a new change: changes already received are applied
   * first and published once, and a lone edit is published within microseconds.
   */
  const QUIET_TURNS = 2;
  let queueChanges = 0;
  const scheduleDiagnostics = (uri: string, first: boolean): void => {
    const at = pushQueue.indexOf(uri);
    if (at !== -1) pushQueue.splice(at, 1);
    if (first) pushQueue.unshift(uri);
    else pushQueue.push(uri);
    queueChanges++;
    if (flushScheduled) return;
    flushScheduled = true;
    const settle = (seen: number, quiet: number) =>
      setImmediate(() => {
        if (queueChanges !== seen) settle(queueChanges, 0);
        else if (quiet + 1 < QUIET_TURNS) settle(seen, quiet + 1);
        else void flushDiagnostics();
      });
    settle(queueChanges, 0);
  };

  /** Diagnostics of every open document may have changed (settings, a schema file). */
  const revalidateAll = (): void => {
    generation++;
    if (flags.pullDiagnostics) {
      if (flags.diagnosticRefresh && initialized) void connection.languages.diagnostics.refresh().catch((error) => logger.error(`roleBlueprint: diagnostic refresh failed: ${describeError(error)}`));
      return;
    }
    for (const doc of documents.all()) if (isRoleDocument(doc)) scheduleDiagnostics(doc.uri, false);
  };

  // ---- the workspace: role files on disk, open documents on top ----

  const scanWorkspace = async (): Promise<void> => {
    const id = ++scanId;
    indexing = true;
    sendStatus();
    try {
      for await (const file of scanRoleFiles(fs, workspaceFolders, { maxFiles: maxIndexedFiles, maxDepth: MAX_SCAN_DEPTH, cancelled: () => shuttingDown || id !== scanId })) {
        await roles.indexFile(file);
        // Its folder removed while it was read (the removal cleared the index first): not kept.
        if (!workspaceFolders.some((folder) => isWithin(folder, file))) roles.removeFile(pathToUri(file));
        await yieldToEventLoop();
      }
      if (!shuttingDown && id === scanId) ladder.scanDone();
    } finally {
      if (id === scanId) {
        indexing = false;
        sendStatus();
        if (!shuttingDown && documents.all().some(isRoleDocument)) checkLadder();
      }
    }
  };

  /**
   * The workspace reads under way, each what `before` needs (settings, catalogs), then the scan.
   * Features that read other files wait until none is (`otherFilesRead`).
   */
  const workspaceReads = new Set<Promise<void>>();
  const readWorkspace = (before: () => Promise<void>): Promise<void> => {
    const read = before().then(scanWorkspace);
    const settled: Promise<void> = read.catch(() => undefined).finally(() => workspaceReads.delete(settled));
    workspaceReads.add(settled);
    return read;
  };

  // ---- settings ----

  const applySettings = async (raw: unknown): Promise<void> => {
    const catalogsBefore = JSON.stringify(settings.catalogs);
    settings = readServerSettings(raw);
    if (JSON.stringify(settings.catalogs) !== catalogsBefore) await loadCatalogs();
    ls.updateSettings(settings.core);
    for (const problem of settings.problems) logger.error(`roleBlueprint: ${problem}`);
    if (settings.problems.length) problems.set('settings', `Settings ignored: ${settings.problems.join('; ')}`);
    else problems.delete('settings');
    sendStatus();
    revalidateAll();
  };

  /** uriKeys of the catalog files in use, to reload them when they change on disk. */
  const catalogPaths = new Set<string>();
  /** Catalog files whose problems are published, to clear them when a file is no longer used. */
  let catalogDiagnosticUris: string[] = [];

  /** Reads `roleBlueprint.catalogs` (relative to the first folder that has the file) and hands them to the core. */
  const loadCatalogs = async (): Promise<void> => {
    const files: { path: string; text: string }[] = [];
    const missing: string[] = [];
    catalogPaths.clear();
    for (const entry of settings.catalogs) {
      const candidates = path.isAbsolute(entry) ? [entry] : workspaceFolders.map((folder) => path.resolve(folder, entry));
      let found = false;
      for (const file of candidates) {
        catalogPaths.add(uriKey(pathToUri(file)));
        if (found) continue;
        try {
          files.push({ path: file, text: await fs.readFile(file) });
          found = true;
        } catch {
          // tried in the next folder
        }
      }
      if (!found) missing.push(entry);
    }
    const results = ls.setUserCatalogs(files);
    const published = results.map(({ path: file, diagnostics }) => ({ uri: pathToUri(file), diagnostics }));
    const stale = catalogDiagnosticUris.filter((uri) => !published.some((p) => p.uri === uri)).map((uri) => ({ uri, diagnostics: [] }));
    for (const params of [...stale, ...published]) void connection.sendDiagnostics(params).catch(() => undefined);
    catalogDiagnosticUris = published.map((p) => p.uri);
    const broken = results.filter((r) => r.diagnostics.length).map((r) => path.basename(r.path));
    const messages = [...(missing.length ? [`Catalog files not found: ${missing.join(', ')}`] : []), ...(broken.length ? [`Catalog entries skipped in ${broken.join(', ')} (see Problems)`] : [])];
    if (messages.length) problems.set('catalogs', messages.join('; '));
    else problems.delete('catalogs');
    sendStatus();
  };

  const refreshSettings = async (): Promise<void> => {
    if (!flags.configuration) return applySettings(pushedSettings);
    const [raw] = await connection.workspace.getConfiguration([{ section: 'roleBlueprint' }]);
    await applySettings(raw);
  };

  // ---- lifecycle ----

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    flags = clientFlags(params.capabilities ?? {});
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceFolders = folders.map(uriToPath).filter((p): p is string => p !== undefined);
    pushedSettings = isRecord(params.initializationOptions) ? params.initializationOptions.settings : undefined;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        documentSymbolProvider: { label: 'Role Blueprint' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        completionProvider: { resolveProvider: true },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: Object.values(CODE_ACTION_KINDS) },
        documentFormattingProvider: true,
        workspaceSymbolProvider: true,
        ...(flags.pullDiagnostics ? { diagnosticProvider: { identifier: 'role-blueprint', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'role-blueprint', version: serverVersion },
    };
  });

  connection.onInitialized(
    notify('initialized', async () => {
      initialized = true;
      if (flags.configurationRegistration) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'roleBlueprint' }).catch(() => undefined);
      if (flags.watchedFilesRegistration) {
        void connection.client
          // Role files, organisation schemas (JSON) and catalogs (JSON or YAML).
          .register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{json,yaml,yml}' }] })
          .catch(() => undefined);
      }
      if (flags.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders(
          notify('didChangeWorkspaceFolders', async (event) => {
            const removed = new Set(event.removed.map((f) => uriToPath(f.uri)));
            workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
            roles.clearDisk();
            await readWorkspace(loadCatalogs);
          }),
        );
      }
      indexing = true; // until the scan below is done, so no status says quiescent too early
      await readWorkspace(() => refreshSettings().catch((error) => logger.error(`roleBlueprint: reading settings failed: ${describeError(error)}`)));
    }),
  );

  connection.onShutdown(() => {
    shuttingDown = true;
  });

  connection.onDidChangeConfiguration(
    notify('didChangeConfiguration', async (params) => {
      const pushed = isRecord(params) && isRecord(params.settings) ? params.settings.roleBlueprint : undefined;
      if (pushed !== undefined) pushedSettings = pushed;
      await refreshSettings();
    }),
  );

  /** File events are applied one batch after another. */
  let fileEvents: Promise<void> = Promise.resolve();
  /**
   * Features that read other files (the ladder, comparison, workspace symbols, career links)
   * wait for the workspace read and the file events received before them: answered earlier,
   * they would miss files not read yet.
   */
  const otherFilesRead = async (): Promise<void> => {
    // Until no read is under way: a read started meanwhile (workspace folders changed) cancels
    // the scan of the one awaited, which then ends with the workspace half read.
    while (workspaceReads.size) await Promise.all(workspaceReads);
    await fileEvents;
  };

  const applyFileEvents = async (params: DidChangeWatchedFilesParams): Promise<void> => {
    let schemasChanged = false;
    let catalogsChanged = false;
    let rolesChanged = false;
    for (const change of Array.isArray(params?.changes) ? params.changes : []) {
      if (typeof change?.uri !== 'string') continue;
      if (orgSchemas.invalidate(change.uri)) schemasChanged = true;
      if (catalogPaths.has(uriKey(change.uri))) catalogsChanged = true;
      const file = uriToPath(change.uri);
      if (file && ROLE_FILE_NAME.test(file)) {
        rolesChanged = true;
        if (change.type === FileChangeType.Deleted) roles.removeFile(change.uri);
        else await roles.indexFile(file);
      }
    }
    if (catalogsChanged) await loadCatalogs();
    if (schemasChanged) revalidateAll();
    else if (rolesChanged) checkLadder();
  };

  connection.onDidChangeWatchedFiles((params) => {
    fileEvents = fileEvents.then(notify('didChangeWatchedFiles', applyFileEvents).bind(undefined, params));
  });

  // ---- documents ----

  documents.onDidOpen(
    notify('didOpen', ({ document }) => {
      if (!isRoleDocument(document)) return;
      roles.opened(document);
      if (!flags.pullDiagnostics) scheduleDiagnostics(document.uri, true);
    }),
  );

  documents.onDidChangeContent(
    notify('didChange', ({ document }) => {
      if (!isRoleDocument(document)) return;
      roles.changed(document);
      if (!flags.pullDiagnostics) scheduleDiagnostics(document.uri, true);
    }),
  );

  documents.onDidClose(
    notify('didClose', async ({ document }) => {
      ls.forget(document.uri);
      ladderFindings.delete(document.uri);
      lastReports.delete(document.uri);
      if (!isRoleDocument(document)) return;
      if (!flags.pullDiagnostics) await connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
      await roles.closed(document.uri, uriToPath(document.uri)); // back to what is on disk
    }),
  );

  connection.languages.diagnostics.on(
    handle('diagnostic', { kind: 'full', items: [] } as DocumentDiagnosticReport, async (params): Promise<DocumentDiagnosticReport> => {
      const doc = roleDocument(documentUri(params));
      if (!doc) return { kind: 'full', items: [] };
      const resultId = `${doc.version}:${generation}`;
      if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
      const items = await diagnosticsFor(doc);
      // Closed meanwhile: nothing to remember.
      if (documents.get(doc.uri) === undefined) return { kind: 'full', resultId, items };
      const json = JSON.stringify(items);
      const last = lastReports.get(doc.uri);
      lastReports.set(doc.uri, { resultId, items: json });
      if (last !== undefined && last.resultId === params.previousResultId && last.items === json) return { kind: 'unchanged', resultId };
      return { kind: 'full', resultId, items };
    }),
  );

  // ---- language features: one core call each ----

  connection.onDocumentSymbol(handle('documentSymbol', [], (params) => withDocument(params, [], (doc) => ls.documentSymbols(doc))));
  connection.onFoldingRanges(handle('foldingRange', [], (params) => withDocument(params, [], (doc) => ls.foldingRanges(doc))));
  connection.onDefinition(
    handle('definition', [], async (params) => {
      await otherFilesRead();
      return withPosition(params, [], (doc, position) => {
        const links = ls.findDefinition(doc, position, roles.roleTargets());
        return flags.definitionLinks ? links : links.map((l) => ({ uri: l.targetUri, range: l.targetSelectionRange }));
      });
    }),
  );
  connection.onCompletion(
    handle('completion', null, (params) =>
      withPosition(params, null, (doc, position) => {
        roles.syncOpen();
        return ls.getCompletions(doc, position);
      }),
    ),
  );
  connection.onCompletionResolve((item, token) => handle('completionResolve', item, (it: CompletionItem) => (isRecord(it) ? ls.resolveCompletion(it) : it))(item, token));
  connection.onHover(
    handle('hover', null, (params) =>
      withPosition(params, null, (doc, position) => {
        roles.syncOpen();
        return ls.getHover(doc, position);
      }),
    ),
  );
  connection.onCodeAction(
    handle('codeAction', [], (params) =>
      withDocument(params, [], (doc) => {
        const diagnostics = params.context?.diagnostics ?? [];
        return [...ls.getCodeActions(doc, params.range, { diagnostics, only: params.context?.only }), ...ladder.codeActions(doc, diagnostics, params.context?.only)];
      }),
    ),
  );
  connection.onDocumentFormatting(handle('formatting', [], (params) => withDocument(params, [], (doc) => ls.format(doc, params.options))));
  connection.onReferences(handle('references', [], (params) => withPosition(params, [], (doc, position) => ls.findReferences(doc, position, !!params?.context?.includeDeclaration))));
  connection.onWorkspaceSymbol(
    handle('workspaceSymbol', [], async (params) => {
      await otherFilesRead();
      return typeof params?.query === 'string' ? filterWorkspaceSymbols(roles.summaries(), params.query) : [];
    }),
  );

  // ---- Role Blueprint requests (protocol.ts) ----

  // By method name: protocol.ts is typed with the client's copy of the protocol library.
  connection.onRequest(
    RenderRequest.method,
    handle('render', null, (params: RenderParams | undefined) => {
      const format = params?.format;
      if (format !== 'html' && format !== 'document' && format !== 'markdown' && format !== 'jobposting' && format !== 'jsonld') return null;
      const doc = roleDocument(params?.uri);
      const parsed = doc && ls.parse(doc);
      let content: string | undefined;
      if (format === 'jobposting' || format === 'jsonld') {
        if (parsed) content = format === 'jsonld' ? JSON.stringify(postingJsonLd(parsed), null, 2) + '\n' : postingToHtml(parsed);
      } else if (doc) {
        content = ls.render(doc, format);
      }
      if (!doc || !parsed || content === undefined) return null;
      // The title as the role file's summary reads it, without summarising every row of the file.
      const title = scalarText(pairOf(findSection(parsed, 'role')?.valueNode, 'title')?.value);
      const result: RenderResult = { uri: doc.uri, version: doc.version, content, ...(title ? { title } : {}) };
      return result;
    }),
  );

  connection.onRequest(
    DocumentStatusRequest.method,
    handle('documentStatus', null, async (params: DocumentStatusParams | undefined): Promise<DocumentStatus | null> => {
      const doc = roleDocument(params?.uri);
      const parsed = doc ? ls.parse(doc) : undefined;
      if (!doc || !parsed) return null;
      const diagnostics = await diagnosticsFor(doc);
      const completeness = computeCompleteness(parsed);
      return {
        uri: doc.uri,
        version: doc.version,
        sectionsPresent: completeness.total - completeness.missing,
        sectionsTotal: completeness.total,
        missing: completeness.sections.filter((s) => s.status === 'missing').map((s) => s.key),
        thin: completeness.sections.filter((s) => s.status === 'thin').map((s) => s.key),
        errors: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length,
        warnings: diagnostics.filter((d) => d.severity === DiagnosticSeverity.Warning).length,
      };
    }),
  );

  /** The nonce and policy of a webview page, when the params carry them as strings. */
  const webviewPage = (params: unknown): { cspNonce?: string; csp?: string } => {
    const page: { cspNonce?: string; csp?: string } = {};
    if (isRecord(params) && typeof params.cspNonce === 'string') page.cspNonce = params.cspNonce;
    if (isRecord(params) && typeof params.csp === 'string') page.csp = params.csp;
    return page;
  };

  connection.onRequest(
    CompareRequest.method,
    handle('compare', null, async (params: CompareParams | undefined): Promise<CompareResult | null> => {
      if (typeof params?.uriA !== 'string' || typeof params.uriB !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'roleBlueprint/compare needs the two role files as `uriA` and `uriB`.');
      await otherFilesRead();
      const a = ladder.parsedFile(params.uriA);
      const b = ladder.parsedFile(params.uriB);
      if (!a || !b) return null;
      const diff = diffBlueprints(a, b);
      return { html: diffToHtml(diff, webviewPage(params)), title: `${diff.a.title} → ${diff.b.title}` };
    }),
  );

  connection.onRequest(
    LadderRequest.method,
    handle('ladder', { html: '', roles: [] }, async (params: LadderParams | undefined): Promise<LadderResult> => {
      await otherFilesRead();
      if (ladder.tooLarge()) throw new ResponseError(LSPErrorCodes.RequestFailed, `The workspace has more than ${MAX_LADDER_FILES} role files, too many for the ladder view; draw it for a folder with the CLI: role-blueprint ladder FOLDER.`);
      const current = ladder.ladder();
      return {
        html: ladderToHtml(current, webviewPage(params)),
        roles: current.nodes.map((n) => ({ title: n.title, ...(n.uri ? { uri: n.uri } : {}), missing: n.missing })),
      };
    }),
  );

  connection.onRequest(ImportRequest.method, (params: ImportParams | undefined): ImportResult => {
    if (typeof params?.source !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'roleBlueprint/import needs the page or post to import as `source`.');
    // Loaded on first use: its HTML parser builds its entity tables when loaded, work no start needs.
    const { formatReport, ImportError, importBlueprint } = require('../core/importer') as typeof import('../core/importer');
    try {
      const result = importBlueprint(params.source, { sourceName: typeof params.sourceName === 'string' ? params.sourceName : undefined });
      return { yaml: result.yaml, report: formatReport(result.report) };
    } catch (error) {
      if (error instanceof ImportError) throw new ResponseError(ErrorCodes.InvalidParams, `Nothing to import: ${error.message}.`);
      logger.error(`roleBlueprint: import failed: ${describeError(error)}`);
      throw new ResponseError(ErrorCodes.InternalError, `The import failed: ${(error as Error).message}`);
    }
  });

  documents.listen(connection);
  connection.listen();
}
