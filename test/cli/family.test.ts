import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { cli, tempDir } from './cliTestUtil';

const ROOT = path.join(__dirname, '..', '..');
const LADDER = path.join(ROOT, 'test', 'fixtures', 'ladder');

suite('cli: diff', () => {
  test('markdown by default: the sections, the scope gained and the years', async () => {
    const run = await cli(['diff', 'examples/associate-mlops-consultant.role.yaml', 'examples/lead-mlops-engineer.role.yaml'], ROOT);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^# Associate MLOps Consultant → Lead MLOps Engineer\n/);
    assert.match(run.stdout, /^- \*\*Experience:\*\* 0–2 years → 7–12 years \(more experience\)$/m);
    assert.match(run.stdout, /^\| Added \|  \| ML deployment and serving patterns \(Must have · critical\) \|$/m);
  });

  test('json is the diff object; html is a page; -o picks the format from the extension', async () => {
    const json = await cli(['diff', '--format', 'json', 'examples/associate-mlops-consultant.role.yaml', 'examples/lead-mlops-engineer.role.yaml'], ROOT);
    const diff = JSON.parse(json.stdout) as { a: { title: string }; years: { change: string } };
    assert.equal(diff.a.title, 'Associate MLOps Consultant');
    assert.equal(diff.years.change, 'more');
    const out = tempDir({});
    try {
      const file = path.join(out.dir, 'diff.html');
      assert.equal((await cli(['diff', 'examples/mlops-consultant.role.yaml', 'examples/lead-mlops-engineer.role.yaml', '-o', file], ROOT)).code, 0);
      assert.match(fs.readFileSync(file, 'utf8'), /^<!DOCTYPE html>[\s\S]*<h1 class="bp-title">MLOps Consultant → Lead MLOps Engineer<\/h1>/);
    } finally {
      out.dispose();
    }
  });

  test('usage errors: one file, unknown format, not a blueprint', async () => {
    assert.equal((await cli(['diff', 'examples/mlops-consultant.role.yaml'], ROOT)).code, 2);
    assert.match((await cli(['diff', '--format', 'pdf', 'examples/mlops-consultant.role.yaml', 'examples/mlops-consultant.role.yaml'], ROOT)).stderr, /unknown format "pdf"/);
    const dir = tempDir({ 'list.role.yaml': '- a\n- b\n' });
    try {
      const run = await cli(['diff', 'list.role.yaml', 'list.role.yaml'], dir.dir);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /list\.role\.yaml is not a role blueprint/);
    } finally {
      dir.dispose();
    }
  });
});

suite('cli: ladder and check across files', () => {
  test('check over a folder reports the ladder contradiction and the missing role on their lines', async () => {
    const run = await cli(['check', '--format', 'json', '.'], LADDER);
    assert.equal(run.code, 0, run.stderr);
    const files = (JSON.parse(run.stdout) as { files: { path: string; diagnostics: { code: string; severity: string; range: { start: { line: number } } }[] }[] }).files;
    const ladder = files.flatMap((f) => f.diagnostics.filter((d) => d.code.startsWith('ladder.')).map((d) => `${f.path}:${d.range.start.line + 1} ${d.severity} ${d.code}`));
    assert.deepEqual(ladder, ['data-analyst.role.yaml:11 warning ladder.inconsistent', 'senior-data-analyst.role.yaml:9 info ladder.missing-role']);
  });

  test('a file name with spaces is named as it is in a ladder finding, not as its uri spells it', async () => {
    const files = Object.fromEntries(fs.readdirSync(LADDER).map((name) => [name.replace('senior-data-analyst', 'senior data analyst'), fs.readFileSync(path.join(LADDER, name), 'utf8')]));
    const dir = tempDir(files);
    try {
      const run = await cli(['check', '.'], dir.dir);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /data-analyst\.role\.yaml:11:\d+: warning ladder\.inconsistent: .* but senior data analyst\.role\.yaml does not list/);
      assert.match(run.stdout, /^senior data analyst\.role\.yaml:9:\d+: info ladder\.missing-role/m);
    } finally {
      dir.dispose();
    }
  });

  test('check of one file has no ladder findings', async () => {
    const run = await cli(['check', 'data-analyst.role.yaml'], LADDER);
    assert.ok(!run.stdout.includes('ladder.'));
  });

  test('ladder --format json: nodes and edges; mermaid; html with data-uri nodes', async () => {
    const json = JSON.parse((await cli(['ladder', '--format', 'json', '.'], LADDER)).stdout) as { nodes: { title: string; missing: boolean; uri?: string }[]; edges: unknown[] };
    assert.deepEqual(
      json.nodes.map((n) => [n.title, n.missing]),
      [
        ['Data Analyst', false],
        ['Junior Data Analyst', false],
        ['Senior Data Analyst', false],
        ['Analytics Manager', true],
      ],
    );
    assert.equal(json.nodes[0].uri, `file://${path.join(LADDER, 'data-analyst.role.yaml')}`);
    assert.equal(json.edges.length, 3);
    assert.match((await cli(['ladder', '--format', 'mermaid', '.'], LADDER)).stdout, /^flowchart LR\n/);
    const html = (await cli(['ladder', '.'], LADDER)).stdout;
    assert.equal((html.match(/data-uri="file:\/\//g) ?? []).length, 3);
    assert.match(html, /class="bp-ladder-node bp-ladder-missing"/);
  });

  test('ladder usage errors', async () => {
    assert.equal((await cli(['ladder'], LADDER)).code, 2);
    assert.match((await cli(['ladder', '--format', 'png', '.'], LADDER)).stderr, /unknown format "png"/);
  });
});

suite('cli: render as a job posting', () => {
  const posting = 'blueprint: 1\nrole:\n  title: Data Analyst\nsummary: Analyses sales.\nposting:\n  location: Berlin, Germany\n  employment_type: FULL_TIME\n  date_posted: 2025-03-01\n  hiring_organization:\n    name: Example Corp\n';

  test('--format jsonld prints the JobPosting; --format jobposting a page embedding it', async () => {
    const dir = tempDir({ 'a.role.yaml': posting });
    try {
      const ld = JSON.parse((await cli(['render', 'a.role.yaml', '--format', 'jsonld'], dir.dir)).stdout) as Record<string, unknown>;
      assert.equal(ld['@type'], 'JobPosting');
      assert.equal(ld.datePosted, '2025-03-01');
      const page = await cli(['render', 'a.role.yaml', '--format', 'jobposting'], dir.dir);
      assert.equal(page.code, 0);
      assert.match(page.stdout, /<script type="application\/ld\+json">\n\{\n {2}"@context": "https:\/\/schema.org"/);
      assert.match((await cli(['render', 'a.role.yaml', '--format', 'nope'], dir.dir)).stderr, /use html, markdown, jobposting or jsonld/);
    } finally {
      dir.dispose();
    }
  });
});
