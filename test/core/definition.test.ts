import * as assert from 'assert';
import type { Range } from 'vscode-languageserver-types';
import { findDefinition, findReferences, type RoleTarget } from '../../server/src/core/definition';
import { buildLadder } from '../../server/src/core/family/ladder';
import { BlueprintParser } from '../../server/src/core/parse';
import { atCursor, CURSOR } from './completionTestUtil';

const BLUEPRINT = [
  'blueprint: 1',
  'role:',
  '  title: Lead MLOps Engineer',
  'responsibilities:',
  '  strategic:',
  '    - name: Own the ML platform roadmap',
  '      description: Next quarters.',
  '  operational:',
  '    - Operate model monitoring for drift and latency.',
  'deliverables:',
  '  - Platform roadmap document',
  '  - group: Operations',
  '    items:',
  '      - Runbooks and on-call playbooks',
  'kpis:',
  '  - name: Deployment success rate',
  '    target: ">= 95%"',
  '  - name: Model lead time',
  'technical_skills:',
  '  must_have:',
  '    - name: Kubernetes and container orchestration',
  '      importance: critical',
  '  advanced:',
  '    - name: Python for production ML workflows',
  'tools:',
  '  - name: MLflow',
  '    category: Experiment tracking',
  'career:',
  '  feeder_roles:',
  '    - Senior MLOps Engineer',
  '  next_roles:',
  '    - Principal MLOps Engineer',
  'scorecard_summary:',
  '  title: Lead MLOps Engineer',
  '  responsibilities:',
  '    - Own the platform roadmap',
  '  technical_skills:',
  '    - Kubernetes',
  '    - Python',
  '    - Rust',
  '  kpis:',
  '    - Deployment success',
  '  deliverables:',
  '    - Runbooks',
  '  career:',
  '    - Principal MLOps Engineer',
  '',
].join('\n');

/** The blueprint with the cursor just inside the n-th (0-based) occurrence of `needle`. */
function cursorIn(needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = BLUEPRINT.indexOf(needle, at + 1);
  assert.ok(at !== -1, needle);
  const { doc, position } = atCursor(BLUEPRINT.slice(0, at + 1) + CURSOR + BLUEPRINT.slice(at + 1));
  return { doc, position, parsed: new BlueprintParser().parse(doc.getText(), doc.uri, doc.version) };
}

