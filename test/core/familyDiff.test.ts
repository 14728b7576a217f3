import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { diffBlueprints, pairItems, scopeWords, yearsRange, type BlueprintDiff, type DiffChange } from '../../server/src/core/family/diff';
import { diffToHtml, diffToMarkdown } from '../../server/src/core/family/diffRender';
import { BlueprintParser } from '../../server/src/core/parse';

const EXAMPLES = path.join(__dirname, '..', '..', 'examples');
const parser = new BlueprintParser();
const example = (name: string) => parser.parse(readFileSync(path.join(EXAMPLES, `${name}.role.yaml`), 'utf8'));

function change(diff: BlueprintDiff, section: string, predicate: (c: DiffChange) => boolean): DiffChange | undefined {
  return diff.sections.find((s) => s.key === section)?.changes.find(predicate);
}

suite('family: structured diff (Associate MLOps Consultant → Lead MLOps Engineer)', () => {
  const diff = diffBlueprints(example('associate-mlops-consultant'), example('lead-mlops-engineer'));

  test('titles and levels of both sides', () => {
    assert.deepEqual(diff.a, { title: 'Associate MLOps Consultant', level: 'associate' });
    assert.deepEqual(diff.b, { title: 'Lead MLOps Engineer', level: 'lead' });
    assert.deepEqual(
      diff.sections.map((s) => s.key),
      ['responsibilities', 'kpis', 'technical_skills', 'tools', 'decision_rights', 'experience'],
    );
  });

  test('a skill only the Lead role has is added, with its tier and importance', () => {
    assert.deepEqual(change(diff, 'technical_skills', (c) => c.b?.name === 'ML deployment and serving patterns'), {
      kind: 'added',
      b: { name: 'ML deployment and serving patterns', group: 'must_have', detail: 'critical' },
    });
    assert.deepEqual(change(diff, 'technical_skills', (c) => c.a?.name === 'Git and pull request workflows'), {
      kind: 'dropped',
      a: { name: 'Git and pull request workflows', group: 'must_have', detail: 'critical' },
    });
  });

  test('a skill moving from good_to_have to must_have is raised, and paired across a rename', () => {
    assert.deepEqual(change(diff, 'technical_skills', (c) => c.a?.name === 'Infrastructure as Code (IaC)'), {
      kind: 'raised',
      a: { name: 'Infrastructure as Code (IaC)', group: 'good_to_have', detail: 'important' },
      b: { name: 'Infrastructure as Code (Terraform or equivalent)', group: 'must_have', detail: 'critical' },
      renamed: true,
    });
  });

  test('a KPI present in both whose target changes', () => {
    const kpi = change(diff, 'kpis', (c) => c.a?.name === 'Change failure rate');
    assert.equal(kpi?.kind, 'changed');
    assert.equal(kpi?.renamed, undefined, 'same name: not a rename');
    assert.match(kpi?.a?.detail ?? '', /5–10%/);
    assert.match(kpi?.b?.detail ?? '', /10–15%/);
  });

  test('a tool whose prevalence changes, and a renamed tool list', () => {
    assert.deepEqual(change(diff, 'tools', (c) => c.a?.name === 'MLflow'), { kind: 'changed', a: { name: 'MLflow', detail: 'optional' }, b: { name: 'MLflow', detail: 'common' } });
    assert.deepEqual(change(diff, 'tools', (c) => c.a?.name === 'Jira / Azure Boards'), { kind: 'renamed', a: { name: 'Jira / Azure Boards', detail: 'common' }, b: { name: 'Jira', detail: 'common' }, renamed: true });
  });

  test('decision-rights scope words grow: budget, vendors, hiring and compliance are held by the Lead, none lost', () => {
    for (const word of ['budget', 'vendors', 'hiring', 'compliance']) assert.ok(diff.scope.gained.includes(word), word);
    assert.deepEqual(diff.scope.lost, []);
    // The Associate's authority items deny these rights ("none; may provide inputs").
    assert.ok(!scopeWords(example('associate-mlops-consultant')).has('budget'));
  });

  test('the years of experience asked for grow', () => {
    assert.deepEqual(
      { a: diff.years.a && { min: diff.years.a.min, max: diff.years.a.max }, b: diff.years.b && { min: diff.years.b.min, max: diff.years.b.max }, change: diff.years.change },
      { a: { min: 0, max: 2 }, b: { min: 7, max: 12 }, change: 'more' },
    );
  });

  test('grouped sections report items added to and dropped from their groups', () => {
    assert.deepEqual(change(diff, 'decision_rights', (c) => c.b?.name === 'Hiring'), {
      kind: 'changed',
      a: { name: 'Hiring', group: 'authority', detail: 'may participate in interviews as shadow/panelist later; not a decision-maker.' },
      b: { name: 'Hiring', group: 'authority', detail: 'contributes to interview loops and hiring decisions; may help define role requirements.' },
    });
    assert.deepEqual(change(diff, 'decision_rights', (c) => c.a?.name === 'Architecture'), { kind: 'dropped', a: { name: 'Architecture', group: 'authority', detail: 'contributes; does not own final decisions.' } });
    assert.ok(change(diff, 'responsibilities', (c) => c.kind === 'added' && c.b?.group === 'leadership'));
    assert.ok(change(diff, 'experience', (c) => c.kind === 'renamed' && /Bachelor/.test(c.a?.name ?? '')));
  });

  test('a blueprint compared with itself has no changes', () => {
    const same = diffBlueprints(example('mlops-consultant'), example('mlops-consultant'));
    assert.deepEqual(same.sections.flatMap((s) => s.changes), []);
    assert.ok(same.sections.every((s) => s.unchanged > 0));
    assert.deepEqual(same.scope, { gained: [], lost: [] });
    assert.equal(same.years.change, 'same');
  });
});

