import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isSeq } from 'yaml';
import { generateLargeBlueprint } from '../../bench/generate';
import { Scenario } from '../../bench/scenario';
import { sectionLayout } from '../../server/src/core/listChunks';
import { BlueprintParser, findSection, type ParsedBlueprint } from '../../server/src/core/parse';
import { parseDifference } from '../fuzz/parseDifference';

/**
 * An edited document is parsed from pieces (a section's big lists cut into items, each cached by
 * its text); the result must be exactly what a whole parse of the same text gives: every node
 * with its range, value, style and spacing, the plain value and the problems. (The fuzz harness
 * checks the same on every mutated input: test/fuzz/harness.ts.)
 */

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples');
const SEED = readFileSync(path.join(EXAMPLES, 'lead-mlops-engineer.role.yaml'), 'utf8');
const OTHER_SEEDS = ['associate-mlops-consultant.role.yaml', 'mlops-consultant.role.yaml'].map((name) => readFileSync(path.join(EXAMPLES, name), 'utf8'));

/** Parses `text` as the next version of the document and checks it against a whole parse. */
function checkVersion(parser: BlueprintParser, text: string, version: number, label: string): ParsedBlueprint {
  const incremental = parser.parse(text, 'file:///doc.role.yaml', version);
  const difference = parseDifference(incremental, new BlueprintParser().parse(text));
  assert.equal(difference, undefined, `${label}: parsing from pieces differs from a whole parse`);
  return incremental;
}

function replaceLine(text: string, match: RegExp, replacement: (line: string) => string, nth = 0): string {
  const lines = text.split('\n');
  const hits = lines.map((line, i) => (match.test(line) ? i : -1)).filter((i) => i >= 0);
  const at = hits[Math.min(nth, hits.length - 1)];
  assert.ok(at !== undefined, `no line matches ${match}`);
  lines[at] = replacement(lines[at]);
  return lines.join('\n');
}

