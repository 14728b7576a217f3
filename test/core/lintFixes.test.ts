import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';
import type { QuickFix } from '../../server/src/core/lint/fields';
import { scaleTo100 } from '../../server/src/core/lint/rules/hiringWeightsSum';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lint');
const service = createLanguageService();
let version = 0;

function lint(text: string): { doc: TextDocument; diagnostics: Diagnostic[] } {
  const doc = TextDocument.create(`file:///fix${version}.role.yaml`, 'role-blueprint', ++version, text);
  return { doc, diagnostics: service.computeDiagnostics(doc) };
}

function fixesOf(d: Diagnostic): QuickFix[] {
  return ((d.data as { fixes?: QuickFix[] } | undefined)?.fixes ?? []) as QuickFix[];
}

function apply(doc: TextDocument, fix: QuickFix): string {
  return TextDocument.applyEdits(doc, [...fix.edits]);
}

const broken = (ds: Diagnostic[]) => ds.filter((d) => /^(yaml|schema)\./.test(String(d.code))).map((d) => `${d.range.start.line + 1} ${String(d.code)}: ${d.message}`);

suite('lint quick fixes', () => {
  test('every quick fix in every fixture removes its finding and leaves a valid blueprint', () => {
    let applied = 0;
    for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.role.yaml'))) {
      const { doc, diagnostics } = lint(readFileSync(path.join(FIXTURES, file), 'utf8'));
      for (const d of diagnostics) {
        for (const fix of fixesOf(d)) {
          const fixed = apply(doc, fix);
          const after = lint(fixed).diagnostics;
          const label = `${file}:${d.range.start.line + 1} ${String(d.code)} / ${fix.title}`;
          assert.deepEqual(broken(after), [], label);
          const before = diagnostics.filter((x) => x.code === d.code).length;
          assert.equal(after.filter((x) => x.code === d.code).length, before - 1, label);
          applied++;
        }
      }
    }
    assert.ok(applied >= 20, `fixes applied: ${applied}`);
  });

  test('jargon: the word is replaced in place, case kept', () => {
    const { doc, diagnostics } = lint('blueprint: 1\nrole:\n  title: X\nsummary: "Rockstar wanted, a real rockstar"\n');
    const [first, second] = diagnostics.filter((d) => d.code === 'wording.jargon');
    assert.equal(fixesOf(first)[0].title, 'Replace "Rockstar" with "skilled"');
    assert.equal(apply(doc, fixesOf(first)[0]), 'blueprint: 1\nrole:\n  title: X\nsummary: "Skilled wanted, a real rockstar"\n');
    assert.equal(apply(doc, fixesOf(second)[0]), 'blueprint: 1\nrole:\n  title: X\nsummary: "Rockstar wanted, a real skilled"\n');
  });

  test('jargon with no neutral form: removed with one neighbouring space', () => {
    const { doc, diagnostics } = lint('blueprint: 1\nrole:\n  title: X\nsummary: We work hard, play hard and ship.\n');
    const d = diagnostics.find((x) => x.code === 'wording.jargon');
    assert.ok(d);
    assert.equal(fixesOf(d)[0].title, 'Remove "work hard, play hard"');
    assert.equal(apply(doc, fixesOf(d)[0]), 'blueprint: 1\nrole:\n  title: X\nsummary: We and ship.\n');
  });

  test('summary: renamed to the closest defined item, quoted when YAML needs it', () => {
    const text = 'blueprint: 1\nrole:\n  title: X\nsoft_skills:\n  - name: "Ownership: follow-through"\n    description: Closes loops\nscorecard_summary:\n  soft_skills:\n    - Calm ownership under pressure\n';
    const { doc, diagnostics } = lint(text);
    const d = diagnostics.find((x) => x.code === 'summary.unknown-item');
    assert.ok(d, 'flagged: one word of four matches');
    const fix = fixesOf(d)[0];
    assert.equal(fix.title, 'Rename to the soft skill "Ownership: follow-through"');
    assert.ok(apply(doc, fix).endsWith('  soft_skills:\n    - "Ownership: follow-through"\n'));
  });

  test('tech stack: the missing tool is added as a row at the end of tools', () => {
    const text = 'blueprint: 1\nrole:\n  title: X\ntools:\n  - name: Airflow\n    use: Orchestration\ntech_stack:\n  data:\n    - Streaming with Kafka\n';
    const { doc, diagnostics } = lint(text);
    const d = diagnostics.find((x) => x.code === 'tech-stack.unknown-tool');
    assert.ok(d);
    assert.equal(apply(doc, fixesOf(d)[0]), 'blueprint: 1\nrole:\n  title: X\ntools:\n  - name: Airflow\n    use: Orchestration\n  - name: Kafka\ntech_stack:\n  data:\n    - Streaming with Kafka\n');
  });

  test('hiring weights: scaled to 100 with whole numbers', () => {
    assert.deepEqual(scaleTo100([40, 35, 20]), [42, 37, 21]);
    assert.deepEqual(scaleTo100([1, 1, 1]), [34, 33, 33]);
    assert.deepEqual(scaleTo100([50, 50]), [50, 50]);
    const text = 'blueprint: 1\nrole:\n  title: X\nhiring:\n  scorecard:\n    - dimension: A\n      weight: 10\n    - dimension: B\n      weight: 10\n';
    const { doc, diagnostics } = lint(text);
    const d = diagnostics.find((x) => x.code === 'hiring.weights-sum');
    assert.ok(d);
    assert.match(String(d.message), /sum to 20, not 100/);
    assert.equal(apply(doc, fixesOf(d)[0]), text.replace(/weight: 10/g, 'weight: 50'));
  });

  test('hiring weights: a row without a weight is named, no fix is offered', () => {
    const { diagnostics } = lint('blueprint: 1\nrole:\n  title: X\nhiring:\n  scorecard:\n    - dimension: A\n      weight: 60\n    - dimension: B\n');
    const d = diagnostics.find((x) => x.code === 'hiring.weights-sum');
    assert.ok(d);
    assert.match(String(d.message), /given for 1 of 2 rows; row 2 has none/);
    assert.deepEqual(fixesOf(d), []);
  });

  test('KPI frequency: set to the closest known cadence', () => {
    const { doc, diagnostics } = lint('blueprint: 1\nrole:\n  title: X\nkpis:\n  - name: A\n    measures: B\n    frequency: Quartely\n');
    const d = diagnostics.find((x) => x.code === 'kpi.frequency-unknown');
    assert.ok(d);
    assert.equal(fixesOf(d)[0].title, 'Change to "Quarterly"');
    assert.ok(apply(doc, fixesOf(d)[0]).endsWith('    frequency: Quarterly\n'));
  });

  test('empty group: the one-line entry is removed whole', () => {
    const text = 'blueprint: 1\nrole:\n  title: X\nday_to_day:\n  daily: []\n  weekly:\n    - Planning\n';
    const { doc, diagnostics } = lint(text);
    const d = diagnostics.find((x) => x.code === 'completeness.empty-group');
    assert.ok(d);
    assert.equal(apply(doc, fixesOf(d)[0]), 'blueprint: 1\nrole:\n  title: X\nday_to_day:\n  weekly:\n    - Planning\n');
  });
});
