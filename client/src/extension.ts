import * as vscode from 'vscode';
import { createCommands } from './commands';
import { Ctx } from './ctx';
import { PreviewManager } from './preview/manager';
import { registerSemanticTokens } from './semanticTokens';

let ctx: Ctx | undefined;

/** What the extension hands to other extensions and to its tests. */
export interface RoleBlueprintApi {
  /** Time activate() took in the extension host, in ms (the server starts in the background). */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): RoleBlueprintApi {
  const started = performance.now();
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
    // The server starts in the background: activation stays short, and a command run meanwhile
    // waits for the start (see Ctx). Start failures are reported by Ctx itself.
    void ctx.start();
    const activationMs = performance.now() - started;
    ctx.output.info(`Activated in ${activationMs.toFixed(1)} ms`);
    return { activationMs };
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
