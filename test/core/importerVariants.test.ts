import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { ImportError, formatReport, importBlueprint, type ImportResult } from '../../server/src/core/importer';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'import');
const validate = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'role-blueprint.schema.json'), 'utf8')));

type Json = Record<string, any>;

function fixture(name: string): ImportResult & { b: Json } {
  const result = importBlueprint(fs.readFileSync(path.join(FIXTURES, name), 'utf8'), { sourceName: name });
  assert.ok(validate(result.blueprint), JSON.stringify(validate.errors, null, 2));
  assert.deepEqual(parseYaml(result.yaml), result.blueprint);
  return { ...result, b: result.blueprint as Json };
}

/** A minimal page: one numbered section holding `body`. */
function page(section: string, body: string): Json {
  return importBlueprint(`<h1>MLOps Consultant</h1><h2>${section}</h2>${body}`).blueprint as Json;
}

suite('importer: variants of the blueprint family', () => {
  test('KPI table with a Category column, other header words and an unknown column', () => {
    const { b } = fixture('kpi-category.html');
    assert.deepEqual(b.kpis[0], {
      name: 'Deployment success rate',
      category: 'Reliability',
      measures: '% of deployments without rollback',
      why: 'Signals release quality',
      target: '>= 95%',
      frequency: 'Weekly',
    });
    assert.equal(b.kpis[1].target, '< 1 day');
    assert.deepEqual(b.notes, [
      { section: '7', text: 'Targets are examples.' },
      { section: '7', heading: 'Deployment success rate', text: 'Owner: Platform lead' },
    ]);
  });

  test('scorecard with Weight and description columns, th header row in tbody, "meets"/"exceeds" headers', () => {
    const { b } = fixture('scorecard-weight.html');
    assert.deepEqual(b.hiring.scorecard.map((r: Json) => r.weight), [40, 35, 25]);
    assert.deepEqual(b.hiring.scorecard[0], { dimension: 'Reliability engineering', weight: 40, description: 'SLOs and error budgets', meets: 'Defines SLOs', exceeds: 'Designs error budgets across teams' });
    assert.deepEqual(b.hiring.scorecard[2], { dimension: 'Communication', weight: 25, meets: 'Clear updates', exceeds: 'Aligns leadership' }, 'an empty cell leaves its field out');
    assert.deepEqual(b.hiring.assess, [{ name: 'Incident leadership', description: 'runs a calm incident.' }]);
    // "35% (core)" says more than the number: the cell is kept.
    assert.deepEqual(b.notes, [{ section: '19', heading: 'Automation', text: 'Weight: 35% (core)' }]);
    assert.deepEqual(b.role, { title: 'Staff Site Reliability Engineer', level: 'staff', family: 'Site Reliability' });
  });

  test('skills: "Importance: High" lines without bold, <li> with and without <p>, a skills table', () => {
    const { b } = fixture('skills-importance.html');
    assert.deepEqual(b.technical_skills.must_have, [
      { name: 'TypeScript', importance: 'critical', use: 'typed UI code' },
      { name: 'CSS layout', importance: 'important', description: 'Flexbox and grid.' },
    ]);
    assert.deepEqual(b.technical_skills.good_to_have, [
      { name: 'Accessibility testing', importance: 'optional', description: 'Screen readers, axe', use: 'Release checks' },
      { name: 'Web performance', importance: 'important', description: 'Core Web Vitals', use: 'Budgets in CI' },
    ]);
    assert.deepEqual(b.notes, [{ section: '8', heading: 'Web performance', text: 'Importance: Important (for e-commerce)' }]);
    assert.equal(b.role.level, 'entry');
  });

  test('soft skills: "Name — text" lead-ins, "How it shows up" lines, <p> inside <li>, a table', () => {
    const { b } = fixture('skills-importance.html');
    assert.deepEqual(b.soft_skills, [
      { name: 'Curiosity', description: 'asks why a bug happened.', shows_up: 'writes short post-mortems.' },
      { name: 'Teamwork', description: 'UI work crosses teams.', shows_up: 'pairs with designers.' },
      { name: 'Ownership', description: 'Bugs reach users.', shows_up: 'Follows issues to closure.' },
    ]);
  });

  test('deliverables grouped under <h3>, tools table with columns in another order', () => {
    const { b } = fixture('deliverables-h3.html');
    assert.deepEqual(b.deliverables, [
      { group: 'Reporting', items: ['Weekly KPI dashboard', { name: 'Board pack', description: 'monthly summary for leadership' }] },
      { group: 'Analysis', items: ['Experiment readouts'] },
    ]);
    assert.deepEqual(b.tools.map((t: Json) => [t.category, t.name, t.use, t.prevalence]), [
      ['Query', 'SQL', 'Everything', 'common'],
      ['Modelling', 'dbt', 'Transformations', 'context_specific'],
      ['BI', 'Looker', 'Dashboards', 'optional'],
    ]);
    assert.deepEqual(b.notes, [{ section: '5', text: 'Typical outputs:' }]);
  });

  test('plain HTML page: h2 without numbers, sections out of order, other wording, unknown headings', () => {
    const { b, report, yaml } = fixture('renamed-headings.html');
    assert.deepEqual(Object.keys(b), ['blueprint', 'role', 'summary', 'mission', 'responsibilities', 'goals', 'notes']);
    assert.equal(b.role.title, 'Senior Data Engineer');
    assert.equal(b.summary, 'The Senior Data Engineer owns batch and streaming pipelines for R&D & analytics.');
    assert.deepEqual(b.responsibilities, {
      strategic: [{ name: 'Own the data roadmap', description: 'decide what to build next.' }],
      technical: [{ name: 'Pipelines', description: 'write and review idempotent jobs.' }, 'Tune warehouse queries < 5 s.'],
    });
    assert.deepEqual(b.goals, { day_30: ['Map every pipeline and its owner.', 'Fix the noisiest alert.'], month_6: { note: 'stabilize', items: ['Cut failed runs in half.'] } });
    assert.deepEqual(b.notes, [
      { section: 'intro', text: 'Published for the data platform team.' },
      { section: '6', heading: 'Things we celebrate', text: '- Friday demos.' },
      { section: 'Appendix: Glossary', text: 'DAG: a directed acyclic graph of tasks.' },
    ]);
    const lines = formatReport(report);
    assert.ok(lines.includes('warning: section 6: heading "Things we celebrate" matches no group of goals; its content is kept in notes'));
    assert.ok(lines.includes('warning: section "Appendix: Glossary" matches no blueprint section; its content is kept in notes'));
    assert.ok(lines.includes('info: 16 sections are not in the source (4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20)'));
    // Navigation, footer, style and doctype never reach the output.
    assert.ok(!/Home|©|color: red|DOCTYPE/.test(yaml));
    assert.ok(yaml.includes('\n# Overview of the Role\nsummary: '));
  });

  test('goal headings in other words', () => {
    const goals = page('6) Goals', ['First 30 days', 'Days 31–60: 60-day goals', 'Within 90 days', 'Six months in', 'First year', 'Beyond the first year (long-term)', 'What success looks like', 'Signs of high performance']
      .map((h, i) => `<h3>${h}</h3><ul><li>g${i}</li></ul>`).join('')).goals;
    assert.deepEqual(Object.keys(goals), ['day_30', 'day_60', 'day_90', 'month_6', 'month_12', 'long_term', 'success', 'high_performance']);
    assert.deepEqual(goals.long_term, { note: 'long-term', items: ['g5'] });
  });

  test('day-to-day, decision rights and AI impact headings in other words', () => {
    const day = page('Day-to-day', '<h3>Every day</h3><ul><li>a</li></ul><h3>Each week</h3><ul><li>b</li></ul><h3>Quarterly planning</h3><ul><li>c</li></ul><h3>Ceremonies</h3><ul><li>d</li></ul><h3>On-call duties</h3><ul><li>e</li></ul>').day_to_day;
    assert.deepEqual(Object.keys(day), ['daily', 'weekly', 'periodic', 'rituals', 'incidents']);
    const rights = importBlueprint('<h1>MLOps Consultant</h1><h2>Decision rights</h2><h3>Decides alone</h3><ul><li>a</li></ul><h3>Needs peer review</h3><ul><li>b</li></ul><h3>Escalate to a director</h3><ul><li>c</li></ul><h3>Budget and vendors</h3><ul><li>d</li></ul><h3>Miscellaneous</h3><ul><li>e</li></ul>');
    assert.deepEqual((rights.blueprint as Json).decision_rights, { independent: ['a'], team_approval: ['b'], management_approval: ['c'], authority: ['d'] });
    // A heading that matches nothing is not forced into a group: it is kept and reported.
    assert.deepEqual((rights.blueprint as Json).notes, [{ section: '13', heading: 'Miscellaneous', text: '- e' }]);
    assert.ok(rights.report.some((e) => e.kind === 'unrecognized_heading' && e.message.includes('"Miscellaneous"')));
    const ai = page('AI / Automation Impact', '<h3>What automation will take over</h3><ul><li>a</li></ul><h3>What stays human</h3><ul><li>b</li></ul><h3>Outlook</h3><ul><li>c</li></ul>').ai_impact;
    assert.deepEqual(ai, { automatable: ['a'], human_critical: ['b'], outlook: ['c'] });
  });

  test('a section the page leaves out is left out of the blueprint', () => {
    const b = page('2) Role Mission', '<p>Ship models.</p>');
    assert.deepEqual(Object.keys(b), ['blueprint', 'role', 'mission']);
  });

  test('stray text in a list and nested lists are kept', () => {
    const b = page('16) Risks', '<h3>Bottlenecks</h3><ul>stray text<li>one</li><b>bold</b><li>two<ul><li>nested</li></ul></li></ul>');
    assert.deepEqual(b.risks, { bottlenecks: ['stray text', 'one', 'bold', 'two\n- nested'] });
  });

  test('tech stack written as prose stays text', () => {
    const b = page('11) Typical Tech Stack / Environment', '<p>Kubernetes on AWS.</p><p>Python services.</p>');
    assert.equal(b.tech_stack, 'Kubernetes on AWS.\n\nPython services.');
  });

  test('headings are read as text: nested markup and entities in headings', () => {
    const b = page('<span>3)</span> Core <em>Responsibilities</em>', '<h3>Strategic &amp; planning work (lead&#8217;s scope)</h3><ul><li>Plan</li></ul>');
    assert.deepEqual(b.responsibilities, { strategic: { note: 'lead’s scope', items: ['Plan'] } });
  });
});

