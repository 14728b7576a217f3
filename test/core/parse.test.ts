import * as assert from 'node:assert/strict';
import { BlueprintParser, locate, nodeSpan, SharedChunks, splitTopLevel } from '../../server/src/core/parse';

suite('parse', () => {
  const text = ['# header', 'blueprint: 1', 'role:', '  title: Lead', '', '# 7) KPIs', 'kpis:', '  - name: A', '    target: ">= 95%"', ''].join('\n');

  test('cuts a block mapping at top-level keys, comments going with the key below them', () => {
    const starts = splitTopLevel(text)!;
    assert.deepEqual(starts.map((s) => text.slice(s).split('\n')[0]), ['# header', 'role:', '# 7) KPIs']);
  });

  test('a column-0 comment followed by indented lines stays with the section above', () => {
    const commented = 'kpis:\n  - name: A\n# about A\n    target: "5"\nsummary: x\n';
    const starts = splitTopLevel(commented)!;
    assert.deepEqual(starts, [0, commented.indexOf('summary')]);
    assert.equal(new BlueprintParser().parse(commented).chunked, true);
  });

  test('does not cut what chunking could misread', () => {
    assert.equal(splitTopLevel('- a\n- b\n'), undefined);
    assert.equal(splitTopLevel('a: 1\n---\nb: 2\n'), undefined);
    assert.equal(splitTopLevel('a: [1,\n2]\n'), undefined);
  });

  test('chunked parse gives the same value and absolute ranges as a whole parse', () => {
    const parsed = new BlueprintParser().parse(text);
    assert.equal(parsed.chunked, true);
    assert.deepEqual(parsed.value, { blueprint: 1, role: { title: 'Lead' }, kpis: [{ name: 'A', target: '>= 95%' }] });
    const target = locate(parsed, ['kpis', 0, 'target'])!;
    const [start, end] = nodeSpan(target.node!, target.base);
    assert.equal(text.slice(start, end), '">= 95%"');
  });

  test('re-parses only the chunk that changed', () => {
    const parser = new BlueprintParser();
    const first = parser.parse(text, 'file:///a', 1);
    const edited = text.replace('A', 'B');
    const second = parser.parse(edited, 'file:///a', 2);
    assert.equal(second.sections.find((s) => s.key === 'role')!.pair, first.sections.find((s) => s.key === 'role')!.pair, 'unchanged section reused');
    assert.notEqual(second.sections.find((s) => s.key === 'kpis')!.pair, first.sections.find((s) => s.key === 'kpis')!.pair);
    assert.equal((second.value as { kpis: { name: string }[] }).kpis[0].name, 'B');
  });

  test('a duplicate top-level key across chunks is reported on the second key', () => {
    const dup = 'role:\n  title: A\nsummary: x\nrole:\n  title: B\n';
    const parsed = new BlueprintParser().parse(dup);
    const problem = parsed.problems.find((p) => p.code === 'yaml.duplicate-key')!;
    assert.equal(dup.slice(problem.start, problem.end), 'role');
    assert.equal(problem.start, dup.lastIndexOf('role'));
  });

  test('a syntax error falls back to a whole parse, is located, and keeps what could be read', () => {
    const bad = 'role:\n  title: "unterminated\nsummary: x\n';
    const parsed = new BlueprintParser().parse(bad);
    assert.equal(parsed.chunked, false);
    const problem = parsed.problems.find((p) => p.code === 'yaml.syntax')!;
    assert.ok(problem.start >= bad.indexOf('"'), 'located at or after the open quote');
    assert.ok(parsed.value && typeof parsed.value === 'object' && 'role' in parsed.value, 'partial value kept for completion and preview');
  });

  test('an alias bomb is refused, not expanded', () => {
    const lines = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const parsed = new BlueprintParser().parse(lines.join('\n') + '\n');
    assert.ok(parsed.problems.some((p) => p.code === 'yaml.alias-limit'));
    assert.equal(parsed.value, undefined);
  });

  test('a list, an empty file and a second document', () => {
    const parser = new BlueprintParser();
    assert.deepEqual(parser.parse('- a\n').problems.map((p) => p.code), ['yaml.not-a-mapping']);
    assert.deepEqual(parser.parse('').problems, []);
    assert.deepEqual(parser.parse('a: 1\n---\nb: 2\n').problems.map((p) => p.code), ['yaml.multiple-documents']);
  });

  test('custom tags are never constructed', () => {
    const parsed = new BlueprintParser().parse('summary: !!js/function "function () { return 1 }"\nmission: !custom x\n');
    const value = parsed.value as Record<string, unknown> | undefined;
    if (value) for (const v of Object.values(value)) assert.notEqual(typeof v, 'function');
  });
});

suite('chunks shared by a batch', () => {
  test('when full, the chunks another file used are kept and the others dropped', () => {
    const shared = new SharedChunks<string>(100);
    const chunk = (name: string) => name.padEnd(20, '.');
    for (const name of ['a', 'b', 'c', 'd']) shared.add(chunk(name), name);
    assert.equal(shared.get(chunk('b')), 'b');
    assert.equal(shared.get(chunk('d')), 'd');
    shared.add(chunk('e'), 'e');
    shared.add(chunk('f'), 'f'); // over 100 characters: a, c and e go, b and d stay
    assert.deepEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => shared.get(chunk(name))), [undefined, 'b', undefined, 'd', undefined, 'f']);
  });

  test('a batch that repeats little does not grow past its bound', () => {
    const shared = new SharedChunks<number>(100);
    for (let i = 0; i < 1000; i++) shared.add(`chunk ${i}`.padEnd(30, '.'), i);
    const kept = Array.from({ length: 1000 }, (_, i) => shared.get(`chunk ${i}`.padEnd(30, '.'))).filter((r) => r !== undefined);
    assert.ok(kept.length >= 1 && kept.length <= 3, `${kept.length} chunks kept`);
    assert.equal(shared.get('chunk 999'.padEnd(30, '.')), 999);
  });

  test('chunks reused all along are dropped too when they alone fill it', () => {
    const shared = new SharedChunks<string>(100);
    for (const name of ['a', 'b', 'c', 'd', 'e']) shared.add(name.padEnd(20, '.'), name);
    for (const name of ['a', 'b', 'c', 'd', 'e']) shared.get(name.padEnd(20, '.'));
    shared.add('f'.padEnd(20, '.'), 'f');
    assert.deepEqual(['a', 'b', 'c', 'd', 'e', 'f'].map((name) => shared.get(name.padEnd(20, '.'))), [undefined, undefined, undefined, undefined, undefined, 'f']);
  });
});
