import * as assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';
import { CODE_ACTION_KINDS } from '../../server/src/core/codeActions';
import { SECTIONS } from '../../server/src/core/sections';
import { applyEdits, docOf, lineMultiset } from './testUtil';

const service = createLanguageService();

const BASE = [
  '# Role blueprint header',
  '',
  'blueprint: 1',
  'role:',
  '  title: Lead MLOps Engineer',
  '  level: lead',
  'summary: Runs the ML platform.',
  '',
  '# The metrics we track',
  'kpis:',
  '  - name: Deployment success rate',
  '    target: ">= 95%"',
  '  # lead time row',
  '  - name: Lead time for change',
  '    target: "< 1 day"',
  '',
  'tools:',
  '  - name: MLflow',
  '    prevalence: common',
  '',
].join('\n');

function diagnosticsOf(text: string): Diagnostic[] {
  return service.computeDiagnostics(docOf(text));
}

/** Errors from YAML, the schema and duplicate checks: what no fix may introduce. */
function errors(text: string): string[] {
  return diagnosticsOf(text)
    .filter((d) => /^(yaml|schema|duplicate)\./.test(String(d.code)))
    .map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
}

function actionsFor(text: string, diagnostic: Diagnostic, only?: string[]): CodeAction[] {
  return service.getCodeActions(docOf(text), diagnostic.range, { diagnostics: [diagnostic], only });
}

function editsOf(action: CodeAction): TextEdit[] {
  return action.edit?.changes?.['file:///test.role.yaml'] ?? [];
}

