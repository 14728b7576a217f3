import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { parse, stringify } from 'yaml';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';
import { CODE_ACTION_KINDS } from '../../server/src/core/codeActions';
import { SECTIONS } from '../../server/src/core/sections';
import { isCanonicallyOrdered } from '../../server/src/core/topLevelChunks';
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

  test('a wrong format version becomes the number 1, even when it was quoted', () => {
    for (const wrong of ['blueprint: 2', 'blueprint: "2"']) {
      const text = BASE.replace('blueprint: 1', wrong);
      const { after } = fixOnce(text, 'schema.const');
      assert.equal(after, BASE);
    }
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

  test('sorting a file without a final line break: the moved entry gets one', () => {
    const text = 'role:\n  title: T\n\nblueprint: 1';
    const after = applyEdits(text, editsOf(sortOf(text)!));
    assert.equal(after, 'blueprint: 1\n\nrole:\n  title: T\n');
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

suite('code actions: robustness', () => {
  const everything = (text: string): CodeAction[] => {
    const doc = docOf(text);
    const diagnostics = service.computeDiagnostics(doc);
    return service.getCodeActions(doc, { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, { diagnostics });
  };

  test('odd documents never throw, and every action applies cleanly', () => {
    const inputs = [
      '',
      '# only a comment\n',
      '\ufeffblueprint: 1\nrole: {title: T}\n',
      '- a\n- b\n',
      '{kpis: [{name: A}, {name: A}], role: {title: T}}',
      'kpis:\n- name: A\n- name: a\nrole:\n  title: T\nblueprint: 1',
      'role:\n  title: [unclosed\nblueprint: 1\n',
      'anchors: &a {x: 1}\nrole: *a\nblueprint: 1\n',
      '\u0000\u0001binary\u00ff',
      'role:\r\n  title: T\r\nkpis:\r\n  - name: A\r\n  - name: A\r\nblueprint: 2\r\n',
      'role:\n\ttitle: tabs\n',
    ];
    for (const text of inputs) {
      for (const action of everything(text)) {
        const after = applyEdits(text, editsOf(action));
        assert.equal(typeof after, 'string');
      }
      assert.doesNotThrow(() => service.format(docOf(text), { tabSize: 2, insertSpaces: true }), JSON.stringify(text));
    }
  });

  test('sorting leaves the trailing blank lines of a keep-chomping block scalar in its value', () => {
    const text = 'role:\n  title: T\nsummary: |+\n  kept\n\n\nblueprint: 1\n';
    const sort = everything(text).find((a) => a.kind === CODE_ACTION_KINDS.sortSections);
    assert.ok(sort);
    const after = applyEdits(text, editsOf(sort));
    assert.deepEqual(service.parse(docOf(after))?.value, service.parse(docOf(text))?.value);
    assert.deepEqual(lineMultiset(after), lineMultiset(text));
  });

  test('a section added after a keep-chomping block scalar leaves its value alone', () => {
    const text = 'blueprint: 1\nrole:\n  title: T\n\nsummary: |+\n  kept\n\n';
    const action = everything(text).find((a) => a.title.startsWith('Add section 2)'));
    assert.ok(action);
    const after = applyEdits(text, editsOf(action));
    assert.equal((service.parse(docOf(after))?.value as { summary: string }).summary, 'kept\n\n');
    assert.ok(after.endsWith('  kept\n\nmission: ""\n'));
  });

  test('the example blueprints get no sort action, no add-section action and no fix that loses a line', () => {
    const dir = join(__dirname, '../../examples');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.role.yaml'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      const actions = everything(text);
      assert.deepEqual(actions.filter((a) => a.kind !== 'quickfix').map((a) => a.title), [], file);
      for (const action of actions.filter((a) => a.kind === 'quickfix')) {
        const after = applyEdits(text, editsOf(action));
        assert.notEqual(after, text, `${file}: ${action.title} changes something`);
      }
    }
  });

  test('a real content-rule fix from data.fixes applies and clears its diagnostic', () => {
    // A misspelt KPI frequency: its rule attaches the fix (BASE alone has no fixable finding).
    const text = BASE.replace('    target: ">= 95%"\n', '    target: ">= 95%"\n    frequency: Montly\n');
    const withFixes = diagnosticsOf(text).filter((d) => Array.isArray((d.data as { fixes?: unknown } | undefined)?.fixes));
    assert.deepEqual(withFixes.map((d) => d.code), ['kpi.frequency-unknown']);
    for (const diagnostic of withFixes) {
      const [action] = actionsFor(text, diagnostic, ['quickfix']);
      const after = applyEdits(text, editsOf(action));
      assert.ok(!diagnosticsOf(after).some((d) => d.code === diagnostic.code && d.range.start.line === diagnostic.range.start.line && d.message === diagnostic.message), action.title);
    }
  });
});

suite('code actions: sorting property', () => {
  const key = fc.constantFrom('blueprint', 'role', 'summary', 'kpis', 'tools', 'goals', 'notes', 'extra', 'hiring', 'mission');
  const value = fc.oneof(fc.constantFrom('text', 'a: b', 'line one\nline two\n', 'kept\n\n\n'), fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }), fc.dictionary(fc.constantFrom('title', 'name'), fc.constantFrom('T', 'N'), { maxKeys: 2 }));

  test('sorting keeps every line once, keeps the value, and leaves nothing to sort', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 2, maxKeys: 8 }), fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 6 }), fc.boolean(), (object, comments, finalBreak) => {
        const lines = stringify(object).split('\n');
        comments.forEach(([at, blank], i) => lines.splice(at % lines.length, 0, ...(blank ? ['', `# c${i}`] : [`# c${i}`])));
        let text = lines.join('\n');
        if (!finalBreak) text = text.replace(/\n+$/, '');
        const sort = service.getCodeActions(docOf(text), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source'] })[0];
        if (!sort) {
          assert.ok(service.parse(docOf(text))?.problems.length || isCanonicallyOrdered(Object.keys(object)), 'sorting is offered for every valid file out of order');
          return;
        }
        const after = applyEdits(text, editsOf(sort));
        assert.deepEqual(lineMultiset(after), lineMultiset(text));
        assert.deepEqual(parse(after), parse(text));
        assert.equal(service.getCodeActions(docOf(after), { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: [], only: ['source'] }).length, 0);
      }),
      { numRuns: 300 },
    );
  });
});