suite('list chunks: parsing an edited document from pieces', () => {
  test('the seed has big lists to cut, and only plain ones', () => {
    const tools = SEED.slice(SEED.indexOf('\ntools:') + 1, SEED.indexOf('\n# 11)') + 1);
    const layout = sectionLayout(tools);
    assert.ok(layout, 'tools is cut');
    assert.deepEqual(layout.lists.map((l) => l.path), [['tools']]);
    assert.equal(layout.lists[0].itemStarts.length + 1, (tools.match(/^ {2}- /gm) ?? []).length);
    const skills = SEED.slice(SEED.indexOf('\ntechnical_skills:') + 1, SEED.indexOf('\nsoft_skills:') + 1);
    assert.ok(sectionLayout(skills)?.lists.every((l) => l.path[0] === 'technical_skills' && l.path.length === 2));
    // Big enough to cut (past MIN_LIST_CHARS), so only the comment can stop it.
    const items = Array.from({ length: 60 }, (_, i) => `  - name: Tool ${i}\n    use: a use long enough to make the list big\n`).join('');
    assert.equal(sectionLayout(`tools:\n${items}`)?.lists.length, 1, 'a big plain list is cut');
    assert.equal(sectionLayout(`tools:\n${items}  # a comment\n${items}`), undefined, 'a comment in the list stops cutting');
  });

  test('an edit inside one item re-parses only that item: the other items keep their nodes', () => {
    const parser = new BlueprintParser();
    checkVersion(parser, SEED, 1, 'open');
    const first = checkVersion(parser, replaceLine(SEED, /^ {4}use: /, (line) => `${line} (edited)`, 3), 2, 'edit');
    const edited = replaceLine(SEED, /^ {4}use: /, (line) => `${line} (edited again)`, 3);
    const second = checkVersion(parser, edited, 3, 'another edit');
    const itemsOf = (parsed: ParsedBlueprint) => {
      const node = findSection(parsed, 'tools')?.valueNode;
      return isSeq(node) ? node.items : [];
    };
    const before = itemsOf(first);
    const after = itemsOf(second);
    assert.equal(after.length, before.length);
    assert.equal(after[0], before[0], 'the first item is the same node');
    assert.equal(after[1], before[1], 'an item above the edit is the same node');
    // The edit made the items below it start later: the same nodes, moved in place.
    assert.equal(after[after.length - 1], before[before.length - 1], 'an item below the edit keeps its node');
    assert.notEqual(findSection(second, 'tools')?.valueNode, findSection(first, 'tools')?.valueNode);
    assert.equal(findSection(second, 'kpis')?.valueNode, findSection(first, 'kpis')?.valueNode, 'an untouched section keeps its nodes');
  });

  suite('items are moved in place only where no result of the version holds them', () => {
    // Each case ends with a version where the section whose nodes were at risk is the live one.
    // The tools chunk as the parser cuts it: with the comment above its key.
    const TOOLS = SEED.slice(SEED.indexOf('\n# 10)') + 1, SEED.indexOf('\n# 11)') + 1);
    /** TOOLS with its nth `use:` longer: the items below it move. */
    const toolsEdited = (nth: number, mark = 'edited') => replaceLine(TOOLS, /^ {4}use: /, (line) => `${line} (${mark})`, nth);
    const withTools = (tools: string) => SEED.replace(TOOLS, tools);

    test('a repeated section parsed from the pieces of one this version reuses', () => {
      const parser = new BlueprintParser();
      checkVersion(parser, SEED, 1, 'open');
      checkVersion(parser, `${SEED}${toolsEdited(2)}`, 2, 'a second, different tools section');
    });

    test('two repeated sections both changed take the previous pieces once', () => {
      const parser = new BlueprintParser();
      checkVersion(parser, SEED, 1, 'open');
      checkVersion(parser, `${withTools(toolsEdited(2))}${toolsEdited(3, 'other')}`, 2, 'both tools sections differ from the one before');
    });

    test('a section whose pieces were moved is not reused for a repeat of its old text', () => {
      const parser = new BlueprintParser();
      checkVersion(parser, SEED, 1, 'open');
      checkVersion(parser, `${withTools(toolsEdited(2))}${TOOLS}`, 2, 'tools edited, and repeated as it was');
      checkVersion(parser, `${withTools('')}${TOOLS}`, 3, 'the edited one removed: the repeat is the tools section');
    });

    test('pieces shared by repeated sections are copied, not moved', () => {
      const parser = new BlueprintParser();
      checkVersion(parser, `${SEED}${TOOLS}`, 1, 'open with tools twice');
      // The second is parsed from the first one's pieces, and shares the items above its edit.
      checkVersion(parser, `${SEED}${toolsEdited(2)}`, 2, 'the second edited');
      // An edit of the first above those items moves them, in the first section only.
      checkVersion(parser, `${withTools(toolsEdited(0, 'other'))}${toolsEdited(2)}`, 3, 'the first edited');
      checkVersion(parser, `${withTools('')}${toolsEdited(2)}`, 4, 'the first removed: the second is the tools section');
    });

    test('a parse that fails partway keeps no moved nodes: the next version parses as a whole parse does', () => {
      const parser = new BlueprintParser();
      checkVersion(parser, SEED, 1, 'open');
      // The tools items below the edit are moved in place, then the new section after them fails.
      const yaml = require('yaml') as { parseAllDocuments: (...args: unknown[]) => unknown };
      const parseAllDocuments = yaml.parseAllDocuments;
      yaml.parseAllDocuments = (...args: unknown[]) => {
        if (String(args[0]).startsWith('failing:')) throw new Error('injected failure');
        return parseAllDocuments(...args);
      };
      try {
        assert.throws(() => parser.parse(`${withTools(toolsEdited(0))}failing: here\n`, 'file:///doc.role.yaml', 2), /injected failure/);
      } finally {
        yaml.parseAllDocuments = parseAllDocuments;
      }
      checkVersion(parser, SEED, 3, 'the text before the failed version again');
    });

    test("an older version than the kept one is parsed on its own: the latest version's result keeps its nodes", () => {
      const parser = new BlueprintParser();
      checkVersion(parser, SEED, 5, 'open');
      const latest = checkVersion(parser, withTools(toolsEdited(0)), 6, 'an edit that moves the tools items');
      const tools = findSection(latest, 'tools')?.valueNode;
      const ranges = JSON.stringify(isSeq(tools) ? tools.items.map((item) => (item as { range?: unknown }).range) : []);
      // A text read before the edit (version 5), as the workspace index may still hold it.
      assert.equal(parseDifference(parser.parse(SEED, 'file:///doc.role.yaml', 5), new BlueprintParser().parse(SEED)), undefined);
      assert.equal(parser.parse(withTools(toolsEdited(0)), 'file:///doc.role.yaml', 6), latest, 'still the kept result of version 6');
      assert.equal(JSON.stringify(isSeq(tools) ? tools.items.map((item) => (item as { range?: unknown }).range) : []), ranges, 'its items not moved back');
    });

    test('a repeated item text is moved once and copied for its other place', () => {
      const parser = new BlueprintParser();
      const items = TOOLS.split(/(?=^ {2}- )/m);
      const withRepeat = withTools([...items, items[3]].join(''));
      checkVersion(parser, withRepeat, 1, 'open');
      const edited = replaceLine(withRepeat, /^ {4}use: /, (line) => `${line} (edited)`, 0);
      checkVersion(parser, edited, 2, 'an edit above both copies');
    });
  });

  test('the benchmark edits on the seeds and a generated 2,000-line blueprint', function () {
    this.timeout(120_000);
    for (const [label, source] of [
      ['seed', SEED],
      ['other seed', OTHER_SEEDS[0]],
      ['generated', generateLargeBlueprint(SEED, 2_000)],
    ] as const) {
      const parser = new BlueprintParser();
      const scenario = new Scenario(7);
      let doc = TextDocument.create('file:///doc.role.yaml', 'role-blueprint', 1, source);
      checkVersion(parser, source, 1, `${label} open`);
      for (let i = 0; i < 15; i++) {
        const edit = scenario.nextEdit(doc.getText());
        doc = TextDocument.update(doc, [edit.change], doc.version + 1);
        checkVersion(parser, doc.getText(), doc.version, `${label} edit ${i} (${edit.kind})`);
      }
    }
  });

  test('shapes that must not be cut, or must be cut with care, parse as a whole parse does', function () {
    this.timeout(120_000);
    const cases: [string, (text: string) => string][] = [
      ['blank lines between items', (t) => replaceLine(t, /^ {2}- /, (line) => `\n\n${line}`, 4)],
      ['a blank line of spaces between items', (t) => replaceLine(t, /^ {2}- /, (line) => `   \n${line}`, 4)],
      ['a blank line before the second item', (t) => replaceLine(t, /^ {2}- /, (line) => `\n${line}`, 1)],
      ['a comment between items', (t) => replaceLine(t, /^ {2}- /, (line) => `  # note\n${line}`, 4)],
      ['a comment inside an item', (t) => replaceLine(t, /^ {4}use: /, (line) => `    # note\n${line}`, 4)],
      ['a comment after an empty value in an item', (t) => replaceLine(t, /^ {4}use: /, () => '    use:   # note', 4)],
      ['a comment after the first item\'s last value', (t) => t.replace('    prevalence: common\n  - category: Container', '    prevalence: common # note\n  - category: Container')],
      ['a trailing comment on an item line', (t) => replaceLine(t, /^ {2}- /, (line) => `${line} # note`, 4)],
      ['a comment right after the list', (t) => t.replace('\ntech_stack:', '\n  # end of tools\ntech_stack:')],
      ['a column-0 comment right after the list', (t) => t.replace('\ntech_stack:', '\n# end of tools\ntech_stack:')],
      ['keep-chomping block scalar in an item', (t) => replaceLine(t, /^ {4}use: /, () => '    use: |+\n      kept\n\n', 4)],
      ['literal block scalar in an item', (t) => replaceLine(t, /^ {4}use: /, () => '    use: |\n      line one\n\n      line two\n', 4)],
      ['folded block scalar at the end of an item', (t) => replaceLine(t, /^ {4}use: /, () => '    use: >-\n      folded\n      text\n\n', 4)],
      ['an anchor in one item, an alias in another', (t) => replaceLine(replaceLine(t, /^ {4}use: /, (line) => line.replace('use: ', 'use: &shared '), 2), /^ {4}use: /, () => '    use: *shared', 6)],
      ['an alias inside one item', (t) => replaceLine(t, /^ {2}- /, (line) => `${line}\n    category: &c Cat\n    use: *c`, 4)],
      ['an unresolved alias', (t) => replaceLine(t, /^ {4}use: /, () => '    use: *nowhere', 4)],
      ['a tab in an item', (t) => replaceLine(t, /^ {4}use: /, (line) => `\t${line}`, 4)],
      ['an item indented one space more', (t) => replaceLine(t, /^ {2}- /, (line) => ` ${line}`, 4)],
      ['an item indented one space less', (t) => replaceLine(t, /^ {2}- /, (line) => line.slice(1), 4)],
      ['a key where items are', (t) => replaceLine(t, /^ {2}- /, (line) => `  stray: value\n${line}`, 4)],
      ['a multi-line double-quoted value across an item line', (t) => replaceLine(t, /^ {4}use: /, () => '    use: "open\n  - name: inside', 4)],
      ['an unterminated flow sequence', (t) => replaceLine(t, /^ {4}use: /, () => '    use: [a, b', 4)],
      ['a flow mapping item', (t) => replaceLine(t, /^ {2}- /, (line) => `  - { name: Flow, category: X }\n${line}`, 4)],
      ['an empty item', (t) => replaceLine(t, /^ {2}- /, (line) => `  -\n${line}`, 4)],
      ['a scalar item', (t) => replaceLine(t, /^ {2}- /, (line) => `  - just text\n${line}`, 4)],
      ['a duplicate key in an item', (t) => replaceLine(t, /^ {4}use: /, (line) => `${line}\n${line}`, 4)],
      ['a tag on an item', (t) => replaceLine(t, /^ {2}- /, (line) => line.replace('- ', '- !custom '), 4)],
      ['a document marker', (t) => replaceLine(t, /^ {2}- /, (line) => `---\n${line}`, 4)],
      ['CRLF line ends', (t) => t.replace(/\n/g, '\r\n')],
      ['CRLF in one item only', (t) => replaceLine(t, /^ {4}use: /, (line) => `${line}\r`, 4)],
      ['trailing spaces after an item line', (t) => replaceLine(t, /^ {2}- /, (line) => `${line}   `, 4)],
      ['the list at the same indent as its key', (t) => t.replace(/^ {4}- /gm, '  - ').replace(/^ {6}/gm, '    ')],
      ['the last section is a big list with no final newline', (t) => `${t.replace(/\n+$/, '')}\nextra_list:\n${'  - item with some words in it\n'.repeat(120).replace(/\n$/, '')}`],
      ['a big list under a key with a value', (t) => t.replace('\ntools:\n', '\ntools: !!seq\n')],
      ['nested list inside items', (t) => replaceLine(t, /^ {4}use: /, (line) => `${line}\n    roles:\n      - a\n      - b`, 4)],
      ['the second item removed', (t) => t.replace(/\n {2}- name: [^\n]*(\n {4}[^\n]*)*/, '')],
      ['an empty value ends the first item', (t) => t.replace('    prevalence: common\n  - category: Container', '    prevalence:\n  - category: Container')],
      ['an empty value ends the list before a blank line', (t) => t.replace(/(\n {4}prevalence: )\w+(\n\n# 11\))/, '\n    prevalence:$2')],
      ['an empty first item, then a blank line', (t) => t.replace('tools:\n  - category: Cloud platforms', 'tools:\n  -\n\n  - category: Cloud platforms')],
      ['an empty last item', (t) => t.replace(/(\n\n# 11\))/, '\n  -$1')],
      ['an empty block scalar ends an item, then a blank line', (t) => replaceLine(t, /^ {4}use: /, () => '    use: |\n', 4)],
      ['a lone anchor ends an item, then a blank line', (t) => replaceLine(t, /^ {4}use: /, () => '    use: &a\n', 4)],
      ['a blank line inside the first item', (t) => replaceLine(t, /^ {4}use: /, (line) => `\n${line}`, 0)],
    ];
    // One parser throughout: each change is made to the seed as the document's next version
    // (its pieces from the seed's parse), then one more edit; the seed's own versions in between
    // are not checked again.
    const parser = new BlueprintParser();
    let version = 1;
    checkVersion(parser, SEED, version++, 'open');
    for (const [label, change] of cases) {
      const changed = change(SEED);
      checkVersion(parser, changed, version++, label);
      checkVersion(parser, replaceLine(changed, /^ {2}- /, (line) => `${line}x`, 9), version++, `${label}: then an edit`);
      parser.parse(SEED, 'file:///doc.role.yaml', version++);
    }
  });
});
