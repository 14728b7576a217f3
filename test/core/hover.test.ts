import * as assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { atCursor, createFeatures } from './completionTestUtil';

function hoverAt(source: string, features = createFeatures()): Hover | null {
  const { doc, position } = atCursor(source);
  return features.hover.getHover(doc, position);
}

function markdown(hover: Hover | null): string {
  assert.ok(hover, 'expected a hover');
  return (hover.contents as MarkupContent).value;
}

suite('hover: schema docs', () => {
  test('a top-level key shows its title and markdownDescription, over the key', () => {
    const hover = hoverAt('blueprint: 1\nro$$CURSOR$$le:\n  title: X\n');
    assert.match(markdown(hover), /^\*\*Role\*\*\n\nWhich role this blueprint describes/);
    assert.deepEqual(hover!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 4 } });
  });

  test('a row field, through $ref: the docs of the property', () => {
    const hover = hoverAt('kpis:\n  - name: A\n    tar$$CURSOR$$get: "5"\n');
    assert.match(markdown(hover), /^\*\*Target or benchmark\*\*\n\nThe target value or benchmark\. Make it \*\*measurable\*\*/);
    assert.deepEqual(hover!.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 10 } });
  });

  test('a key inside a `{note, items}` skill tier (anyOf branch)', () => {
    const hover = hoverAt('technical_skills:\n  advanced:\n    note: x\n    items:\n      - name: A\n        impor$$CURSOR$$tance: critical\n');
    assert.match(markdown(hover), /^\*\*Importance\*\*/);
  });

  test('an enum value shows what the value means', () => {
    const hover = hoverAt('tools:\n  - name: X\n    prevalence: context$$CURSOR$$_specific  # note\n');
    assert.equal(markdown(hover), '**context_specific**: depends on the company, industry or platform (the sources write "Context-specific").\n\n*Prevalence*');
    assert.deepEqual(hover!.range, { start: { line: 2, character: 16 }, end: { line: 2, character: 32 } });
  });

  test('a plain value shows the docs of its key; blank lines, comments and unknown keys show nothing', () => {
    assert.match(markdown(hoverAt('role:\n  title: Lead$$CURSOR$$ Engineer\n')), /^\*\*Role title\*\*/);
    assert.equal(hoverAt('role:\n  title: X\n$$CURSOR$$\n'), null);
    assert.equal(hoverAt('# a comm$$CURSOR$$ent\nrole:\n  title: X\n'), null);
    assert.equal(hoverAt('role:\n  colo$$CURSOR$$ur: red\n'), null);
  });
});

suite('hover: catalog knowledge', () => {
  test('a tool name shows the catalog fields, enum meaning and the reference roles', () => {
    const hover = hoverAt('tools:\n  - name: ML$$CURSOR$$flow\n');
    assert.equal(
      markdown(hover),
      [
        '**MLflow** · tool',
        '',
        '- **Category**: Experiment tracking / registry',
        '- **Primary use**: Track runs, register models',
        '- **Prevalence**: common (Used in most teams hiring for this role.)',
        '',
        'In the reference blueprints: Associate MLOps Consultant, Lead MLOps Engineer.',
      ].join('\n'),
    );
    assert.deepEqual(hover!.range, { start: { line: 1, character: 10 }, end: { line: 1, character: 16 } });
  });

  test('a KPI shows its typical target; other workspace roles using it are linked, this file is not', () => {
    const features = createFeatures();
    features.workspace.update('file:///w/platform.role.yaml', 'role:\n  title: Platform Lead\nkpis:\n  - name: deployment success rate\n');
    features.workspace.update('file:///test.role.yaml', 'role:\n  title: This Role\nkpis:\n  - name: Deployment success rate\n');
    const text = markdown(hoverAt('role:\n  title: This Role\nkpis:\n  - name: "Deployment$$CURSOR$$ success rate"\n', features));
    assert.match(text, /- \*\*Target or benchmark\*\*: >= 95%/);
    assert.match(text, /Also in this workspace: \[Platform Lead\]\(file:\/\/\/w\/platform\.role\.yaml\)\.$/);
    assert.doesNotMatch(text, /This Role/);
  });

  test('a scorecard_summary entry naming a catalog tool', () => {
    assert.match(markdown(hoverAt('scorecard_summary:\n  tools:\n    - Kuber$$CURSOR$$netes\n')), /^\*\*Kubernetes\*\* · tool/);
  });

  test('a name no catalog knows falls back to the docs of `name`', () => {
    assert.match(markdown(hoverAt('tools:\n  - name: Home$$CURSOR$$grown thing\n')), /^\*\*Tool or platform\*\*/);
  });

  test('markdown in catalog values is escaped', () => {
    const features = createFeatures();
    features.catalogs.setUserCatalogs([{ path: 'c.yaml', text: 'tools:\n  - name: "<b>x</b>"\n    use: "*bold* [link](http://e)"\n' }]);
    const text = markdown(hoverAt('tools:\n  - name: <b>x$$CURSOR$$</b>\n', features));
    assert.match(text, /^\*\*\\<b>x\\<\/b>\*\* · tool/);
    assert.match(text, /- \*\*Primary use\*\*: \\\*bold\\\* \\\[link\\\]\(http:\/\/e\)/);
    assert.match(text, /From your organisation's catalog\./);
  });
});
