import * as assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';
import type { Settings } from '../../server/src/core/types';

function diagnosticsOf(text: string, settings?: Partial<Settings>): Diagnostic[] {
  const doc = TextDocument.create('file:///test.role.yaml', 'role-blueprint', 1, text);
  return createLanguageService({ settings }).computeDiagnostics(doc);
}

/** A diagnostic's message as plain text (LSP 3.18 also allows markup). */
function messageOf(d: Diagnostic): string {
  return typeof d.message === 'string' ? d.message : d.message.value;
}

/** `line:char-line:char code` for compact, exact assertions. */
function brief(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${start.line}:${start.character}-${end.line}:${end.character} ${String(d.code)}`;
}

const VALID = ['blueprint: 1', 'role:', '  title: Lead MLOps Engineer', '  level: lead', 'kpis:', '  - name: Deployment success rate', '    target: ">= 95%"', ''].join('\n');

suite('validation', () => {
  test('a valid blueprint has no schema or syntax problems', () => {
    const problems = diagnosticsOf(VALID).filter((d) => /^(yaml|schema|duplicate)\./.test(String(d.code)));
    assert.deepEqual(problems.map(brief), []);
  });

  test('a misspelt key: one error on the key, with a did-you-mean', () => {
    const text = VALID.replace('kpis:', 'kpi:');
    const [d, ...rest] = diagnosticsOf(text).filter((x) => String(x.code).startsWith('schema'));
    assert.equal(rest.length, 0);
    assert.equal(brief(d), '4:0-4:3 schema.unknown-key');
    assert.match(messageOf(d), /Did you mean "kpis"\?/);
    assert.deepEqual((d.data as { suggestions: string[] }).suggestions[0], 'kpis');
  });

  test('a wrong enum value: one error on the value', () => {
    const [d, ...rest] = diagnosticsOf(VALID.replace('level: lead', 'level: leed')).filter((x) => String(x.code).startsWith('schema'));
    assert.equal(rest.length, 0);
    assert.equal(brief(d), '3:9-3:13 schema.enum');
    assert.match(messageOf(d), /Did you mean "lead"\?/);
  });

  test('a missing role.title: one error on the parent key', () => {
    const [d, ...rest] = diagnosticsOf(VALID.replace('  title: Lead MLOps Engineer\n', '')).filter((x) => String(x.code).startsWith('schema'));
    assert.equal(rest.length, 0);
    assert.equal(brief(d), '1:0-1:4 schema.required');
    assert.match(messageOf(d), /"title"/);
  });

  test('a YAML syntax error: one error on its line, no schema noise', () => {
    const all = diagnosticsOf(VALID.replace('    target: ">= 95%"', '    target: ">= 95%'));
    assert.equal(all.length, 1, all.map(brief).join(', '));
    assert.equal(all[0].code, 'yaml.syntax');
    assert.equal(all[0].severity, DiagnosticSeverity.Error);
    assert.ok(all[0].range.start.line >= 6);
  });

  test('a wrong type: on the value, in words a hiring manager reads', () => {
    const [d] = diagnosticsOf(VALID.replace('target: ">= 95%"', 'target: [95]')).filter((x) => String(x.code).startsWith('schema'));
    assert.equal(brief(d), '6:12-6:16 schema.type');
    assert.equal(messageOf(d), '"target" of KPI #1 should be text, not a list.');
  });

  test('anyOf: only the best-fitting branch is reported', () => {
    const text = ['blueprint: 1', 'role:', '  title: T', 'responsibilities:', '  strategic:', '    - name: Set direction', '      descripton: typo', ''].join('\n');
    const schema = diagnosticsOf(text).filter((x) => String(x.code).startsWith('schema'));
    assert.deepEqual(schema.map(brief), ['6:6-6:16 schema.unknown-key']);
  });

  test('duplicate KPI names: on the second, pointing at the first', () => {
    const text = VALID + '  - name: deployment  success rate\n';
    const [d] = diagnosticsOf(text).filter((x) => x.code === 'duplicate.name');
    assert.equal(brief(d), '7:10-7:34 duplicate.name');
    assert.equal(d.relatedInformation?.[0].location.range.start.line, 5);
  });

  test('duplicate keys in a mapping', () => {
    const [d] = diagnosticsOf(VALID.replace('  level: lead', '  level: lead\n  title: Again')).filter((x) => String(x.code).startsWith('yaml'));
    assert.equal(d.code, 'yaml.duplicate-key');
    assert.equal(d.range.start.line, 4);
  });

  test('a file over the size limit gets one warning and is not parsed', () => {
    const all = diagnosticsOf(VALID + '#'.repeat(200), { maxFileSize: 100 });
    assert.deepEqual(all.map(brief), ['0:0-0:0 file.too-large']);
  });

  test('rule levels: a code can be turned off or re-levelled, and validation switched off', () => {
    const text = VALID.replace('kpis:', 'kpi:');
    assert.equal(diagnosticsOf(text, { rules: { 'schema.unknown-key': 'off' } }).filter((d) => d.code === 'schema.unknown-key').length, 0);
    const [d] = diagnosticsOf(text, { rules: { 'schema.unknown-key': 'hint' } }).filter((x) => x.code === 'schema.unknown-key');
    assert.equal(d.severity, DiagnosticSeverity.Hint);
    assert.deepEqual(diagnosticsOf(text, { validate: false }), []);
  });

  test('binary junk never throws and every range lies inside the document', () => {
    const junk = '\u0000\u0001role:\n\t- ]]{{\u00ff\ufffd: : :\n' + '\u0007'.repeat(50);
    const doc = TextDocument.create('file:///junk.role.yaml', 'role-blueprint', 1, junk);
    const all = createLanguageService().computeDiagnostics(doc);
    assert.ok(all.length > 0);
    for (const d of all) assert.ok(doc.offsetAt(d.range.end) <= junk.length && d.range.start.line <= d.range.end.line);
  });
});
