import * as vscode from 'vscode';
import { LANGUAGE_ID } from '../constants';
import type { PreviewManager } from '../preview/manager';

/**
 * The blueprint a command acts on: the resource it was invoked on (editor title, explorer),
 * else the focused preview's file, else the active blueprint editor.
 */
export function targetBlueprint(arg: unknown, previews: PreviewManager): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  const preview = previews.activePreviewSource;
  if (preview) return preview;
  const document = vscode.window.activeTextEditor?.document;
  return document?.languageId === LANGUAGE_ID ? document.uri : undefined;
}

export function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The folder beside `uri` for a file the command writes; untitled files go to the first workspace folder. */
export function folderBeside(uri: vscode.Uri): vscode.Uri | undefined {
  if (uri.scheme === 'untitled') return vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.Uri.joinPath(uri, '..');
}

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
