import type { CommandFactory } from '../ctx';
import type { PreviewManager } from '../preview/manager';
import { exportRendered } from './exportRendered';

export function exportMarkdown(previews: PreviewManager): CommandFactory {
  return { enabled: (ctx) => (arg?: unknown, target?: unknown) => exportRendered(ctx, previews, arg, target, 'markdown') };
}
