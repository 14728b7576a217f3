import * as assert from 'assert';
import { createLanguageService } from '../../server/src/core';
import { findSchemaModeline, globToRegExp, schemaForPath } from '../../server/src/core/orgSchemas';
import { docOf } from './testUtil';

suite('organisation schemas', () => {
  test('the modeline is found in the first lines, in both spellings, with its span', () => {
    assert.deepStrictEqual(findSchemaModeline('# $schema: ./schemas/acme.json\nblueprint: 1\n'), { path: './schemas/acme.json', span: [0, 30] });
    assert.deepStrictEqual(findSchemaModeline('blueprint: 1\n#   $schema:   "../org schema.json"  \r\n'), { path: '../org schema.json', span: [13, 50] });
    assert.strictEqual(findSchemaModeline('# yaml-language-server: $schema=org.json\n')?.path, 'org.json');
    assert.strictEqual(findSchemaModeline('\ufeff# $schema: a.json\n')?.span[0], 1);
    assert.strictEqual(findSchemaModeline('a: 1\nb: 2\nc: 3\nd: 4\ne: 5\n# $schema: late.json\n'), undefined, 'only the first five lines');
    assert.strictEqual(findSchemaModeline('summary: "# $schema: x.json"\n'), undefined);
  });

  test('globs: ** any folders, * within a name, {a,b} alternatives; no slash matches the name anywhere', () => {
    assert.ok(globToRegExp('teams/**/*.role.yaml').test('teams/ml/platform/x.role.yaml'));
    assert.ok(globToRegExp('teams/**/*.role.yaml').test('teams/x.role.yaml'));
    assert.ok(!globToRegExp('teams/*.role.yaml').test('teams/ml/x.role.yaml'));
    assert.ok(globToRegExp('*.role.{yaml,yml}').test('deep/down/x.role.yml'));
    assert.ok(!globToRegExp('*.role.yaml').test('x.role.yaml.bak'));
    assert.ok(globToRegExp('./roles/?.role.yaml').test('roles/a.role.yaml'));
    assert.strictEqual(schemaForPath('teams\\ml\\x.role.yaml', { 'other/**': 'a.json', 'teams/**': 'b.json' }), 'b.json');
    assert.strictEqual(schemaForPath('x.role.yaml', { 'teams/**': 'b.json' }), undefined);
  });

  test('a document is validated with the built-in schema and its organisation schema together', () => {
    const ls = createLanguageService();
    assert.deepStrictEqual(ls.setOrgSchema('/org.json', { text: '{"properties":{"role":{"required":["level"]}}}' }), { ok: true });
    const doc = docOf('blueprint: 1\nrole:\n  title: X\n  levle: lead\n');
    const org = ls.computeDiagnostics(doc, { orgSchema: { key: '/org.json', label: 'org.json' } }).filter((d) => String(d.code).startsWith('schema.'));
    assert.deepStrictEqual(org.map((d) => [d.code, d.range.start.line]).sort(), [['schema.required', 1], ['schema.unknown-key', 3]]);
    const builtInOnly = ls.computeDiagnostics(doc).filter((d) => String(d.code).startsWith('schema.'));
    assert.deepStrictEqual(builtInOnly.map((d) => d.code), ['schema.unknown-key']);
  });

  test('a schema that cannot be used is one diagnostic on the modeline (or the first line), with the reason', () => {
    const ls = createLanguageService();
    const cases: [string, { text: string } | { error: string }, RegExp][] = [
      ['/bad.json', { text: '{"type": ' }, /it is not valid JSON/],
      ['/list.json', { text: '[1, 2]' }, /a JSON Schema is an object, and this file holds a list/],
      ['/invalid.json', { text: '{"type": 42}' }, /it is not a valid JSON Schema/],
      ['/gone.json', { error: 'the file /gone.json does not exist' }, /the file \/gone\.json does not exist/],
    ];
    for (const [key, source, reason] of cases) {
      assert.strictEqual(ls.setOrgSchema(key, source).ok, false, key);
      for (const [text, range] of [
        ['# $schema: ./x.json\nblueprint: 1\nrole:\n  title: X\n', { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } }],
        ['blueprint: 1\r\nrole:\r\n  title: X\r\n', { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } }],
      ] as const) {
        const diagnostics = ls.computeDiagnostics(docOf(text), { orgSchema: { key, label: './x.json' } });
        const problem = diagnostics.filter((d) => d.code === 'schema.org-schema');
        assert.strictEqual(problem.length, 1, key);
        assert.deepStrictEqual(problem[0].range, range);
        assert.match(String(problem[0].message), /The organisation schema \.\/x\.json cannot be used: /);
        assert.match(String(problem[0].message), reason);
      }
    }
    ls.updateSettings({ rules: { 'schema.org-schema': 'off' } });
    assert.deepStrictEqual(ls.computeDiagnostics(docOf('blueprint: 1\nrole:\n  title: X\n'), { orgSchema: { key: '/bad.json', label: 'x' } }).filter((d) => d.code === 'schema.org-schema'), []);
  });

  test('reloading a key replaces its schema; removing it forgets it', () => {
    const ls = createLanguageService();
    ls.setOrgSchema('/org.json', { text: '{' });
    assert.ok(ls.hasOrgSchema('/org.json'));
    ls.setOrgSchema('/org.json', { text: '{"required": ["summary"]}' });
    const doc = docOf('blueprint: 1\nrole:\n  title: X\n');
    assert.deepStrictEqual(ls.computeDiagnostics(doc, { orgSchema: { key: '/org.json', label: 'org.json' } }).filter((d) => String(d.code).startsWith('schema.')).map((d) => d.code), ['schema.required']);
    ls.removeOrgSchema('/org.json');
    assert.ok(!ls.hasOrgSchema('/org.json'));
  });
});
