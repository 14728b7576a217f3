import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { BUILTIN_CATALOG_PATH, buildCatalogJson, readExamples } from '../../scripts/build-catalog';
import { CatalogStore } from '../../server/src/core/catalog';
import { FuzzySearchIndex } from '../../server/src/core/catalog/fuzzy';
import { parseUserCatalog } from '../../server/src/core/catalog/userCatalog';
import { WorkspaceIndex } from '../../server/src/core/catalog/workspaceIndex';
import { BlueprintParser } from '../../server/src/core/parse';
import { TEST_CATALOG } from './completionTestUtil';

suite('catalog: fuzzy index', () => {
  const names = ['Model registry', 'MLflow', 'Kubernetes', 'Prometheus + Grafana', 'GitHub Actions', 'Terraform'];
  const index = new FuzzySearchIndex(names, (n) => n);
  const search = (query: string) => index.search(query).map((m) => `${m.item}:${m.kind}`);

  test('prefix beats subsequence', () => {
    assert.deepEqual(search('ml'), ['MLflow:prefix', 'Model registry:subsequence']);
  });

  test('word prefix, words in order, initials', () => {
    assert.deepEqual(search('graf'), ['Prometheus + Grafana:word-prefix']);
    assert.deepEqual(search('git act'), ['GitHub Actions:word-prefix']);
    assert.deepEqual(search('mr'), ['Model registry:initials']);
  });

  test('a subsequence must start at a word', () => {
    const azure = new FuzzySearchIndex(['AWS / Azure / GCP', 'Zeppelin'], (n) => n);
    assert.deepEqual(azure.search('zep').map((m) => m.item), ['Zeppelin']);
    assert.deepEqual(azure.search('azgc').map((m) => `${m.item}:${m.kind}`), ['AWS / Azure / GCP:subsequence']);
  });

  test('a typo within the edit distance budget', () => {
    assert.deepEqual(search('kubrenetes'), ['Kubernetes:typo']);
    assert.deepEqual(search('terrafrom'), ['Terraform:typo']);
    assert.deepEqual(search('xyzzy'), []);
  });

  test('synonyms from the data file: k8s, tf, gha', () => {
    const k8s = index.search('k8s');
    assert.deepEqual(k8s.map((m) => [m.item, m.kind, m.alias]), [['Kubernetes', 'exact', 'k8s']]);
    assert.equal(index.search('tf')[0].item, 'Terraform');
    assert.equal(index.search('gha')[0].item, 'GitHub Actions');
  });

  test('custom synonym groups; an empty query lists everything in index order', () => {
    const custom = new FuzzySearchIndex(['Snowflake'], (n) => n, { synonyms: [['Snowflake', 'data warehouse']] });
    assert.equal(custom.search('data wa')[0].alias, 'data warehouse');
    assert.deepEqual(index.search('').map((m) => m.item), names);
  });

  test('a shorter name wins a tie', () => {
    const tie = new FuzzySearchIndex(['MLflow Model Registry', 'MLflow'], (n) => n);
    assert.deepEqual(tie.search('mlf').map((m) => m.item), ['MLflow', 'MLflow Model Registry']);
  });
});