function only(text: string, code: string): Diagnostic {
  const found = diagnosticsOf(text).filter((d) => d.code === code);
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(found.map((d) => d.message))}`);
  return found[0];
}

function fixOnce(text: string, code: string, title?: RegExp): { action: CodeAction; after: string } {
  const actions = actionsFor(text, only(text, code)).filter((a) => a.kind === 'quickfix' && (!title || title.test(a.title)));
  assert.ok(actions.length > 0, `a quick fix for ${code}`);
  return { action: actions[0], after: applyEdits(text, editsOf(actions[0])) };
}

suite('code actions: quick fixes', () => {
  test('the base fixture has no errors', () => {
    assert.deepEqual(errors(BASE), []);
  });

  test('did-you-mean on an unknown key: one action per suggestion, the first preferred', () => {
    const text = BASE.replace('kpis:', 'kpi:');
    const actions = actionsFor(text, only(text, 'schema.unknown-key'));
    assert.equal(actions[0].title, 'Change "kpi" to "kpis"');
    assert.equal(actions[0].isPreferred, true);
    assert.ok(actions.slice(1).every((a) => !a.isPreferred));
    assert.deepEqual(actions[0].diagnostics?.map((d) => d.code), ['schema.unknown-key']);
    assert.deepEqual(editsOf(actions[0]), [{ range: { start: { line: 9, character: 0 }, end: { line: 9, character: 3 } }, newText: 'kpis' }]);
    assert.equal(applyEdits(text, editsOf(actions[0])), BASE);
  });

  test('did-you-mean keeps a quoted key quoted', () => {
    const text = BASE.replace('  level: lead', '  "levle": lead');
    const { after } = fixOnce(text, 'schema.unknown-key');
    assert.equal(after, BASE.replace('  level: lead', '  "level": lead'));
    assert.deepEqual(errors(after), []);
  });

  test('did-you-mean on an enum value keeps its quoting style', () => {
    for (const [typo, fixed] of [
      ['prevalence: comon', 'prevalence: common'],
      ["prevalence: 'comon'", "prevalence: 'common'"],
      ['prevalence: "comon"', 'prevalence: "common"'],
    ]) {
      const text = BASE.replace('prevalence: common', typo);
      const { action, after } = fixOnce(text, 'schema.enum');
      assert.equal(action.title, 'Change to "common"');
      assert.equal(after, BASE.replace('prevalence: common', fixed));
      assert.deepEqual(errors(after), []);
    }
  });

  test('a wrong format version becomes the number 1', () => {
    const text = BASE.replace('blueprint: 1', 'blueprint: 2');
    const { after } = fixOnce(text, 'schema.const');
    assert.equal(after, BASE);
  });

  test('adds a missing required field inside its mapping, at its indentation', () => {
    const text = BASE.replace('  title: Lead MLOps Engineer\n', '');
    const { action, after } = fixOnce(text, 'schema.required');
    assert.equal(action.title, 'Add the required field "title"');
    assert.match(after, /\nrole:\n {2}title: Associate MLOps Consultant\n {2}level: lead\n/);
    assert.deepEqual(errors(after), []);
  });

  test('adds a missing required field to a row that starts after its dash', () => {
    const text = BASE.replace('  - name: MLflow\n    prevalence: common', '  - prevalence: common');
    const { after } = fixOnce(text, 'schema.required');
    assert.match(after, /\ntools:\n {2}- name: MLflow\n {4}prevalence: common\n/);
    assert.deepEqual(errors(after), []);
  });

  test('adds a missing required field in a flow mapping', () => {
    const flow = BASE.replace('role:\n  title: Lead MLOps Engineer\n  level: lead', 'role: {level: lead}');
    const { after } = fixOnce(flow, 'schema.required');
    assert.match(after, /\nrole: \{title: Associate MLOps Consultant, level: lead\}\n/);
    assert.deepEqual(errors(after), []);
  });

  test('adds "blueprint: 1" at the top, below a header comment set off by a blank line', () => {
    const text = BASE.replace('blueprint: 1\n', '');
    const { after } = fixOnce(text, 'schema.required');
    assert.equal(after, BASE);
  });

  test('removes a duplicate row with its comment lines, and only that row', () => {
    const text = BASE.replace('Lead time for change', 'Deployment success rate');
    const { action, after } = fixOnce(text, 'duplicate.name');
    assert.equal(action.title, 'Remove the duplicate "Deployment success rate"');
    assert.equal(after, BASE.replace('  # lead time row\n  - name: Lead time for change\n    target: "< 1 day"\n', ''));
    assert.deepEqual(errors(after), []);
  });

  test('removes a duplicate that is the last row of its list, keeping what follows', () => {
    const text = BASE.replace('  - name: MLflow\n    prevalence: common\n', '  - name: MLflow\n    prevalence: common\n  - name: mlflow\n    use: Tracking\n    # more about it\n');
    const { after } = fixOnce(text, 'duplicate.name');
    assert.equal(after, BASE);
  });

  test('removes a duplicate skill listed in another tier', () => {
    const text = `${BASE}technical_skills:\n  must_have:\n    - name: Python\n      importance: critical\n  good_to_have:\n    - name: Go\n    - name: python\n      importance: optional\n`;
    const { after } = fixOnce(text, 'duplicate.name');
    assert.equal(after, `${BASE}technical_skills:\n  must_have:\n    - name: Python\n      importance: critical\n  good_to_have:\n    - name: Go\n`);
  });

  test('a fix on a stale diagnostic (the text changed under it) is not offered', () => {
    const text = BASE.replace('kpis:', 'kpi:');
    const diagnostic = only(text, 'schema.unknown-key');
    const edited = text.replace('kpi:', 'kpx:');
    assert.deepEqual(service.getCodeActions(docOf(edited, 'file:///test.role.yaml', 2), diagnostic.range, { diagnostics: [diagnostic], only: ['quickfix'] }), []);
  });

  test('fixes attached by content rules in data.fixes become quick fixes as they are', () => {
    const edit: TextEdit = { range: { start: { line: 11, character: 12 }, end: { line: 11, character: 20 } }, newText: '">= 97%"' };
    const diagnostic: Diagnostic = {
      range: edit.range,
      code: 'kpi.example',
      source: 'role-blueprint',
      message: 'x',
      data: { fixes: [{ title: 'Use 97%', edits: [edit] }, { title: 'Second', edits: [edit] }, { title: 'broken' }] },
    };
    const actions = service.getCodeActions(docOf(BASE), edit.range, { diagnostics: [diagnostic] }).filter((a) => a.kind === 'quickfix');
    assert.deepEqual(actions.map((a) => [a.title, a.isPreferred ?? false]), [['Use 97%', true], ['Second', false]]);
    assert.deepEqual(actions[0].diagnostics, [diagnostic]);
    assert.match(applyEdits(BASE, editsOf(actions[0])), /target: ">= 97%"/);
  });

  test('diagnostics from other sources get no fixes', () => {
    const text = BASE.replace('kpis:', 'kpi:');
    const diagnostic = { ...only(text, 'schema.unknown-key'), source: 'other' };
    assert.deepEqual(actionsFor(text, diagnostic, ['quickfix']), []);
  });
});

suite('code actions: sections', () => {
  const addSection = (text: string, number: number): string => {
    const action = service
      .getCodeActions(docOf(text), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['refactor'] })
      .find((a) => a.title.startsWith(`Add section ${number})`));
    assert.ok(action, `an action to add section ${number}`);
    assert.equal(action.kind, CODE_ACTION_KINDS.addSection);
    return applyEdits(text, editsOf(action));
  };

  test('offers every missing section, and none that is present', () => {
    const titles = service.getCodeActions(docOf(BASE), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['refactor'] }).map((a) => a.title);
    assert.equal(titles.length, SECTIONS.length - 3);
    assert.ok(titles.includes('Add section 2) Role Mission'));
    assert.ok(!titles.some((t) => /^Add section (1|7|10)\)/.test(t)));
  });

  test('adds a row section after the closest preceding section, with a placeholder row', () => {
    const after = addSection(BASE, 9);
    assert.equal(after, BASE.replace('\ntools:', '\nsoft_skills:\n  - name: ""\n    description: ""\n    shows_up: ""\n\ntools:'));
    assert.deepEqual(errors(after), []);
  });

  test('adds a grouped section with its group keys', () => {
    const after = addSection(BASE, 8);
    const skill = '    - name: ""\n      description: ""\n      use: ""\n';
    assert.equal(after, BASE.replace('\ntools:', `\ntechnical_skills:\n  must_have:\n${skill}  good_to_have:\n${skill}  advanced:\n${skill}  emerging:\n${skill}\ntools:`));
    assert.deepEqual(errors(after), []);
  });

  test('adds a section at the end when it comes last', () => {
    const after = addSection(BASE, 20);
    assert.ok(after.startsWith(BASE + '\nscorecard_summary:\n  title: ""\n  purpose: ""\n  responsibilities: []\n'), after.slice(BASE.length));
    assert.deepEqual(errors(after), []);
  });

  test('every section skeleton is valid where it is inserted, and uses the file\'s indentation', () => {
    let text = BASE.replace(/^ {2}/gm, '    ').replace(/^ {4}(?=\S)/gm, '    ');
    for (const section of SECTIONS) {
      if (text.includes(`\n${section.key}:`)) continue;
      text = addSection(text, section.number);
    }
    assert.deepEqual(errors(text), []);
    assert.ok(!/^ {2}[a-z]/m.test(text.replace(/^ {4}.*$/gm, '')), 'no two-space indentation in a four-space file');
    const keys = [...text.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);
    assert.deepEqual(keys, ['blueprint', 'role', ...SECTIONS.map((s) => s.key)]);
  });

  test('the missing-section diagnostic offers each missing section as a quick fix', () => {
    const diagnostic = only(BASE, 'completeness.missing-section');
    const actions = actionsFor(BASE, diagnostic, ['quickfix']);
    assert.equal(actions.length, SECTIONS.length - 3);
    assert.equal(actions[0].title, 'Add section 2) Role Mission');
    assert.equal(actions[0].isPreferred, true);
    assert.equal(applyEdits(BASE, editsOf(actions[0])), BASE.replace('summary: Runs the ML platform.\n', 'summary: Runs the ML platform.\n\nmission: ""\n'));
  });

  const sortOf = (text: string): CodeAction | undefined =>
    service.getCodeActions(docOf(text), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source'] }).find((a) => a.kind === CODE_ACTION_KINDS.sortSections);

  test('sorting is offered only when sections are out of order', () => {
    assert.equal(sortOf(BASE), undefined);
    assert.ok(sortOf(BASE.replace('blueprint: 1\n', '') + 'blueprint: 1\n'));
  });

  test('sorting moves whole sections with their comments and keeps every line once', () => {
    const text = [
      '# header',
      '',
      'tools:',
      '  - name: MLflow',
      '# attached to kpis',
      'kpis:',
      '  - name: A',
      '    # inside A',
      '',
      '# free comment after kpis',
      '',
      'role:',
      '  title: T',
      'notes_extra: kept last',
      '# about blueprint',
      'blueprint: 1',
      'summary: >-',
      '  folded',
      '  text',
      '',
      '# footer',
      '',
    ].join('\n');
    const action = sortOf(text);
    assert.ok(action);
    const after = applyEdits(text, editsOf(action));
    assert.equal(
      after,
      [
        '# header',
        '',
        '# about blueprint',
        'blueprint: 1',
        'role:',
        '  title: T',
        'summary: >-',
        '  folded',
        '  text',
        '# attached to kpis',
        'kpis:',
        '  - name: A',
        '    # inside A',
        '',
        '# free comment after kpis',
        '',
        'tools:',
        '  - name: MLflow',
        'notes_extra: kept last',
        '',
        '# footer',
        '',
      ].join('\n'),
    );
    assert.deepEqual(lineMultiset(after), lineMultiset(text));
    assert.deepEqual(service.parse(docOf(after))?.value, service.parse(docOf(text))?.value);
    assert.equal(sortOf(after), undefined);
  });

  test('sorting a file without a final line break keeps it without one', () => {
    const text = 'role:\n  title: T\n\nblueprint: 1';
    const after = applyEdits(text, editsOf(sortOf(text)!));
    assert.equal(after, 'blueprint: 1\n\nrole:\n  title: T');
  });

  test('only filters kinds by prefix', () => {
    const text = BASE.replace('kpis:', 'kpi:').replace('blueprint: 1\n', '') + 'blueprint: 1\n';
    const diagnostic = only(text, 'schema.unknown-key');
    const kinds = (o?: string[]) => [...new Set(actionsFor(text, diagnostic, o).map((a) => a.kind))];
    assert.deepEqual(kinds(['quickfix']), ['quickfix']);
    assert.deepEqual(kinds(['source']), [CODE_ACTION_KINDS.sortSections]);
    assert.deepEqual(kinds(['refactor.rewrite']), [CODE_ACTION_KINDS.addSection]);
    assert.deepEqual(kinds(), ['quickfix', CODE_ACTION_KINDS.addSection, CODE_ACTION_KINDS.sortSections]);
  });
});
