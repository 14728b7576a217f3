import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DocumentStatusRequest, type DocumentStatus, type ServerStatus } from '../../server/src/lsp/protocol';
import { LANGUAGE_ID } from './constants';
import { statusView, type ServerState } from './statusText';

/** Diagnostics arrive in bursts while typing; one status request per quiet moment is enough. */
const REFRESH_DELAY_MS = 150;

/**
 * The status bar item: "Role Blueprint: 18/20 sections · 2 errors" for the active blueprint,
 * and the server's state (starting, stopped, crashed). Click opens the preview beside, or the
 * output while the server is down.
 */
export class StatusItem implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('roleBlueprint.status', vscode.StatusBarAlignment.Right, 100);
  readonly #disposables: vscode.Disposable[] = [];
  #server: ServerState = 'starting';
  #serverStatus: ServerStatus | undefined;
  #document: DocumentStatus | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped per request, so an answer for a file that is no longer active is dropped. */
  #generation = 0;

  constructor(private readonly getClient: () => LanguageClient | undefined) {
    this.#item.name = 'Role Blueprint';
    this.#disposables.push(
      this.#item,
      vscode.window.onDidChangeActiveTextEditor(() => this.refresh(0)),
      vscode.languages.onDidChangeDiagnostics((event) => {
        const active = activeBlueprint();
        if (active && event.uris.some((uri) => uri.toString() === active.uri.toString())) this.refresh();
      }),
    );
    this.refresh(0);
  }

  setServerState(state: ServerState): void {
    this.#server = state;
    if (state !== 'running') this.#serverStatus = undefined;
    this.refresh(0);
  }

  setServerStatus(status: ServerStatus): void {
    this.#serverStatus = status;
    this.#render();
    if (status.quiescent) this.refresh();
  }

  /** Asks the server for the active blueprint's status after `delay` ms. */
  refresh(delay = REFRESH_DELAY_MS): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#update(), delay);
  }

  async #update(): Promise<void> {
    const generation = ++this.#generation;
    const document = activeBlueprint();
    const client = this.getClient();
    if (!document || !client || this.#server !== 'running') {
      this.#document = undefined;
      this.#render();
      return;
    }
    try {
      const status = await client.sendRequest(DocumentStatusRequest, { uri: client.code2ProtocolConverter.asUri(document.uri) });
      if (generation !== this.#generation) return;
      this.#document = status ?? undefined;
    } catch {
      // The server restarting or the request being cancelled: keep the last status until the next event.
      if (generation !== this.#generation) return;
    }
    this.#render();
  }

  #render(): void {
    const blueprint = activeBlueprint();
    const down = this.#server === 'stopped' || this.#server === 'crashed';
    if (!blueprint && !down) {
      this.#item.hide();
      return;
    }
    const view = statusView(this.#server, this.#serverStatus, blueprint ? this.#document : undefined);
    this.#item.text = view.text;
    this.#item.backgroundColor =
      view.severity === 'error' && down
        ? new vscode.ThemeColor('statusBarItem.errorBackground')
        : view.severity === 'warning' && this.#serverStatus?.health === 'warning'
          ? new vscode.ThemeColor('statusBarItem.warningBackground')
          : undefined;
    const tooltip = new vscode.MarkdownString(view.details.join('\n\n'), true);
    tooltip.isTrusted = { enabledCommands: ['roleBlueprint.openPreviewToSide', 'roleBlueprint.showOutput', 'roleBlueprint.restartServer'] };
    tooltip.appendMarkdown(
      `\n\n---\n\n[$(open-preview) Open Preview](command:roleBlueprint.openPreviewToSide) · [$(output) Show Output](command:roleBlueprint.showOutput) · [$(debug-restart) Restart Server](command:roleBlueprint.restartServer)`,
    );
    this.#item.tooltip = tooltip;
    this.#item.command = down || !blueprint ? 'roleBlueprint.showOutput' : 'roleBlueprint.openPreviewToSide';
    this.#item.show();
  }

  dispose(): void {
    clearTimeout(this.#timer);
    for (const disposable of this.#disposables) disposable.dispose();
  }
}

function activeBlueprint(): vscode.TextDocument | undefined {
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document : undefined;
}
