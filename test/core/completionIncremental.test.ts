import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { stringify } from 'yaml';
import { COMPLETION_KINDS, Scenario } from '../../bench/scenario';
import { serializedScalar } from '../../server/src/core/completion';
import { DocumentNames } from '../../server/src/core/cursorContext';
import { BUILT_IN_CATALOG, createFeatures } from './completionTestUtil';

const ROOT = path.join(__dirname, '..', '..');
const SEED = fs.readFileSync(path.join(ROOT, 'examples', 'mlops-consultant.role.yaml'), 'utf8');

/** Every part DocumentNames reads, for comparing two instances. */
function allNames(names: DocumentNames) {
  return {
    kpis: names.rows('kpis'),
    tools: names.rows('tools'),
    technical: names.rows('technical_skills'),
    soft: names.rows('soft_skills'),
    responsibilities: names.responsibilities(),
    summaryKpis: names.list('scorecard_summary', 'kpis'),
    summaryTools: names.list('scorecard_summary', 'tools'),
    next: names.list('career', 'next_roles'),
    feeder: names.list('career', 'feeder_roles'),
  };
}

/** The scorecard_summary lists whose entries name rows (or responsibilities) of the document. */
const SUMMARY_GROUPS = ['responsibilities', 'technical_skills', 'tools', 'kpis'];

suite('completion: work carried over from the previous version', () => {
  test('DocumentNames from the previous version: the same names as read afresh; unchanged sections reused, edited ones read again', () => {
    const first = new DocumentNames(SEED);
    const before = allNames(first);
    // An edit in the tools section only.
    const toolLine = SEED.indexOf('\n  - category: ', SEED.indexOf('\ntools:'));
    const edited = SEED.slice(0, toolLine) + '\n  - name: Renamed tool\n    category: CI' + SEED.slice(toolLine);
    const next = new DocumentNames(edited, first);
    const after = allNames(next);
    assert.deepEqual(after, allNames(new DocumentNames(edited)));
    assert.equal(after.kpis, before.kpis, 'kpis unchanged: the same array');
    assert.notEqual(after.tools, before.tools);
    assert.ok(after.tools.includes('Renamed tool'));
    // A section moved by an edit above it keeps its text, so its names carry over too.
    const shifted = `# a comment on top\n${edited}`;
    const third = new DocumentNames(shifted, next);
    assert.equal(third.rows('tools'), after.tools);
    // CRLF and a section removed.
    const crlf = edited.replace(/\n/g, '\r\n').replace(/\r\ntools:[\s\S]*?(?=\r\n[a-z_]+:)/, '');
    assert.deepEqual(allNames(new DocumentNames(crlf, third)), allNames(new DocumentNames(crlf)));
  });

  test('completions over a sequence of edits: the same items, in the same order, as from a fresh provider for each version', () => {
    const warm = createFeatures(BUILT_IN_CATALOG);
    const scenario = new Scenario(99);
    const uri = 'file:///edited.role.yaml';
    let doc = TextDocument.create(uri, 'role-blueprint', 1, SEED);
    let summaryChecks = 0;
    for (let step = 0; step < 30; step++) {
      doc = TextDocument.update(doc, [scenario.nextEdit(doc.getText()).change], doc.version + 1);
      for (const kind of COMPLETION_KINDS) {
        const position = scenario.completionPosition(doc.getText(), kind);
        const fresh = createFeatures(BUILT_IN_CATALOG).completion.getCompletions(doc, position);
        assert.deepEqual(warm.completion.getCompletions(doc, position), fresh, `step ${step}, ${kind}`);
      }
      // Scorecard entries are offered the document's own names, the carried-over ones: the
      // first entry of each scorecard_summary list, after its `- ` (a position in a key, as
      // before, is offered keys only and reads no names).
      const lines = doc.getText().split('\n');
      const summary = lines.indexOf('scorecard_summary:');
      for (const group of SUMMARY_GROUPS) {
        const heading = summary < 0 ? -1 : lines.indexOf(`  ${group}:`, summary);
        if (heading < 0 || !lines[heading + 1]?.startsWith('    - ')) continue;
        const position = { line: heading + 1, character: '    - '.length };
        const items = warm.completion.getCompletions(doc, position);
        assert.ok(items.items.length > 0, `step ${step}, summary ${group}: names offered`);
        assert.deepEqual(items, createFeatures(BUILT_IN_CATALOG).completion.getCompletions(doc, position), `step ${step}, summary ${group}`);
        summaryChecks++;
      }
    }
    assert.ok(summaryChecks >= 30 * SUMMARY_GROUPS.length - 10, `scorecard entries checked ${summaryChecks} times`);
  });
});

suite('completion: YAML scalars without the serializer', () => {
  const bySerializer = (value: string) => stringify(value.replace(/\s*\n\s*/g, ' '), { lineWidth: 0 }).trimEnd();

  test('the same text as yaml.stringify: every built-in catalog name, words YAML reads as other types, random text', () => {
    const names = [BUILT_IN_CATALOG.kpis, BUILT_IN_CATALOG.tools, BUILT_IN_CATALOG.technical_skills, BUILT_IN_CATALOG.soft_skills].flatMap((rows) => rows.map((r) => r.name));
    for (const value of [...names, 'True', 'TRUE', 'tRUE', 'null', 'Null', 'No', 'on', 'y', 'Infinity', 'NaN', 'a  b', 'a ', ' a', 'a:b', 'a: b', 'a #b', 'Kubernetes', 'k8s', 'e2e'])
      assert.equal(serializedScalar(value), bySerializer(value), value);
    const text = fc.string({ unit: fc.constantFrom(...'aZyNo10 :#-\'".~é\n'.split('')), maxLength: 12 });
    fc.assert(fc.property(text, (value) => serializedScalar(value) === bySerializer(value)), { numRuns: 3000 });
  });
});
