import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';
import type { CommandFactory, Ctx } from '../ctx';
import { newBlueprintName, skeletonSnippetBody } from '../fileNames';
import { exists, folderBeside } from './target';

/**
 * A new, unsaved blueprint filled with the skeleton snippet (all 20 sections, tab stops).
 * It is an untitled file that already has a name in the workspace (`new-role.role.yaml`), so
 * Save proposes a `.role.yaml` path and the language is right from the start.
 */
export function newBlueprint(): CommandFactory {
  const run = (ctx: Ctx) => async () => {
    const snippet = await readSkeleton(ctx.extension.extensionUri);
    const folder = newFileFolder();
    const uri = folder ? await freeUntitledUri(folder) : vscode.Uri.from({ scheme: 'untitled', path: newBlueprintName(1) });
    let document = await vscode.workspace.openTextDocument(uri);
    if (document.languageId !== LANGUAGE_ID) document = await vscode.languages.setTextDocumentLanguage(document, LANGUAGE_ID);
    const editor = await vscode.window.showTextDocument(document);
    if (document.getText() === '') await editor.insertSnippet(new vscode.SnippetString(snippet));
  };
  return { enabled: run, disabled: run };
}

export async function readSkeleton(extensionUri: vscode.Uri): Promise<string> {
  const file = vscode.Uri.joinPath(extensionUri, 'snippets', 'role-blueprint.code-snippets.json');
  const body = skeletonSnippetBody(JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))));
  if (body === undefined) throw new Error(`No snippet with prefix "blueprint" in ${file.fsPath}`);
  return body;
}

function newFileFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file') return folderBeside(active);
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** The first `new-role[-n].role.yaml` that is neither on disk nor an open untitled file. */
async function freeUntitledUri(folder: vscode.Uri): Promise<vscode.Uri> {
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  for (let attempt = 1; ; attempt++) {
    const file = vscode.Uri.joinPath(folder, newBlueprintName(attempt));
    if (!open.has(file.path) && !(await exists(file))) return file.with({ scheme: 'untitled' });
  }
}
