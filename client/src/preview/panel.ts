import * as vscode from 'vscode';
import { RenderRequest } from '../../../server/src/lsp/protocol';
import { BLUEPRINT_CSS } from '../../../server/src/core/render/styles';
import type { Ctx } from '../ctx';
import { buildPreviewPage, createNonce, messageBody } from './html';
import { isFromWebviewMessage, type PreviewState, type ToWebviewMessage } from './messages';

/** An editor scroll that we caused ourselves (preview → editor) is not sent back to the preview. */
const OWN_REVEAL_TIMEOUT_MS = 1000;

/** Re-asks for a render that came back older than the document, at most this often in a row. */
const MAX_STALE_RETRIES = 5;

export function previewWebviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, enableForms: false, enableCommandUris: false, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')] };
}

function fileName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1) || uri.toString();
}

/**
 * One preview panel showing one blueprint. The first render (and a switch of file) sets
 * `webview.html` with a fresh nonce; later renders post `update`, which the script morphs in.
 * At most one render request is in flight; changes meanwhile coalesce into one follow-up.
 */
export class BlueprintPreview implements vscode.Disposable {
  #source: vscode.Uri;
  #locked: boolean;
  /** Source line at the top of the preview, kept for full re-renders and the serializer. */
  #line: number | undefined;
  /** The document whose page is currently in `webview.html`, if any. */
  #pageSource: string | undefined;
  /** `uri@version#diagnostics` of the last render, so identical renders are skipped. */
  #renderedKey: string | undefined;
  #diagnosticsGeneration = 0;
  #inFlight = false;
  #pending = false;
  /** The text of the message page in `webview.html`, so it is not set again on every keystroke. */
  #shownMessage: string | undefined;
  /** Renders in a row that came back older than the document; see `MAX_STALE_RETRIES`. */
  #staleRetries = 0;
  #ownReveal: { readonly line: number; readonly at: number } | undefined;
  #disposed = false;
  readonly #disposables: vscode.Disposable[] = [];
  readonly #onDidDispose = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.#onDidDispose.event;

  constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly ctx: Ctx,
    state: PreviewState,
  ) {
    this.#source = vscode.Uri.parse(state.source);
    this.#locked = state.locked;
    this.#line = state.line;
    panel.webview.options = previewWebviewOptions(ctx.extension.extensionUri);
    panel.iconPath = vscode.Uri.joinPath(ctx.extension.extensionUri, 'media', 'role-blueprint-file.svg');
    this.#disposables.push(
      this.#onDidDispose,
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.#onMessage(message)),
    );
    this.#updateTitle();
    this.refresh();
  }

  get source(): vscode.Uri {
    return this.#source;
  }

  get locked(): boolean {
    return this.#locked;
  }

  isShowing(uri: vscode.Uri): boolean {
    return this.#source.toString() === uri.toString();
  }

  /** Shows another file (a dynamic preview following the editor): a full render, from the top. */
  setSource(uri: vscode.Uri, line?: number): void {
    if (this.isShowing(uri)) return;
    this.#source = uri;
    this.#line = line;
    this.#renderedKey = undefined;
    this.#updateTitle();
    this.refresh();
  }

  setLocked(locked: boolean): void {
    this.#locked = locked;
    this.#updateTitle();
    this.#post({ type: 'setLocked', source: this.#source.toString(), locked });
  }

  /** The file's diagnostics changed: they are part of the page, so render again. */
  diagnosticsChanged(): void {
    this.#diagnosticsGeneration++;
    this.refresh();
  }

  /** Forget the last page (server restarted, settings changed): the next render is a full one. */
  invalidate(): void {
    this.#pageSource = undefined;
    this.#renderedKey = undefined;
    this.refresh();
  }

  refresh(): void {
    if (this.#disposed) return;
    if (this.#inFlight) {
      this.#pending = true;
      return;
    }
    this.#inFlight = true;
    void this.#render()
      .catch((error) => this.ctx.output.error(`Preview of ${this.#source.toString()}: ${String(error)}`))
      .finally(() => {
        this.#inFlight = false;
        if (this.#pending) {
          this.#pending = false;
          this.refresh();
        }
      });
  }

  /** The editor showing this file scrolled to `line` (editor → preview sync). */
  editorScrolled(line: number): void {
    const own = this.#ownReveal;
    if (own && Date.now() - own.at < OWN_REVEAL_TIMEOUT_MS && Math.floor(own.line) === line) {
      this.#ownReveal = undefined;
      return;
    }
    this.#line = line;
    this.#post({ type: 'scrollToLine', source: this.#source.toString(), line });
  }

  async #render(): Promise<void> {
    const source = this.#source;
    let document: vscode.TextDocument;
    try {
      // Opening syncs the file to the server (didOpen) when no editor has it open.
      document = await vscode.workspace.openTextDocument(source);
    } catch (error) {
      this.#showMessage(`Cannot open ${source.fsPath || source.toString()}: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    const client = this.ctx.client;
    if (!client) {
      this.#showMessage('The Role Blueprint server is not running. Run "Role Blueprint: Restart Server".');
      return;
    }
    const key = `${source.toString()}@${document.version}#${this.#diagnosticsGeneration}`;
    if (key === this.#renderedKey) return;
    const result = await client.sendRequest(RenderRequest, { uri: client.code2ProtocolConverter.asUri(source), format: 'html' });
    if (this.#disposed || !this.isShowing(source)) return;
    if (!result) {
      this.#showMessage(`${fileName(source)} is not open in the Role Blueprint server.`);
      return;
    }
    this.#renderedKey = `${source.toString()}@${result.version}#${this.#diagnosticsGeneration}`;
    // The server answered for an older text (its didChange was still on the way): ask again,
    // a bounded number of times, so the last keystroke is never left unrendered.
    if (result.version < document.version && this.#staleRetries < MAX_STALE_RETRIES) {
      this.#staleRetries++;
      this.#pending = true;
    } else {
      this.#staleRetries = 0;
    }
    if (this.#pageSource === source.toString()) {
      this.#post({ type: 'update', source: source.toString(), version: result.version, html: result.content });
    } else {
      this.#setPage(result.content, result.version, result.title);
    }
  }

  #setPage(body: string, version: number, title: string | undefined): void {
    const webview = this.panel.webview;
    const media = vscode.Uri.joinPath(this.ctx.extension.extensionUri, 'media');
    this.#pageSource = this.#source.toString();
    this.#shownMessage = undefined;
    webview.html = buildPreviewPage({
      cspSource: webview.cspSource,
      nonce: createNonce(),
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'dist', 'preview.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(media, 'preview.css')).toString(),
      rendererCss: BLUEPRINT_CSS,
      body,
      title: title ?? fileName(this.#source),
      data: { source: this.#source.toString(), locked: this.#locked, line: this.#line, version, scrollSync: this.ctx.config.settings.previewScrollSync },
    });
  }

  #showMessage(message: string): void {
    this.#renderedKey = undefined;
    if (this.#pageSource === undefined && this.#shownMessage === message) return;
    this.#setPage(messageBody(message), -1, fileName(this.#source));
    // A message page is not the blueprint's page: the next successful render replaces it whole.
    this.#pageSource = undefined;
    this.#shownMessage = message;
  }

  #updateTitle(): void {
    const name = fileName(this.#source);
    this.panel.title = this.#locked ? `[Preview] ${name}` : `Preview ${name}`;
  }

  #post(message: ToWebviewMessage): void {
    if (!this.#disposed) void this.panel.webview.postMessage(message);
  }

  #onMessage(message: unknown): void {
    if (!isFromWebviewMessage(message) || message.source !== this.#source.toString()) return;
    switch (message.type) {
      case 'revealLine':
        this.#line = message.line;
        if (this.ctx.config.settings.previewScrollSync) this.#revealInEditors(message.line);
        break;
      case 'didClick':
        void this.#goToLine(message.line);
        break;
    }
  }

  #revealInEditors(line: number): void {
    for (const editor of vscode.window.visibleTextEditors) {
      if (!this.isShowing(editor.document.uri)) continue;
      const sourceLine = Math.min(Math.floor(line), editor.document.lineCount - 1);
      const text = editor.document.lineAt(sourceLine).text;
      const start = Math.floor((line - Math.floor(line)) * text.length);
      this.#ownReveal = { line: sourceLine, at: Date.now() };
      editor.revealRange(new vscode.Range(sourceLine, start, sourceLine + 1, 0), vscode.TextEditorRevealType.AtTop);
    }
  }

  async #goToLine(line: number): Promise<void> {
    const visible = vscode.window.visibleTextEditors.find((editor) => this.isShowing(editor.document.uri));
    const column = visible?.viewColumn ?? (this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Beside : vscode.ViewColumn.One);
    const document = visible?.document ?? (await vscode.workspace.openTextDocument(this.#source));
    const editor = await vscode.window.showTextDocument(document, { viewColumn: column });
    const target = Math.min(Math.floor(line), editor.document.lineCount - 1);
    const position = new vscode.Position(target, editor.document.lineAt(target).firstNonWhitespaceCharacterIndex);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#onDidDispose.fire();
    for (const disposable of this.#disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }
}
