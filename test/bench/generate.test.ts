import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILT_IN_SCHEMA } from '../../server/src/core';
import { BlueprintParser } from '../../server/src/core/parse';
import { schemaDiagnostics, SchemaValidator } from '../../server/src/core/schemaValidation';
import { generateLargeBlueprint, generateRoleFileVariant } from '../../bench/generate';
import { Prng } from '../../bench/prng';
import { COMPLETION_KINDS, HOVER_KINDS, Scenario } from '../../bench/scenario';

// The benchmark's inputs must stay what they claim to be: valid blueprints and realistic edits,
// the same for every server. (No timings here: they belong to npm run bench.)

const seedText = readFileSync(path.resolve(__dirname, '../../examples/lead-mlops-engineer.role.yaml'), 'utf8');
const validator = new SchemaValidator(BUILT_IN_SCHEMA);

/** YAML problems and schema findings of `text`. */
function problemsOf(text: string): string[] {
  const parsed = new BlueprintParser().parse(text);
  const doc = TextDocument.create('file:///bench.role.yaml', 'role-blueprint', 1, text);
  return [...parsed.problems.map((p) => `${p.code}: ${p.message}`), ...schemaDiagnostics(parsed, doc, validator).map((d) => `${String(d.code)}: ${d.message}`)];
}

suite('bench generator', () => {
  test('the large blueprint has at least 10,000 lines, unique KPI names and no YAML or schema problems', () => {
    const text = generateLargeBlueprint(seedText, 10_000);
    assert.ok(text.split('\n').length >= 10_000);
    assert.deepEqual(problemsOf(text), []);
    const kpiNames = [...text.matchAll(/^  - name: (.*)$/gm)].map((m) => m[1]);
    assert.ok(kpiNames.length > 400);
    assert.equal(new Set(kpiNames).size, kpiNames.length);
  });

  test('role file variants keep blueprint and role, are smaller than the seed and schema-valid', () => {
    const prng = new Prng(7);
    for (let i = 1; i <= 5; i++) {
      const text = generateRoleFileVariant(seedText, i, prng);
      assert.match(text, /^blueprint: 1$/m);
      assert.match(text, new RegExp(`^  title: Lead MLOps Engineer ${i}$`, 'm'));
      assert.ok(text.length < seedText.length);
      assert.deepEqual(problemsOf(text), []);
    }
  });
});

suite('bench scenario', () => {
  /** The first `count` edits and request positions of a scenario, applied to the seed. */
  function play(seed: number, count: number) {
    const scenario = new Scenario(seed);
    let doc = TextDocument.create('file:///bench.role.yaml', 'role-blueprint', 1, seedText);
    const log: unknown[] = [];
    for (let i = 0; i < count; i++) {
      const edit = scenario.nextEdit(doc.getText());
      doc = TextDocument.update(doc, [edit.change], doc.version + 1);
      log.push(edit, scenario.completionPosition(doc.getText(), COMPLETION_KINDS[i % 3]), scenario.hoverPosition(doc.getText(), HOVER_KINDS[i % 3]));
    }
    return { text: doc.getText(), log };
  }

  test('the same seed gives the same edits and positions; another seed does not', () => {
    assert.deepEqual(play(1, 40).log, play(1, 40).log);
    assert.notDeepEqual(play(1, 40).log, play(2, 40).log);
  });

  test('100 edits use every kind and leave a valid blueprint', () => {
    const kinds = new Set<string>();
    const scenario = new Scenario(3);
    let text = seedText;
    for (let i = 0; i < 100; i++) {
      const edit = scenario.nextEdit(text);
      kinds.add(edit.kind);
      text = TextDocument.applyEdits(TextDocument.create('file:///x', 'role-blueprint', 1, text), [{ range: edit.change.range, newText: edit.change.text }]);
    }
    assert.deepEqual([...kinds].sort(), ['add-list-item', 'insert-kpi-row', 'remove-list-item', 'rename-tool', 'type-in-kpi-target']);
    assert.deepEqual(problemsOf(text), []);
  });

  test('completion positions sit where the user types: after "name: " of a tool, at a KPI key, after "importance: "', () => {
    const scenario = new Scenario(5);
    const lines = seedText.split('\n');
    const at = (kind: (typeof COMPLETION_KINDS)[number]) => {
      const p = scenario.completionPosition(seedText, kind);
      return [lines[p.line].slice(0, p.character), lines[p.line].slice(p.character)];
    };
    assert.match(at('tool-name-value')[0], /^ {2}(?:- | {2})name: $/);
    assert.match(at('kpi-row-key')[0], /^ {4}$/);
    assert.match(at('kpi-row-key')[1], /^(?:measures|why|target|frequency):/);
    assert.match(at('importance-value')[0], /^\s+importance: $/);
  });
});
