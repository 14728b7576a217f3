import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { createLanguageService } from '../../server/src/core';
import { applyEdits, docOf } from './testUtil';

const service = createLanguageService();
const OPTIONS = { tabSize: 2, insertSpaces: true };

function format(text: string, options = OPTIONS): string {
  return applyEdits(text, service.format(docOf(text), options));
}

function commentLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.match(/(?:^|\s)(#.*)$/)?.[1]?.trim())
    .filter((c): c is string => c !== undefined);
}

const MESSY = [
  '# yaml-language-server: $schema=../schemas/role-blueprint.schema.json',
  '# Header: Lead MLOps Engineer, draft 3',
  '',
  'kpis:',
  '# The delivery metrics',
  '-   name: Deployment success rate   # the headline metric',
  '    target: ">= 95%"',
  '    # reviewed monthly',
  '    frequency: Monthly',
  '# second row',
  '-   name: Lead time for change',
  '    target: "< 1 day"',
  'summary: >-',
  '    The Lead MLOps Engineer designs and runs',
  '    the systems that ship models.',
  '',
  '    Second paragraph.',
  'mission: |',
  '  Keep models in production healthy.',
  '    - indented line kept as written',
  '',
  '# Who this is',
  'role:',
  '    title: "Lead MLOps Engineer"  # as posted',
  '    level: lead',
  '# free-standing note after role',
  '',
  'blueprint: 1   # format version',
  'responsibilities:',
  '  strategic: [Set direction, Own the roadmap]   # flow list',
  '  operational:',
  '     - Run the platform',
  '     - {name: On-call, description: "Weekly rotation"}',
  'technical_skills:',
  '        must_have:   # the core',
  '          - name: Python',
  '            importance: critical',
  'custom_extra: stays at the end',
  'tools:',
  '  - name: MLflow',
  '',
  '# end of file',
  '',
].join('\n');

suite('formatting', () => {
  test('a messy file: indentation and section order normalised, every comment and value kept', () => {
    const after = format(MESSY);
    assert.notEqual(after, MESSY);
    assert.deepEqual(parse(after), parse(MESSY));
    assert.deepEqual(commentLines(after).sort(), commentLines(MESSY).sort());
    const keys = [...after.matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);
    assert.deepEqual(keys, ['blueprint', 'role', 'summary', 'mission', 'responsibilities', 'kpis', 'technical_skills', 'tools', 'custom_extra']);
    assert.equal(
      after,
      [
        '# yaml-language-server: $schema=../schemas/role-blueprint.schema.json',
        '# Header: Lead MLOps Engineer, draft 3',
        '',
        'blueprint: 1 # format version',
        '',
        '# Who this is',
        'role:',
        '  title: "Lead MLOps Engineer" # as posted',
        '  level: lead',
        '# free-standing note after role',
        '',
        'summary: >-',
        '  The Lead MLOps Engineer designs and runs',
        '  the systems that ship models.',
        '',
        '  Second paragraph.',
        'mission: |',
        '  Keep models in production healthy.',
        '    - indented line kept as written',
        'responsibilities:',
        '  strategic: [Set direction, Own the roadmap] # flow list',
        '  operational:',
        '    - Run the platform',
        '    - {name: On-call, description: "Weekly rotation"}',
        'kpis:',
        '  # The delivery metrics',
        '  - name: Deployment success rate # the headline metric',
        '    target: ">= 95%"',
        '    # reviewed monthly',
        '    frequency: Monthly',
        '  # second row',
        '  - name: Lead time for change',
        '    target: "< 1 day"',
        'technical_skills:',
        '  must_have:',
        '    # the core',
        '    - name: Python',
        '      importance: critical',
        'tools:',
        '  - name: MLflow',
        'custom_extra: stays at the end',
        '',
        '# end of file',
        '',
      ].join('\n'),
    );
  });

  test('formatting is idempotent', () => {
    const once = format(MESSY);
    assert.deepEqual(service.format(docOf(once), OPTIONS), []);
  });

  test('the tab size sets the indentation', () => {
    const after = format('role:\n  title: T\nkpis:\n  - name: A\n', { tabSize: 4, insertSpaces: true });
    assert.equal(after, 'role:\n    title: T\nkpis:\n    - name: A\n');
  });

  test('CRLF line breaks stay CRLF', () => {
    const after = format('role:\r\n    title: T\r\nblueprint: 1\r\n');
    assert.equal(after, 'blueprint: 1\r\nrole:\r\n  title: T\r\n');
  });

  test('a document with syntax errors is not formatted', () => {
    assert.deepEqual(service.format(docOf('role:\n    title: [unclosed\nkpis: x\n'), OPTIONS), []);
    assert.deepEqual(service.format(docOf('role: 1\nrole: 2\n'), OPTIONS), []);
    assert.deepEqual(service.format(docOf('a: 1\n---\nb: 2\n'), OPTIONS), []);
  });

  test('a comment the printer would move to another line makes formatting decline', () => {
    // The yaml printer reads this comment (deeper than the next item) as the end of the line above.
    const text = 'kpis:\n  - name: A\n    target: x\n\n      # about B\n  - name: B\n';
    assert.deepEqual(service.format(docOf(text), OPTIONS), []);
  });

  test('the example blueprints are already formatted (or only normalised, with the same value and comments)', () => {
    const dir = join(__dirname, '../../examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.role.yaml'));
    assert.ok(files.length >= 3, 'the three examples are there');
    for (const file of files) {
      const text = readFileSync(join(dir, file), 'utf8');
      const after = format(text);
      assert.deepEqual(parse(after), parse(text), file);
      assert.deepEqual(commentLines(after).sort(), commentLines(text).sort(), file);
      assert.equal(format(after), after, `${file} is stable`);
    }
  });
});
