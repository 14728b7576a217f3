import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { generateLargeBlueprint } from '../../bench/generate';
import { Scenario } from '../../bench/scenario';
import { createLanguageService } from '../../server/src/core';
import { matchSpans, scanSections, type TextField } from '../../server/src/core/lint/fields';
import { BlueprintParser, type ParsedBlueprint } from '../../server/src/core/parse';

/**
 * The content rules keep findings per section, per list item text and per document (name
 * graphs, candidate indexes) between checks. After each edit of a sequence, the diagnostics of
 * the document checked edit by edit must equal those of the same text checked once, fresh.
 */

const seed = readFileSync(path.join(__dirname, '..', '..', 'examples', 'lead-mlops-engineer.role.yaml'), 'utf8');

/** The text with `find` (which must occur) replaced by `replace`. */
function edit(text: string, find: string, replace: string): string {
  const at = text.indexOf(find);
  assert.notEqual(at, -1, `"${find}" is in the text`);
  return text.slice(0, at) + replace + text.slice(at + find.length);
}

// Each edit, and a finding it must bring (so the comparison is not of empty lists).
const EDITS: [string, (text: string) => string, string][] = [
  ['a near-duplicate KPI row inserted in the middle', (t) => edit(t, '  - name: Change failure rate\n', '  - name: Deployment frequncy (ML services)\n    target: TBD\n  - name: Change failure rate\n'), 'duplicate.near'],
  ['a gender-coded word and jargon typed into a responsibility', (t) => edit(t, '    - Own the ML platform roadmap', '    - Be an aggressive rockstar and own the ML platform roadmap'), 'wording.jargon'],
  ['a tool renamed to repeat another', (t) => edit(t, '    name: Docker\n', '    name: AWS / Azure / GCP\n'), 'duplicate.name'],
  ['a summary entry changed to name nothing defined', (t) => edit(t, '    - Own ML CI/CD and automation\n', '    - Quantum annealing\n'), 'summary.unknown-item'],
  ['lines added above every section', (t) => `# A comment\n\n${t}`, 'wording.gender-coded'],
  ['the inserted KPI row removed again', (t) => edit(t, '  - name: Deployment frequncy (ML services)\n    target: TBD\n', ''), 'summary.unknown-item'],
  ['the same placeholder typed in two list items', (t) => edit(edit(t, '    - Define and evolve', '    - TODO Define and evolve'), '    - Establish reference', '    - TODO Establish reference'), 'completeness.placeholder'],
  // Every soft skill below moves (the parser moves their nodes), with the findings in them.
  ['a soft skill added at the top of its list', (t) => edit(t, 'soft_skills:\n', 'soft_skills:\n  - name: Calm under pressure\n    description: Keeps incidents calm and decisive.\n    shows_up: Runs blameless reviews.\n'), 'wording.gender-coded'],
  ['a soft skill lengthened above the others', (t) => edit(t, '  - name: Calm under pressure\n', '  - name: Calm and clear under pressure\n'), 'wording.gender-coded'],
  ['the tool name restored', (t) => edit(t, '    name: AWS / Azure / GCP\n    use: Build', '    name: Docker\n    use: Build'), 'tech-stack.unknown-tool'],
];

/** Diagnostics without the uri, which differs between the two documents. */
function comparable(diagnostics: readonly Diagnostic[]): unknown {
  return JSON.parse(JSON.stringify(diagnostics).replaceAll('file:///fresh/', 'file:///edited/'));
}

