import * as vscode from 'vscode';
import { ImportRequest } from '../../../server/src/lsp/protocol';
import type { CommandFactory, CtxInit } from '../ctx';
import { importTargetName } from '../fileNames';
import { baseName, exists } from './target';

/**
 * Imports an HTML page or a WordPress REST post (JSON) with the server's importer (the CLI's),
 * saves the blueprint beside the source — never over an existing file without asking — and
 * opens it. What the importer could not map is listed in the output.
 */
export function importBlueprint(): CommandFactory {
  return { enabled: (ctx) => (arg?: unknown) => runImport(ctx, arg) };
}

async function runImport(ctx: CtxInit, arg: unknown): Promise<void> {
  const source = arg instanceof vscode.Uri ? arg : await pickSource();
  if (!source) return;
  const sourceName = baseName(source);
  const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(source));
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Importing ${sourceName}…` },
    () => ctx.client.sendRequest(ImportRequest, { source: text, sourceName }),
  );
  const target = await chooseTarget(vscode.Uri.joinPath(source, '..', importTargetName(sourceName)));
  if (!target) return;
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.yaml));
  await vscode.window.showTextDocument(target);

  ctx.output.info(`Imported ${source.fsPath} → ${target.fsPath}`);
  for (const line of result.report) ctx.output.info(`  ${line}`);
  if (result.report.length > 0) {
    const notes = `${result.report.length} note${result.report.length === 1 ? '' : 's'}`;
    // Not awaited: the command is done when the file is open, not when the message is dismissed.
    void vscode.window.showInformationMessage(`Imported ${baseName(target)} with ${notes} (text kept in \`notes\` or not recognised).`, 'Show Details').then((choice) => {
      if (choice) ctx.output.show(true);
    });
  }
}

async function pickSource(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Import',
    title: 'Import a role blueprint from an HTML page or a WordPress post',
    filters: { 'HTML page or WordPress post (JSON)': ['html', 'htm', 'json'] },
  });
  return picked?.[0];
}

/** `proposed` if it is free; otherwise the user overwrites, picks another name, or cancels. */
async function chooseTarget(proposed: vscode.Uri): Promise<vscode.Uri | undefined> {
  if (!(await exists(proposed))) return proposed;
  const choice = await vscode.window.showWarningMessage(`${baseName(proposed)} already exists.`, { modal: true }, 'Overwrite', 'Save As…');
  if (choice === 'Overwrite') return proposed;
  if (choice !== 'Save As…') return undefined;
  return vscode.window.showSaveDialog({ defaultUri: proposed, filters: { 'Role blueprint': ['role.yaml', 'yaml'] }, saveLabel: 'Save Blueprint' });
}
