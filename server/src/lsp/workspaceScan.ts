import * as path from 'node:path';
import { ROLE_FILE_NAME } from '../core/types';
import type { ServerFileSystem } from './fileSystem';

/**
 * Finds the role files of the workspace folders in the background: skips node_modules, .git
 * and other tool folders, follows symlinks once (loops are cut by realpath), stops at a bound,
 * and yields to the event loop between folders and files so requests are answered meanwhile.
 */

const SKIPPED_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.tools', '.e2e', '.vscode-test']);

export interface ScanOptions {
  readonly maxFiles: number;
  readonly maxDepth: number;
  /** Stops early when true (a newer scan started, or the server shuts down). */
  readonly cancelled: () => boolean;
}

export const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export async function* scanRoleFiles(fs: ServerFileSystem, roots: readonly string[], options: ScanOptions): AsyncGenerator<string> {
  const visited = new Set<string>();
  let found = 0;
  const walk = async function* (dir: string, depth: number): AsyncGenerator<string> {
    if (depth > options.maxDepth || options.cancelled()) return;
    const real = await fs.realpath(dir).catch(() => undefined);
    if (!real || visited.has(real)) return;
    visited.add(real);
    // Sorted, so which of two links to one folder is reported does not depend on the disk.
    const entries = [...(await fs.readDirectory(dir).catch(() => []))].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    await yieldToEventLoop();
    for (const entry of entries) {
      if (options.cancelled() || found >= options.maxFiles) return;
      const full = path.join(dir, entry.name);
      if (entry.kind === 'directory' && !SKIPPED_DIRS.has(entry.name)) yield* walk(full, depth + 1);
      else if (entry.kind === 'file' && ROLE_FILE_NAME.test(entry.name)) {
        found++;
        yield full;
      }
    }
  };
  for (const root of roots) yield* walk(root, 0);
}
