import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeRoleFiles } from '../../bench/generate';
import { checkFiles, type FileResult } from '../../server/src/cli/checkFiles';
import { collectRoleFiles } from '../../server/src/cli/files';
import { bundledCli, cli, tempDir } from './cliTestUtil';

const ROOT = path.join(__dirname, '..', '..');
const SEEDS = ['associate-mlops-consultant', 'lead-mlops-engineer', 'mlops-consultant'].map((name) => fs.readFileSync(path.join(ROOT, 'examples', `${name}.role.yaml`), 'utf8'));

/** What the text, json and sarif outputs print of each file's diagnostics. */
function printed(results: readonly FileResult[]) {
  return results.map((r) => ({ path: r.path, diagnostics: r.diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message })) }));
}

suite('cli check on worker threads', () => {
  let fixture: ReturnType<typeof tempDir>;
  suiteSetup(() => {
    // A family of generated role files (career paths that name each other), the ladder
    // fixtures, a file with a YAML error and one with a disable comment for a ladder finding.
    fixture = tempDir({
      'broken.role.yaml': 'blueprint: 1\nrole:\n  title: Broken\n  level: [mid\ncareer:\n  next_roles:\n    - Lead MLOps Engineer\n',
      'quiet.role.yaml': 'blueprint: 1\nrole:\n  title: Quiet Engineer\ncareer:\n  # role-blueprint-disable-next-line ladder.missing-role\n  next_roles:\n    - Nobody Yet\n    - Lead MLOps Engineer\n',
    });
    writeRoleFiles(SEEDS, path.join(fixture.dir, 'family'), 40, 7);
    for (const name of fs.readdirSync(path.join(ROOT, 'test', 'fixtures', 'ladder'))) {
      fs.copyFileSync(path.join(ROOT, 'test', 'fixtures', 'ladder', name), path.join(fixture.dir, name));
    }
  });
  suiteTeardown(() => fixture.dispose());

  test('the same diagnostics, in the same order, whichever thread checked a file', async () => {
    const files = collectRoleFiles(['.'], fixture.dir);
    const alone = await checkFiles(files, fixture.dir, { threads: 1 });
    const shared = await checkFiles(files, fixture.dir, { threads: 3, minFilesPerWorker: 1 });
    assert.deepEqual(printed(shared), printed(alone));
    const codes = new Set(alone.flatMap((r) => r.diagnostics.map((d) => String(d.code))));
    for (const code of ['yaml.syntax', 'ladder.missing-role', 'ladder.inconsistent']) assert.ok(codes.has(code), `the fixture has ${code}`);
  });

  test('the examples: the same with and without workers', async () => {
    const files = collectRoleFiles(['examples'], ROOT);
    assert.deepEqual(printed(await checkFiles(files, ROOT, { threads: 2, minFilesPerWorker: 1 })), printed(await checkFiles(files, ROOT, { threads: 1 })));
  });

  test('an unreadable file fails the command, the first one in file order, on one thread or several', async () => {
    const bad = tempDir({ 'a.role.yaml': 'blueprint: 1\n', 'b.role.yaml': 'a\u0000b', 'c.role.yaml': 'blueprint: 1\n' });
    try {
      const files = collectRoleFiles(['.'], bad.dir);
      await assert.rejects(checkFiles(files, bad.dir, { threads: 2, minFilesPerWorker: 1 }), /b\.role\.yaml is not a text file/);
      // Read ahead on one thread: the first failure in file order, also when a later file fails too.
      const gone = path.join(bad.dir, 'd.role.yaml');
      await assert.rejects(checkFiles([...files, gone], bad.dir, { threads: 1 }), /b\.role\.yaml is not a text file/);
      await assert.rejects(checkFiles([files[0], gone, files[1]], bad.dir, { threads: 1 }), /d\.role\.yaml: no such file/);
    } finally {
      bad.dispose();
    }
  });

  test('--jobs: validated; one thread is the default output', async () => {
    assert.equal((await cli(['check', '--jobs', '0', '.'], fixture.dir)).code, 2);
    assert.match((await cli(['check', '--jobs', 'x', '.'], fixture.dir)).stderr, /--jobs needs a number of threads/);
    const one = await cli(['check', '--jobs', '1', '--format', 'json', '.'], fixture.dir);
    const auto = await cli(['check', '--format', 'json', '.'], fixture.dir);
    assert.equal(one.stdout, auto.stdout);
    assert.equal(one.code, auto.code);
  });

  test('the bundled binary: workers load the bundle itself, output byte-identical to one thread', async function () {
    this.timeout(120_000);
    const bin = await bundledCli();
    const many = tempDir({});
    try {
      // Enough files for one worker at the default threshold.
      writeRoleFiles(SEEDS, many.dir, 250, 11);
      const run = (jobs: string) => spawnSync(process.execPath, [bin, 'check', '--jobs', jobs, '--format', 'sarif', '.'], { cwd: many.dir, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
      const alone = run('1');
      const shared = run('2');
      assert.equal(shared.stderr, '');
      assert.equal(shared.status, alone.status);
      assert.equal(shared.stdout, alone.stdout);
      assert.match(alone.stdout, /"ruleId": "ladder\./);
    } finally {
      many.dispose();
    }
  });
});