suite('importer: arbitrary pages', () => {
  const fragments = [
    '<h2>', '</h2>', '<h3>', '</h3>', '<h1>', '</h1>', '<ul>', '</ul>', '<ol>', '</ol>', '<li>', '</li>', '<p>', '</p>',
    '<strong>', '</strong>', '<br/>', '<table>', '</table>', '<thead>', '<tr>', '</tr>', '<td>', '</td>', '<th>', '</th>',
    '<figure class="wp-block-table">', '</figure>', '<div>', '</div>', '<em>', '</em>', '<!-- c -->', '<script>x()</script>',
    '7) KPIs', '8) Technical Skills', '9) Soft Skills', '10) Tools', '19) Hiring Evaluation', '20) Final Role Scorecard Summary',
    '5) Key Deliverables', '6) Goals', '11) Tech Stack', 'Role Summary', 'Must-have', 'Scorecard dimensions', 'Metric name',
    'Dimension', 'Weight', 'Tool', 'Category', 'Common', 'Optional', 'Context-specific', '15%', 'Importance: High',
    'Use: x', 'How it shows up: y', 'Name:', ' — ', '\n&#8211; ', ' (Associate) ', '1) a 2) b', 'a; b', '&amp;', '&lt;', '&nbsp;',
    '&#8217;', 'word', ' ', '\n', ':', '(', ')', '"', "'", '#', '- ', '*', '&', '<', '>', '{', '[', '\u0000', '\uFEFF',
  ];
  const headings = ['1) Role Summary', '3) Core Responsibilities', '5) Key Deliverables', '6) Goals', '7) KPIs', '8) Technical Skills', '9) Soft Skills', '10) Tools', '11) Tech Stack', '19) Hiring Evaluation', '20) Final Role Scorecard Summary', 'Unknown'];
  const body = fc.array(fc.constantFrom(...fragments), { maxLength: 40 }).map((parts) => parts.join(''));
  // Mostly well-headed sections with junk inside, sometimes junk alone.
  const page = fc.oneof(
    { weight: 4, arbitrary: fc.array(fc.tuple(fc.constantFrom(...headings), body), { minLength: 1, maxLength: 6 }).map((sections) => sections.map(([h, b]) => `<h2>${h}</h2>${b}`).join('')) },
    { weight: 1, arbitrary: body },
  );

  test('never throws anything but ImportError; the YAML always reads back as the blueprint', () => {
    fc.assert(
      fc.property(page, fc.boolean(), (html, asPost) => {
        const input = asPost ? JSON.stringify({ title: { rendered: 'Lead &amp; Data Engineer' }, link: 'https://example.invalid/p', content: { rendered: html } }) : html;
        let result: ImportResult;
        try {
          result = importBlueprint(input);
        } catch (error) {
          if (error instanceof ImportError) return;
          throw error;
        }
        assert.deepEqual(parseYaml(result.yaml), result.blueprint);
        assert.ok(result.yaml.endsWith('\n'));
        const b = result.blueprint as Json;
        if (b.role.title) assert.ok(validate(b), `${JSON.stringify(validate.errors)}\n${html}`);
        assert.equal(importBlueprint(input).yaml, result.yaml, 'stable');
      }),
      { numRuns: 400, seed: 20261123 },
    );
  });
});
