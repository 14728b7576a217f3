import * as vscode from 'vscode';
import { CompareRequest } from '../../../server/src/lsp/protocol';
import { BLUEPRINT_GLOB } from '../constants';
import type { CommandFactory } from '../ctx';
import { familyPage, familyWebviewOptions } from '../family/panel';
import type { PreviewManager } from '../preview/manager';
import { baseName, targetBlueprint } from './target';

export const COMPARE_VIEW_TYPE = 'roleBlueprint.compare';

/**
 * "Compare with…": the blueprint in the editor (A) against another role file of the workspace
 * (B, picked), as the server's structured diff by section in a webview beside the editor.
 * Scripts and tests may pass B as a Uri after A, which skips the pick.
 */
export function compareWith(previews: PreviewManager): CommandFactory {
  return {
    enabled: (ctx) => async (arg?: unknown, otherArg?: unknown) => {
      // Two files selected in the explorer come as (clicked, [selected…]).
      const selected = Array.isArray(otherArg) && otherArg.length === 2 && otherArg.every((u) => u instanceof vscode.Uri) ? (otherArg as vscode.Uri[]) : undefined;
      const a = selected ? selected[0] : targetBlueprint(arg, previews);
      if (!a) {
        void vscode.window.showErrorMessage('Open a role blueprint (*.role.yaml) to compare it with another.');
        return;
      }
      const b = selected ? selected[1] : otherArg instanceof vscode.Uri ? otherArg : await pickOther(a);
      if (!b) return;
      // Syncs both files to the server if no editor has them open.
      await Promise.all([vscode.workspace.openTextDocument(a), vscode.workspace.openTextDocument(b)]);
      const panel = vscode.window.createWebviewPanel(COMPARE_VIEW_TYPE, `${baseName(a)} ↔ ${baseName(b)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, familyWebviewOptions(false));
      const page = familyPage(panel.webview);
      const convert = ctx.client.code2ProtocolConverter;
      const result = await ctx.client.sendRequest(CompareRequest, { uriA: convert.asUri(a), uriB: convert.asUri(b), ...page });
      if (!result) {
        panel.dispose();
        void vscode.window.showErrorMessage(`${baseName(a)} and ${baseName(b)} could not be compared: the server cannot read both as blueprints.`);
        return;
      }
      panel.title = result.title;
      panel.webview.html = result.html;
    },
  };
}

async function pickOther(a: vscode.Uri): Promise<vscode.Uri | undefined> {
  const files = (await vscode.workspace.findFiles(BLUEPRINT_GLOB, '**/node_modules/**')).filter((f) => f.toString() !== a.toString());
  if (files.length === 0) {
    void vscode.window.showInformationMessage('There is no other role file (*.role.yaml) in the workspace to compare with.');
    return undefined;
  }
  const items = files
    .map((uri) => ({ label: baseName(uri), description: vscode.workspace.asRelativePath(uri, true), uri }))
    .sort((x, y) => x.description.localeCompare(y.description));
  const picked = await vscode.window.showQuickPick(items, { title: `Compare ${baseName(a)} with…`, placeHolder: 'The role to compare with (usually the next level)', matchOnDescription: true });
  return picked?.uri;
}