function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`);
}

suite('catalog: user catalog files', () => {
  test('good entries kept, bad ones skipped with a diagnostic on them', () => {
    const text = [
      'kpis:',
      '  - name: Deployment success rate',
      '    target: ">= 95%"',
      '    colour: red',
      '  - measures: x',
      '  - just text',
      'tools:',
      '  - name: MLflow',
      '    prevalence: sometimes',
      '  - name: mlflow',
      'technical_skills:',
      '  must_have:',
      '    - name: Python',
      '  weird_tier: []',
      'soft_skills: not a list',
      'extra: 1',
      '',
    ].join('\n');
    const parsed = parseUserCatalog({ path: '/org/catalog.yaml', text });
    assert.deepEqual(parsed.catalog, {
      kpis: [{ name: 'Deployment success rate', fields: { target: '>= 95%' }, roles: [] }],
      tools: [{ name: 'MLflow', fields: {}, roles: [] }],
      technical_skills: [{ name: 'Python', fields: {}, tier: 'must_have', roles: [] }],
      soft_skills: [],
    });
    assert.deepEqual(codes(parsed.diagnostics), [
      'catalog.unknown-field@3:4-3:10',
      'catalog.missing-name@4:4-4:15',
      'catalog.entry-invalid@5:4-5:13',
      'catalog.enum@8:16-8:25',
      'catalog.duplicate@9:10-9:16',
      'catalog.unknown-key@13:2-13:12',
      'catalog.not-a-list@14:13-14:23',
      'catalog.unknown-key@15:0-15:5',
    ]);
    const severities = Object.fromEntries(parsed.diagnostics.map((d) => [d.code, d.severity]));
    assert.equal(severities['catalog.missing-name'], DiagnosticSeverity.Error);
    assert.equal(severities['catalog.unknown-field'], DiagnosticSeverity.Warning);
    assert.ok(parsed.diagnostics.every((d) => d.source === 'role-blueprint'));
  });

  test('JSON catalogs, and technical skills as one list with a `tier` per row', () => {
    const parsed = parseUserCatalog({ path: 'c.json', text: '{"technical_skills": [{"name": "Rust", "tier": "emerging", "importance": "optional"}], "tools": [{"name": "Vault", "prevalence": "common"}]}' });
    assert.deepEqual(parsed.diagnostics, []);
    assert.deepEqual(parsed.catalog.technical_skills, [{ name: 'Rust', fields: { importance: 'optional' }, tier: 'emerging', roles: [] }]);
    assert.deepEqual(parsed.catalog.tools, [{ name: 'Vault', fields: { prevalence: 'common' }, roles: [] }]);
  });

  test('malformed files give one clear diagnostic and an empty catalog, never an exception', () => {
    const syntax = parseUserCatalog({ path: 'c.yaml', text: 'tools:\n  - name: [unclosed\n' });
    assert.equal(syntax.diagnostics[0].code, 'catalog.syntax');
    assert.deepEqual(syntax.catalog.tools, []);
    assert.deepEqual(codes(parseUserCatalog({ path: 'c.yaml', text: '- a\n- b\n' }).diagnostics), ['catalog.not-a-mapping@0:0-1:3']);
    assert.deepEqual(parseUserCatalog({ path: 'c.yaml', text: '' }).diagnostics.map((d) => d.code), ['catalog.not-a-mapping']);
    assert.doesNotThrow(() => parseUserCatalog({ path: 'c.bin', text: '\u0000\u0001\uFFFF'.repeat(1000) }));
  });

  test('a field that is not text is reported on its value', () => {
    const parsed = parseUserCatalog({ path: 'c.yaml', text: 'tools:\n  - name: A\n    use:\n      - a list\n' });
    assert.deepEqual(codes(parsed.diagnostics), ['catalog.field-type@3:6-3:14']);
  });
});

suite('catalog: workspace index', () => {
  const role = [
    'blueprint: 1',
    'role:',
    '  title: Lead MLOps Engineer',
    '  level: lead',
    'kpis:',
    '  - name: Deployment success rate',
    '    target: ">= 95%"',
    'technical_skills:',
    '  must_have:',
    '    - name: Python',
    '  emerging:',
    '    note: x',
    '    items:',
    '      - name: LLMOps',
    'soft_skills:',
    '  - name: Ownership',
    'tools:',
    '  - name: MLflow',
    'career:',
    '  feeder_roles:',
    '    - MLOps Consultant',
    '  next_roles:',
    '    - name: Head of ML Platform',
    '      description: x',
  ].join('\n');

  test('indexes title, level, rows and career links', () => {
    const index = new WorkspaceIndex();
    index.update('file:///lead.role.yaml', role);
    const [indexed] = index.roles();
    assert.equal(indexed.uri, 'file:///lead.role.yaml');
    assert.equal(indexed.title, 'Lead MLOps Engineer');
    assert.equal(indexed.level, 'lead');
    assert.deepEqual(indexed.kpis, [{ name: 'Deployment success rate', fields: { target: '>= 95%' }, roles: ['Lead MLOps Engineer'] }]);
    assert.deepEqual(indexed.technicalSkills.map((s) => [s.name, s.tier]), [['Python', 'must_have'], ['LLMOps', 'emerging']]);
    assert.deepEqual(indexed.softSkills.map((s) => s.name), ['Ownership']);
    assert.deepEqual(indexed.tools.map((s) => s.name), ['MLflow']);
    assert.deepEqual(indexed.feederRoles, ['MLOps Consultant']);
    assert.deepEqual(indexed.nextRoles, ['Head of ML Platform']);
  });

  test("an open document's text is indexed under its version: the service's parse of that version is the one kept", () => {
    const parser = new BlueprintParser();
    const index = new WorkspaceIndex({ parser });
    const uri = 'file:///lead.role.yaml';
    const parsed = parser.parse(role, uri, 7);
    index.update(uri, role, 7);
    assert.equal(index.get(uri)?.title, 'Lead MLOps Engineer');
    assert.equal(parser.parse(role, uri, 7), parsed, 'not parsed again, not replaced by a parse without a version');
  });

  test('update replaces, remove drops; the version moves only when what is indexed changes', () => {
    const index = new WorkspaceIndex();
    index.update('file:///a.role.yaml', role);
    const v1 = index.version;
    index.update('file:///a.role.yaml', role.replace('title: Lead MLOps Engineer', 'title: Lead MLOps Engineer  # comment'));
    assert.equal(index.version, v1, 'a comment changes nothing indexed');
    index.update('file:///a.role.yaml', role.replace('MLflow', 'Kubeflow'));
    assert.equal(index.version, v1 + 1);
    assert.deepEqual(index.get('file:///a.role.yaml')!.tools.map((t) => t.name), ['Kubeflow']);
    index.update('file:///b.role.yaml', 'role:\n  title: B\n');
    assert.deepEqual(index.roles().map((r) => r.title), ['Lead MLOps Engineer', 'B']);
    index.remove('file:///a.role.yaml');
    assert.deepEqual(index.roles().map((r) => r.uri), ['file:///b.role.yaml']);
    assert.equal(index.version, v1 + 3);
  });

  test('texts are indexed when read; a reader can leave the document being edited pending', () => {
    const index = new WorkspaceIndex();
    index.update('file:///a.role.yaml', role);
    index.update('file:///b.role.yaml', 'role:\n  title: B\n');
    assert.deepEqual(index.indexedRoles(), []);
    index.settle('file:///a.role.yaml');
    assert.deepEqual(index.indexedRoles().map((r) => r.title), ['B']);
    assert.deepEqual(index.roles('file:///a.role.yaml').map((r) => r.title), ['B']);
    assert.equal(index.get('file:///a.role.yaml')!.title, 'Lead MLOps Engineer');
    index.update('file:///a.role.yaml', 'role:\n  title: A2\n');
    index.remove('file:///a.role.yaml');
    assert.deepEqual(index.roles().map((r) => r.title), ['B'], 'a removed file\'s pending text is dropped too');
  });

  test('malformed text indexes what can be read', () => {
    const index = new WorkspaceIndex();
    assert.doesNotThrow(() => index.update('file:///bad.role.yaml', 'role:\n  title: [oops\ntools:\n  - name: X\n'));
    assert.doesNotThrow(() => index.update('file:///list.role.yaml', '- just\n- a list\n'));
    assert.equal(index.get('file:///list.role.yaml')!.title, undefined);
    // The broken role section does not hide the tools row below it.
    assert.deepEqual(index.get('file:///bad.role.yaml')!.tools.map((t) => t.name), ['X']);
  });

  test('a file over the size limit is listed without its rows', () => {
    const index = new WorkspaceIndex({ maxTextLength: 100 });
    index.update('file:///huge.role.yaml', role);
    assert.deepEqual(index.get('file:///huge.role.yaml'), { uri: 'file:///huge.role.yaml', title: undefined, level: undefined, kpis: [], tools: [], technicalSkills: [], softSkills: [], feederRoles: [], nextRoles: [] });
  });
});

suite('catalog: store', () => {
  test('merges built-in, user and workspace rows by normalised name; the search index follows the workspace', () => {
    const workspace = new WorkspaceIndex();
    const store = new CatalogStore(workspace, TEST_CATALOG);
    assert.equal(store.search('tools', 'dagster').length, 0);
    workspace.update('file:///x.role.yaml', 'role:\n  title: X Role\ntools:\n  - name: mlflow\n    use: Ours\n  - name: Dagster\n');
    assert.equal(store.search('tools', 'dagster')[0].item.name, 'Dagster');
    const mlflow = store.lookup('tools', 'MLFLOW')!;
    assert.equal(mlflow.name, 'MLflow');
    assert.equal(mlflow.fields.use, 'Track runs, register models', 'the built-in fields come before workspace ones');
    assert.deepEqual([...mlflow.origins].sort(), ['builtin', 'workspace']);
    assert.deepEqual(mlflow.workspaceRoles, [{ uri: 'file:///x.role.yaml', title: 'X Role' }]);
    const results = store.setUserCatalogs([{ path: 'org.yaml', text: 'tools:\n  - name: MLflow\n    use: Org use\n' }, { path: 'bad.yaml', text: '[' }]);
    assert.deepEqual(results.map((r) => [r.path, r.diagnostics.map((d) => d.code)]), [['org.yaml', []], ['bad.yaml', ['catalog.syntax']]]);
    assert.equal(store.lookup('tools', 'mlflow')!.fields.use, 'Org use');
  });

  test('each kind is merged and indexed when first asked for, once per workspace version', () => {
    const read: string[] = [];
    const counting = Object.fromEntries(
      Object.entries(TEST_CATALOG).map(([kind, rows]) => [kind, { [Symbol.iterator]: () => (read.push(kind), (rows as unknown[])[Symbol.iterator]()) }]),
    ) as unknown as typeof TEST_CATALOG;
    const workspace = new WorkspaceIndex();
    const store = new CatalogStore(workspace, counting);
    store.search('tools', 'ml');
    store.lookup('tools', 'MLflow');
    assert.deepEqual(read, ['tools']);
    store.entries('kpis');
    assert.deepEqual(read, ['tools', 'kpis']);
    workspace.update('file:///x.role.yaml', 'role:\n  title: X Role\ntools:\n  - name: Dagster\n');
    assert.equal(store.lookup('tools', 'dagster')?.name, 'Dagster');
    assert.deepEqual(read, ['tools', 'kpis', 'tools']);
  });
});

suite('catalog: built-in catalog', () => {
  test('builtin.json is up to date with examples/*.role.yaml (run `npx tsx scripts/build-catalog.ts`)', () => {
    assert.equal(readFileSync(BUILTIN_CATALOG_PATH, 'utf8'), buildCatalogJson(readExamples()));
  });

  test('rows shared by several roles become one entry that remembers the roles', () => {
    const a = 'role:\n  title: Role A\ntools:\n  - name: MLflow\n    use: Tracking\nkpis:\n  - name: Uptime\n    target: ">= 99%"\n';
    const b = 'role:\n  title: Role B\ntools:\n  - name: mlflow\n    category: Registry\n    use: Other\ntechnical_skills:\n  good_to_have:\n    - name: Go\n';
    const catalog = JSON.parse(buildCatalogJson(new Map([['b.role.yaml', b], ['a.role.yaml', a]])));
    assert.deepEqual(catalog.sources, ['a.role.yaml', 'b.role.yaml']);
    assert.deepEqual(catalog.tools, [{ name: 'MLflow', fields: { use: 'Tracking', category: 'Registry' }, roles: ['Role A', 'Role B'] }]);
    assert.deepEqual(catalog.kpis, [{ name: 'Uptime', fields: { target: '>= 99%' }, roles: ['Role A'] }]);
    assert.deepEqual(catalog.technical_skills, [{ name: 'Go', fields: {}, tier: 'good_to_have', roles: ['Role B'] }]);
    assert.deepEqual(catalog.soft_skills, []);
  });

  test('the committed catalog holds every row of the three reference roles', () => {
    const catalog = JSON.parse(readFileSync(BUILTIN_CATALOG_PATH, 'utf8'));
    const mlflow = catalog.tools.find((t: { name: string }) => t.name === 'MLflow');
    assert.deepEqual(mlflow.roles, ['Associate MLOps Consultant', 'Lead MLOps Engineer', 'MLOps Consultant']);
    // Every KPI/tool/skill name of every example appears (merged by name).
    const examples = readExamples();
    assert.equal(examples.size, 3);
    for (const kind of ['kpis', 'tools', 'soft_skills'] as const) {
      const known = new Set(catalog[kind].map((e: { name: string }) => e.name.toLowerCase()));
      for (const text of examples.values()) {
        const section = text.split(new RegExp(`^${kind}:`, 'm'))[1]?.split(/^\S/m)[0] ?? '';
        for (const m of section.matchAll(/^\s*-?\s*name: (.+)$/gm)) {
          const name = m[1].replace(/^(['"])(.*)\1$/, '$2').trim().toLowerCase();
          assert.ok([...known].some((k) => k === name || (k as string).replace(/[^a-z0-9+#]+/g, ' ').trim() === name.replace(/[^a-z0-9+#]+/g, ' ').trim()), `${kind}: ${name}`);
        }
      }
    }
  });
});

suite('fuzzy index: runaway input', () => {
  test('a query longer than any name (a pasted paragraph, a 100,000-character line) matches nothing instead of scoring every entry', () => {
    const index = new FuzzySearchIndex(['MLflow', 'Kubernetes'], (name) => name);
    assert.deepEqual(index.search('x'.repeat(100_000)), []);
    assert.equal(index.search('mlf')[0]?.item, 'MLflow');
  });
});
