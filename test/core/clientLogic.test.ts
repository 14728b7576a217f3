import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CrashPolicy } from '../../client/src/crashPolicy';
import { ENUM_VALUES, scanHighlights } from '../../client/src/highlight';
import { exportFileName, importTargetName, isBlueprintFileName, newBlueprintName, skeletonSnippetBody } from '../../client/src/fileNames';
import { DEFAULT_SETTINGS, externalWatchTargets, readSettings } from '../../client/src/settings';
import { statusView } from '../../client/src/statusText';
import type { DocumentStatus } from '../../server/src/lsp/protocol';

const root = join(__dirname, '..', '..');

suite('client settings', () => {
  test('well-typed values are read as they are', () => {
    const values: Record<string, unknown> = {
      validate: false,
      catalogs: ['catalogs/skills.json', '/abs/tools.yaml'],
      schemas: { 'hr/**/*.role.yaml': './strict.schema.json' },
      'preview.scrollSync': false,
    };
    assert.deepEqual(readSettings((key) => values[key]), {
      validate: false,
      catalogs: ['catalogs/skills.json', '/abs/tools.yaml'],
      schemas: { 'hr/**/*.role.yaml': './strict.schema.json' },
      previewScrollSync: false,
    });
  });

  test('missing or mistyped values fall back to the defaults, entry by entry', () => {
    assert.deepEqual(readSettings(() => undefined), DEFAULT_SETTINGS);
    const values: Record<string, unknown> = {
      validate: 'yes',
      catalogs: ['ok.json', 3, '  ', null],
      schemas: { good: 'a.json', bad: 1 },
      'preview.scrollSync': 0,
    };
    assert.deepEqual(readSettings((key) => values[key]), { validate: true, catalogs: ['ok.json'], schemas: { good: 'a.json' }, previewScrollSync: true });
    assert.deepEqual(readSettings((key) => (key === 'schemas' ? ['a.json'] : undefined)).schemas, {});
  });

  test('the client watches only configured files outside every workspace folder', () => {
    const folders = ['/work/a', '/work/b'];
    assert.deepEqual(externalWatchTargets({ catalogs: [], schemas: {} }, folders), []);
    assert.deepEqual(
      externalWatchTargets(
        {
          catalogs: ['./catalogs/skills.json', '/work/a/tools.yaml', '/etc/hr/kpis.json', '../shared/x.json', 'https://example.com/c.json'],
          schemas: { '*.role.yaml': '/etc/hr/kpis.json', other: '/opt/schemas/strict.schema.json' },
        },
        folders,
      ),
      [
        { base: '/etc/hr', glob: 'kpis.json' },
        { base: '/work/shared', glob: 'x.json' },
        { base: '/opt/schemas', glob: 'strict.schema.json' },
      ],
    );
    // Without a folder, a relative path has nothing to resolve against.
    assert.deepEqual(externalWatchTargets({ catalogs: ['c.json', '/c/d.json'], schemas: {} }, []), [{ base: '/c', glob: 'd.json' }]);
  });
});

suite('client crash policy', () => {
  test('restarts up to the budget, tells the user once, then gives up and says so', () => {
    const policy = new CrashPolicy(2, 1000);
    assert.deepEqual(policy.crashed(0), { restart: true, notify: true });
    assert.deepEqual(policy.crashed(10), { restart: true, notify: false });
    assert.deepEqual(policy.crashed(20), { restart: false, notify: true });
  });

  test('crashes older than the window do not count, and a manual restart resets the budget', () => {
    const policy = new CrashPolicy(1, 1000);
    assert.equal(policy.crashed(0).restart, true);
    assert.equal(policy.crashed(1500).restart, true);
    assert.equal(policy.crashed(1600).restart, false);
    policy.reset();
    assert.deepEqual(policy.crashed(1700), { restart: true, notify: false });
  });
});

suite('client status text', () => {
  const status = (overrides: Partial<DocumentStatus> = {}): DocumentStatus => ({
    uri: 'file:///a.role.yaml',
    version: 1,
    sectionsPresent: 18,
    sectionsTotal: 20,
    missing: ['risks', 'variants'],
    thin: ['tools'],
    errors: 2,
    warnings: 1,
    ...overrides,
  });

  test('completeness and problem counts for the active blueprint', () => {
    const view = statusView('running', { health: 'ok', quiescent: true }, status());
    assert.equal(view.text, '$(error) Role Blueprint: 18/20 sections · 2 errors · 1 warning');
    assert.equal(view.severity, 'error');
    assert.deepEqual(view.details, ['**18 of 20 sections** present; 2 errors, 1 warning.', 'Missing: `risks`, `variants`', 'Thin: `tools`']);
    const clean = statusView('running', { health: 'ok', quiescent: true }, status({ sectionsPresent: 20, missing: [], thin: [], errors: 0, warnings: 0 }));
    assert.equal(clean.text, '$(checklist) Role Blueprint: 20/20 sections');
    assert.equal(clean.severity, 'ok');
  });

  test('the server state wins while it is not running; busy while indexing', () => {
    assert.equal(statusView('starting', undefined, status()).text, '$(sync~spin) Role Blueprint: starting…');
    assert.equal(statusView('crashed', undefined, status()).text, '$(error) Role Blueprint: server crashed');
    assert.equal(statusView('stopped', undefined, undefined).severity, 'error');
    const indexing = statusView('running', { health: 'warning', quiescent: false, message: 'Catalog kpis.json: not found' }, undefined);
    assert.deepEqual(indexing, { text: '$(sync~spin) Role Blueprint', details: ['Catalog kpis.json: not found'], severity: 'warning', busy: true });
  });
});

