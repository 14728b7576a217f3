import type { CommandFactory } from '../ctx';
import type { PreviewManager } from '../preview/manager';
import { exportRendered } from './exportRendered';

/** A candidate-facing job posting page with its schema.org JobPosting JSON-LD. */
export function exportJobPosting(previews: PreviewManager): CommandFactory {
  return { enabled: (ctx) => (arg?: unknown, target?: unknown) => exportRendered(ctx, previews, arg, target, 'jobposting') };
}
