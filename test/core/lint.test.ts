import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';
import { LINT_RULES } from '../../server/src/core/lint';
import type { Settings } from '../../server/src/core/types';

/**
 * One fixture per rule code: `test/fixtures/lint/<code>.role.yaml`. Each expected finding is
 * written next to it as `# expect: <code> "<exact text of the range>"` (several joined by `;`)
 * on the line where the diagnostic starts, or as `# expect(+N): …` N lines above when the line
 * is inside a block scalar. The test asserts that the rule reports exactly those, on those
 * lines, with those ranges, and that the fixture is otherwise a valid blueprint.
 */

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'lint');

function lint(text: string, settings?: Partial<Settings>, uri = 'file:///test.role.yaml'): { doc: TextDocument; diagnostics: Diagnostic[] } {
  const doc = TextDocument.create(uri, 'role-blueprint', 1, text);
  return { doc, diagnostics: createLanguageService({ settings }).computeDiagnostics(doc) };
}

interface Expectation {
  readonly line: number;
  readonly code: string;
  readonly text: string;
}

function expectations(text: string): Expectation[] {
  const out: Expectation[] = [];
  text.split('\n').forEach((line, index) => {
    const m = /#\s*expect(?:\(\+(\d+)\))?:\s*(.*)$/.exec(line);
    if (!m) return;
    const target = index + Number(m[1] ?? 0);
    for (const part of m[2].matchAll(/([\w.-]+)\s+("(?:[^"\\]|\\.)*")/g)) out.push({ line: target, code: part[1], text: JSON.parse(part[2]) as string });
  });
  return out;
}

const key = (e: Expectation) => `${e.line + 1}: ${e.code} ${JSON.stringify(e.text)}`;

suite('lint rules: one fixture per code', () => {
  const codes = LINT_RULES.flatMap((r) => r.codes);

  test('every rule code has a fixture, and every fixture is a rule code', () => {
    const fixtures = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.role.yaml'))
      .map((f) => f.replace(/\.role\.yaml$/, ''));
    assert.deepEqual([...fixtures].sort(), [...codes].sort());
  });

  for (const code of LINT_RULES.flatMap((r) => r.codes)) {
    test(code, () => {
      const text = readFileSync(path.join(FIXTURES, `${code}.role.yaml`), 'utf8');
      const { doc, diagnostics } = lint(text);
      const broken = diagnostics.filter((d) => /^(yaml|schema|duplicate\.name)/.test(String(d.code)));
      assert.deepEqual(broken.map((d) => `${d.range.start.line + 1}: ${String(d.code)} ${d.message}`), [], 'the fixture itself is a valid blueprint');
      const expected = expectations(text).filter((e) => e.code === code);
      assert.ok(expected.length > 0, 'the fixture expects at least one finding');
      const actual = diagnostics.filter((d) => d.code === code).map((d) => ({ line: d.range.start.line, code, text: doc.getText(d.range) }));
      assert.deepEqual(actual.map(key), expected.map(key));
      for (const d of diagnostics.filter((x) => x.code === code)) {
        assert.equal(d.source, 'role-blueprint');
        assert.ok(String(d.message).length > 20, `a message a reader understands: ${String(d.message)}`);
      }
    });
  }

  test('each rule declares its codes, a default severity and a description', () => {
    const seen = new Set<string>();
    for (const rule of LINT_RULES) {
      assert.ok(rule.codes.length > 0);
      for (const c of rule.codes) {
        assert.match(c, /^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$/, 'dotted, lower-case code');
        assert.ok(!seen.has(c), `code ${c} is unique`);
        seen.add(c);
      }
      assert.ok(['warning', 'info', 'hint'].includes(rule.defaultSeverity), `${rule.codes[0]}: content rules never default to error`);
      assert.ok(rule.description.length > 10);
    }
  });

  test('every code has docs/rules/CODE.md with its default severity, listed in docs/rules/README.md', () => {
    const docs = path.join(__dirname, '..', '..', 'docs', 'rules');
    const index = readFileSync(path.join(docs, 'README.md'), 'utf8');
    for (const rule of LINT_RULES) {
      for (const c of rule.codes) {
        const page = readFileSync(path.join(docs, `${c}.md`), 'utf8');
        assert.ok(page.startsWith(`# \`${c}\``), c);
        assert.ok(page.includes(`**Default severity:** ${rule.defaultSeverity} `), `${c}: documented severity`);
        assert.ok(index.includes(`[\`${c}\`](${c}.md) | ${rule.defaultSeverity} |`), `${c}: in the index`);
      }
    }
  });

  test('default severities: wording balance and coded words are hints, completeness of sections is info', () => {
    const severity = (code: string) => LINT_RULES.find((r) => r.codes.includes(code))?.defaultSeverity;
    assert.equal(severity('wording.gender-coded'), 'hint');
    assert.equal(severity('wording.gender-balance'), 'hint');
    assert.equal(severity('completeness.missing-section'), 'info');
    assert.equal(severity('kpi.target-not-measurable'), 'warning');
    const text = readFileSync(path.join(FIXTURES, 'wording.jargon.role.yaml'), 'utf8');
    assert.ok(lint(text).diagnostics.filter((d) => d.code === 'wording.jargon').every((d) => d.severity === DiagnosticSeverity.Warning));
  });
});

suite('lint rules: settings', () => {
  const jargon = readFileSync(path.join(FIXTURES, 'wording.jargon.role.yaml'), 'utf8');

  test('a code set to off is not reported; other codes still are', () => {
    const { diagnostics } = lint(jargon, { rules: { 'wording.jargon': 'off' } });
    assert.equal(diagnostics.filter((d) => d.code === 'wording.jargon').length, 0);
    assert.ok(diagnostics.some((d) => d.code === 'completeness.missing-section'));
  });

  test('a code set to error is reported as an error', () => {
    const { diagnostics } = lint(jargon, { rules: { 'wording.jargon': 'error' } });
    const found = diagnostics.filter((d) => d.code === 'wording.jargon');
    assert.equal(found.length, 6);
    assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Error));
  });

  test('a family prefix sets every code of the family', () => {
    const { diagnostics } = lint(jargon, { rules: { wording: 'info' } });
    const found = diagnostics.filter((d) => String(d.code).startsWith('wording.'));
    assert.ok(found.length >= 6);
    assert.ok(found.every((d) => d.severity === DiagnosticSeverity.Information));
  });

  test('maxMustHaveSkills moves the realism threshold', () => {
    const text = readFileSync(path.join(FIXTURES, 'level.too-many-must-haves.role.yaml'), 'utf8');
    assert.equal(lint(text, { maxMustHaveSkills: 11 }).diagnostics.filter((d) => d.code === 'level.too-many-must-haves').length, 0);
    const [d] = lint(text, { maxMustHaveSkills: 5 }).diagnostics.filter((x) => x.code === 'level.too-many-must-haves');
    assert.match(String(d.message), /11 must-have skills is more than 5/);
  });
});

