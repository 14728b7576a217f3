import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * What users install: the npm package (`role-blueprint` on the command line) and the .vsix are
 * both made from package.json's `files`. The bundles carry every runtime dependency, so the
 * packed CLI must run with no node_modules anywhere above it. Packs dist/ as `npm run build`
 * makes it, built again here so that a run of this file alone never packs stale bundles.
 */

const ROOT = join(__dirname, '..', '..');

suite('package contents', () => {
  let dir: string;
  suiteSetup(function () {
    this.timeout(60_000);
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'ignore' });
  });
  setup(() => {
    dir = mkdtempSync(join(tmpdir(), 'rb-package-'));
  });
  teardown(() => rmSync(dir, { recursive: true, force: true }));

  function npmPackFiles(): { tarball: string; files: string[] } {
    // npm is a script on Windows, which only a shell runs.
    const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], shell: process.platform === 'win32' });
    const [pack] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    return { tarball: join(dir, pack.filename), files: pack.files.map((f) => f.path).sort() };
  }

  test('the npm package ships the bundles, not the sources, and its CLI runs with nothing else installed', function () {
    this.timeout(60_000);
    const { tarball, files } = npmPackFiles();
    for (const bundle of ['dist/cli.js', 'dist/cli-main.js', 'dist/server.js', 'dist/server-main.js', 'dist/extension.js', 'schemas/role-blueprint.schema.json']) {
      assert.ok(files.includes(bundle), `${bundle} is packed`);
    }
    assert.deepEqual(files.filter((f) => /\.(?:ts|map)$|^(?:test|server|client|scripts|bench)\//.test(f)), []);

    execFileSync('tar', ['-xzf', tarball, '-C', dir]);
    const installed = join(dir, 'package');
    const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    copyFileSync(join(ROOT, 'examples', 'lead-mlops-engineer.role.yaml'), join(dir, 'lead.role.yaml'));
    const run = spawnSync(process.execPath, [join(installed, manifest.bin['role-blueprint']), 'check', 'lead.role.yaml'], { cwd: dir, encoding: 'utf8' });
    assert.equal(run.stderr, '');
    assert.equal(run.status, 0);
    assert.match(run.stdout, /^1 file checked: 0 errors, \d+ warnings$/m);
  });

  test('the .vsix ships the same files as the npm package', function () {
    this.timeout(60_000);
    const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
    // What `vsce package` would zip (a .vscodeignore beside `files` makes packaging itself fail,
    // which the e2e tier's `npm run package` shows).
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    assert.deepEqual(listed.trim().split('\n').sort(), npmPackFiles().files);
  });
});
