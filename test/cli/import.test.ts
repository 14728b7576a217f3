import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { importCommand, type ImportIO } from '../../server/src/cli/importCommand';
import { CliError } from '../../server/src/cli/io';
import { tempDir } from './cliTestUtil';

const SEED = '/work/shared/seeds/mlops-consultant.wp.json';
const EXAMPLE = path.join(__dirname, '..', '..', 'examples', 'mlops-consultant.role.yaml');

async function run(args: string[], cwd: string, stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: ImportIO = { cwd, out: (t) => (stdout += t), err: (t) => (stderr += t), ...(stdin === undefined ? {} : { readStdin: async () => stdin }) };
  const code = await importCommand(args, io);
  return { code, stdout, stderr };
}

/** The message and exit code of a command that must fail with a usage error. */
async function failure(args: string[], cwd: string, stdin?: string): Promise<{ message: string; exitCode: number }> {
  try {
    await run(args, cwd, stdin);
  } catch (error) {
    assert.ok(error instanceof CliError, `expected a CliError, got ${String(error)}`);
    assert.ok(!error.message.includes('\n'), 'one line');
    return { message: error.message, exitCode: error.exitCode };
  }
  assert.fail('the command did not fail');
}

suite('cli import', () => {
  test('prints the YAML to stdout and the report to stderr', async () => {
    const { code, stdout, stderr } = await run([SEED], '/');
    assert.equal(code, 0);
    assert.equal(stdout, fs.readFileSync(EXAMPLE, 'utf8'));
    assert.match(stderr, /^note: 9 items kept in notes \(section 6 \(Role success definition\): intro sentence of a list; section 7: paragraph; .*, and 4 more\)\n$/);
  });

  test('writes -o atomically and refuses to overwrite without --force', async () => {
    const tmp = tempDir({ 'page.html': '<h1>Data Analyst</h1><h2>2) Role Mission</h2><p>Answer questions with data.</p>' });
    try {
      const first = await run(['page.html', '-o', 'out/analyst.role.yaml'], tmp.dir);
      assert.equal(first.code, 0);
      assert.equal(first.stdout, '');
      const written = fs.readFileSync(path.join(tmp.dir, 'out', 'analyst.role.yaml'), 'utf8');
      assert.equal(written, '# Role blueprint imported from page.html\n\nblueprint: 1\n\nrole:\n  title: Data Analyst\n  level: mid\n  family: Data\n\n# 2) Role Mission\nmission: Answer questions with data.\n');
      assert.match(first.stderr, /^info: 19 sections are not in the source \(1, 3, 4,/);
      const refused = await failure(['page.html', '-o', 'out/analyst.role.yaml'], tmp.dir);
      assert.match(refused.message, /already exists; pass --force to overwrite it$/);
      assert.equal(refused.exitCode, 2);
      assert.equal((await run(['page.html', '-o', 'out/analyst.role.yaml', '--force'], tmp.dir)).code, 0);
      assert.deepEqual(fs.readdirSync(path.join(tmp.dir, 'out')), ['analyst.role.yaml'], 'no temporary file left behind');
    } finally {
      tmp.dispose();
    }
  });

  test('reads standard input for -', async () => {
    const { code, stdout } = await run(['-'], '/', '<h1>Lead Data Engineer</h1><h2>1) Role Summary</h2><p>Owns the lake.</p>');
    assert.equal(code, 0);
    assert.match(stdout, /^# Role blueprint imported from standard input\n/);
    assert.match(stdout, /\n {2}level: lead\n/);
  });

  test('missing file, unusable input and wrong usage exit 2 with one line', async () => {
    const tmp = tempDir({ 'notes.txt': 'just words', 'post.json': '{"id": 1}', 'bin.html': 'a\u0000b' });
    try {
      assert.deepEqual(await failure(['nope.json'], tmp.dir), { message: `${path.join(tmp.dir, 'nope.json')}: no such file`, exitCode: 2 });
      assert.equal((await failure(['notes.txt'], tmp.dir)).message, 'notes.txt: the input is neither a WordPress post (JSON) nor an HTML page');
      assert.equal((await failure(['post.json'], tmp.dir)).message, 'post.json: the JSON has no content.rendered: it is not a WordPress REST post');
      assert.match((await failure(['bin.html'], tmp.dir)).message, /is not a text file/);
      assert.match((await failure([], tmp.dir)).message, /exactly one SOURCE/);
      assert.match((await failure(['a', 'b'], tmp.dir)).message, /exactly one SOURCE/);
      assert.match((await failure(['post.json', '--bogus'], tmp.dir)).message, /unknown option --bogus/);
    } finally {
      tmp.dispose();
    }
  });

  test('--help', async () => {
    const { code, stdout } = await run(['--help'], '/');
    assert.equal(code, 0);
    assert.match(stdout, /^Usage: role-blueprint import SOURCE \[-o OUT\.role\.yaml\] \[--force\]/);
  });
});
