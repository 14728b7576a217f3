import * as vscode from 'vscode';
import type { CommandFactory } from '../ctx';
import type { PreviewManager } from '../preview/manager';
import { targetBlueprint } from './target';

/** Shared by "Open Preview" and "Open Preview to the Side". */
export function openPreviewCommand(previews: PreviewManager, toSide: boolean): CommandFactory {
  return {
    enabled: () => (arg?: unknown) => {
      const uri = targetBlueprint(arg, previews);
      if (!uri) {
        void vscode.window.showErrorMessage('Open a role blueprint (*.role.yaml) to preview it.');
        return;
      }
      previews.open(uri, { toSide });
    },
  };
}

export function openPreview(previews: PreviewManager): CommandFactory {
  return openPreviewCommand(previews, false);
}
