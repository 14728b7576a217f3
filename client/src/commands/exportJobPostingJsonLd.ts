import type { CommandFactory } from '../ctx';
import type { PreviewManager } from '../preview/manager';
import { exportRendered } from './exportRendered';

/** The schema.org JobPosting JSON-LD alone, for a careers site that has its own page. */
export function exportJobPostingJsonLd(previews: PreviewManager): CommandFactory {
  return { enabled: (ctx) => (arg?: unknown, target?: unknown) => exportRendered(ctx, previews, arg, target, 'jsonld') };
}