suite('lint: incremental checks equal fresh checks', () => {
  test('after each edit of a sequence', () => {
    const service = createLanguageService();
    let text = seed;
    let doc = TextDocument.create('file:///edited/role.role.yaml', 'role-blueprint', 1, text);
    service.computeDiagnostics(doc);
    EDITS.forEach(([what, apply, code], i) => {
      text = apply(text);
      doc = TextDocument.create(doc.uri, 'role-blueprint', i + 2, text);
      const incremental = service.computeDiagnostics(doc);
      const fresh = createLanguageService().computeDiagnostics(TextDocument.create(`file:///fresh/role.role.yaml`, 'role-blueprint', 1, text));
      assert.ok(incremental.some((d) => d.code === code), `${what}: ${code} reported`);
      assert.deepEqual(comparable(incremental), comparable(fresh), what);
    });
  });

  test('files checked as a batch that shares sections, as the CLI checks them', () => {
    // Each text of the edit sequence is another file; most of their sections are the same text,
    // which a batch parses once, so the files share section values and what rules keep by them.
    const texts = EDITS.reduce((all, [, apply]) => [...all, apply(all[all.length - 1])], [seed]);
    const batch = createLanguageService({ shareChunks: true });
    const codes = new Set<unknown>();
    texts.forEach((text, i) => {
      const doc = TextDocument.create(`file:///edited/file-${i}.role.yaml`, 'role-blueprint', 1, text);
      const checked = batch.computeDiagnostics(doc);
      batch.forget(doc.uri);
      const fresh = createLanguageService().computeDiagnostics(TextDocument.create(`file:///fresh/file-${i}.role.yaml`, 'role-blueprint', 1, text));
      for (const d of checked) codes.add(d.code);
      assert.deepEqual(comparable(checked), comparable(fresh), `file ${i}`);
    });
    assert.ok(codes.has('summary.unknown-item') && codes.has('duplicate.near'), 'findings of the per-section rules are compared');
  });

  test('an item moved to another list of its section is checked as an item of that list', () => {
    // Two lists big enough to be cut into items: the moved item keeps its parsed node. Wording
    // reads scorecard_summary.technical_skills as prose, scorecard_summary.tools as names.
    const entry = (i: number) => `    - Summary entry number ${i} with enough words to make the list long\n`;
    const list = (key: string, moved: boolean) => `  ${key}:\n${Array.from({ length: 60 }, (_, i) => (moved && i === 30 ? '    - Aggressive rockstar ninja\n' : entry(i))).join('')}`;
    const text = (movedTo: string | undefined) => `blueprint: 1\nrole:\n  title: Data Engineer\nscorecard_summary:\n${list('technical_skills', movedTo === 'technical_skills')}${list('tools', movedTo === 'tools')}`;
    const service = createLanguageService();
    const versions = [text(undefined), text('technical_skills'), text('tools')];
    versions.forEach((version, i) => {
      const incremental = service.computeDiagnostics(TextDocument.create('file:///edited/role.role.yaml', 'role-blueprint', i + 1, version));
      const fresh = createLanguageService().computeDiagnostics(TextDocument.create('file:///fresh/role.role.yaml', 'role-blueprint', 1, version));
      if (i === 1) assert.ok(incremental.some((d) => d.code === 'wording.jargon'), 'the item is prose in technical_skills');
      assert.deepEqual(comparable(incremental), comparable(fresh), `version ${i + 1}`);
    });
  });

  test('the benchmark edits of a generated blueprint with big sections', function () {
    this.timeout(120_000);
    // Sections past 16,000 characters, whose hits at open are filed per list item: a document
    // the rules have not seen, so that its sections are scanned whole at open.
    const service = createLanguageService();
    let doc = TextDocument.create('file:///edited/big.role.yaml', 'role-blueprint', 1, generateLargeBlueprint(seed, 4_000));
    service.computeDiagnostics(doc);
    const scenario = new Scenario(7);
    const edits: ((text: string) => { kind: string; change: TextDocumentContentChangeEvent })[] = Array.from({ length: 12 }, () => (text: string) => scenario.nextEdit(text));
    // The scenario leaves soft_skills, where most wording findings are, alone: its first edit
    // moves every item with its findings.
    const softSkill = '  - name: Calm under pressure\n    description: Keeps incidents calm.\n';
    edits.push((text) => {
      const at = doc.positionAt(text.indexOf('\nsoft_skills:\n') + '\nsoft_skills:\n'.length);
      assert.ok(text.includes('\nsoft_skills:\n'));
      return { kind: 'a soft skill added at the top', change: { range: { start: at, end: at }, text: softSkill } };
    });
    edits.forEach((next, i) => {
      const { kind, change } = next(doc.getText());
      doc = TextDocument.update(doc, [change], doc.version + 1);
      const incremental = service.computeDiagnostics(doc);
      // A new service: a document it has not seen, scanned whole, whatever the caches hold.
      const fresh = createLanguageService().computeDiagnostics(TextDocument.create('file:///fresh/big.role.yaml', 'role-blueprint', 1, doc.getText()));
      assert.ok(incremental.filter((d) => d.code === 'wording.gender-coded').length > 50, 'the wording findings are compared');
      assert.deepEqual(comparable(incremental), comparable(fresh), `edit ${i + 1} (${kind})`);
    });
  });
});

suite('lint: the hits of a big section at open are kept per list item', () => {
  test("the section's first edit scans only the items whose nodes are new, and finds what is there", () => {
    const items = Array.from({ length: 300 }, (_, i) => `  - name: Tool ${i}\n    use: ${i % 7 === 0 ? 'An aggressive' : 'A calm'} use of tool ${i} in the platform\n`).join('');
    const text = `blueprint: 1\ntools:\n${items}`;
    assert.ok(text.length > 16_000, 'big enough to be filed');
    const scanned: string[] = [];
    const calls: number[] = [];
    // A scan of its own: scanSections has not seen it, so the open scans each section whole.
    const scan = (parsed: ParsedBlueprint, fields: readonly TextField[]) => {
      calls.push(fields.length);
      for (const field of fields) scanned.push(field.value);
      return fields.flatMap((field) => matchSpans(parsed, field, /aggressive/g));
    };
    const occurrences = (source: string) => [...source.matchAll(/aggressive/g)].map((m) => [m.index, m.index + 'aggressive'.length]);
    const parser = new BlueprintParser();
    const uri = 'file:///big.role.yaml';
    assert.deepEqual(scanSections(parser.parse(text, uri, 1), scan).map((hit) => hit.span), occurrences(text));
    scanned.length = 0;
    // An item in the middle gets a hit: every item below it moves.
    const edited = text.replace('use: A calm use of tool 150 ', 'use: An aggressive use of tool 150 ');
    assert.deepEqual(scanSections(parser.parse(edited, uri, 2), scan).map((hit) => hit.span), occurrences(edited));
    // The edited item, and the first one, which the parser keeps with the list's frame (a new node).
    assert.deepEqual(scanned.sort(), ['An aggressive use of tool 0 in the platform', 'An aggressive use of tool 150 in the platform', 'Tool 0', 'Tool 150'].sort());

    // Closed and opened again: each section is scanned whole again, in one call.
    parser.forget(uri);
    calls.length = 0;
    assert.deepEqual(scanSections(parser.parse(edited, uri, 1), scan).map((hit) => hit.span), occurrences(edited));
    assert.deepEqual(calls, [0, 600], 'blueprint (no text), then the 300 tools with their two fields');
  });
});

