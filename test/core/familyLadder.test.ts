import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import { buildLadder, careerRoleName, ladderDiagnostics, ladderToJson, ladderView, matchRoleTitle, type LadderFile } from '../../server/src/core/family/ladder';
import { ladderToHtml, ladderToMermaid } from '../../server/src/core/family/ladderRender';
import { BlueprintParser } from '../../server/src/core/parse';
import { fileNameOfUri } from '../../server/src/core/strings';
import { resolveSettings } from '../../server/src/core/types';
import { applyEdits } from './testUtil';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'ladder');
const uriOf = (name: string) => `file:///roles/${name}`;

function fixtureTexts(): Record<string, string> {
  return Object.fromEntries(readdirSync(FIXTURES).filter((f) => f.endsWith('.role.yaml')).map((f) => [f, readFileSync(path.join(FIXTURES, f), 'utf8')]));
}

function ladderOf(texts: Record<string, string>) {
  const parser = new BlueprintParser();
  const files: LadderFile[] = Object.entries(texts).map(([name, text]) => ({ uri: uriOf(name), parsed: parser.parse(text) }));
  return buildLadder(files);
}

suite('family: career ladder', () => {
  const texts = fixtureTexts();
  const ladder = ladderOf(texts);

  test('a ladder of the files\' ladder views (what the CLI and the workspace keep) is the same as of their whole parses', () => {
    const examples = path.join(__dirname, '..', '..', 'examples');
    const all = {
      ...texts,
      ...Object.fromEntries(readdirSync(examples).filter((f) => f.endsWith('.role.yaml')).map((f) => [f, readFileSync(path.join(examples, f), 'utf8')])),
      // Titled only by its scorecard summary.
      'intern.role.yaml': 'blueprint: 1\nrole:\n  level: Intern\nscorecard_summary:\n  title: Data Analyst Intern\ncareer:\n  next_roles:\n    - Junior Data Analyst\n',
    };
    const parser = new BlueprintParser();
    const files: LadderFile[] = Object.entries(all).map(([name, text]) => ({ uri: uriOf(name), parsed: parser.parse(text) }));
    const whole = buildLadder(files);
    const viewed = buildLadder(files.map((file) => ({ ...file, parsed: ladderView(file.parsed) })));
    assert.deepEqual(viewed, whole);
    const findings = Object.keys(all).map((name) => ladderDiagnostics(viewed, uriOf(name), resolveSettings({})));
    assert.deepEqual(findings, Object.keys(all).map((name) => ladderDiagnostics(whole, uriOf(name), resolveSettings({}))));
    assert.ok(findings.flat().some((d) => d.code === 'ladder.inconsistent' && (d.data as { crossFile?: unknown }).crossFile), 'a finding with a fix in another file is compared');
    assert.ok(findings.flat().some((d) => d.code === 'ladder.missing-role'));
    assert.ok(whole.nodes.some((n) => n.title === 'Data Analyst Intern'));
  });

  test('nodes: the three roles, and the one named role without a file, marked missing', () => {
    assert.deepEqual(
      ladder.nodes.map((n) => [n.title, n.missing, n.uri ?? null]),
      [
        ['Data Analyst', false, uriOf('data-analyst.role.yaml')],
        ['Junior Data Analyst', false, uriOf('junior-data-analyst.role.yaml')],
        ['Senior Data Analyst', false, uriOf('senior-data-analyst.role.yaml')],
        ['Analytics Manager', true, null],
      ],
    );
  });

  test('edges: feeder → role → next, with the files that declare each', () => {
    assert.deepEqual(
      ladder.edges.map((e) => [e.from.replace('file:///roles/', ''), e.to.replace('file:///roles/', ''), e.declaredBy.map((d) => `${d.uri.replace('file:///roles/', '')}#${d.group}`).sort()]),
      [
        ['junior-data-analyst.role.yaml', 'data-analyst.role.yaml', ['data-analyst.role.yaml#feeder_roles', 'junior-data-analyst.role.yaml#next_roles']],
        ['data-analyst.role.yaml', 'senior-data-analyst.role.yaml', ['data-analyst.role.yaml#next_roles']],
        ['senior-data-analyst.role.yaml', 'missing:analytics manager', ['senior-data-analyst.role.yaml#next_roles']],
      ],
    );
  });

  test('diagnostics: exactly one contradiction and one missing role, with code, severity and line', () => {
    const found = Object.keys(texts)
      .sort()
      .flatMap((name) => ladderDiagnostics(ladder, uriOf(name)).map((d) => `${name}:${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.character + 1} ${String(d.code)} ${d.severity}`));
    assert.deepEqual(found, ['data-analyst.role.yaml:11:13-32 ladder.inconsistent 2', 'senior-data-analyst.role.yaml:9:7-35 ladder.missing-role 3']);
    const [missing] = ladderDiagnostics(ladder, uriOf('senior-data-analyst.role.yaml'));
    assert.deepEqual(missing.data, { role: 'Analytics Manager', group: 'next_roles', fileName: 'analytics-manager.role.yaml' });
    assert.equal(missing.source, 'role-blueprint');
  });

  test('the contradiction fixes: remove the entry here, or add this role to the other file; either makes the ladder consistent', () => {
    const [d] = ladderDiagnostics(ladder, uriOf('data-analyst.role.yaml'));
    const data = d.data as { fixes: { title: string; edits: TextEdit[] }[]; crossFile: { title: string; uri: string; edit: TextEdit } };
    assert.equal(d.message, '"Data Analyst" lists "Senior Data Analyst" as a next role, but senior-data-analyst.role.yaml does not list "Data Analyst" among its feeder roles.');

    assert.deepEqual(data.fixes.map((f) => f.title), ['Remove "Senior Data Analyst" from next_roles']);
    const removed = applyEdits(texts['data-analyst.role.yaml'], data.fixes[0].edits);
    assert.ok(removed.endsWith('  next_roles:\n'), removed);
    assert.ok(!removed.includes('Senior Data Analyst') && !removed.includes('runs analyses end to end'));

    assert.equal(data.crossFile.uri, uriOf('senior-data-analyst.role.yaml'));
    assert.equal(data.crossFile.title, 'Add "Data Analyst" to feeder_roles of senior-data-analyst.role.yaml');
    const added = applyEdits(texts['senior-data-analyst.role.yaml'], [data.crossFile.edit]);
    assert.ok(added.includes('career:\n  feeder_roles:\n    - Data Analyst\n  next_roles:\n'), added);
    const fixed = ladderOf({ ...texts, 'senior-data-analyst.role.yaml': added });
    assert.deepEqual(ladderDiagnostics(fixed, uriOf('data-analyst.role.yaml')), []);
    assert.deepEqual(ladderDiagnostics(fixed, uriOf('senior-data-analyst.role.yaml')).map((x) => x.code), ['ladder.missing-role']);
  });

  test('the cross-file fix appends to an existing list, and creates the career section when there is none', () => {
    const a = 'blueprint: 1\nrole:\n  title: Data Analyst\ncareer:\n  next_roles:\n    - Senior Data Analyst\n';
    const withList = 'blueprint: 1\nrole:\n  title: Senior Data Analyst\ncareer:\n  feeder_roles:\n    note: typical\n    items:\n      - BI Developer\n';
    const withNone = 'blueprint: 1\nrole:\n  title: Senior Data Analyst';
    for (const [other, expected] of [
      [withList, '    items:\n      - BI Developer\n      - Data Analyst\n'],
      [withNone, '  title: Senior Data Analyst\ncareer:\n  feeder_roles:\n    - Data Analyst\n'],
    ]) {
      const l = ladderOf({ 'a.role.yaml': a, 'b.role.yaml': other });
      const [d] = ladderDiagnostics(l, uriOf('a.role.yaml'));
      const edit = (d.data as { crossFile: { edit: TextEdit } }).crossFile.edit;
      assert.ok(applyEdits(other, [edit]).endsWith(expected), applyEdits(other, [edit]));
    }
  });

  test('settings and disable comments apply to ladder codes', () => {
    assert.deepEqual(ladderDiagnostics(ladder, uriOf('data-analyst.role.yaml'), resolveSettings({ rules: { ladder: 'off' } })), []);
    const [d] = ladderDiagnostics(ladder, uriOf('data-analyst.role.yaml'), resolveSettings({ rules: { 'ladder.inconsistent': 'error' } }));
    assert.equal(d.severity, 1);
    const suppressed = { ...texts, 'data-analyst.role.yaml': `# role-blueprint-disable ladder.inconsistent\n${texts['data-analyst.role.yaml']}` };
    assert.deepEqual(ladderDiagnostics(ladderOf(suppressed), uriOf('data-analyst.role.yaml')), []);
  });

  test('career entries name roles: descriptions, qualifiers, arrows and full stops removed', () => {
    assert.equal(careerRoleName('MLOps Consultant (mid-level): owns workstreams, designs solutions.', 'next_roles'), 'MLOps Consultant');
    assert.equal(careerRoleName('DevOps Engineer → MLOps Consultant (after supporting ML workloads)', 'feeder_roles'), 'DevOps Engineer');
    assert.equal(careerRoleName('Associate -> Data Analyst', 'next_roles'), 'Data Analyst');
    assert.equal(careerRoleName('SRE for ML platforms (in reliability-focused orgs).', 'next_roles'), 'SRE for ML platforms');
    assert.equal(careerRoleName('Analytics Manager (adjacent)', 'next_roles'), 'Analytics Manager');
    assert.equal(careerRoleName('Staff Engineer - broader scope', 'next_roles'), 'Staff Engineer');
  });

  test('titles match on the same rung only: a typo or an alternative matches, Senior is not Lead', () => {
    const titles = ['Lead MLOps Engineer', 'MLOps Consultant', 'Associate MLOps Consultant'];
    assert.equal(matchRoleTitle('MLOps Consultent', titles), 1);
    assert.equal(matchRoleTitle('Senior MLOps Consultant / MLOps Consultant', titles), 1);
    assert.equal(matchRoleTitle('lead mlops engineer', titles), 0);
    assert.equal(matchRoleTitle('Senior MLOps Engineer', titles), undefined);
    assert.equal(matchRoleTitle('Lead MLOps Consultant', titles), undefined);
    assert.equal(matchRoleTitle('ML Engineer', titles), undefined);
  });

  test('wrong shapes and broken files never throw', () => {
    const l = ladderOf({ 'a.role.yaml': 'career: 3', 'b.role.yaml': 'career:\n  next_roles: [1, {x: 2}, null, "", "Data Analyst"]', 'c.role.yaml': '- x\n- y', 'd.role.yaml': 'career: {feeder_roles: [\n' });
    assert.ok(Array.isArray(ladderToJson(l).nodes));
    for (const name of ['a', 'b', 'c', 'd']) assert.ok(Array.isArray(ladderDiagnostics(l, uriOf(`${name}.role.yaml`))));
    assert.deepEqual(ladderDiagnostics(l, 'file:///not/in/the/ladder.role.yaml'), []);
    assert.equal(typeof ladderToHtml(l), 'string');
  });
});

