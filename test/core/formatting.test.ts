import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { parse, stringify } from 'yaml';
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

suite('formatting: aliases', () => {
  test('sections are not reordered when an alias would come before its anchor; indentation still is', () => {
    const text = 'anchors: &a\n    title: T\nrole: *a\nblueprint: 1\n';
    const after = format(text);
    assert.equal(after, 'anchors: &a\n  title: T\nrole: *a\nblueprint: 1\n');
    assert.equal(format(after), after);
  });
});

suite('formatting: property', () => {
  const key = fc.constantFrom('blueprint', 'role', 'summary', 'kpis', 'tools', 'goals', 'notes', 'extra', 'title', 'name', 'target');
  const scalar = fc.oneof(fc.constantFrom('plain text', '>= 95%', 'a: b', '#not a comment', 'line one\nline two\n', '', '42', 'true'), fc.string({ maxLength: 12 }), fc.integer());
  const value = fc.letrec((tie) => ({
    node: fc.oneof({ maxDepth: 3 }, scalar, fc.array(tie('node'), { maxLength: 3 }), fc.dictionary(key, tie('node'), { maxKeys: 3 })),
  })).node;

  test('any formatted result has the same value and comments, and formatting it again changes nothing', () => {
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 6 }), fc.integer({ min: 2, max: 4 }), fc.boolean(), fc.array(fc.tuple(fc.nat(), fc.nat(6), fc.boolean()), { maxLength: 5 }), (object, indent, indentSeq, comments) => {
        const lines = stringify(object, { indent, indentSeq }).split('\n');
        comments.forEach(([at, depth, trailing], i) => {
          const line = at % lines.length;
          if (trailing && lines[line].trim() && !/[|>][-+]?$/.test(lines[line]) && !lines[line].includes('#')) lines[line] += ` # trailing ${i}`;
          else lines.splice(line, 0, `${' '.repeat(depth)}# comment ${i}`);
        });
        const text = lines.join('\n');
        const edits = service.format(docOf(text), OPTIONS);
        if (edits.length === 0) return;
        const after = applyEdits(text, edits);
        assert.deepEqual(parse(after), parse(text));
        assert.deepEqual(commentLines(after).sort(), commentLines(text).sort());
        assert.deepEqual(service.format(docOf(after), OPTIONS), []);
      }),
      { numRuns: 300 },
    );
  });
});
