import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The file access the server needs (workspace scan, schema and catalog files); tests may pass their own. */
export interface ServerFileSystem {
  readFile(file: string): Promise<string>;
  readDirectory(dir: string): Promise<readonly { readonly name: string; readonly kind: 'file' | 'directory' | 'other' }[]>;
  realpath(file: string): Promise<string>;
  size(file: string): Promise<number>;
}

export const nodeFileSystem: ServerFileSystem = {
  readFile: (file) => fs.readFile(file, 'utf8'),
  async readDirectory(dir) {
    const entries = await fs.readdir(dir, { withFileTypes: true });
    const out: { name: string; kind: 'file' | 'directory' | 'other' }[] = [];
    for (const entry of entries) {
      let kind: 'file' | 'directory' | 'other' = entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : 'other';
      if (entry.isSymbolicLink()) {
        // Followed here; loops are cut by the scanner through realpath.
        const target = await fs.stat(path.join(dir, entry.name)).catch(() => undefined);
        kind = target?.isFile() ? 'file' : target?.isDirectory() ? 'directory' : 'other';
      }
      out.push({ name: entry.name, kind });
    }
    return out;
  },
  realpath: (file) => fs.realpath(file),
  size: async (file) => (await fs.stat(file)).size,
};

/** The file-system path of a `file:` URI, or undefined for other schemes (untitled, vscode-vfs …). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * One spelling per file for map keys: clients and `pathToFileURL` escape characters
 * differently (`%3A`, `@`), so file URIs are compared by their path.
 */
export function uriKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

/** Whether `file` is inside `folder` (below it, not through `..`). */
export function isWithin(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
