import * as vscode from 'vscode';
import { createCommands } from './commands';
import { Ctx } from './ctx';
import { PreviewManager } from './preview/manager';
import { registerSemanticTokens } from './semanticTokens';

let ctx: Ctx | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  try {
    ctx = new Ctx(context);
    const previews = new PreviewManager(ctx);
    ctx.pushExtCleanup(
      previews,
      registerSemanticTokens(),
      ctx.onDidChangeServerState((state) => {
        if (state === 'running') previews.invalidateAll();
      }),
    );
    ctx.setCommands(createCommands(previews));
    await ctx.start();
  } catch (error) {
    // VS Code does not tell the user when an activation fails; say it once, with the cause.
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`Role Blueprint failed to activate: ${message}`);
    throw error;
  }
}

export async function deactivate(): Promise<void> {
  await ctx?.dispose();
  ctx = undefined;
}
