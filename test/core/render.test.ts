import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HTMLElement, parse as parseHtml } from 'node-html-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { BlueprintParser } from '../../server/src/core/parse';
import { SECTIONS } from '../../server/src/core/sections';
import { BLUEPRINT_CSS, EXPORT_CSP, computeCompleteness, renderHtmlBody, renderHtmlDocument, renderMarkdown } from '../../server/src/core/render';

const FIXTURE = readFileSync(join(__dirname, '../fixtures/render/full.role.yaml'), 'utf8');

function setup(text: string) {
  const doc = TextDocument.create('file:///test.role.yaml', 'role-blueprint', 1, text);
  const parsed = new BlueprintParser().parse(text);
  return { doc, parsed };
}

function body(text: string, diagnostics?: Diagnostic[]): HTMLElement {
  const { doc, parsed } = setup(text);
  return parseHtml(renderHtmlBody(parsed, doc, { diagnostics }));
}

/** 0-based line of the first fixture line that starts (after indentation) with `prefix`. */
function lineOf(text: string, prefix: string, from = 0): number {
  const lines = text.split('\n');
  const index = lines.findIndex((l, i) => i >= from && l.trimStart().startsWith(prefix));
  assert.notEqual(index, -1, `fixture has no line starting with ${prefix}`);
  return index;
}

function dataLine(el: HTMLElement | null): number {
  assert.ok(el, 'element exists');
  return Number(el.getAttribute('data-line'));
}

function diagnostic(line: number, message: string, severity: 1 | 2 | 3 = 2, code = 'test.code'): Diagnostic {
  return { range: { start: { line, character: 4 }, end: { line, character: 10 } }, message, severity, code, source: 'role-blueprint' };
}

const ALLOWED_TAGS = new Set(['article', 'header', 'nav', 'section', 'div', 'p', 'h1', 'h2', 'h3', 'span', 'strong', 'code', 'a', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'br']);

