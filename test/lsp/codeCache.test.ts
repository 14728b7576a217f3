import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { nodeBundleOptions, SERVER_ENTRY_POINTS } from '../../scripts/bundles.mjs';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { codeCacheFile, codeCacheKey, readCodeCache, writeCodeCache } from '../../server/src/lsp/codeCache';
import { PUSH_CAPABILITIES, TestClient } from './client';

const ROOT = join(__dirname, '..', '..');
const SEED = readFileSync(join(ROOT, 'examples', 'lead-mlops-engineer.role.yaml'), 'utf8');

suite('code cache', () => {
  let dir: string;
  setup(() => {
    dir = mkdtempSync(join(tmpdir(), 'rb-code-cache-'));
  });
  teardown(() => rmSync(dir, { recursive: true, force: true }));

  test('a cache is read back only for the key it was written with', () => {
    const file = join(dir, 'cache');
    assert.equal(readCodeCache(file, 'key'), undefined); // none yet
    writeCodeCache(file, 'key', Buffer.from([0, 10, 255, 10]), false);
    assert.deepEqual(readCodeCache(file, 'key'), { data: Buffer.from([0, 10, 255, 10]), checked: false });
    writeCodeCache(file, 'key', Buffer.from([1]), true);
    assert.deepEqual(readCodeCache(file, 'key'), { data: Buffer.from([1]), checked: true });
    assert.equal(readCodeCache(file, 'other key'), undefined);
    writeFileSync(file, 'no header at all');
    assert.equal(readCodeCache(file, 'no header at all'), undefined);
  });

  test('the key changes with the bundle content', () => {
    assert.notEqual(codeCacheKey('a'), codeCacheKey('b'));
    assert.equal(codeCacheKey('a'), codeCacheKey('a'));
    assert.equal(codeCacheFile('/x/dist/server.js'), join('/x/dist', '.server.js.codecache'));
  });

  test('the bundled server writes its cache, starts from it with the same diagnostics (through the launcher or run directly), and replaces a broken one', async function () {
    this.timeout(120_000);
    // The layout of esbuild.mjs: dist/server.js launches dist/server-main.js.
    await esbuild.build({ ...nodeBundleOptions(true), absWorkingDir: ROOT, entryPoints: SERVER_ENTRY_POINTS, outdir: dir });
    const launcher = join(dir, 'server.js');
    const serverMain = join(dir, 'server-main.js');
    const cacheFile = codeCacheFile(serverMain);
    const key = codeCacheKey(readFileSync(serverMain, 'utf8'));

    /** A run of the server that opens the seed (or, with `open` false, no document) and exits. */
    const firstDiagnostics = async (serverJs: string, open = true): Promise<Diagnostic[]> => {
      const client = TestClient.spawn(serverJs);
      try {
        await client.initialize(PUSH_CAPABILITIES);
        let diagnostics: Diagnostic[] = [];
        if (open) {
          const uri = 'file:///tmp/seed.role.yaml';
          const published = client.nextDiagnostics(uri);
          client.open(uri, SEED);
          ({ diagnostics } = await published);
        }
        await client.connection.sendRequest('shutdown');
        const exited = new Promise<number | null>((resolve) => client.child.once('exit', resolve));
        await client.connection.sendNotification('exit');
        assert.equal(await exited, 0);
        return diagnostics;
      } finally {
        client.dispose();
      }
    };

    const uncached = await firstDiagnostics(launcher);
    assert.ok(uncached.length > 10);
    const written = readFileSync(cacheFile);
    assert.ok(readCodeCache(cacheFile, key)!.data.length > 100_000, 'the cache was written at exit');
    assert.equal(readCodeCache(cacheFile, key)!.checked, true, 'by a run that had checked a document');

    // Started from the cache: V8 accepted it, or the exit would have written a new one.
    const mtime = statSync(cacheFile).mtimeMs;
    assert.deepEqual(await firstDiagnostics(launcher), uncached);
    assert.deepEqual(await firstDiagnostics(serverMain), uncached, 'the bundle run directly loads itself from the same cache');
    assert.equal(statSync(cacheFile).mtimeMs, mtime);
    assert.deepEqual(readFileSync(cacheFile), written);

    // A cache V8 cannot use is replaced by a good one.
    writeCodeCache(cacheFile, key, Buffer.from('not bytecode'), true);
    assert.deepEqual(await firstDiagnostics(launcher), uncached);
    assert.ok(readCodeCache(cacheFile, key)!.data.length > 100_000, 'the broken cache was replaced');

    // A start with no document open (a folder with role files) writes what it compiled ...
    rmSync(cacheFile);
    await firstDiagnostics(launcher, false);
    const beforeCheck = readCodeCache(cacheFile, key)!;
    assert.equal(beforeCheck.checked, false);
    // ... which a later run without a check leaves, and the next run that checks a document replaces.
    await firstDiagnostics(launcher, false);
    assert.deepEqual(readCodeCache(cacheFile, key), beforeCheck);
    assert.deepEqual(await firstDiagnostics(launcher), uncached);
    const afterCheck = readCodeCache(cacheFile, key)!;
    assert.equal(afterCheck.checked, true);
    assert.ok(afterCheck.data.length > beforeCheck.data.length * 1.15, `the rules code is in it: ${beforeCheck.data.length} → ${afterCheck.data.length} bytes`);
  });

  test('the launcher fails loudly without the server bundle', async () => {
    await esbuild.build({ ...nodeBundleOptions(false), absWorkingDir: ROOT, entryPoints: { server: SERVER_ENTRY_POINTS.server }, outdir: dir });
    const run = spawnSync(process.execPath, [join(dir, 'server.js'), '--stdio'], { encoding: 'utf8', input: '' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /Role Blueprint language server: cannot read .*server-main\.js/);
  });
});