suite('family: diff pairing, years and wrong shapes', () => {
  const item = (name: string) => ({ name });

  test('names equal once normalised pair first; fuzzy pairs need both sides to match', () => {
    const { pairs, onlyA, onlyB } = pairItems([item('CI/CD fundamentals'), item('Basic cloud concepts'), item('Python')], [item('python'), item('CI/CD for ML systems'), item('Security fundamentals for cloud and workloads')]);
    assert.deepEqual(
      pairs.map((p) => [p.a.name, p.b.name, p.fuzzy]),
      [
        ['Python', 'python', false],
        ['CI/CD fundamentals', 'CI/CD for ML systems', true],
      ],
    );
    assert.deepEqual(onlyA.map((i) => i.name), ['Basic cloud concepts']);
    assert.deepEqual(onlyB.map((i) => i.name), ['Security fundamentals for cloud and workloads']);
  });

  test('years: ranges, open ranges, none', () => {
    const years = (text: string) => yearsRange(parser.parse(text));
    assert.deepEqual(years('experience:\n  years:\n    - 3-5 years of analytics\n'), { min: 3, max: 5, text: '3-5 years of analytics' });
    assert.deepEqual(years('experience:\n  years: 5+ years in SRE\n'), { min: 5, text: '5+ years in SRE' });
    assert.equal(years('experience:\n  years: [a lot]\n'), undefined);
  });

  test('wrong shapes and broken YAML never throw and give empty sections', () => {
    for (const text of ['', 'just text', '- a\n- b', 'technical_skills: 3\nkpis: {a: 1}\ntools: [1, null]\ndecision_rights: [x]', 'kpis: [\n']) {
      const diff = diffBlueprints(parser.parse(text), parser.parse('blueprint: 1\n'));
      assert.ok(diff.sections.every((s) => Array.isArray(s.changes)));
      assert.equal(typeof diffToHtml(diff), 'string');
    }
  });
});

suite('family: diff renderers', () => {
  const hostile = (title: string, skill: string) =>
    parser.parse(`blueprint: 1\nrole:\n  title: ${JSON.stringify(title)}\ntechnical_skills:\n  must_have:\n    - name: ${JSON.stringify(skill)}\n      importance: critical\n`);
  const diff = diffBlueprints(hostile('<img src=x onerror=alert(1)>', 'SQL'), hostile('Lead </table><script>alert(2)</script>', '<b>Rust</b> & "Go"'));

  test('HTML: every field escaped; one side-by-side table per section with both titles', () => {
    const html = diffToHtml(diff);
    assert.ok(!html.includes('<img src=x'));
    assert.ok(!html.includes('<script>alert'));
    assert.ok(html.includes('&lt;b&gt;Rust&lt;/b&gt; &amp; &quot;Go&quot;'));
    const root = parseHtml(html);
    assert.equal(root.querySelectorAll('script').length, 0);
    const table = root.querySelector('#diff-technical_skills table');
    assert.ok(table);
    assert.deepEqual(table.querySelectorAll('thead th').map((th) => th.text), ['Change', '<img src=x onerror=alert(1)>', 'Lead </table><script>alert(2)</script>']);
    assert.deepEqual(table.querySelectorAll('tbody tr').map((tr) => tr.getAttribute('data-kind')), ['added', 'dropped']);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/);
    assert.ok(html.includes('var(--bp-ok)'), 'uses the blueprint theme variables');
  });

  test('HTML fragment for a webview: the .bp div only', () => {
    const fragment = diffToHtml(diff, { fragment: true });
    assert.ok(fragment.startsWith('<div class="bp bp-diff">'));
    assert.ok(!fragment.includes('<html'));
  });

  test('Markdown: a table per section, Markdown and HTML in fields escaped', () => {
    const md = diffToMarkdown(diff);
    assert.ok(md.includes('| Added |  | &lt;b&gt;Rust&lt;/b&gt; &amp; "Go" (Must have · critical) |'), md);
    assert.ok(md.startsWith('# &lt;img src=x onerror=alert(1)&gt; → Lead &lt;/table&gt;&lt;script&gt;alert(2)&lt;/script&gt;\n'));
    assert.ok(!md.includes('<script>'));
    assert.ok(!md.includes('<img'));
    assert.match(md, /^## Technical Skills$/m);
  });
});
