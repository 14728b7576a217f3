import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeWatchedFilesNotification,
  ErrorAction,
  FileChangeType,
  LanguageClient,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SERVER_EXEC_ARGV, ServerStatusNotification } from '../../server/src/lsp/protocol';
import { Config } from './config';
import { BLUEPRINT_GLOB, LANGUAGE_ID } from './constants';
import { CrashPolicy } from './crashPolicy';
import { externalWatchTargets } from './settings';
import { StatusItem } from './status';
import type { ServerState } from './statusText';

export type Cmd = (...args: any[]) => unknown;

/** A context whose language client exists and runs: what `enabled` commands get. */
export type CtxInit = Ctx & { readonly client: LanguageClient };

/**
 * A command as two variants: `enabled` while the server runs, `disabled` otherwise (by
 * default a message that offers to start it). Commands that need no server give both.
 */
export interface CommandFactory {
  readonly enabled: (ctx: CtxInit) => Cmd;
  readonly disabled?: (ctx: Ctx) => Cmd;
}

const CLIENT_ID = 'roleBlueprint';
const CLIENT_NAME = 'Role Blueprint';

/**
 * Owns the language client, the output channel, the status item and the configuration, and
 * (re)registers the commands as the client starts and stops. Two cleanup lists: one lives as
 * long as the extension (its subscriptions), the other dies with each client (restart).
 */
export class Ctx {
  readonly config = new Config();
  readonly output = vscode.window.createOutputChannel(CLIENT_NAME, { log: true });
  readonly status: StatusItem;
  #client: LanguageClient | undefined;
  readonly #crashPolicy = new CrashPolicy();
  #clientCleanup: vscode.Disposable[] = [];
  readonly #commandRegistrations: vscode.Disposable[] = [];
  #commands: Record<string, CommandFactory> = {};
  #commandsEnabled: boolean | undefined;
  #starting: Promise<void> | undefined;
  readonly #externalWatchers: vscode.Disposable[] = [];
  /** The crash budget ran out: the state shows "crashed" rather than "stopped". */
  #gaveUp = false;
  readonly #onDidChangeServerState = new vscode.EventEmitter<ServerState>();
  /** Fires as the server starts, runs or stops; previews re-render when it runs again. */
  readonly onDidChangeServerState = this.#onDidChangeServerState.event;

