import * as vscode from 'vscode';
import { LadderRequest } from '../../../server/src/lsp/protocol';
import type { CommandFactory, CtxInit } from '../ctx';
import { familyPage, familyWebviewOptions, withScript } from '../family/panel';
import { isBlueprintFileName } from '../fileNames';

export const LADDER_VIEW_TYPE = 'roleBlueprint.ladder';

// Clicking (or Enter on) a role with a file asks the extension to open it.
const LADDER_SCRIPT = `(() => {
  const vscode = acquireVsCodeApi();
  const open = (target) => {
    const node = target instanceof Element ? target.closest('[data-uri]') : null;
    if (node) vscode.postMessage({ type: 'open', uri: node.getAttribute('data-uri') });
  };
  document.addEventListener('click', (event) => open(event.target));
  document.addEventListener('keydown', (event) => { if (event.key === 'Enter') open(event.target); });
})();`;

/**
 * "Show Career Ladder": the roles of the workspace and the steps between them, as the server
 * draws them. One panel, drawn again when the command runs, when it shows again and when a
 * role file is saved; a click on a role opens its file — only a file the server listed as a
 * role, whatever the page posts.
 */
export function showLadder(): CommandFactory {
  let panel: vscode.WebviewPanel | undefined;
  let roleFiles = new Set<string>();
  const render = async (ctx: CtxInit, view: vscode.WebviewPanel): Promise<void> => {
    const page = familyPage(view.webview);
    // The server answers once it has read the workspace: right after a start that takes a moment.
    const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Drawing the career ladder…' }, () => ctx.client.sendRequest(LadderRequest, page));
    roleFiles = new Set(result.roles.flatMap((r) => (r.uri ? [r.uri] : [])));
    view.webview.html = withScript(result.html, page, LADDER_SCRIPT);
  };
  return {
    enabled: (ctx) => async () => {
      if (panel) {
        panel.reveal(undefined, true);
      } else {
        const view = vscode.window.createWebviewPanel(LADDER_VIEW_TYPE, 'Career Ladder', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, familyWebviewOptions(true));
        panel = view;
        // Saved role files may have changed the ladder: drawn again when saved while it shows, or when it shows again.
        const refresh = () => {
          if (view.visible) void render(ctx, view).catch((error) => ctx.output.warn(`Career ladder: ${String(error)}`));
        };
        let wasVisible = true;
        const subscriptions = [
          // Only on showing again: a click on a role moves the focus, and a redraw would lose the scroll.
          view.onDidChangeViewState(() => {
            if (view.visible && !wasVisible) refresh();
            wasVisible = view.visible;
          }),
          vscode.workspace.onDidSaveTextDocument((doc) => {
            if (isBlueprintFileName(doc.uri.path)) refresh();
          }),
        ];
        view.onDidDispose(() => {
          panel = undefined;
          subscriptions.forEach((s) => s.dispose());
        });
        view.webview.onDidReceiveMessage((message: unknown) => {
          const uri = isOpenMessage(message) && roleFiles.has(message.uri) ? message.uri : undefined;
          if (uri) void vscode.window.showTextDocument(vscode.Uri.parse(uri, true), { viewColumn: vscode.ViewColumn.One });
        });
      }
      try {
        await render(ctx, panel);
      } catch (error) {
        panel?.dispose();
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      }
    },
  };
}

function isOpenMessage(message: unknown): message is { type: 'open'; uri: string } {
  const m = message as { type?: unknown; uri?: unknown } | null;
  return typeof m === 'object' && m !== null && m.type === 'open' && typeof m.uri === 'string';
}