/** Every element is one the renderer makes, no event handler attributes, links only to safe URLs. */
function assertNoLiveMarkup(root: HTMLElement): void {
  for (const el of root.querySelectorAll('*')) {
    assert.ok(ALLOWED_TAGS.has(el.rawTagName.toLowerCase()), `unexpected element <${el.rawTagName}>`);
    for (const name of Object.keys(el.attributes)) assert.ok(!/^on/i.test(name), `event handler attribute ${name}`);
    const href = el.getAttribute('href');
    if (href !== undefined) assert.match(href, /^(https?:|mailto:|#section-)/);
  }
}

suite('render: HTML body', () => {
  test('every one of the 20 sections renders with its numbered heading, none missing', () => {
    const root = body(FIXTURE);
    const headings = root.querySelectorAll('section[id^="section-"] > h2').map((h) => h.text);
    for (const info of SECTIONS) assert.ok(headings.includes(`${info.number}. ${info.title}`), `heading ${info.number}. ${info.title}`);
    assert.ok(headings.includes('7. KPIs and Productivity Metrics'));
    assert.equal(root.querySelectorAll('.bp-section-missing').length, 0);
    assert.equal(root.querySelector('.bp-title')?.text, 'Lead MLOps Engineer');
    assert.match(root.querySelector('.bp-meta')!.text, /Lead.*AI & ML/);
    // Sections come in canonical order.
    const ids = root.querySelectorAll('section[id^="section-"]').map((s) => s.id);
    assert.deepEqual(ids.slice(0, 20), SECTIONS.map((s) => `section-${s.key}`));
    assert.deepEqual(ids.slice(20), ['section-posting', 'section-notes']);
  });

  test('missing sections show a muted placeholder without a source line', () => {
    const root = body('blueprint: 1\nrole:\n  title: X\nsummary: Short.\nkpis: []\n');
    const missing = root.querySelectorAll('.bp-section-missing');
    assert.equal(missing.length, 18);
    const mission = root.querySelector('#section-mission')!;
    assert.ok(mission.classList.contains('bp-section-missing'));
    assert.equal(mission.querySelector('h2')!.text, '2. Role Mission');
    assert.match(mission.querySelector('.bp-placeholder')!.text, /Missing/);
    assert.equal(mission.getAttribute('data-line'), undefined);
    assert.equal(root.querySelector('#section-kpis .bp-empty')?.text, 'No rows.');
  });

  test('tables have one row per entry and the right columns', () => {
    const root = body(FIXTURE);
    const kpiHead = root.querySelectorAll('table.bp-table-kpis thead th').map((th) => th.text);
    assert.deepEqual(kpiHead, ['KPI', 'Category', 'What it measures', 'Why it matters', 'Example target', 'Frequency']);
    const kpiRows = root.querySelectorAll('table.bp-table-kpis tbody tr');
    assert.deepEqual(kpiRows.map((tr) => tr.querySelector('td')!.text), ['Deployment success rate', 'Model lead time', 'Serving p95 latency']);
    assert.equal(kpiRows[2].querySelectorAll('td')[4].text, '< 150 ms | tier-1');
    assert.equal(root.querySelectorAll('table.bp-table-tools tbody tr').length, 4);
    assert.deepEqual(
      root.querySelectorAll('table.bp-table-tools .bp-badge').map((b) => b.text),
      ['Common', 'Common', 'Context-specific', 'Optional'],
    );
    assert.ok(root.querySelector('table.bp-table-tools .bp-badge-context-specific'));
    const scorecard = root.querySelectorAll('table.bp-table-scorecard tbody tr');
    assert.equal(scorecard.length, 3);
    assert.deepEqual(root.querySelectorAll('table.bp-table-scorecard thead th').map((th) => th.text), ['Dimension', 'Weight', 'Meets expectations', 'Exceeds expectations']);
    assert.equal(scorecard[0].querySelectorAll('td')[1].text, '40%');
    assert.equal(root.querySelectorAll('table.bp-table-skills').length, 4);
    assert.equal(root.querySelectorAll('table.bp-table-skills .bp-badge-critical').length, 2);
    assert.equal(root.querySelectorAll('#section-scorecard_summary table.bp-deftable > tbody > tr').length, 10);
  });

  test('optional columns appear only when used; unknown row fields get a column', () => {
    const root = body('kpis:\n  - name: A\n    measures: M\n    owner: Team X\nhiring:\n  scorecard:\n    - dimension: D\n      meets: ok\n');
    assert.deepEqual(root.querySelectorAll('table.bp-table-kpis thead th').map((th) => th.text), ['KPI', 'What it measures', 'Why it matters', 'Example target', 'Frequency', 'Owner']);
    assert.equal(root.querySelector('table.bp-table-kpis tbody tr')!.querySelectorAll('td')[5].text, 'Team X');
    assert.ok(!root.querySelectorAll('table.bp-table-scorecard thead th').some((th) => th.text === 'Weight'));
  });

  test('groups: notes, bold lead-ins, numbered responsibilities, deliverable groups, soft skills', () => {
    const root = body(FIXTURE);
    const strategic = root.querySelector('#section-responsibilities .bp-group h3')!;
    assert.equal(strategic.text, 'Strategic responsibilities (Lead-level scope: sets direction for the platform)');
    const firstItem = root.querySelector('#section-responsibilities li')!;
    assert.equal(firstItem.querySelector('strong')!.text, 'Define and evolve the MLOps operating model:');
    const lists = root.querySelectorAll('#section-responsibilities ol');
    assert.deepEqual(lists.map((ol) => ol.getAttribute('start')), ['1', '3', '5', '7', '9', '11']);
    const deliverables = root.querySelector('#section-deliverables')!;
    assert.deepEqual(deliverables.querySelectorAll('h3').map((h) => h.text), ['Pipelines and automation', 'Operations']);
    assert.equal(deliverables.querySelectorAll('li').length, 5);
    assert.match(root.querySelector('#section-soft_skills li .bp-item-extra')!.text, /^How it shows up: Designs for failure modes/);
    assert.equal(root.querySelector('#section-experience .bp-group .bp-prose')!.text, '7–10 years in software or ML engineering');
    assert.equal(root.querySelector('#section-notes h3')!.text, 'Notes on measurement');
    assert.equal(root.querySelector('#section-notes .bp-note-origin')!.text, 'From 7. KPIs and Productivity Metrics');
    assert.match(root.querySelector('#section-posting')!.text, /EUR 90,000–120,000 per year/);
    assert.equal(root.querySelector('#section-posting a')!.getAttribute('href'), 'https://example.com');
  });

  test('prose: paragraphs, "Lead:" lines, bullet runs; notes name their section by key or number', () => {
    const root = body('mission: |-\n  Core mission:\n  Enable **safe** delivery.\n\n  Outcomes:\n  - Faster\n  - Safer\nnotes:\n  - section: "7"\n    text: a\n  - section: role\n    text: b\n  - section: kpis\n    text: c\n');
    const prose = root.querySelector('#section-mission .bp-prose')!;
    // A literal block keeps its lines, so each paragraph and bullet has its own source line.
    assert.equal(
      prose.innerHTML,
      '<p class="code-line" data-line="1"><strong class="bp-lead">Core mission:</strong><br>Enable <strong>safe</strong> delivery.</p><p class="code-line" data-line="4"><strong class="bp-lead">Outcomes:</strong></p><ul class="bp-list"><li class="code-line" data-line="5">Faster</li><li class="code-line" data-line="6">Safer</li></ul>',
    );
    // Folded and plain scalars join lines: one block, mapped by its section.
    const folded = body('summary: >-\n  One\n  two.\n\n  Three.\n').querySelector('#section-summary .bp-prose')!;
    assert.equal(folded.innerHTML, '<p>One two.<br>Three.</p>');
    assert.deepEqual(root.querySelectorAll('.bp-note-origin').map((p) => p.text), ['From 7. KPIs and Productivity Metrics', 'From the role header', 'From 7. KPIs and Productivity Metrics']);
  });

  test('source map: exact data-line values and the sentinel', () => {
    const { doc } = setup(FIXTURE);
    const root = body(FIXTURE);
    assert.equal(dataLine(root.querySelector('#section-kpis')), lineOf(FIXTURE, 'kpis:'));
    assert.equal(dataLine(root.querySelector('#section-kpis')), 88);
    assert.equal(dataLine(root.querySelectorAll('table.bp-table-kpis tbody tr')[1]), lineOf(FIXTURE, '- name: Model lead time'));
    assert.equal(dataLine(root.querySelectorAll('table.bp-table-kpis tbody tr')[1]), 95);
    assert.equal(dataLine(root.querySelector('#section-responsibilities .bp-group')), lineOf(FIXTURE, 'strategic:'));
    const operational = root.querySelectorAll('#section-responsibilities .bp-group')[1];
    assert.equal(dataLine(operational.querySelector('li')), lineOf(FIXTURE, '- Own production readiness'));
    assert.equal(dataLine(root.querySelectorAll('table.bp-table-scorecard tbody tr')[1]), lineOf(FIXTURE, '- dimension: Platform design'));
    assert.equal(dataLine(root.querySelector('#section-notes')), lineOf(FIXTURE, 'notes:'));
    assert.equal(dataLine(root.querySelector('.bp-header')), 1);
    const codeLines = root.querySelectorAll('.code-line');
    const sentinel = codeLines[codeLines.length - 1];
    assert.ok(sentinel.classList.contains('bp-sentinel'));
    assert.equal(dataLine(sentinel), doc.lineCount);
    // Every section, group, row and item is mapped; lines only grow in a canonical file.
    const lines = codeLines.map((el) => dataLine(el));
    assert.ok(lines.every((l) => Number.isInteger(l) && l >= 0 && l <= doc.lineCount));
    for (let i = 1; i < lines.length; i++) assert.ok(lines[i] >= lines[i - 1], `data-line ${lines[i]} after ${lines[i - 1]}`);
    assert.ok(codeLines.length > 250);
    // List items of the YAML are mapped; bullets inside one text scalar (the mission) are not.
    assert.ok(root.querySelectorAll('li').every((li) => li.closest('.bp-meter') || li.closest('.bp-prose') || li.classList.contains('code-line')));
  });

  test('source lines stay right inside a file with CRLF line ends and a leading comment', () => {
    const text = '# role file\r\nblueprint: 1\r\nkpis:\r\n  - name: A\r\n    target: 1\r\n  - name: B\r\n';
    const root = body(text);
    assert.deepEqual(root.querySelectorAll('table.bp-table-kpis tbody tr').map(dataLine), [3, 5]);
    assert.equal(dataLine(root.querySelector('.bp-sentinel')), 7);
  });
});

suite('render: escaping', () => {
  const HOSTILE = [
    'blueprint: 1',
    'role:',
    '  title: <img src=x onerror=alert(1)>',
    '  level: "\\"><script>alert(1)</script>"',
    '  source: javascript:alert(1)',
    'summary: "<script>alert(\'x\')</script> & **<b>bold</b>**"',
    'responsibilities:',
    '  strategic:',
    '    note: "</h3><iframe src=//evil>"',
    '    items:',
    '      - name: "<a href=javascript:alert(1)>x</a>"',
    '        description: "\' onmouseover=\'alert(1)"',
    'kpis:',
    '  - name: "<svg onload=alert(1)>"',
    '    target: "\\" onfocus=\\"alert(1)"',
    'tools:',
    '  - name: T',
    '    prevalence: "common\\" onclick=\\"x"',
    'technical_skills:',
    '  must_have:',
    '    - name: S',
    '      importance: "<b>critical</b>"',
    'posting:',
    '  apply_url: "javascript:alert(1)"',
    '  hiring_organization: { name: "<i>Co</i>", url: "data:text/html,<script>alert(1)</script>" }',
    'notes:',
    '  - section: "<kpis>"',
    '    text: "<style>body{display:none}</style>"',
    '"<script>": "<script>alert(2)</script>"',
    '',
  ].join('\n');

  test('a hostile file renders as text: no elements, attributes or links of its own', () => {
    const { doc, parsed } = setup(HOSTILE);
    const html = renderHtmlBody(parsed, doc, { diagnostics: [diagnostic(2, '<img src=x onerror=alert(1)> is bad', 1, '<code>')] });
    assert.ok(!/<(script|img|iframe|svg|style|b|i)[\s>]/i.test(html), 'no element from the file');
    assert.ok(!html.includes('javascript:alert(1)"'), 'no javascript: URL in an attribute');
    const root = parseHtml(html);
    assertNoLiveMarkup(root);
    assert.equal(root.querySelector('.bp-title')!.text, '<img src=x onerror=alert(1)>');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
    assert.match(root.querySelector('.bp-source')!.text, /javascript:alert\(1\)/);
    assert.equal(root.querySelector('.bp-source a'), null);
    assert.equal(root.querySelector('#section-posting a'), null);
    assert.equal(root.querySelector('#section-summary strong')!.text, '<b>bold</b>');
    assert.equal(root.querySelector('table.bp-table-tools .bp-badge')!.getAttribute('class'), 'bp-badge bp-badge-prevalence bp-badge-other');
    assert.match(root.querySelector('.bp-callout')!.text, /<img src=x onerror=alert\(1\)> is bad/);
    assert.equal(root.querySelector('.bp-callout code')!.text, '<code>');
  });

  test('the whole document escapes its title and keeps the export CSP', () => {
    const { doc, parsed } = setup(HOSTILE);
    const page = renderHtmlDocument(parsed, doc, { mode: 'export', title: '</title><script>x</script>' });
    assert.ok(page.includes('<title>&lt;/title&gt;&lt;script&gt;x&lt;/script&gt;</title>'));
    assert.ok(!/<script/i.test(page.replace(/&lt;script/g, '')));
    assertNoLiveMarkup(parseHtml(page).querySelector('body')!);
  });
});

suite('render: wrong shapes never throw', () => {
  const CASES: Record<string, string> = {
    'text where a list is expected': 'kpis: just some text\ntools: 42\nsoft_skills: true\ndeliverables: plain\n',
    'list where text is expected': 'summary: [a, b]\nmission: {x: 1}\n',
    'scalar groups': 'responsibilities: 42\ngoals: null\nday_to_day: [a, b]\nhiring: {scorecard: nope, red_flags: 7}\n',
    'junk rows': 'kpis: [1, null, [a, b], {name: {deep: [1, {x: 2}]}}]\ntools: [[], {}]\n',
    'nested junk': 'responsibilities:\n  strategic: {a: {b: {c: {d: {e: {f: {g: {h: {i: {j: 1}}}}}}}}}}\n',
    'wrong group shape': 'technical_skills: [a, b]\nscorecard_summary: null\nexperience: {years: 5, education: {items: 3}}\n',
    'wrong role and extras': 'role: [x]\nposting: [1, 2]\nnotes: text\nother: {a: 1}\n',
    'notes of wrong shape': 'notes: [1, {section: 3, text: [a]}, null]\n',
    'non-mapping document': '- a\n- b\n',
    'scalar document': 'hello\n',
    'empty document': '',
    'syntax error': 'role:\n  title: [unclosed\nsummary: ok\n',
    'recursive alias': 'kpis: &a [*a]\n',
    'duplicate keys': 'summary: a\nsummary: b\n',
    'dates and numbers': 'posting: {date_posted: 2025-03-01, salary: {min: 1, max: x}, remote: maybe}\nsummary: 12\n',
    binary: 'summary: "\\0\\x01\\uFFFF"\n\u0000\u0001',
  };
  for (const [name, text] of Object.entries(CASES)) {
    test(name, () => {
      const { doc, parsed } = setup(text);
      const html = renderHtmlBody(parsed, doc, { diagnostics: [diagnostic(0, 'x')] });
      assert.match(html, /^<article class="bp">/);
      assertNoLiveMarkup(parseHtml(html));
      assert.equal(parseHtml(html).querySelectorAll('section[id^="section-"] > h2').filter((h) => /^\d+\. /.test(h.text)).length, 20);
      renderHtmlDocument(parsed, doc, { mode: 'export' });
      renderMarkdown(parsed);
      computeCompleteness(parsed);
    });
  }

  test('a wrong-typed value is still shown as text', () => {
    const root = body(CASES['text where a list is expected']);
    assert.equal(root.querySelector('#section-kpis .bp-prose')!.text, 'just some text');
    assert.equal(root.querySelector('#section-tools p')!.text, '42');
    const junk = body(CASES['junk rows']);
    assert.deepEqual(junk.querySelectorAll('table.bp-table-kpis tbody tr').map((tr) => tr.text), ['1', '', 'a; b', 'deep: 1; x: 2']);
    assert.match(body(CASES['non-mapping document']).querySelector('.bp-notice')!.text, /a\s*b/);
    assert.match(body(CASES['wrong role and extras']).querySelector('.bp-others')!.text, /other/);
  });

  test('after a syntax error, sections that parse still show', () => {
    const root = body(CASES['syntax error']);
    assert.equal(root.querySelector('#section-summary .bp-prose')?.text, 'ok');
  });
});

suite('render: diagnostics placement', () => {
  test('each diagnostic sits next to the innermost element at or above its line', () => {
    const kpiTarget = lineOf(FIXTURE, 'target: "< 10 days"');
    const listItem = lineOf(FIXTURE, '- Own production readiness');
    const groupHeading = lineOf(FIXTURE, 'strategic:');
    const noteLine = lineOf(FIXTURE, 'note: "Lead-level scope');
    const summaryText = lineOf(FIXTURE, 'reliably deliver');
    const missionBullet = lineOf(FIXTURE, '- Improve availability');
    const root = body(FIXTURE, [
      diagnostic(kpiTarget, 'Target is vague', 2, 'kpi.target-not-measurable'),
      diagnostic(listItem, 'Item error', 1),
      diagnostic(noteLine, 'Note info', 3),
      diagnostic(summaryText, 'Summary warning', 2),
      diagnostic(0, 'Header problem', 1),
      diagnostic(missionBullet, 'Bullet warning', 2),
    ]);
    // The KPI row whose `target:` it is, as a full-width row right after it.
    const rows = root.querySelectorAll('table.bp-table-kpis tbody tr');
    assert.equal(dataLine(rows[1]), kpiTarget - 4);
    assert.ok(rows[2].classList.contains('bp-callout-row'));
    assert.equal(rows[2].querySelector('td')!.getAttribute('colspan'), '6');
    assert.match(rows[2].querySelector('.bp-callout-warning')!.text, /Warning\s+Target is vague\s+kpi\.target-not-measurable/);
    // A list item: inside the <li>.
    const item = root.querySelectorAll('#section-responsibilities li').find((li) => dataLine(li) === listItem)!;
    assert.match(item.querySelector('.bp-callout-error')!.text, /Item error/);
    // A line between the group key and its first item: the group.
    const group = root.querySelectorAll('#section-responsibilities .bp-group').find((g) => dataLine(g) === groupHeading)!;
    assert.ok(group.childNodes.some((n) => n instanceof HTMLElement && n.classList.contains('bp-callout-info')));
    // Inside a text section: the section.
    const summary = root.querySelector('#section-summary')!;
    assert.ok(summary.childNodes.some((n) => n instanceof HTMLElement && n.classList.contains('bp-callout-warning')));
    // Line 0 is `blueprint: 1`, which is not rendered: listed at the top.
    const top = root.querySelector('.bp-diagnostics')!;
    assert.match(top.text, /1 problem in this file/);
    assert.match(top.text, /Line 1\s+Header problem/);
    // Inside a literal block: the bullet on that line.
    const bullet = root.querySelectorAll('#section-mission li').find((li) => dataLine(li) === missionBullet)!;
    assert.match(bullet.querySelector('.bp-callout-warning')!.text, /Bullet warning/);
    assert.equal(root.querySelectorAll('.bp-callout').length, 6);
  });

  test('diagnostics in the role header and in missing sections', () => {
    const text = 'blueprint: 1\nrole:\n  title: X\n  level: 9\nother: 1\n';
    const root = body(text, [diagnostic(3, 'Level is odd'), diagnostic(4, 'Unknown key'), diagnostic(40, 'Past the end')]);
    assert.match(root.querySelector('.bp-header .bp-callout')!.text, /Level is odd/);
    assert.match(root.querySelector('.bp-others .bp-callout')!.text, /Unknown key/);
    // Past the end falls in the last section (`other`).
    assert.equal(root.querySelectorAll('.bp-others .bp-callout').length, 2);
    assert.equal(root.querySelector('.bp-diagnostics'), null);
  });
});

suite('render: Markdown', () => {
  test('headings, tables and lists', () => {
    const { parsed } = setup(FIXTURE);
    const md = renderMarkdown(parsed);
    assert.ok(md.startsWith('# Lead MLOps Engineer\n\n**Level:** Lead · **Family:** AI &amp; ML · **Source:** [https://example.com/roles/lead-mlops-engineer/](<https://example.com/roles/lead-mlops-engineer/>)\n'));
    for (const info of SECTIONS) assert.ok(md.includes(`\n## ${info.number}. `), `heading ${info.number}`);
    assert.ok(md.includes('\n## 7. KPIs and Productivity Metrics\n'));
    const kpiTable = md.split('\n').filter((l) => l.startsWith('| **') && md.indexOf(l) > md.indexOf('## 7.') && md.indexOf(l) < md.indexOf('## 8.'));
    assert.equal(kpiTable.length, 3);
    assert.ok(md.includes('| KPI | Category | What it measures | Why it matters | Example target | Frequency |\n| --- | --- | --- | --- | --- | --- |\n| **Deployment success rate** | Reliability |'));
    assert.ok(md.includes('| &lt; 150 ms \\| tier\\-1 |') || md.includes('| &lt; 150 ms \\| tier-1 |'));
    assert.ok(md.includes('### Strategic responsibilities (Lead\\-level scope: sets direction for the platform)') || md.includes('### Strategic responsibilities (Lead-level scope: sets direction for the platform)'));
    assert.ok(md.includes('\n1. **Define and evolve the MLOps operating model:** Standards'));
    assert.ok(md.includes('\n3. Own production readiness for ML services.'));
    assert.ok(md.includes('| **Python engineering** | 40% | Writes clean, tested code | Designs reusable libraries |'));
    assert.ok(md.includes('- **Systems thinking:** Sees the platform as a whole *How it shows up:* Designs for failure modes across teams'));
  });

  test('nothing from the file becomes HTML or a link in a Markdown viewer', () => {
    const text = [
      'role:',
      '  title: "<script>alert(1)</script> # not a heading"',
      '  source: "javascript:alert(1)"',
      'kpis:',
      '  - name: "a | b"',
      '    measures: "[click](javascript:alert(1)) *em* `code` <img src=x>"',
      'deliverables:',
      '  - "- not a nested list"',
      '  - "1. not numbered"',
      '',
    ].join('\n');
    const md = renderMarkdown(setup(text).parsed);
    assert.ok(md.startsWith('# &lt;script&gt;alert(1)&lt;/script&gt; \\# not a heading\n'));
    assert.ok(!md.includes('<script') && !md.includes('<img'));
    assert.ok(!/[^\\]\]\(javascript/.test(md), 'no live link');
    assert.ok(md.includes('**Source:** javascript:alert(1)'));
    assert.ok(md.includes('| **a \\| b** | \\[click\\](javascript:alert(1)) \\*em\\* \\`code\\` &lt;img src=x&gt; |'));
    assert.ok(md.includes('- \\- not a nested list\n- 1\\. not numbered'));
  });

  test('missing sections are marked', () => {
    const md = renderMarkdown(setup('summary: Hi\n').parsed);
    assert.ok(md.includes('## 2. Role Mission\n\n*Missing.*'));
    assert.ok(md.includes('*1 of 20 sections complete, 19 missing.*'));
    assert.ok(!renderMarkdown(setup('summary: Hi\n').parsed, { includeMissing: false }).includes('Role Mission'));
  });
});

suite('render: completeness', () => {
  test('a full blueprint is complete, with counts per section', () => {
    const c = computeCompleteness(setup(FIXTURE).parsed);
    assert.deepEqual([c.complete, c.thin, c.missing, c.total], [20, 0, 0, 20]);
    const by = new Map(c.sections.map((s) => [s.key, s]));
    assert.deepEqual([by.get('kpis')!.items, by.get('tools')!.items, by.get('deliverables')!.items], [3, 4, 5]);
    assert.deepEqual([by.get('responsibilities')!.groups, by.get('responsibilities')!.items], [6, 12]);
    assert.deepEqual([by.get('technical_skills')!.groups, by.get('technical_skills')!.items], [4, 8]);
    assert.deepEqual(c.sections.map((s) => s.number), SECTIONS.map((s) => s.number));
  });

  test('thin and missing sections', () => {
    const text = [
      'summary: "  "',
      'mission: Real text.',
      'responsibilities:',
      '  strategic: [only one]',
      '  operational: [a, b]',
      'kpis: [{name: A}]',
      'tools: nope',
      'goals: {}',
      'tech_stack: Kubernetes on AWS',
      'experience: {years: 5, education: []}',
      '',
    ].join('\n');
    const c = computeCompleteness(setup(text).parsed);
    const by = new Map(c.sections.map((s) => [s.key, s]));
    assert.equal(by.get('summary')!.status, 'thin');
    assert.equal(by.get('mission')!.status, 'complete');
    assert.deepEqual(by.get('responsibilities')!.thinGroups, ['strategic']);
    assert.equal(by.get('responsibilities')!.status, 'thin');
    assert.equal(by.get('kpis')!.status, 'thin');
    assert.equal(by.get('tools')!.reason, 'expected a list');
    assert.equal(by.get('goals')!.reason, 'empty');
    assert.equal(by.get('tech_stack')!.status, 'complete');
    assert.deepEqual(by.get('experience')!.thinGroups, ['education']);
    assert.equal(by.get('day_to_day')!.status, 'missing');
    assert.deepEqual([c.complete, c.thin, c.missing], [2, 6, 12]);
    const meter = body(text).querySelector('.bp-meter')!;
    assert.match(meter.text, /2\/20 sections complete · 6 thin · 12 missing/);
    assert.equal(meter.querySelectorAll('.bp-seg-thin').length, 6);
  });
});

suite('render: HTML document', () => {
  test('export: standalone page with CSP, inline style and print rules, no remote resources', () => {
    const { doc, parsed } = setup(FIXTURE);
    const page = renderHtmlDocument(parsed, doc, { mode: 'export', cspNonce: 'abc123', theme: 'dark' });
    assert.ok(page.startsWith('<!DOCTYPE html>\n<html lang="en" data-theme="dark">'));
    assert.ok(page.includes('<meta charset="utf-8">'));
    assert.ok(page.includes(`<meta http-equiv="Content-Security-Policy" content="${EXPORT_CSP.replace(/'/g, '&#39;')}">`));
    assert.equal(EXPORT_CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.ok(page.includes('<meta name="viewport"'));
    assert.ok(page.includes('<style nonce="abc123">'));
    assert.ok(page.includes('@media print'));
    assert.ok(page.includes('<title>Lead MLOps Engineer</title>'));
    assert.ok(!/<script|<link|src="http|url\(http/i.test(page));
  });

  test('preview: host CSP and script with the nonce; body and CSS available separately', () => {
    const { doc, parsed } = setup(FIXTURE);
    const page = renderHtmlDocument(parsed, doc, { mode: 'preview', cspNonce: 'n1', scriptUri: 'vscode-resource://x/preview.js', csp: "default-src 'none'" });
    assert.ok(page.includes('<script nonce="n1" src="vscode-resource://x/preview.js"></script>'));
    assert.ok(!page.includes('@media print'));
    assert.ok(page.includes('<html lang="en">'));
    assert.ok(page.includes(renderHtmlBody(parsed, doc, {})));
    assert.ok(BLUEPRINT_CSS.includes('--vscode-editor-foreground') && BLUEPRINT_CSS.includes('prefers-color-scheme: dark'));
  });
});

suite('render: large documents', () => {
  // Render time is measured by `npm run bench`, never asserted here.
  test('a ~1,100-line blueprint with 50 diagnostics renders every row and callout', () => {
    // The fixture with its list sections repeated: about 1,100 lines.
    const extraKpis = Array.from({ length: 60 }, (_, i) => `  - name: Extra KPI ${i}\n    category: Delivery\n    measures: Something measurable ${i}\n    why: Because\n    target: ">= ${i}%"\n    frequency: Weekly\n`).join('');
    const extraTools = Array.from({ length: 80 }, (_, i) => `  - category: Cat ${i}\n    name: Tool ${i}\n    use: Use ${i}\n    prevalence: common\n`).join('');
    const text = FIXTURE.replace(/^kpis:\n/m, `kpis:\n${extraKpis}`).replace(/^tools:\n/m, `tools:\n${extraTools}`);
    const { doc, parsed } = setup(text);
    assert.ok(doc.lineCount > 1050, `seed has ${doc.lineCount} lines`);
    const diagnostics = Array.from({ length: 50 }, (_, i) => diagnostic(i * 20, `d${i}`));
    const html = renderHtmlBody(parsed, doc, { diagnostics });
    assert.ok(html.includes('Extra KPI 59') && html.includes('Tool 79'));
    for (let i = 0; i < 50; i++) assert.ok(html.includes(`d${i}`), `callout d${i}`);
  });
});

