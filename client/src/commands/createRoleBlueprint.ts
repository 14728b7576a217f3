import * as vscode from 'vscode';
import type { CommandFactory } from '../ctx';
import { skeletonText } from '../fileNames';
import { readSkeleton } from './newBlueprint';
import { exists, folderBeside } from './target';

/**
 * The `ladder.missing-role` quick fix: a blueprint for a role that a career path names but no
 * file defines, written beside the file that names it (the skeleton, with `role.title` set) and
 * opened. An existing file of that name is opened, never overwritten.
 */
export function createRoleBlueprint(): CommandFactory {
  const run = (ctx: { readonly extension: vscode.ExtensionContext }) => async (from?: unknown, role?: unknown, fileName?: unknown) => {
    if (typeof from !== 'string' || typeof role !== 'string' || typeof fileName !== 'string' || !/^[a-z0-9][a-z0-9-]*\.role\.yaml$/.test(fileName)) return;
    const folder = folderBeside(vscode.Uri.parse(from));
    if (!folder) return;
    const target = vscode.Uri.joinPath(folder, fileName);
    if (!(await exists(target))) {
      const text = skeletonText(await readSkeleton(ctx.extension.extensionUri), role);
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
    }
    await vscode.window.showTextDocument(target);
  };
  return { enabled: run, disabled: run };
}
