import type { CommandFactory } from '../ctx';
import type { PreviewManager } from '../preview/manager';

/** Locks the focused preview to its file, or lets it follow the active editor again. */
export function togglePreviewLock(previews: PreviewManager): CommandFactory {
  const run = () => () => previews.toggleLock();
  return { enabled: run, disabled: run };
}
