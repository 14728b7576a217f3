import * as assert from 'node:assert/strict';
import { InsertTextFormat, InsertTextMode, type MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core/index';
import { TOP_LEVEL_ORDER } from '../../server/src/core/sections';
import { readExamples } from '../../scripts/build-catalog';
import { BUILT_IN_CATALOG, atCursor, createFeatures, editRange, labels, newText } from './completionTestUtil';
import { docOf } from './testUtil';

suite('completion: keys', () => {
  test('top level: required keys first, then the format order, present keys left out', () => {
    const items = createFeatures().complete('blueprint: 1\n$$CURSOR$$\nsummary: x\n');
    const expected = ['role', ...TOP_LEVEL_ORDER.filter((k) => k !== 'blueprint' && k !== 'role' && k !== 'summary')];
    assert.deepEqual(labels(items), expected);
  });

  test('an object key inserts a snippet that opens an indented line; a text key inserts `key: `', () => {
    const items = createFeatures().complete('blueprint: 1\nro$$CURSOR$$\n');
    const role = items.find((i) => i.label === 'role')!;
    assert.equal(newText(role), 'role:\n  $0');
    assert.equal(role.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(role.insertTextMode, InsertTextMode.asIs);
    assert.deepEqual(editRange(role), { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } });
    assert.equal(newText(items.find((i) => i.label === 'summary')), 'summary: $0');
    assert.equal(newText(items.find((i) => i.label === 'kpis')), 'kpis:\n  - $0');
    assert.equal(role.detail, 'Role (required)');
    assert.match((role.documentation as MarkupContent).value, /Which role this blueprint describes/);
  });

  test('nested mapping: a half-typed key gets the mapping\'s keys, a list-valued key opens a list at its own depth', () => {
    const items = createFeatures().complete('blueprint: 1\nhiring:\n  assess:\n    - Python\n  sc$$CURSOR$$\n');
    assert.deepEqual(labels(items), ['exercises', 'strong_signals', 'weak_signals', 'red_flags', 'scorecard']);
    assert.equal(newText(items.find((i) => i.label === 'scorecard')), 'scorecard:\n    - $0');
    assert.deepEqual(editRange(items[0]), { start: { line: 4, character: 2 }, end: { line: 4, character: 4 } });
  });

  test('keys of a list item: required first, keys above and below the cursor left out', () => {
    const items = createFeatures().complete('kpis:\n  - why: x\n    $$CURSOR$$\n    target: y\n');
    assert.deepEqual(labels(items), ['name', 'category', 'measures', 'frequency']);
  });

  test('an enum key inserts a choice of its values', () => {
    const items = createFeatures().complete('role:\n  title: X\n  le$$CURSOR$$\n');
    assert.deepEqual(labels(items), ['level', 'family', 'source']);
    assert.equal(newText(items[0]), 'level: ${1|intern,entry,associate,mid,senior,staff,principal,lead,manager,senior_manager,director,vp,executive|}');
  });

  test('a key typed before an existing colon inserts only the key', () => {
    const items = createFeatures().complete('role:\n  title: X\n  lev$$CURSOR$$: lead\n');
    const level = items.find((i) => i.label === 'level')!;
    assert.equal(newText(level), 'level');
    assert.equal(level.insertTextFormat, InsertTextFormat.PlainText);
  });

  test('works while the text does not parse (a bare half-typed top-level key)', () => {
    const items = createFeatures().complete('blueprint: 1\nsumm$$CURSOR$$\nrole:\n  title: X\n');
    assert.equal(labels(items)[0], 'summary');
    assert.ok(!items.some((i) => i.label === 'role'));
  });

  test('no key suggestions in prose lists or inside text values', () => {
    const features = createFeatures();
    assert.deepEqual(features.complete('responsibilities:\n  strategic:\n    - Own the $$CURSOR$$\n'), []);
    assert.deepEqual(features.complete('summary: >-\n  A role that $$CURSOR$$\n'), []);
    assert.deepEqual(features.complete('# a comment $$CURSOR$$\n'), []);
  });
});

suite('completion: enum values', () => {
  test('tool prevalence: the enum in schema order, with the enum descriptions', () => {
    const items = createFeatures().complete('tools:\n  - name: X\n    prevalence: $$CURSOR$$\n');
    assert.deepEqual(labels(items), ['common', 'optional', 'context_specific']);
    assert.equal(items[0].detail, 'Used in most teams hiring for this role.');
    assert.equal((items[2].documentation as MarkupContent).value, '**context_specific**: depends on the company, industry or platform (the sources write "Context-specific").');
    assert.deepEqual(editRange(items[0]), { start: { line: 2, character: 16 }, end: { line: 2, character: 16 } });
  });

  test('a partly typed value is replaced, up to a trailing comment', () => {
    const items = createFeatures().complete('technical_skills:\n  must_have:\n    - name: Python\n      importance: cri$$CURSOR$$tical  # keep\n');
    assert.deepEqual(labels(items), ['critical', 'important', 'optional']);
    assert.deepEqual(editRange(items[0]), { start: { line: 3, character: 18 }, end: { line: 3, character: 26 } });
  });

  test('posting.employment_type and role.level', () => {
    const features = createFeatures();
    assert.equal(labels(features.complete('posting:\n  employment_type: $$CURSOR$$\n'))[0], 'FULL_TIME');
    assert.equal(labels(features.complete('role:\n  title: X\n  level: $$CURSOR$$\n')).length, 13);
  });
});

suite('completion: catalog rows', () => {
  test('`- name: ml` under tools offers MLflow first, then the subsequence match', () => {
    const items = createFeatures().complete('tools:\n  - name: ml$$CURSOR$$\n');
    assert.deepEqual(labels(items), ['MLflow', 'Model registry']);
    assert.deepEqual(editRange(items.find((i) => i.label === 'MLflow')), { start: { line: 1, character: 10 }, end: { line: 1, character: 12 } });
  });

  test('an empty `- name: ` lists the whole catalog in catalog order; a compact list (dashes at the key\'s column) works too', () => {
    const features = createFeatures();
    assert.deepEqual(labels(features.complete('tools:\n  - name: $$CURSOR$$\n')), ['Model registry', 'MLflow', 'Kubernetes', 'Terraform', 'GitHub Actions']);
    const compact = features.complete('tools:\n- name: ml$$CURSOR$$\n');
    assert.equal(compact[0].label, 'MLflow');
    assert.equal(newText(compact[0]), 'MLflow\n  category: ${1:Experiment tracking / registry}\n  use: ${2:Track runs, register models}\n  prevalence: ${3|common,optional,context_specific|}$0');
  });

  test('a new row below another one gets every catalog field: the rows above are not its keys', () => {
    const features = createFeatures();
    const below = 'tools:\n  - name: Terraform\n    category: IaC\n    use: Provision\n    prevalence: common\n';
    const named = features.complete(`${below}  - name: ml$$CURSOR$$\n`).find((i) => i.label === 'MLflow')!;
    assert.equal(newText(named), 'MLflow\n    category: ${1:Experiment tracking / registry}\n    use: ${2:Track runs, register models}\n    prevalence: ${3|common,optional,context_specific|}$0');
    const bare = features.complete(`${below}  - $$CURSOR$$\n`).find((i) => i.label === 'MLflow')!;
    assert.equal(newText(bare), 'name: MLflow\n    category: ${1:Experiment tracking / registry}\n    use: ${2:Track runs, register models}\n    prevalence: ${3|common,optional,context_specific|}$0');
  });

  test('choosing a tool inserts the whole row with tab stops, enum fields as a choice led by the catalog value', () => {
    const items = createFeatures().complete('tools:\n  - name: ml$$CURSOR$$\n');
    const mlflow = items.find((i) => i.label === 'MLflow')!;
    assert.equal(newText(mlflow), 'MLflow\n    category: ${1:Experiment tracking / registry}\n    use: ${2:Track runs, register models}\n    prevalence: ${3|common,optional,context_specific|}$0');
    assert.equal(mlflow.insertTextFormat, InsertTextFormat.Snippet);
    assert.equal(mlflow.insertTextMode, InsertTextMode.asIs);
  });

  test('a KPI inserts name, category, measures, why, target and frequency, quoted where YAML needs it', () => {
    const items = createFeatures().complete('kpis:\n  - name: deploy$$CURSOR$$\n');
    assert.equal(items[0].label, 'Deployment success rate');
    assert.equal(
      newText(items[0]),
      'Deployment success rate\n    category: ${1:Reliability}\n    measures: ${2:"% of deployments without rollback"}\n    why: ${3:Signals release quality}\n    target: ${4:">= 95%"}\n    frequency: ${5:Weekly}$0',
    );
  });

  test('fields the row already has are not inserted again', () => {
    const items = createFeatures().complete('kpis:\n  - name: deploy$$CURSOR$$\n    target: ">= 99%"\n    why: x\n');
    assert.equal(newText(items[0]), 'Deployment success rate\n    category: ${1:Reliability}\n    measures: ${2:"% of deployments without rollback"}\n    frequency: ${3:Weekly}$0');
  });

  test('synonyms: k8s finds Kubernetes, tf Terraform, gha GitHub Actions; filterText keeps them for the client', () => {
    const features = createFeatures();
    const k8s = features.complete('tools:\n  - name: k8s$$CURSOR$$\n');
    assert.deepEqual(labels(k8s), ['Kubernetes']);
    assert.equal(k8s[0].filterText, 'k8s Kubernetes');
    assert.equal(labels(features.complete('tools:\n  - name: tf$$CURSOR$$\n'))[0], 'Terraform');
    assert.equal(labels(features.complete('tools:\n  - name: gha$$CURSOR$$\n'))[0], 'GitHub Actions');
  });

  test('rows already in this file are ranked last', () => {
    const items = createFeatures().complete('tools:\n  - name: MLflow\n    use: x\n  - name: m$$CURSOR$$\n');
    const order = labels(items);
    assert.equal(order[order.length - 1], 'MLflow');
    const mlflow = items.find((i) => i.label === 'MLflow')!;
    assert.ok(mlflow.sortText!.startsWith('2'));
    assert.match(mlflow.detail!, /already in this file/);
  });

  test('after a bare `- ` in a row list: the row keys, then whole rows that insert `name:` too', () => {
    const items = createFeatures().complete('soft_skills:\n  - $$CURSOR$$\n');
    assert.deepEqual(labels(items), ['name', 'description', 'shows_up', 'Structured problem solving']);
    assert.equal(newText(items.find((i) => i.label === 'Structured problem solving')), 'name: Structured problem solving\n    description: ${1:Breaks down ambiguity}\n    shows_up: ${2:Writes crisp problem statements}$0');
  });

  test('technical skills in a tier, also in the `{note, items}` form', () => {
    const features = createFeatures();
    const plain = features.complete('technical_skills:\n  must_have:\n    - name: pyth$$CURSOR$$\n');
    assert.equal(newText(plain[0]), 'Python for production ML workflows\n      importance: ${1|critical,important,optional|}\n      description: ${2:Writing tested Python}\n      use: ${3:Pipelines}$0');
    const noted = features.complete('technical_skills:\n  advanced:\n    note: For senior hires\n    items:\n      - name: pyth$$CURSOR$$\n');
    assert.equal(noted[0].label, 'Python for production ML workflows');
  });

  test('a quoted partial value is matched without its quote and the quote is kept for client filtering', () => {
    const items = createFeatures().complete('tools:\n  - name: "MLf$$CURSOR$$\n');
    assert.equal(items[0].label, 'MLflow');
    assert.equal(items[0].filterText, '"MLflow');
    assert.deepEqual(editRange(items[0]), { start: { line: 1, character: 10 }, end: { line: 1, character: 14 } });
  });

  test('documentation is deferred to resolve', () => {
    const features = createFeatures();
    const item = features.complete('tools:\n  - name: MLf$$CURSOR$$\n')[0];
    assert.equal(item.documentation, undefined);
    const resolved = features.completion.resolveCompletion(item);
    assert.match((resolved.documentation as MarkupContent).value, /^\*\*MLflow\*\* · tool\n/);
  });

  test('rows from other role files of the workspace are offered; rows only this file has are not', () => {
    const features = createFeatures();
    features.workspace.update('file:///other.role.yaml', 'blueprint: 1\nrole:\n  title: Data Platform Lead\ntools:\n  - name: Dagster Cloud\n    use: Orchestrate assets\n');
    features.workspace.update('file:///test.role.yaml', 'tools:\n  - name: Dagger\n');
    const items = features.complete('tools:\n  - name: Dag$$CURSOR$$\n');
    assert.deepEqual(labels(items), ['Dagster Cloud']);
    assert.equal(newText(items[0]), 'Dagster Cloud\n    use: ${1:Orchestrate assets}$0');
    assert.match(items[0].detail!, /in 1 role/);
  });

  test('user catalogs are offered and their fields take precedence over the built-in ones', () => {
    const features = createFeatures();
    features.catalogs.setUserCatalogs([{ path: '/org/catalog.yaml', text: 'tools:\n  - name: MLflow\n    use: Our tracking server\n  - name: Mosaic\n' }]);
    const items = features.complete('tools:\n  - name: m$$CURSOR$$\n');
    assert.ok(items.some((i) => i.label === 'Mosaic'));
    assert.match(newText(items.find((i) => i.label === 'MLflow'))!, /use: \$\{2:Our tracking server\}/);
  });

  test('the built-in catalog (learnt from the reference blueprints): ml → MLflow, k8s → Kubernetes', () => {
    const features = createFeatures(BUILT_IN_CATALOG);
    assert.equal(labels(features.complete('tools:\n  - name: ml$$CURSOR$$\n'))[0], 'MLflow');
    assert.equal(labels(features.complete('tools:\n  - name: k8s$$CURSOR$$\n'))[0], 'Kubernetes');
    assert.ok(labels(features.complete('tools:\n  - name: tf$$CURSOR$$\n'))[0].startsWith('Terraform'));
    assert.ok(labels(features.complete('tools:\n  - name: gha$$CURSOR$$\n'))[0].startsWith('GitHub Actions'));
  });
});

suite('completion: names defined in this file', () => {
  const file = [
    'responsibilities:',
    '  strategic:',
    '    - name: Set the MLOps roadmap',
    '      description: x',
    '  operational:',
    '    - Keep pipelines green',
    'kpis:',
    '  - name: Deployment success rate',
    '  - name: Lead time for change',
    'technical_skills:',
    '  must_have:',
    '    - name: Python',
    '  advanced:',
    '    note: senior',
    '    items:',
    '      - name: Kubernetes operators',
    'tools:',
    '  - category: Tracking',
    '    name: MLflow',
    'soft_skills:',
    '  - name: Ownership',
  ].join('\n');

  test('scorecard_summary.kpis offers the KPIs of this file not yet listed', () => {
    const items = createFeatures().complete(`${file}\nscorecard_summary:\n  kpis:\n    - Lead time for change\n    - $$CURSOR$$\n`);
    assert.deepEqual(labels(items), ['Deployment success rate']);
    assert.deepEqual(editRange(items[0]), { start: { line: 24, character: 6 }, end: { line: 24, character: 6 } });
  });

  test('each summary list names its own kind', () => {
    const features = createFeatures();
    const at = (list: string) => labels(features.complete(`${file}\nscorecard_summary:\n  ${list}:\n    - $$CURSOR$$\n`));
    assert.deepEqual(at('technical_skills'), ['Python', 'Kubernetes operators']);
    assert.deepEqual(at('tools'), ['MLflow']);
    assert.deepEqual(at('soft_skills'), ['Ownership']);
    assert.deepEqual(at('responsibilities'), ['Set the MLOps roadmap', 'Keep pipelines green']);
  });

  test('a partly typed entry replaces to the end of the line', () => {
    const items = createFeatures().complete(`${file}\nscorecard_summary:\n  tools:\n    - ML$$CURSOR$$fl\n`);
    assert.deepEqual(editRange(items[0]), { start: { line: 23, character: 6 }, end: { line: 23, character: 10 } });
  });

  test('career lists offer the titles of the other roles in the workspace', () => {
    const features = createFeatures();
    features.workspace.update('file:///lead.role.yaml', 'role:\n  title: Lead MLOps Engineer\n');
    features.workspace.update('file:///assoc.role.yaml', 'role:\n  title: Associate MLOps Consultant\n');
    const items = features.complete('role:\n  title: MLOps Consultant\ncareer:\n  next_roles:\n    - Associate MLOps Consultant\n    - $$CURSOR$$\n');
    assert.deepEqual(labels(items), ['Lead MLOps Engineer']);
  });
});

suite('completion: large documents', () => {
  /** A valid blueprint of about `lines` lines, its last section a long tools list. */
  function bigDocument(lines: number): string {
    const out = ['blueprint: 1', 'role:', '  title: Lead MLOps Engineer', 'summary: >-', '  A long summary.'];
    const rowsPerSection = Math.floor((lines - out.length - 3) / 6);
    for (const section of ['kpis', 'soft_skills', 'tools']) {
      out.push(`${section}:`);
      for (let r = 0; r < rowsPerSection; r++) out.push(`  - name: ${section} row ${r}`, '    description: Something measurable');
    }
    return out.join('\n');
  }

  // Latency is measured by `npm run bench`, side by side with yaml-language-server, never here.
  test('typing a tool name at the end of a 10,000-line document, re-indexed before each request, still completes from the workspace', () => {
    const service = createLanguageService();
    const base = bigDocument(10_000);
    service.workspaceIndex.update('file:///other.role.yaml', 'role:\n  title: Other\ntools:\n  - name: Metaflow\n');
    for (let n = 0; n < 6; n++) {
      const { doc, position } = atCursor(`${base}\n  - name: m${'l'.repeat(n % 3)}$$CURSOR$$\n`, 'file:///big.role.yaml', n + 1);
      service.workspaceIndex.update(doc.uri, doc.getText());
      const list = service.getCompletions(doc, position);
      assert.ok(list.items.some((i) => i.label === 'Metaflow') || n % 3 !== 0);
    }
  });
});

suite('completion and hover: robustness', () => {
  test('never throw, and stay in the document, at positions all over the reference examples (every third line) and a file cut off mid-line', () => {
    const features = createFeatures(BUILT_IN_CATALOG);
    for (const [name, full] of readExamples()) {
      // The whole file, and the file cut off mid-line (as while typing at the end).
      for (const text of [full, full.slice(0, Math.floor(full.length * 0.6))]) {
        const doc = docOf(text, `file:///${name}`);
        for (let line = 0; line < doc.lineCount; line += 3) {
          const length = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\n$/, '').length;
          for (const character of [0, 2, 4, 6, 10, Math.floor(length / 2), length, length + 5]) {
            const position = { line, character };
            const list = features.completion.getCompletions(doc, position);
            for (const item of list.items) {
              const range = editRange(item);
              assert.ok(range && range.start.line === line && range.start.character <= range.end.character, `${name} ${line}:${character} ${item.label}`);
            }
            features.hover.getHover(doc, position);
          }
        }
      }
    }
  });
});

