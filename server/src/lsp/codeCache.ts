import { createHash } from 'node:crypto';
import { accessSync, constants, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';

/**
 * Starting the server (and the CLI, the same way) from V8's code cache. Most of a cold start
 * is V8 compiling the bundle: the whole script, then each function the first time it runs (the
 * protocol library, the YAML parser, the rules). The cache holds the bytecode of every function
 * a previous run had compiled; a start that finds it skips that work.
 *
 * Node 20 offers no cache for the main module, so the bundle runs through `vm.Script` with the
 * cache: started by a small launcher (dist/server.js, see launcher.ts), or when started
 * directly, run a second time by itself (the outer run stops at `runFromCodeCache`). The cache
 * sits next to the bundle and is tied to the bundle's content, the V8 version and the CPU
 * architecture (V8 itself rejects a cache made with other flags). When it is missing or was
 * rejected, it is written a few seconds after the start or at exit if that comes first: the
 * first start after an install or update pays for it, the later ones gain.
 *
 * A cache holds only what its run had compiled. The extension also starts the server for a
 * folder with role files before any is opened; a cache written then would lack everything a
 * check needs (the rules, the schema), and every later start would compile that again. So the
 * cache says whether its run had checked a document, and one that had not is written again
 * soon after a run's first check.
 */

/** Late enough for the first document's diagnostics, early enough that V8 has not yet dropped the startup code's bytecode. */
const SAVE_AFTER_MS = 5000;
/** After a first check: the rest of that burst of work (other open documents) is compiled too. */
const SAVE_AFTER_CHECK_MS = 1000;
const CHECKED_MARK = '; after a check';
const CACHED_RUN = Symbol.for('roleBlueprint.cachedRun');
const ON_CHECKED = Symbol.for('roleBlueprint.onDocumentChecked');

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: NodeJS.Module, filename: string, dirname: string) => void;

/** Where the cache of `bundle` lives: beside it, in the install the user owns. */
export function codeCacheFile(bundle: string): string {
  return path.join(path.dirname(bundle), `.${path.basename(bundle)}.codecache`);
}

/** What a cache must have been made from: this bundle text, V8 version and architecture. */
export function codeCacheKey(source: string): string {
  return `role-blueprint code cache 1; v8 ${process.versions.v8}; ${process.arch}; ${createHash('sha1').update(source).digest('hex')}`;
}

/** The cached data in `file` when it was made for `key`, and whether its run had checked a document. */
export function readCodeCache(file: string, key: string): { data: Buffer; checked: boolean } | undefined {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = content.indexOf(0x0a);
  const header = newline === -1 ? undefined : content.subarray(0, newline).toString('utf8');
  if (header !== key && header !== key + CHECKED_MARK) return undefined;
  return { data: content.subarray(newline + 1), checked: header !== key };
}

/** Replaces the cache in one step (write aside, rename), so a concurrent start never reads half a file. */
export function writeCodeCache(file: string, key: string, data: Buffer, checked: boolean): void {
  const aside = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(aside, Buffer.concat([Buffer.from(`${key}${checked ? CHECKED_MARK : ''}\n`, 'utf8'), data]));
    renameSync(aside, file);
  } catch {
    // A read-only install: every start compiles, as without a cache.
    try {
      unlinkSync(aside);
    } catch {
      // nothing was written
    }
  }
}

/** Tells the code cache that this process (the server, or a CLI check) has checked a document (see above); nothing when run from sources. */
export function documentChecked(): void {
  (globalThis as { [ON_CHECKED]?: () => void })[ON_CHECKED]?.();
}

/**
 * Runs `bundle` (a launcher's bundle, or the running script itself) from the code cache.
 * Returns false inside that run, or when the bundle cannot be read: then the caller runs the
 * server or CLI itself.
 */
export function runFromCodeCache(bundle: string, module: NodeJS.Module, require: NodeJS.Require): boolean {
  const global = globalThis as { [CACHED_RUN]?: true; [ON_CHECKED]?: () => void };
  if (global[CACHED_RUN]) return false;
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    return false;
  }
  global[CACHED_RUN] = true;
  const file = codeCacheFile(bundle);
  const key = codeCacheKey(source);
  const cached = readCodeCache(file, key);
  // The same wrapper Node's module loader gives a CommonJS file, with this module's own objects.
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) { ${source}\n})`, { filename: bundle, cachedData: cached?.data });
  const usable = cached !== undefined && !script.cachedDataRejected;
  if (!usable || !cached.checked) {
    let checked = false;
    // Whether this run's last write came after a check (undefined: nothing written yet). A write
    // is worth making once before a check and once after: `checked` only turns true.
    let writtenChecked: boolean | undefined;
    const save = () => {
      if (writtenChecked === checked) return;
      writtenChecked = checked;
      try {
        // A read-only install (a global npm prefix owned by root): every CLI run would
        // otherwise serialize all it compiled, only for the write to fail.
        accessSync(path.dirname(file), constants.W_OK);
        writeCodeCache(file, key, script.createCachedData(), checked);
      } catch {
        // no cache this time
      }
    };
    // A usable cache from before a check waits for one: another write of the same would gain nothing.
    if (!usable) setTimeout(save, SAVE_AFTER_MS).unref();
    global[ON_CHECKED] = () => {
      global[ON_CHECKED] = undefined;
      checked = true;
      setTimeout(save, SAVE_AFTER_CHECK_MS).unref();
    };
    process.once('exit', () => (checked || !usable) && save());
  }
  (script.runInThisContext() as ModuleFunction).call(module.exports, module.exports, require, module, bundle, path.dirname(bundle));
  return true;
}
