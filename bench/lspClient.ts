import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  ConfigurationRequest,
  createMessageConnection,
  DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type MessageConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

/**
 * A minimal LSP client for the benchmark: spawns a server on stdio, answers what servers ask
 * (configuration, registrations), and times requests and diagnostics. Every wait ends on a
 * message from the server; the only timer is a safety limit that fails the run.
 */

export interface ServerSpec {
  readonly name: string;
  /** The Node binary the server runs on. */
  readonly node: string;
  /** Arguments to `node` (script first). */
  readonly nodeArgs: readonly string[];
  readonly languageId: string;
  /** The answer to `workspace/configuration` for one section. */
  configuration(section: string | undefined): unknown;
  /** Settings pushed with `workspace/didChangeConfiguration` after `initialized`. */
  readonly pushedSettings?: unknown;
  /** The configuration section whose first pull means the server has read its settings. */
  readonly settingsSection: string;
}

/** Push diagnostics with versions; no pull diagnostics, so both servers publish. */
const CAPABILITIES: ClientCapabilities = {
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: false, willSave: false },
    publishDiagnostics: { versionSupport: true, relatedInformation: true },
    completion: { contextSupport: true, completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'], resolveSupport: { properties: ['documentation', 'detail'] } } },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    documentSymbol: { hierarchicalDocumentSymbolSupport: true },
  },
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
};

const SAFETY_LIMIT_MS = 60_000;

interface DiagnosticsWaiter {
  readonly uri: string;
  readonly version: number;
  readonly sentAt: number;
  readonly resolve: (result: { ms: number; count: number }) => void;
}

export class BenchClient {
  readonly #process: ChildProcess;
  readonly #connection: MessageConnection;
  #waiter: DiagnosticsWaiter | undefined;
  #settingsRead: () => void = () => undefined;
  readonly settingsRead: Promise<void>;
  #stderr = '';

  private constructor(readonly spec: ServerSpec) {
    this.#process = spawn(spec.node, [...spec.nodeArgs, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.#process.stderr?.on('data', (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString()).slice(-4000);
    });
    const connection = createMessageConnection(new StreamMessageReader(this.#process.stdout!), new StreamMessageWriter(this.#process.stdin!));
    this.settingsRead = new Promise((resolve) => (this.#settingsRead = resolve));
    connection.onRequest(ConfigurationRequest.type, (params) => {
      if (params.items.some((item) => item.section === spec.settingsSection)) queueMicrotask(this.#settingsRead);
      return params.items.map((item) => spec.configuration(item.section));
    });
    // Registrations, progress tokens and custom requests: accepted, nothing to do.
    connection.onRequest(() => null);
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.#onDiagnostics(params));
    connection.onNotification(() => undefined);
    connection.listen();
    this.#connection = connection;
  }

  get pid(): number {
    return this.#process.pid ?? -1;
  }

  /** Spawns and initializes the server; `startupMs` runs from spawn to the initialize result. */
  static async start(spec: ServerSpec): Promise<{ client: BenchClient; startupMs: number }> {
    const started = performance.now();
    const client = new BenchClient(spec);
    await client.#guard(
      'initialize',
      client.#connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: CAPABILITIES, clientInfo: { name: 'role-blueprint-bench' } }),
    );
    const startupMs = performance.now() - started;
    await client.#connection.sendNotification(InitializedNotification.type, {});
    if (spec.pushedSettings !== undefined) await client.#connection.sendNotification(DidChangeConfigurationNotification.type, { settings: spec.pushedSettings });
    await client.#guard('reading settings', client.settingsRead);
    return { client, startupMs };
  }

  #onDiagnostics(params: PublishDiagnosticsParams): void {
    const waiter = this.#waiter;
    if (!waiter || params.uri !== waiter.uri) return;
    // A server that echoes versions must answer for this one; one that does not is answering the last change.
    if (params.version !== undefined && params.version !== null && params.version !== waiter.version) return;
    this.#waiter = undefined;
    waiter.resolve({ ms: performance.now() - waiter.sentAt, count: params.diagnostics.length });
  }

  #diagnosticsFor(uri: string, version: number, send: () => Promise<void>): Promise<{ ms: number; count: number }> {
    if (this.#waiter) throw new Error('one diagnostics wait at a time');
    const result = new Promise<{ ms: number; count: number }>((resolve) => {
      this.#waiter = { uri, version, sentAt: performance.now(), resolve };
    });
    void send();
    return this.#guard(`diagnostics for version ${version}`, result);
  }

  /** Opens a document; resolves with the time to its first diagnostics. */
  open(uri: string, text: string): Promise<{ ms: number; count: number }> {
    return this.#diagnosticsFor(uri, 1, () =>
      this.#connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: this.spec.languageId, version: 1, text } }),
    );
  }

  /** Sends one incremental change; resolves with the time to the diagnostics of that version. */
  change(uri: string, version: number, change: TextDocumentContentChangeEvent): Promise<{ ms: number; count: number }> {
    return this.#diagnosticsFor(uri, version, () => this.#connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] }));
  }

  /** Sends a request; resolves with its round-trip time and result. */
  async request<R>(method: string, params: unknown): Promise<{ ms: number; result: R }> {
    const sent = performance.now();
    const result = await this.#guard(method, this.#connection.sendRequest(method, params) as Promise<R>);
    return { ms: performance.now() - sent, result };
  }

  /** The server process's peak resident set (VmHWM), in MiB. */
  peakRssMiB(): number {
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const kib = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
    return kib / 1024;
  }

  async stop(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.#process.exitCode !== null || this.#process.signalCode !== null) resolve();
      else this.#process.once('exit', () => resolve());
    });
    try {
      await this.#guard('shutdown', this.#connection.sendRequest(ShutdownRequest.type));
      await this.#connection.sendNotification(ExitNotification.type);
      await this.#guard('exit', exited);
    } finally {
      this.#connection.dispose();
      if (this.#process.exitCode === null && this.#process.signalCode === null) this.#process.kill();
    }
  }

  #guard<T>(what: string, promise: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${this.spec.name}: no answer to ${what} within ${SAFETY_LIMIT_MS} ms\n${this.#stderr}`)), SAFETY_LIMIT_MS);
    });
    return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
  }
}