suite('completion: through the language service', () => {
  test('getCompletions, resolveCompletion, getHover, workspaceIndex and setUserCatalogs are wired', () => {
    const service = createLanguageService();
    const results = service.setUserCatalogs([{ path: '/org/tools.yaml', text: 'tools:\n  - name: Zeppelin Notebooks\n    use: Exploration\n  - nope\n' }]);
    assert.deepEqual(results.map((r) => [r.path, r.diagnostics.map((d) => d.code)]), [['/org/tools.yaml', ['catalog.entry-invalid']]]);
    service.workspaceIndex.update('file:///other.role.yaml', 'role:\n  title: Other\ntools:\n  - name: Zeplin\n');
    const { doc, position } = atCursor('blueprint: 1\nrole:\n  title: Mine\ntools:\n  - name: zep$$CURSOR$$\n');
    const list = service.getCompletions(doc, position);
    assert.deepEqual(labels(list.items), ['Zeplin', 'Zeppelin Notebooks']);
    const resolved = service.resolveCompletion(list.items.find((i) => i.label === 'Zeppelin Notebooks')!);
    assert.match((resolved.documentation as MarkupContent).value, /From your organisation's catalog/);
    const hover = atCursor('blueprint: 1\nrole:\n  title: Mine\ntools:\n  - name: Zep$$CURSOR$$lin\n');
    assert.match((service.getHover(hover.doc, hover.position)!.contents as MarkupContent).value, /Also in this workspace: \[Other\]\(file:\/\/\/other\.role\.yaml\)/);
  });
});
