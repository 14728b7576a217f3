import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { CLI_ENTRY_POINTS, nodeBundleOptions } from '../../scripts/bundles.mjs';
import { codeCacheFile, codeCacheKey, readCodeCache, writeCodeCache } from '../../server/src/lsp/codeCache';
import { cli } from './cliTestUtil';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = ['associate-mlops-consultant', 'lead-mlops-engineer', 'mlops-consultant'];

/** The CLI's bundles as packaged (esbuild.mjs: dist/cli.js launches dist/cli-main.js) in `dir`/dist, and the examples in `dir`. */
async function installIn(dir: string): Promise<{ cli: string; cliMain: string }> {
  await esbuild.build({ ...nodeBundleOptions(true), absWorkingDir: ROOT, entryPoints: CLI_ENTRY_POINTS, outdir: join(dir, 'dist') });
  for (const name of EXAMPLES) copyFileSync(join(ROOT, 'examples', `${name}.role.yaml`), join(dir, `${name}.role.yaml`));
  return { cli: join(dir, 'dist', 'cli.js'), cliMain: join(dir, 'dist', 'cli-main.js') };
}

suite('cli code cache', () => {
  let dir: string;
  setup(() => {
    dir = mkdtempSync(join(tmpdir(), 'rb-cli-cache-'));
  });
  teardown(() => rmSync(dir, { recursive: true, force: true }));

  test('the bundled CLI writes its cache after a check and later runs start from it with the same output', async function () {
    this.timeout(120_000);
    const { cli, cliMain } = await installIn(dir);
    const cacheFile = codeCacheFile(cliMain);
    const key = codeCacheKey(readFileSync(cliMain, 'utf8'));
    const run = (...args: string[]) => {
      const result = spawnSync(process.execPath, [cli, ...args], { cwd: dir, encoding: 'utf8' });
      assert.equal(result.stderr, '');
      return { status: result.status, stdout: result.stdout };
    };

    // A run that checks nothing writes what it compiled, unmarked ...
    assert.match(run('--version').stdout, /^\d+\.\d+\.\d+\n$/);
    const beforeCheck = readCodeCache(cacheFile, key)!;
    assert.equal(beforeCheck.checked, false);
    // A check of no file compiled no rule: the cache stays unmarked, for the next check to replace.
    mkdirSync(join(dir, 'empty'));
    assert.match(run('check', 'empty').stdout, /0 files checked/);
    assert.equal(readCodeCache(cacheFile, key)!.checked, false);
    // ... and the first check replaces it with one that holds the parser, rules and schema.
    const checked = run('check', '.');
    assert.match(checked.stdout, /3 files checked: 0 errors, \d+ warnings/);
    const afterCheck = readCodeCache(cacheFile, key)!;
    assert.equal(afterCheck.checked, true);
    assert.ok(afterCheck.data.length > beforeCheck.data.length * 1.3, `${beforeCheck.data.length} → ${afterCheck.data.length} bytes`);

    // Started from the cache: V8 accepted it, or the exit would have written a new one.
    const mtime = statSync(cacheFile).mtimeMs;
    assert.deepEqual(run('check', '.'), checked);
    assert.equal(statSync(cacheFile).mtimeMs, mtime);

    // A cache V8 cannot use is replaced by a good one.
    writeCodeCache(cacheFile, key, Buffer.from('not bytecode'), true);
    assert.deepEqual(run('check', '.'), checked);
    assert.ok(readCodeCache(cacheFile, key)!.data.length > 100_000, 'the broken cache was replaced');
  });

  test('where the cache cannot be written (an install the user cannot write to), the CLI runs as without one and leaves nothing behind', async function () {
    this.timeout(120_000);
    const installed = await installIn(dir);
    // Tests run as root, whom file modes do not stop. A folder in the cache's place makes the
    // write fail one step later than in a read-only folder: the file written aside cannot be
    // renamed over it, and must not be left behind.
    const cacheFile = codeCacheFile(installed.cliMain);
    mkdirSync(join(cacheFile, 'taken'), { recursive: true });
    const expected = await cli(['check', '.'], dir);
    for (let i = 0; i < 2; i++) {
      const result = spawnSync(process.execPath, [installed.cli, 'check', '.'], { cwd: dir, encoding: 'utf8' });
      assert.deepEqual({ status: result.status, stdout: result.stdout, stderr: result.stderr }, { status: expected.code, stdout: expected.stdout, stderr: '' });
    }
    assert.deepEqual(readdirSync(join(dir, 'dist')).sort(), ['.cli-main.js.codecache', 'cli-main.js', 'cli.js']);
    assert.deepEqual(readdirSync(cacheFile), ['taken']);
  });

  test('the launcher fails loudly without the CLI bundle', async () => {
    await esbuild.build({ ...nodeBundleOptions(false), absWorkingDir: ROOT, entryPoints: { cli: CLI_ENTRY_POINTS.cli }, outdir: dir });
    const run = spawnSync(process.execPath, [join(dir, 'cli.js'), '--version'], { encoding: 'utf8' });
    assert.notEqual(run.status, 0);
    assert.match(run.stderr, /role-blueprint: cannot read .*cli-main\.js/);
  });
});