suite('lint rules: messages', () => {
  test('a level is named with its article: an intern role, an executive role, a VP role', () => {
    const withLevel = (level: string, extra: string) => `blueprint: 1\nrole:\n  title: Data Engineer\n  level: ${level}\n${extra}`;
    const messages = (text: string, code: string) => lint(text).diagnostics.filter((d) => d.code === code).map((d) => String(d.message));
    const budget = 'decision_rights:\n  independent:\n    - Owns the team budget\n';
    assert.match(messages(withLevel('intern', budget), 'level.budget-authority')[0], /^An intern role is given budget authority here;/);
    assert.match(messages(withLevel('executive', 'responsibilities:\n  strategic:\n    - Set direction\n'), 'level.missing-leadership')[0], /^An executive role needs leadership responsibilities/);
    assert.match(messages(withLevel('vp', 'responsibilities:\n  strategic:\n    - Set direction\n'), 'level.missing-leadership')[0], /^A VP role needs/);
    assert.match(messages(withLevel('intern', 'experience:\n  years: 8+ years in data work\n'), 'level.years-mismatch')[0], /typical for an intern role\. /);
  });
});

suite('lint rules: gender-coded wording and the role title', () => {
  test('the title written in the prose is a name, whatever punctuation or spacing the title has; the same word elsewhere is wording', () => {
    const coded = (title: string, summary: string) => {
      const { doc, diagnostics } = lint(`blueprint: 1\nrole:\n  title: "${title}"\nsummary: "${summary}"\n`);
      return diagnostics.filter((d) => d.code === 'wording.gender-coded').map((d) => `${doc.getText(d.range)} at ${d.range.start.character}`);
    };
    assert.deepStrictEqual(coded('Engineering Lead, Data Platform', 'The Engineering Lead, Data Platform sets the lead direction.'), ['lead at 55']);
    assert.deepStrictEqual(coded('Lead/Principal Engineer', 'The Lead/Principal Engineer owns the build.'), []);
    assert.deepStrictEqual(coded('Lead  Data Engineer', 'As the Lead Data Engineer you own reviews.'), []);
    assert.deepStrictEqual(coded('Lead Lead Engineer', 'The Lead Lead Lead Engineer owns it.'), ['Lead at 14']);
  });

  test('a letter whose lower case is longer ("İ" → "i̇") before the word moves neither the title nor an exception phrase', () => {
    const coded = (title: string, summary: string) => {
      const { doc, diagnostics } = lint(`blueprint: 1\nrole:\n  title: "${title}"\nsummary: "${summary}"\n`);
      return diagnostics.filter((d) => d.code === 'wording.gender-coded').map((d) => `${doc.getText(d.range)} at ${d.range.start.character}`);
    };
    assert.deepStrictEqual(coded('Lead MLOps Engineer', 'Our İzmir Lead MLOps Engineer owns the platform.'), []);
    assert.deepStrictEqual(coded('Data Engineer', 'İİ: cut the lead time of releases.'), []);
    assert.deepStrictEqual(coded('Data Engineer', 'İİ: lead the release.'), ['lead at 14']);
    assert.deepStrictEqual(coded('İzmir Lead Engineer', 'The İzmir Lead Engineer owns it; a lead elsewhere is wording.'), ['lead at 45']);
  });
});

suite('lint rules: robustness', () => {
  test('wrong shapes, non-mappings, empty and binary text never throw', () => {
    const texts = [
      'blueprint: 1\nrole: 5\nkpis: 7\ntools: {a: 1}\nscorecard_summary: [1, 2]\nhiring: {scorecard: "x"}\n',
      'blueprint: 1\nrole:\n  title: X\nkpis:\n  - 1\n  - [a]\n  - {target: 5, frequency: 7}\ntechnical_skills: {must_have: "x"}\n',
      'blueprint: 1\nrole:\n  title: X\n  level: 42\nexperience: {years: [1, 2]}\ndecision_rights: {authority: 3}\n',
      '- just\n- a\n- list\n',
      '',
      '\u0000\u0001binary',
    ];
    for (const text of texts) assert.doesNotThrow(() => lint(text), text);
  });
});
