import * as vscode from 'vscode';
import { LANGUAGE_ID, PREVIEW_FOCUS_CONTEXT, PREVIEW_VIEW_TYPE } from '../constants';
import type { Ctx } from '../ctx';
import { isPreviewState } from './messages';
import { BlueprintPreview, previewWebviewOptions } from './panel';

export interface OpenPreviewOptions {
  readonly toSide: boolean;
  readonly locked?: boolean;
}

/**
 * All preview panels: at most one dynamic preview, which follows the active blueprint editor,
 * and any number of previews locked to one file. Revives both after a window reload
 * (`WebviewPanelSerializer`) and routes document, diagnostics and scroll events to them.
 */
export class PreviewManager implements vscode.WebviewPanelSerializer, vscode.Disposable {
  #dynamic: BlueprintPreview | undefined;
  readonly #previews = new Set<BlueprintPreview>();
  #active: BlueprintPreview | undefined;
  readonly #disposables: vscode.Disposable[] = [];

  constructor(private readonly ctx: Ctx) {
    this.#disposables.push(
      vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, this),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor?.document.languageId === LANGUAGE_ID && this.#dynamic) {
          this.#dynamic.setSource(editor.document.uri, editor.visibleRanges[0]?.start.line);
        }
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.#each(event.document.uri, (preview) => preview.refresh());
      }),
      vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) this.#each(uri, (preview) => preview.diagnosticsChanged());
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        const top = event.visibleRanges[0];
        if (!top || !this.ctx.config.settings.previewScrollSync) return;
        this.#each(event.textEditor.document.uri, (preview) => preview.editorScrolled(top.start.line));
      }),
      ctx.config.onDidChange(() => this.invalidateAll()),
    );
  }

  /** The file of the focused preview, for commands run from it (export, lock). */
  get activePreviewSource(): vscode.Uri | undefined {
    return this.#active?.source;
  }

  /** Re-renders every preview from scratch: the server (re)started or settings changed. */
  invalidateAll(): void {
    for (const preview of this.#previews) preview.invalidate();
  }

  open(uri: vscode.Uri, options: OpenPreviewOptions): void {
    const column = options.toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const existing = [...this.#previews].find((p) => p.isShowing(uri) && (options.locked === undefined || p.locked === options.locked));
    if (existing) {
      existing.panel.reveal(existing.panel.viewColumn ?? column, options.toSide);
      return;
    }
    if (!options.locked && this.#dynamic) {
      this.#dynamic.setSource(uri);
      this.#dynamic.panel.reveal(this.#dynamic.panel.viewColumn ?? column, options.toSide);
      return;
    }
    const panel = vscode.window.createWebviewPanel(
      PREVIEW_VIEW_TYPE,
      'Preview',
      { viewColumn: column, preserveFocus: options.toSide },
      { ...previewWebviewOptions(this.ctx.extension.extensionUri), enableFindWidget: true },
    );
    const line = vscode.window.activeTextEditor?.document.uri.toString() === uri.toString() ? vscode.window.activeTextEditor.visibleRanges[0]?.start.line : undefined;
    this.#track(new BlueprintPreview(panel, this.ctx, { source: uri.toString(), locked: options.locked ?? false, line }));
  }

  /** Locks the focused preview to its file, or unlocks it so it follows the editor again. */
  toggleLock(): void {
    const preview = this.#active;
    if (!preview) return;
    if (preview.locked) {
      // Only one preview follows the editor: the one being unlocked replaces the old one.
      if (this.#dynamic && this.#dynamic !== preview) this.#dynamic.dispose();
      this.#dynamic = preview;
      preview.setLocked(false);
    } else {
      if (this.#dynamic === preview) this.#dynamic = undefined;
      preview.setLocked(true);
    }
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isPreviewState(state)) {
      panel.dispose();
      return;
    }
    // A second dynamic preview cannot be revived as dynamic: it comes back locked.
    const locked = state.locked || this.#dynamic !== undefined;
    this.#track(new BlueprintPreview(panel, this.ctx, { ...state, locked }));
  }

  #track(preview: BlueprintPreview): void {
    this.#previews.add(preview);
    if (!preview.locked) this.#dynamic = preview;
    this.#setActive(preview.panel.active ? preview : this.#active);
    const viewState = preview.panel.onDidChangeViewState(({ webviewPanel }) => {
      if (webviewPanel.active) this.#setActive(preview);
      else if (this.#active === preview) this.#setActive(undefined);
    });
    preview.onDidDispose(() => {
      viewState.dispose();
      this.#previews.delete(preview);
      if (this.#dynamic === preview) this.#dynamic = undefined;
      if (this.#active === preview) this.#setActive(undefined);
    });
  }

  #setActive(preview: BlueprintPreview | undefined): void {
    this.#active = preview;
    void vscode.commands.executeCommand('setContext', PREVIEW_FOCUS_CONTEXT, preview !== undefined);
  }

  #each(uri: vscode.Uri, action: (preview: BlueprintPreview) => void): void {
    for (const preview of this.#previews) if (preview.isShowing(uri)) action(preview);
  }

  dispose(): void {
    for (const preview of [...this.#previews]) preview.dispose();
    for (const disposable of this.#disposables.splice(0)) disposable.dispose();
  }
}
