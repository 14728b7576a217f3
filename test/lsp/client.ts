import { fork, spawn, type ChildProcess } from 'child_process';
import { PassThrough } from 'stream';
import { createConnection } from 'vscode-languageserver/node';
import {
  ConfigurationRequest,
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  RegistrationRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { startServer, type ServerDeps } from '../../server/src/lsp/server';
import { ServerStatusNotification, type ServerStatus } from '../../server/src/lsp/protocol';

/**
 * A language client for tests: speaks LSP to the server over in-memory streams (in process) or
 * over a spawned server's stdio, records what the server sends, and lets a test wait for it.
 * Waits end on a message or a reply, never on a timer.
 */

export const PULL_CAPABILITIES: ClientCapabilities = {
  textDocument: {
    diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false },
    definition: { linkSupport: true },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
  workspace: { configuration: true, diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
};

export const PUSH_CAPABILITIES: ClientCapabilities = {
  textDocument: { publishDiagnostics: { versionSupport: true }, definition: { linkSupport: true }, documentSymbol: { hierarchicalDocumentSymbolSupport: true } },
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
};

interface Waiter<T> {
  readonly predicate: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

/** Values that arrive over time, with waits for one that fits. */
class Recorder<T> {
  readonly all: T[] = [];
  #waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.all.push(value);
    this.#waiters = this.#waiters.filter((w) => {
      if (!w.predicate(value)) return true;
      w.resolve(value);
      return false;
    });
  }

  /** The next value (from now on) that fits. */
  next(predicate: (value: T) => boolean = () => true): Promise<T> {
    return new Promise((resolve) => this.#waiters.push({ predicate, resolve }));
  }
}

export class TestClient {
  readonly diagnostics = new Recorder<PublishDiagnosticsParams>();
  readonly statuses = new Recorder<ServerStatus>();
  readonly logs: string[] = [];
  readonly registrations: string[] = [];
  readonly diagnosticRefreshes = new Recorder<void>();
  /** What the client answers to workspace/configuration for `roleBlueprint`. */
  settings: Record<string, unknown> = {};
  readonly #versions = new Map<string, number>();

  private constructor(
    readonly connection: ProtocolConnection,
    readonly dispose: () => void,
    /** Writes bytes to the server's input as they are (in process only). */
    readonly writeRaw?: (bytes: string) => void,
  ) {
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.diagnostics.push(params));
    connection.onNotification(ServerStatusNotification.method, (status: ServerStatus) => this.statuses.push(status));
    connection.onNotification(LogMessageNotification.method, (params: LogMessageParams) => {
      this.logs.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'roleBlueprint' ? this.settings : null)));
    connection.onRequest(RegistrationRequest.type, (params) => {
      this.registrations.push(...params.registrations.map((r) => r.method));
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.diagnosticRefreshes.push(undefined);
      return null;
    });
    connection.listen();
  }

  /** A server in this process, over two cross-wired in-memory streams. */
  static inProcess(deps: ServerDeps = {}): TestClient {
    const clientToServer = new PassThrough();
    const serverToClient = new PassThrough();
    // Readers/writers (not raw streams), so the server library does not exit the process when they end.
    const serverConnection = createConnection(new StreamMessageReader(clientToServer), new StreamMessageWriter(serverToClient));
    startServer(serverConnection, { logger: { log: () => undefined, error: (m) => client.logs.push(m) }, ...deps });
    const connection = createProtocolConnection(new StreamMessageReader(serverToClient), new StreamMessageWriter(clientToServer));
    const client: TestClient = new TestClient(
      connection,
      () => {
        connection.dispose();
        serverConnection.dispose();
        clientToServer.end();
        serverToClient.end();
      },
      (bytes) => clientToServer.write(bytes),
    );
    return client;
  }

  /** The bundled server as a child process speaking LSP over stdio. */
  static spawn(serverJs: string): TestClient & { readonly child: ChildProcess } {
    const child = spawn(process.execPath, [serverJs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    const client = new TestClient(connection, () => {
      connection.dispose();
      child.kill();
    });
    return Object.assign(client, { child });
  }

  /** The bundled server as a child process speaking LSP over Node IPC, as the VS Code client starts it. */
  static fork(serverJs: string): TestClient & { readonly child: ChildProcess } {
    const child = fork(serverJs, ['--node-ipc'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const client = new TestClient(connection, () => {
      connection.dispose();
      child.kill();
    });
    return Object.assign(client, { child });
  }

  async initialize(capabilities: ClientCapabilities, workspaceFolders: readonly string[] = [], initializationOptions?: unknown): Promise<InitializeResult> {
    const result = await this.connection.sendRequest('initialize', {
      processId: null,
      rootUri: null,
      capabilities,
      workspaceFolders: workspaceFolders.map((uri) => ({ uri, name: uri.slice(uri.lastIndexOf('/') + 1) })),
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result as InitializeResult;
  }

  open(uri: string, text: string, languageId = 'role-blueprint'): void {
    this.#versions.set(uri, 1);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  change(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const version = (this.#versions.get(uri) ?? 0) + 1;
    this.#versions.set(uri, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  /**
   * Sends changes as one write, so the server receives them together, as it does when an
   * editor sends keystrokes faster than the server reads.
   */
  changeBurst(uri: string, bursts: TextDocumentContentChangeEvent[][]): number {
    if (!this.writeRaw) throw new Error('changeBurst needs an in-process server');
    let bytes = '';
    for (const contentChanges of bursts) {
      const version = (this.#versions.get(uri) ?? 0) + 1;
      this.#versions.set(uri, version);
      const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges } });
      bytes += `Content-Length: ${Buffer.byteLength(body, 'utf8')}\r\n\r\n${body}`;
    }
    this.writeRaw(bytes);
    return this.#versions.get(uri) as number;
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.connection.sendRequest(method, params) as Promise<R>;
  }

  /** The next published diagnostics of `uri` (optionally of a given version). */
  nextDiagnostics(uri: string, version?: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next((d) => d.uri === uri && (version === undefined || d.version === version));
  }

  async shutdown(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    this.dispose();
  }
}