suite('client file names', () => {
  test('import, export and new-file names', () => {
    assert.equal(importTargetName('engineering-manager.wp.json'), 'engineering-manager.role.yaml');
    assert.equal(importTargetName('Page.HTML'), 'Page.role.yaml');
    assert.equal(importTargetName('.html'), 'imported.role.yaml');
    assert.equal(exportFileName('eng.role.yaml', 'html'), 'eng.html');
    assert.equal(exportFileName('eng.role.yml', 'md'), 'eng.md');
    assert.equal(exportFileName('Untitled-1', 'md'), 'Untitled-1.md');
    assert.equal(newBlueprintName(1), 'new-role.role.yaml');
    assert.equal(newBlueprintName(3), 'new-role-3.role.yaml');
  });

  test('blueprint file names (the saves that refresh the career ladder): *.role.yaml / *.role.yml in any case', () => {
    for (const name of ['/w/eng.role.yaml', '/w/Eng.ROLE.YML', 'a.role.yml']) assert.ok(isBlueprintFileName(name), name);
    for (const name of ['/w/eng.yaml', '/w/role.yaml', '/w/eng.role.yaml.bak', '/w/eng.role.json']) assert.ok(!isBlueprintFileName(name), name);
  });

  test('the skeleton comes from the shipped snippet file', () => {
    const snippets = JSON.parse(readFileSync(join(root, 'snippets', 'role-blueprint.code-snippets.json'), 'utf8'));
    const body = skeletonSnippetBody(snippets);
    assert.ok(body?.startsWith('blueprint: 1\nrole:\n'));
    assert.equal(skeletonSnippetBody({ a: { prefix: ['x', 'blueprint'], body: 'one' } }), 'one');
    assert.equal(skeletonSnippetBody({ a: { prefix: 'other', body: 'one' } }), undefined);
    assert.equal(skeletonSnippetBody(null), undefined);
  });
});

suite('client highlighting and manifest', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const marked = (text: string) => scanHighlights(text).map((h) => `${h.line}:${h.start} ${h.kind} ${text.split('\n')[h.line].slice(h.start, h.start + h.length)}`);

  test('section keys at the top level and enum values are marked, with exact positions', () => {
    const text = [
      '# summary: in a comment',
      'blueprint: 1',
      'role:',
      '  title: Lead   # level: lead',
      '  level: lead',
      'summary: |-',
      '  text',
      '',
      '  level: mid',
      'responsibilities:',
      '  summary: nested',
      'technical_skills:',
      '  must_have:',
      '    - name: Go',
      '      importance: "critical"',
      '    - { name: Rust, importance: optional }',
      'tools:',
      '  - name: Git',
      '    prevalence: context_specific # why',
      '    note: "importance: critical"',
      '    prevalence: sometimes',
      'posting:',
      '  employment_type: FULL_TIME',
      'summaryx: 1',
      'goals :',
    ].join('\n');
    assert.deepEqual(marked(text), [
      '4:9 enum lead',
      '5:0 section summary',
      '9:0 section responsibilities',
      '11:0 section technical_skills',
      '14:19 enum critical',
      '15:32 enum optional',
      '16:0 section tools',
      '18:16 enum context_specific',
      '22:19 enum FULL_TIME',
      '24:0 section goals',
    ]);
  });

  test('a block scalar ends at the first line that is not more indented than its key', () => {
    assert.deepEqual(marked(['role:', '  summary: >', '    level: mid', '  level: mid', 'mission: |', 'kpis:'].join('\n')), ['3:9 enum mid', '4:0 section mission', '5:0 section kpis']);
    assert.deepEqual(marked(['mission: |', '  kpis:', 'kpis:'].join('\n')), ['0:0 section mission', '2:0 section kpis']);
    assert.deepEqual(marked(['mission: >-', 'mission'].join('\n')), ['0:0 section mission']);
  });

  test('the enum lists are exactly the schema enums', () => {
    const schema = JSON.parse(readFileSync(join(root, 'schemas', 'role-blueprint.schema.json'), 'utf8'));
    const fromSchema: Record<string, unknown> = {};
    (function walk(node: unknown, key: string): void {
      if (typeof node !== 'object' || node === null) return;
      const record = node as Record<string, unknown>;
      if (Array.isArray(record.enum)) fromSchema[key] = record.enum;
      for (const [child, value] of Object.entries(record)) walk(value, child === 'properties' ? key : child);
    })(schema, '');
    assert.deepEqual(ENUM_VALUES, fromSchema);
  });

  test('the semantic token types are contributed and mapped to scopes', () => {
    const types = (manifest.contributes.semanticTokenTypes as { id: string }[]).map((t) => t.id).sort();
    assert.deepEqual(types, ['roleBlueprintEnum', 'roleBlueprintSection']);
    assert.deepEqual(Object.keys(manifest.contributes.semanticTokenScopes[0].scopes).sort(), types);
  });

  test('every command the client registers is contributed, and every contributed command exists', () => {
    const source = readFileSync(join(root, 'client', 'src', 'commands', 'index.ts'), 'utf8');
    const registered = [...source.matchAll(/^ {4}(\w+): \w+\(/gm)].map((m) => `roleBlueprint.${m[1]}`).sort();
    const contributed = (manifest.contributes.commands as { command: string }[]).map((c) => c.command).sort();
    assert.deepEqual(registered, contributed);
    for (const command of ['roleBlueprint.newBlueprint', 'roleBlueprint.importBlueprint']) assert.ok(manifest.activationEvents.includes(`onCommand:${command}`));
    assert.ok(manifest.activationEvents.includes('onWebviewPanel:roleBlueprint.preview'));
  });
});