/** The range of the n-th occurrence of `needle`. */
function rangeOf(needle: string, nth = 0): Range {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = BLUEPRINT.indexOf(needle, at + 1);
  const before = BLUEPRINT.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

function definitionOf(needle: string, nth = 0, roles: readonly RoleTarget[] = []) {
  const { doc, position, parsed } = cursorIn(needle, nth);
  return findDefinition(parsed, doc, position, roles);
}

suite('go to definition', () => {
  test('a short summary name goes to the skill it names, with the whole row as target', () => {
    const [link] = definitionOf('Kubernetes', 1);
    assert.deepStrictEqual(link.originSelectionRange, rangeOf('Kubernetes', 1));
    assert.deepStrictEqual(link.targetSelectionRange, rangeOf('Kubernetes and container orchestration'));
    assert.deepStrictEqual(link.targetRange, { start: rangeOf('name: Kubernetes').start, end: rangeOf('importance: critical').end });
    assert.strictEqual(link.targetUri, 'file:///test.role.yaml');
  });

  test('each summary list searches its own section', () => {
    const target = (needle: string, nth = 0) => definitionOf(needle, nth).map((l) => l.targetSelectionRange);
    assert.deepStrictEqual(target('Python', 1), [rangeOf('Python for production ML workflows')]);
    assert.deepStrictEqual(target('Deployment success', 1), [rangeOf('Deployment success rate')]);
    assert.deepStrictEqual(target('Own the platform roadmap'), [rangeOf('Own the ML platform roadmap')]);
    assert.deepStrictEqual(target('Runbooks', 1), [rangeOf('Runbooks and on-call playbooks')]);
    assert.deepStrictEqual(target('Lead MLOps Engineer', 1), [rangeOf('Lead MLOps Engineer')]);
    assert.deepStrictEqual(target('Principal MLOps Engineer', 1), [rangeOf('Principal MLOps Engineer')]);
  });

  test('a name that matches nothing, or a place that is not a name, has no definition', () => {
    assert.deepStrictEqual(definitionOf('Rust'), []);
    assert.deepStrictEqual(definitionOf('target'), []);
    assert.deepStrictEqual(definitionOf('blueprint'), []);
  });

  test('a career role goes to the workspace file with that title; close titles of other levels do not match', () => {
    const principal: RoleTarget = { title: 'principal mlops engineer', uri: 'file:///principal.role.yaml', range: { start: { line: 2, character: 9 }, end: { line: 2, character: 33 } } };
    const staff: RoleTarget = { title: 'Staff MLOps Engineer', uri: 'file:///staff.role.yaml' };
    const links = definitionOf('Principal MLOps Engineer', 0, [principal, staff]);
    assert.deepStrictEqual(links, [{ originSelectionRange: rangeOf('Principal MLOps Engineer'), targetUri: principal.uri, targetRange: principal.range, targetSelectionRange: principal.range }]);
    const untitledRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    assert.deepStrictEqual(definitionOf('Senior MLOps Engineer', 0, [principal, { title: 'Senior MLOps Engineer', uri: 'file:///senior.role.yaml' }]).map((l) => [l.targetUri, l.targetRange]), [['file:///senior.role.yaml', untitledRange]]);
    assert.deepStrictEqual(definitionOf('Senior MLOps Engineer', 0, [principal, staff]), []);
  });

  test('a career entry with a description goes where the career ladder links it', () => {
    const text = ['blueprint: 1', 'role:', '  title: Associate MLOps Consultant', 'career:', '  next_roles:', '    - "MLOps Consultant (mid-level): owns workstreams, leads client workshops."', '  feeder_roles:', '    - Data Engineer → Associate MLOps Consultant', ''].join('\n');
    const consultant: RoleTarget = { title: 'MLOps Consultant', uri: 'file:///consultant.role.yaml' };
    const dataEngineer: RoleTarget = { title: 'Data Engineer', uri: 'file:///data-engineer.role.yaml' };
    const roles = [consultant, dataEngineer, { title: 'Senior MLOps Consultant', uri: 'file:///senior.role.yaml' }];
    const targetsAt = (needle: string) => {
      const at = text.indexOf(needle);
      const { doc, position } = atCursor(text.slice(0, at) + CURSOR + text.slice(at));
      return findDefinition(new BlueprintParser().parse(doc.getText()), doc, position, roles).map((l) => l.targetUri);
    };
    assert.deepStrictEqual(targetsAt('owns workstreams'), [consultant.uri]);
    // A feeder names the role before its arrow.
    assert.deepStrictEqual(targetsAt('Data Engineer'), [dataEngineer.uri]);
    // The same links as the ladder of these files draws from this one.
    const self = 'file:///associate.role.yaml';
    const fileOf = (uri: string, body: string) => ({ uri, parsed: new BlueprintParser().parse(body) });
    const ladder = buildLadder([fileOf(self, text), ...roles.map((role) => fileOf(role.uri, `blueprint: 1\nrole:\n  title: ${role.title}\n`))]);
    const edge = (from: string, to: string) => ladder.edges.some((e) => e.from === from && e.to === to);
    assert.ok(edge(self, consultant.uri), 'the ladder links the next role to the consultant file');
    assert.ok(edge(dataEngineer.uri, self), 'the ladder links the feeder from the data engineer file');
    assert.equal(ladder.edges.filter((e) => e.from === self || e.to === self).length, 2, 'and nothing else');
  });
});

suite('find references', () => {
  test('from an item (its name or anywhere in its row) to the summary entries naming it', () => {
    for (const needle of ['Kubernetes and container', 'importance: critical']) {
      const { doc, position, parsed } = cursorIn(needle);
      assert.deepStrictEqual(findReferences(parsed, doc, position, false).map((l) => l.range), [rangeOf('Kubernetes', 1)], needle);
      assert.deepStrictEqual(findReferences(parsed, doc, position, true).map((l) => l.range), [rangeOf('Kubernetes and container orchestration'), rangeOf('Kubernetes', 1)], needle);
    }
  });

  test('from a summary entry: the item it names and every entry naming the same item', () => {
    const { doc, position, parsed } = cursorIn('Deployment success', 1);
    assert.deepStrictEqual(findReferences(parsed, doc, position, true).map((l) => l.range), [rangeOf('Deployment success rate'), rangeOf('Deployment success', 1)]);
  });

  test('an item no entry names has only its declaration', () => {
    const { doc, position, parsed } = cursorIn('Model lead time');
    assert.deepStrictEqual(findReferences(parsed, doc, position, false), []);
    assert.deepStrictEqual(findReferences(parsed, doc, position, true).map((l) => l.range), [rangeOf('Model lead time')]);
  });
});
