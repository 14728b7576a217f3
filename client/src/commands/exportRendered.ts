import * as vscode from 'vscode';
import { RenderRequest, type RenderParams } from '../../../server/src/lsp/protocol';
import type { CtxInit } from '../ctx';
import { exportFileName } from '../fileNames';
import type { PreviewManager } from '../preview/manager';
import { baseName, folderBeside, targetBlueprint } from './target';

interface ExportFormat {
  readonly extension: Parameters<typeof exportFileName>[1];
  readonly filters: Record<string, string[]>;
  readonly label: string;
}

const FORMATS: Record<Exclude<RenderParams['format'], 'html'>, ExportFormat> = {
  document: { extension: 'html', filters: { 'HTML page': ['html', 'htm'] }, label: 'HTML' },
  markdown: { extension: 'md', filters: { Markdown: ['md'] }, label: 'Markdown' },
  jobposting: { extension: 'posting.html', filters: { 'HTML page': ['html', 'htm'] }, label: 'Job Posting' },
  jsonld: { extension: 'jsonld', filters: { 'JSON-LD': ['jsonld', 'json'] }, label: 'JobPosting JSON-LD' },
};

/** What a job posting made from `uri` lacks, as the editor reports it (posting.* diagnostics). */
function postingGaps(uri: vscode.Uri): string {
  const gaps = vscode.languages.getDiagnostics(uri).filter((d) => typeof d.code === 'string' ? d.code.startsWith('posting.') : typeof d.code === 'object' && String(d.code.value).startsWith('posting.'));
  return gaps.length ? ` The posting lacks ${gaps.length} field${gaps.length === 1 ? '' : 's'} job search engines need (see Problems, posting.*).` : '';
}

/**
 * Export = the server's renderer (the preview's and the CLI's) into a file the user picks,
 * proposed beside the blueprint. The HTML is one self-contained page (inline CSS, no scripts).
 * A caller running the command programmatically (scripts, the e2e tests) may pass the target
 * file as a Uri after the blueprint, which skips the save dialog (menus pass an array of
 * selected files or an editor context there, never a bare Uri).
 */
export async function exportRendered(ctx: CtxInit, previews: PreviewManager, arg: unknown, targetArg: unknown, format: Exclude<RenderParams['format'], 'html'>): Promise<void> {
  const { extension, filters, label } = FORMATS[format];
  const uri = targetBlueprint(arg, previews);
  if (!uri) {
    void vscode.window.showErrorMessage(`Open a role blueprint (*.role.yaml) to export it as ${label}.`);
    return;
  }
  // Syncs the file to the server if no editor has it open.
  await vscode.workspace.openTextDocument(uri);
  const folder = folderBeside(uri);
  const name = exportFileName(baseName(uri), extension);
  const target = targetArg instanceof vscode.Uri ? targetArg : await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, name) : undefined, filters, saveLabel: 'Export', title: `Export as ${label}` });
  if (!target) return;
  const result = await ctx.client.sendRequest(RenderRequest, { uri: ctx.client.code2ProtocolConverter.asUri(uri), format });
  if (!result) {
    void vscode.window.showErrorMessage(`${baseName(uri)} could not be rendered: the server does not have it open.`);
    return;
  }
  await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(result.content));
  // Not awaited: the command is done when the file is written, not when the message is dismissed.
  const gaps = format === 'jobposting' || format === 'jsonld' ? postingGaps(uri) : '';
  void (gaps ? vscode.window.showWarningMessage : vscode.window.showInformationMessage)(`Exported ${baseName(target)}.${gaps}`, 'Open').then((choice) => {
    if (choice) void vscode.commands.executeCommand('vscode.open', target);
  });
}
