import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';
import { parseSuppressions } from '../../server/src/core/suppression';

function codesByLine(text: string): string[] {
  const doc = TextDocument.create('file:///s.role.yaml', 'role-blueprint', 1, text);
  return createLanguageService()
    .computeDiagnostics(doc)
    // The codes this text is about; other rules' findings on the same text are not the subject here.
    .filter((d: Diagnostic) => /^(schema\.|wording\.jargon|kpi\.)/.test(String(d.code)))
    .map((d) => `${d.range.start.line + 1} ${String(d.code)}`);
}

const BODY = [
  'blueprint: 1',
  'role:',
  '  title: Data Engineer',
  '  levle: mid',
  'summary: A rockstar data ninja.',
  'kpis:',
  '  - name: Cost',
  '    target: TBD',
  '    frequency: Whenever',
].join('\n');

suite('suppression comments', () => {
  test('without comments every finding is reported', () => {
    assert.deepEqual(codesByLine(BODY), ['4 schema.unknown-key', '5 wording.jargon', '5 wording.jargon', '8 kpi.target-not-measurable', '9 kpi.frequency-unknown']);
  });

  test('disable-next-line with a code drops that code on the next line only', () => {
    const text = BODY.replace('summary:', '# role-blueprint-disable-next-line wording.jargon\nsummary:');
    assert.deepEqual(codesByLine(text), ['4 schema.unknown-key', '9 kpi.target-not-measurable', '10 kpi.frequency-unknown']);
  });

  test('disable-next-line applies to yaml/schema codes too', () => {
    const text = BODY.replace('  levle: mid', '  # role-blueprint-disable-next-line schema.unknown-key\n  levle: mid');
    assert.deepEqual(codesByLine(text), ['6 wording.jargon', '6 wording.jargon', '9 kpi.target-not-measurable', '10 kpi.frequency-unknown']);
  });

  test('disable-next-line without a code drops every code on the next line; a reason after -- is ignored', () => {
    const text = BODY.replace('    target: TBD', '    # role-blueprint-disable-next-line -- cost is agreed later\n    target: TBD');
    assert.deepEqual(codesByLine(text), ['4 schema.unknown-key', '5 wording.jargon', '5 wording.jargon', '10 kpi.frequency-unknown']);
  });

  test('a code with another code on the line is not dropped', () => {
    const text = BODY.replace('summary:', '# role-blueprint-disable-next-line kpi.target-not-measurable\nsummary:');
    assert.deepEqual(codesByLine(text).filter((c) => c.startsWith('6 ')), ['6 wording.jargon', '6 wording.jargon']);
  });

  test('file-level disable in the leading comment block, several codes, and a family prefix', () => {
    const text = `# Imported role\n# role-blueprint-disable wording.jargon, kpi\n\n${BODY}`;
    assert.deepEqual(codesByLine(text), ['7 schema.unknown-key']);
  });

  test('file-level disable without codes drops everything', () => {
    assert.deepEqual(codesByLine(`# role-blueprint-disable\n${BODY}`), []);
  });

  test('a file-level comment after the leading block does not apply to the file', () => {
    const text = BODY.replace('kpis:', '# role-blueprint-disable wording.jargon\nkpis:');
    assert.deepEqual(codesByLine(text), ['4 schema.unknown-key', '5 wording.jargon', '5 wording.jargon', '9 kpi.target-not-measurable', '10 kpi.frequency-unknown']);
  });

  test('a family prefix does not match a code that merely starts with the same letters', () => {
    const text = `# role-blueprint-disable kp\n${BODY}`;
    assert.equal(codesByLine(text).filter((c) => c.includes(' kpi.')).length, 2);
  });

  test('parseSuppressions: lines, CRLF, and text in values is not a comment', () => {
    const parsed = parseSuppressions('# role-blueprint-disable a.b\r\nx: 1\r\n  # role-blueprint-disable-next-line c.d e.f\r\ny: "# role-blueprint-disable-next-line g.h"\r\n');
    assert.deepEqual(parsed.file, [['a.b']]);
    assert.deepEqual([...parsed.lines.entries()], [[3, [['c.d', 'e.f']]]]);
  });
});

suite('suppression comments: text that only looks like one', () => {
  test('a "# role-blueprint-disable" line inside a block scalar is text, not a comment', () => {
    const text = ['blueprint: 1', 'role:', '  title: X', 'summary: |-', '  # role-blueprint-disable', '  We need a rockstar.', ''].join('\n');
    assert.deepEqual(codesByLine(text), ['6 wording.jargon']);
  });
});