  constructor(readonly extension: vscode.ExtensionContext) {
    this.status = new StatusItem(() => this.client);
    this.pushExtCleanup(this.config, this.output, this.status, this.#onDidChangeServerState, {
      dispose: () => this.#commandRegistrations.forEach((d) => d.dispose()),
    });
    this.pushExtCleanup(
      this.config.onDidChange(() => this.#watchExternalFiles()),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.#watchExternalFiles()),
      { dispose: () => this.#externalWatchers.forEach((d) => d.dispose()) },
    );
    this.#watchExternalFiles();
  }

  /** Sets the commands (once the features they drive exist) and registers them. */
  setCommands(commands: Record<string, CommandFactory>): void {
    this.#commands = commands;
    this.#commandsEnabled = undefined;
    this.#updateCommands();
  }

  /** The running client, or undefined while stopped or starting. */
  get client(): LanguageClient | undefined {
    return this.#client?.state === State.Running ? this.#client : undefined;
  }

  isInit(): this is CtxInit {
    return this.client !== undefined;
  }

  pushExtCleanup(...disposables: vscode.Disposable[]): void {
    this.extension.subscriptions.push(...disposables);
  }

  pushClientCleanup(...disposables: vscode.Disposable[]): void {
    this.#clientCleanup.push(...disposables);
  }

  /** Starts the server; callers during a start share it. */
  start(): Promise<void> {
    this.#starting ??= this.#start().finally(() => {
      this.#starting = undefined;
    });
    return this.#starting;
  }

  async #start(): Promise<void> {
    if (this.#client) return;
    const client = this.#createClient();
    this.#client = client;
    this.pushClientCleanup(
      client.onDidChangeState(({ newState }) => {
        this.#setServerState(newState === State.Running ? 'running' : newState === State.Starting ? 'starting' : this.#gaveUp ? 'crashed' : 'stopped');
      }),
      client.onNotification(ServerStatusNotification, (status) => this.status.setServerStatus(status)),
    );
    this.#setServerState('starting');
    try {
      await client.start();
    } catch (error) {
      this.output.error(`The Role Blueprint server failed to start: ${String(error)}`);
      this.#setServerState('stopped');
      void vscode.window.showErrorMessage('The Role Blueprint server failed to start.', 'Show Output').then((choice) => {
        if (choice) this.output.show();
      });
    }
    this.#updateCommands();
  }

  async stop(): Promise<void> {
    const client = this.#client;
    this.#client = undefined;
    if (client && client.state !== State.Stopped) await client.stop().catch((error) => this.output.warn(`Stopping the server: ${String(error)}`));
    await client?.dispose().catch(() => undefined);
    for (const disposable of this.#clientCleanup.splice(0)) disposable.dispose();
    this.#setServerState('stopped');
  }

  async restart(): Promise<void> {
    this.#gaveUp = false;
    this.#crashPolicy.reset();
    await this.stop();
    await this.start();
  }

  async dispose(): Promise<void> {
    await this.stop();
  }

  #setServerState(state: ServerState): void {
    this.status.setServerState(state);
    this.#updateCommands();
    this.#onDidChangeServerState.fire(state);
  }

  #createClient(): LanguageClient {
    const module = this.extension.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV] } },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_EXEC_ARGV, '--nolazy', '--inspect=6011'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { language: LANGUAGE_ID },
        { scheme: 'file', pattern: BLUEPRINT_GLOB },
        { scheme: 'untitled', pattern: BLUEPRINT_GLOB },
      ],
      // The server registers its configuration section and a watcher for the workspace's JSON and
      // YAML files itself (dynamic registration); `#watchExternalFiles` covers files outside it.
      outputChannel: this.output,
      errorHandler: this.#errorHandler(),
    };
    return new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
  }

  /** Restarts a crashed server (within the crash budget) and tells the user once. */
  #errorHandler(): ErrorHandler {
    return {
      error: (_error, _message, count): ErrorHandlerResult => ({
        action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown,
      }),
      closed: (): CloseHandlerResult => {
        const { restart, notify } = this.#crashPolicy.crashed(Date.now());
        if (restart) {
          this.output.warn('The Role Blueprint server stopped unexpectedly; restarting it.');
          if (notify) void vscode.window.showInformationMessage('The Role Blueprint server crashed and was restarted. Details are in the output.', 'Show Output').then((c) => c && this.output.show());
          return { action: CloseAction.Restart, handled: true };
        }
        this.#gaveUp = true;
        const message = `The Role Blueprint server crashed ${this.#crashPolicy.maxRestarts + 1} times in ${this.#crashPolicy.windowMs / 60000} minutes and will not be restarted.`;
        this.output.error(message);
        void vscode.window.showErrorMessage(message, 'Restart Server', 'Show Output').then((choice) => {
          if (choice === 'Restart Server') void this.restart();
          else if (choice === 'Show Output') this.output.show();
        });
        return { action: CloseAction.DoNotRestart, handled: true };
      },
    };
  }

  /** (Re)creates the watchers of `externalWatchTargets`, forwarding their events to the running server. */
  #watchExternalFiles(): void {
    for (const watcher of this.#externalWatchers.splice(0)) watcher.dispose();
    const folders = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
    for (const { base, glob } of externalWatchTargets(this.config.settings, folders)) {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(base), glob));
      const forward = (type: FileChangeType) => (uri: vscode.Uri) => {
        const client = this.client;
        if (client) void client.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.code2ProtocolConverter.asUri(uri), type }] });
      };
      this.#externalWatchers.push(
        watcher,
        watcher.onDidCreate(forward(FileChangeType.Created)),
        watcher.onDidChange(forward(FileChangeType.Changed)),
        watcher.onDidDelete(forward(FileChangeType.Deleted)),
      );
    }
  }

  /** Registers each command as its `enabled` or `disabled` variant, when the client's state flips. */
  #updateCommands(): void {
    const enabled = this.isInit();
    if (enabled === this.#commandsEnabled) return;
    this.#commandsEnabled = enabled;
    for (const disposable of this.#commandRegistrations.splice(0)) disposable.dispose();
    for (const [name, factory] of Object.entries(this.#commands)) {
      const id = `roleBlueprint.${name}`;
      const whileStopped = (factory.disabled ?? serverNotRunning)(this);
      // A command run while the server is still starting waits for it rather than failing.
      const callback: Cmd = enabled
        ? factory.enabled(this)
        : async (...args: unknown[]) => {
            if (this.#starting) {
              await this.#starting;
              if (this.isInit()) return vscode.commands.executeCommand(id, ...args);
            }
            return whileStopped(...args);
          };
      this.#commandRegistrations.push(vscode.commands.registerCommand(id, callback));
    }
  }
}

function serverNotRunning(ctx: Ctx): Cmd {
  return async () => {
    const choice = await vscode.window.showErrorMessage('The Role Blueprint server is not running.', 'Restart Server', 'Show Output');
    if (choice === 'Restart Server') await ctx.restart();
    else if (choice === 'Show Output') ctx.output.show();
  };
}