suite('family: file names in messages', () => {
  test('the name a uri ends with, decoded when it can be', () => {
    assert.equal(fileNameOfUri('file:///roles/senior%20data%20analyst.role.yaml'), 'senior data analyst.role.yaml');
    assert.equal(fileNameOfUri('untitled:new-role.role.yaml'), 'new-role.role.yaml', 'as the editor tab names an untitled file');
    assert.equal(fileNameOfUri('file:///roles/100%25%zz.role.yaml'), '100%25%zz.role.yaml', 'malformed: as written');
  });
});

suite('family: career ladder diagram', () => {
  const ladder = ladderOf(fixtureTexts());

  test('SVG nodes carry data-uri; missing roles are dashed; the one-sided edge is marked', () => {
    const root = parseHtml(ladderToHtml(ladder));
    const nodes = root.querySelectorAll('g.bp-ladder-node');
    assert.deepEqual(
      nodes.map((n) => [n.querySelector('title')?.text, n.getAttribute('data-uri') ?? null, n.classList.contains('bp-ladder-missing')]),
      [
        ['Data Analyst', uriOf('data-analyst.role.yaml'), false],
        ['Junior Data Analyst', uriOf('junior-data-analyst.role.yaml'), false],
        ['Senior Data Analyst', uriOf('senior-data-analyst.role.yaml'), false],
        ['Analytics Manager', null, true],
      ],
    );
    const edges = root.querySelectorAll('path.bp-ladder-edge');
    assert.equal(edges.length, 3);
    assert.deepEqual(
      edges.filter((e) => e.classList.contains('bp-ladder-edge-inconsistent')).map((e) => e.getAttribute('data-to')),
      [uriOf('senior-data-analyst.role.yaml')],
    );
    assert.equal(root.querySelectorAll('script').length, 0);
  });

  test('layout: feeders left of the roles they lead to, no two nodes overlap', () => {
    const root = parseHtml(ladderToHtml(ladder));
    const boxes = root.querySelectorAll('g.bp-ladder-node rect').map((r) => ({ x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) }));
    const [analyst, junior, senior, manager] = boxes;
    assert.ok(junior.x + junior.w <= analyst.x && analyst.x + analyst.w <= senior.x && senior.x + senior.w <= manager.x);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i];
        const b = boxes[j];
        assert.ok(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y, `boxes ${i} and ${j} overlap`);
      }
    }
  });

  test('hostile titles are escaped in HTML and Mermaid', () => {
    const hostile = ladderOf({ 'x.role.yaml': 'role:\n  title: "<script>alert(1)</script> & \\"Lead\\""\ncareer:\n  next_roles:\n    - "<img src=x onerror=alert(2)>"\n' });
    const html = ladderToHtml(hostile);
    assert.ok(!html.includes('<script>alert') && !html.includes('<img'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Lead&quot;'));
    const mermaid = ladderToMermaid(hostile);
    // "(2)" is a parenthesised qualifier, dropped from the role name.
    assert.equal(mermaid, 'flowchart LR\n  r0["#lt;script#gt;alert(1)#lt;/script#gt; & #quot;Lead#quot;"]\n  r1["#lt;img src=x onerror=alert#gt;"]:::missing\n  r0 --> r1\n  classDef missing stroke-dasharray: 5 4;\n');
  });

  test('Mermaid: the fixture ladder, the one-sided step dotted', () => {
    assert.equal(
      ladderToMermaid(ladder),
      'flowchart LR\n  r0["Data Analyst"]\n  r1["Junior Data Analyst"]\n  r2["Senior Data Analyst"]\n  r3["Analytics Manager"]:::missing\n  r1 --> r0\n  r0 -.-> r2\n  r2 --> r3\n  classDef missing stroke-dasharray: 5 4;\n',
    );
  });
});
