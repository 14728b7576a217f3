import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundledCli, cli, tempDir } from './cliTestUtil';

const VALID = 'blueprint: 1\nrole:\n  title: Data Analyst\n';
const BROKEN = 'blueprint: 1\nrole:\n  title: Data Analyst\n  levle: mid\n';

suite('cli check', () => {
  let fixture: ReturnType<typeof tempDir>;
  setup(() => {
    fixture = tempDir({ 'ok.role.yaml': VALID, 'roles/broken.role.yaml': BROKEN, 'roles/readme.md': '# not a role', 'bin.role.yaml': 'a\u0000b' });
  });
  teardown(() => fixture.dispose());

  test('text format: path:line:col: severity code: message, exit 1 on errors', async () => {
    const run = await cli(['check', 'roles'], fixture.dir);
    assert.equal(run.code, 1);
    const line = run.stdout.split('\n').find((l) => l.includes('schema.unknown-key')) ?? '';
    assert.match(line, /^roles[/\\]broken\.role\.yaml:4:3: error schema\.unknown-key: Unknown field "levle" in "role"\. Did you mean "level"\?$/);
    assert.match(run.stdout, /1 file checked: 1 error, \d+ warnings?/);
  });

  test('a file with Windows line ends (CRLF, as a Windows checkout has it) is reported at the same lines and columns', async () => {
    const crlf = tempDir({ 'roles/broken.role.yaml': BROKEN.replace(/\n/g, '\r\n') });
    try {
      const run = await cli(['check', 'roles'], crlf.dir);
      assert.match(run.stdout, /^roles[/\\]broken\.role\.yaml:4:3: error schema\.unknown-key: /m);
    } finally {
      crlf.dispose();
    }
  });

  test('exit 0 when there are no errors', async () => {
    const run = await cli(['check', 'ok.role.yaml'], fixture.dir);
    assert.equal(run.code, 0, run.stdout + run.stderr);
  });

  test('json format with 0-based LSP positions', async () => {
    const run = await cli(['check', '--format', 'json', 'roles/broken.role.yaml'], fixture.dir);
    const json = JSON.parse(run.stdout) as { files: { path: string; diagnostics: { severity: string; code: string; range: { start: { line: number; character: number } } }[] }[] };
    const d = json.files[0].diagnostics.find((x) => x.code === 'schema.unknown-key')!;
    assert.equal(d.severity, 'error');
    assert.deepEqual(d.range.start, { line: 3, character: 2 });
  });

  test('sarif 2.1.0', async () => {
    const run = await cli(['check', '--format=sarif', 'roles'], fixture.dir);
    const sarif = JSON.parse(run.stdout);
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'schema.unknown-key');
    assert.equal(result.level, 'error');
    assert.equal(result.locations[0].physicalLocation.region.startLine, 4);
  });

  test('globs', async () => {
    const run = await cli(['check', '**/broken.role.yaml'], fixture.dir);
    assert.equal(run.code, 1);
  });

  test('usage and I/O problems: exit 2, one line on stderr, no stack trace', async () => {
    for (const args of [['check'], ['check', 'missing.role.yaml'], ['check', '--format', 'xml', 'ok.role.yaml'], ['check', '--nope', 'ok.role.yaml'], ['check', 'bin.role.yaml'], ['frobnicate']]) {
      const run = await cli(args, fixture.dir);
      assert.equal(run.code, 2, args.join(' '));
      assert.ok(run.stderr.trim().length > 0, args.join(' '));
      assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    }
  });

  test('--help and --version', async () => {
    assert.match((await cli(['check', '--help'], fixture.dir)).stdout, /Usage: role-blueprint check/);
    assert.match((await cli(['--version'], fixture.dir)).stdout, /^\d+\.\d+\.\d+\n$/);
  });

  test('the bundled binary exits with the same codes', async function () {
    this.timeout(60_000);
    const bin = await bundledCli();
    assert.equal(run(bin, ['check', 'ok.role.yaml'], fixture.dir), 0);
    assert.equal(run(bin, ['check', 'roles'], fixture.dir), 1);
    assert.equal(run(bin, ['check', 'nothing-here'], fixture.dir), 2);
  });

  test('in the bundle the yaml package reads a copy of the environment made at start (not process.env per token), and its debug switch still works', async function () {
    this.timeout(60_000);
    const bin = await bundledCli();
    // The bundle (not minified) opens each module with a `// path` line.
    const modules = fs.readFileSync(path.join(path.dirname(bin), 'cli-main.js'), 'utf8').split(/^\/\/ (?=\S+\.c?js$)/m);
    const yamlModules = modules.filter((m) => m.startsWith('node_modules/yaml/'));
    assert.ok(yamlModules.length > 10 && modules.some((m) => m.startsWith('scripts/yaml-process.cjs')), 'the yaml package and the process it is given are in the bundle');
    assert.deepEqual(yamlModules.filter((m) => /require\("(?:node:)?process"\)/.test(m)).map((m) => m.split('\n')[0]), [], 'no yaml module requires the real process');
    const check = (env: NodeJS.ProcessEnv) => execFileSync(process.execPath, [bin, 'check', 'ok.role.yaml'], { cwd: fixture.dir, env, encoding: 'utf8' });
    const { LOG_TOKENS: _, ...env } = process.env;
    assert.doesNotMatch(check(env), /^\| /m);
    assert.match(check({ ...env, LOG_TOKENS: '1' }), /^\| "blueprint"$/m);
  });
});

function run(bin: string, args: string[], cwd: string): number {
  try {
    execFileSync(process.execPath, [bin, ...args], { cwd, stdio: 'pipe' });
    return 0;
  } catch (error) {
    return (error as { status: number }).status;
  }
}

suite('cli render', () => {
  let fixture: ReturnType<typeof tempDir>;
  setup(() => {
    fixture = tempDir({ 'r.role.yaml': 'blueprint: 1\nrole:\n  title: "<img src=x onerror=alert(1)>"\nkpis:\n  - name: Uptime\n    target: ">= 99.9%"\n' });
  });
  teardown(() => fixture.dispose());

  test('html to stdout: a complete page, every field escaped', async () => {
    const run = await cli(['render', 'r.role.yaml'], fixture.dir);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^<!DOCTYPE html>/);
    assert.match(run.stdout, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(run.stdout, /<img src=x/);
  });

  test('markdown by extension, atomic write, refuses to overwrite without --force', async () => {
    assert.equal((await cli(['render', 'r.role.yaml', '-o', 'out.md'], fixture.dir)).code, 0);
    const again = await cli(['render', 'r.role.yaml', '-o', 'out.md'], fixture.dir);
    assert.equal(again.code, 2);
    assert.match(again.stderr, /already exists; pass --force/);
    assert.equal((await cli(['render', 'r.role.yaml', '-o', 'out.md', '--force'], fixture.dir)).code, 0);
    const md = require('node:fs').readFileSync(path.join(fixture.dir, 'out.md'), 'utf8') as string;
    assert.match(md, /Uptime/);
  });
});
