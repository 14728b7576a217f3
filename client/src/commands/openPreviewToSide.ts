import type { CommandFactory } from '../ctx';
import type { PreviewManager } from '../preview/manager';
import { openPreviewCommand } from './openPreview';

export function openPreviewToSide(previews: PreviewManager): CommandFactory {
  return openPreviewCommand(previews, true);
}
