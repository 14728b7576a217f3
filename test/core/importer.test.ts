import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { HTMLElement, parse as parseHtml } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { ImportError, formatReport, importBlueprint, type ImportResult } from '../../server/src/core/importer';
import { matchGroup } from '../../server/src/core/importer/headings';
import { SECTIONS, TOP_LEVEL_ORDER } from '../../server/src/core/sections';

const SEEDS = '/work/shared/seeds';
const ROOT = path.join(__dirname, '..', '..');
const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'role-blueprint.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

type Json = Record<string, any>;

function seedText(name: string): string {
  return fs.readFileSync(path.join(SEEDS, `${name}.wp.json`), 'utf8');
}

const imported = new Map<string, ImportResult>();
function seed(name: string): ImportResult {
  let result = imported.get(name);
  if (!result) {
    result = importBlueprint(seedText(name), { sourceName: `${name}.wp.json` });
    imported.set(name, result);
  }
  return result;
}

function tierLength(tier: unknown): number {
  if (Array.isArray(tier)) return tier.length;
  return (tier as { items: unknown[] }).items.length;
}

function tierItems(tier: unknown): Json[] {
  return (Array.isArray(tier) ? tier : (tier as { items: Json[] }).items) as Json[];
}

/** Lower-case words only, so punctuation the importer rearranges does not matter. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Every string and number of a value, one per line. */
function allText(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(allText).join('\n');
  if (value && typeof value === 'object') return Object.values(value).map(allText).join('\n');
  return '';
}

/** Labels and enum words the importer turns into keys or enum values rather than copying. */
const CONSUMED = /^(use|uses|importance|description|why it matters|how it shows up|on the job|critical|important|optional|common|context specific|high|medium|low)$/;

/** A short paragraph heading ("Infrastructure environment") that became a group key. */
function isGroupHeading(phrase: string): boolean {
  return phrase.split(' ').length <= 5 && SECTIONS.some((s) => matchGroup(s.key, phrase) !== undefined);
}

/**
 * Phrases of an element's text between punctuation that the importer may cut at: line breaks,
 * dash bullets, colons, parentheses, semicolons and "N)" list numbers.
 */
function phrases(text: string): string[] {
  return text
    .split(/\s*\b\d{1,2}\)\s*|[\n:()–—;]/)
    .map(normalise)
    .filter((p) => p && !CONSUMED.test(p));
}

const COUNTS: Record<string, { kpis: number; tools: number; skills: [number, number, number, number]; soft: number; scorecard: number }> = {
  'associate-mlops-consultant': { kpis: 15, tools: 25, skills: [7, 7, 5, 5], soft: 8, scorecard: 8 },
  'mlops-consultant': { kpis: 25, tools: 28, skills: [8, 5, 4, 4], soft: 8, scorecard: 7 },
  'lead-mlops-engineer': { kpis: 25, tools: 46, skills: [8, 6, 5, 4], soft: 8, scorecard: 7 },
};

suite('importer: the three seed blueprints', () => {
  for (const [name, expected] of Object.entries(COUNTS)) {
    suite(name, () => {
      test('keeps the counts of KPIs, tools, skills, soft skills and scorecard rows', () => {
        const b = seed(name).blueprint as Json;
        assert.equal(b.kpis.length, expected.kpis);
        assert.equal(b.tools.length, expected.tools);
        const tiers = ['must_have', 'good_to_have', 'advanced', 'emerging'].map((t) => tierLength(b.technical_skills[t]));
        assert.deepEqual(tiers, expected.skills);
        assert.equal(b.soft_skills.length, expected.soft);
        assert.equal(b.hiring.scorecard.length, expected.scorecard);
      });

      test('has all 20 sections and all 10 scorecard summary rows', () => {
        const b = seed(name).blueprint as Json;
        for (const section of SECTIONS) assert.ok(b[section.key] !== undefined, `section ${section.key} is missing`);
        assert.deepEqual(Object.keys(b.scorecard_summary), SECTIONS.find((s) => s.key === 'scorecard_summary')!.groups);
        assert.equal(seed(name).report.filter((e) => e.kind !== 'note').length, 0, formatReport(seed(name).report).join('\n'));
      });

      test('validates against the JSON schema', () => {
        const b = seed(name).blueprint;
        assert.ok(validate(b), JSON.stringify(validate.errors, null, 2));
        assert.ok(validate(parseYaml(seed(name).yaml)), JSON.stringify(validate.errors, null, 2));
      });

      test('writes YAML that reads back as the same value, keys in canonical order, with section comments', () => {
        const { yaml, blueprint } = seed(name);
        assert.deepEqual(parseYaml(yaml), blueprint);
        const keys = Object.keys(blueprint);
        assert.deepEqual(keys, TOP_LEVEL_ORDER.filter((k) => keys.includes(k)));
        assert.ok(yaml.startsWith(`# Role blueprint imported from https://www.devopsschool.com/blog/${name}-role-blueprint`));
        assert.match(yaml, /\n# 7\) KPIs and Productivity Metrics\nkpis:\n {2}- name: /);
        assert.match(yaml, /\n# 20\) Final Role Scorecard Summary\nscorecard_summary:\n/);
        assert.ok(yaml.endsWith('\n') && !yaml.endsWith('\n\n'));
        assert.ok(!/\t/.test(yaml), 'no tabs');
      });

      test('is stable: importing twice gives identical bytes, the same as the committed example', () => {
        const again = importBlueprint(seedText(name), { sourceName: `${name}.wp.json` });
        assert.equal(again.yaml, seed(name).yaml);
        assert.equal(fs.readFileSync(path.join(ROOT, 'examples', `${name}.role.yaml`), 'utf8'), seed(name).yaml, 'examples/ is out of date: re-import the seed');
      });

      test('loses nothing: every phrase of every <li>, <td> and <p> appears in the output', () => {
        const post = JSON.parse(seedText(name));
        const root = parseHtml(post.content.rendered);
        const corpus = ` ${normalise(allText(seed(name).blueprint))} `;
        const summaryTable = root.querySelectorAll('table').pop()!;
        // The first cell of each final-summary row names a field; it becomes the key, not a value.
        const labelCells = new Set<HTMLElement>(summaryTable.querySelectorAll('tr').map((tr) => tr.querySelector('td')).filter((td): td is HTMLElement => td !== null));
        const missing: string[] = [];
        for (const element of root.querySelectorAll('li, td, p')) {
          if (labelCells.has(element)) continue;
          for (const phrase of phrases(element.text)) {
            if (!corpus.includes(` ${phrase} `) && !isGroupHeading(phrase)) missing.push(phrase);
          }
        }
        assert.deepEqual(missing, []);
      });
    });
  }
});

suite('importer: exact values from the seeds', () => {
  test('a KPI row keeps its five columns', () => {
    const kpis = (seed('associate-mlops-consultant').blueprint as Json).kpis as Json[];
    assert.deepEqual(kpis.find((k) => k.name === 'Deployment success rate'), {
      name: 'Deployment success rate',
      measures: '% of deployments completed without rollback/hotfix',
      why: 'Measures release quality',
      target: '>95% successful deployments',
      frequency: 'Monthly',
    });
  });

  test('tool prevalence maps Common / Optional / Context-specific, and keeps qualified cells in notes', () => {
    const b = seed('associate-mlops-consultant').blueprint as Json;
    const tool = (n: string) => (b.tools as Json[]).find((t) => t.name === n)!;
    assert.deepEqual(tool('Docker'), { category: 'Containers', name: 'Docker', use: 'Reproducible runtime environments', prevalence: 'common' });
    assert.equal(tool('Airflow / Prefect / Dagster / Argo Workflows').prevalence, 'context_specific');
    assert.equal(tool('MLflow').prevalence, 'optional');
    assert.ok((b.notes as Json[]).some((n) => n.section === '10' && n.heading === 'MLflow' && n.text === 'Commonality: Optional (Common in many orgs)'));
    const lead = seed('lead-mlops-engineer').blueprint as Json;
    assert.deepEqual(new Set((lead.tools as Json[]).map((t) => t.prevalence)), new Set(['common', 'optional', 'context_specific']));
  });

  test('skill importance comes from the "Importance:" line or the heading, else the tier', () => {
    const associate = (seed('associate-mlops-consultant').blueprint as Json).technical_skills;
    const cloud = tierItems(associate.must_have).find((s) => s.name === 'Basic cloud concepts')!;
    assert.equal(cloud.importance, 'important');
    assert.equal(cloud.use, 'deploying pipelines/services, debugging permission and connectivity issues');
    assert.match(cloud.description, /^\(IAM, networking basics, storage, compute\)\nImportance: Important \(Critical in cloud-native orgs\)\nExpected depth: /);
    const consultant = (seed('mlops-consultant').blueprint as Json).technical_skills;
    assert.deepEqual(tierItems(consultant.must_have)[0], {
      name: 'CI/CD concepts and implementation',
      importance: 'critical',
      description: 'Build pipelines, automated testing, controlled deployments, promotion flows.',
      use: 'Model training/deploy automation; standardized release practices for ML services.',
    });
    const lead = (seed('lead-mlops-engineer').blueprint as Json).technical_skills;
    assert.equal(tierItems(lead.emerging).find((s) => s.name === 'Automated evaluation and continuous validation')!.importance, 'important');
    assert.equal(tierItems(lead.must_have).find((s) => s.name === 'Data engineering fundamentals')!.importance, 'important');
  });

  test('a heading qualifier becomes the group note', () => {
    const b = seed('associate-mlops-consultant').blueprint as Json;
    assert.equal(b.responsibilities.strategic.note, 'Associate-level scope: contributes, does not set strategy');
    assert.equal(b.responsibilities.strategic.items.length, 3);
    assert.equal(b.technical_skills.advanced.note, 'not expected on day 1, but valuable');
    assert.ok(Array.isArray(b.responsibilities.operational), 'a heading without a qualifier stays a plain list');
  });

  test('entities are decoded', () => {
    const b = seed('associate-mlops-consultant').blueprint as Json;
    assert.ok(tierItems(b.technical_skills.advanced).some((s) => s.name === 'Advanced Kubernetes & service mesh'));
    assert.match(b.goals.day_30[0], /^Learn the organization’s ML delivery lifecycle/);
    const translate = (b.responsibilities.cross_functional as Json[])[0];
    assert.match(translate.description, /“p95 latency < X ms”/);
    assert.ok(!/&(amp|lt|gt|nbsp|#\d+);/.test(seed('associate-mlops-consultant').yaml));
  });

  test('a bold lead-in becomes {name, description}; sub-lines follow in the description', () => {
    const b = seed('associate-mlops-consultant').blueprint as Json;
    assert.deepEqual(b.responsibilities.operational[2], {
      name: 'Support operational readiness',
      description: 'help produce runbooks, on-call readiness artifacts, and handover documentation.\nIncludes “Definition of Done for go-live” checklists and operational ownership mapping.',
    });
    assert.deepEqual(b.day_to_day.daily.slice(-1)[0], {
      name: 'End of day',
      description: 'update tickets with concise notes; ensure any operational issues are either resolved or properly escalated.',
    });
    assert.deepEqual(b.deliverables.map((d: Json) => d.group), ['Pipelines and automation', 'Operational artifacts', 'Governance and quality artifacts', 'Technical documentation', 'Delivery management']);
  });

  test('soft skills read "Why it matters" and "How it shows up" / "On the job"', () => {
    const lead = (seed('lead-mlops-engineer').blueprint as Json).soft_skills[0];
    assert.equal(lead.name, 'Systems thinking');
    assert.match(lead.description, /^MLOps spans data, code, infrastructure/);
    assert.match(lead.shows_up, /^Designs end-to-end flows/);
    const associate = (seed('associate-mlops-consultant').blueprint as Json).soft_skills[0];
    assert.equal(associate.shows_up, 'isolates variables, forms hypotheses, runs small tests, documents outcomes.');
  });

  test('scorecard rows read weights as numbers and "meets"/"exceeds" columns by their header', () => {
    const associate = (seed('associate-mlops-consultant').blueprint as Json).hiring.scorecard as Json[];
    assert.deepEqual(associate[0], { dimension: 'Python engineering', weight: 15, meets: 'Writes clear code; basic packaging; uses logging; adds tests' });
    assert.equal(associate.reduce((sum, row) => sum + row.weight, 0), 100);
    const lead = (seed('lead-mlops-engineer').blueprint as Json).hiring.scorecard as Json[];
    assert.deepEqual(lead[0], { dimension: 'MLOps architecture', meets: 'Coherent end-to-end lifecycle with practical components', exceeds: 'Multi-tenant, scalable designs with governance and cost controls' });
  });

  test('the final summary splits numbered, semicolon and comma lists', () => {
    const consultant = (seed('mlops-consultant').blueprint as Json).scorecard_summary;
    assert.equal(consultant.title, 'MLOps Consultant');
    assert.equal(consultant.responsibilities.length, 10);
    assert.equal(consultant.responsibilities[0], 'Define MLOps target state and roadmap');
    assert.equal(consultant.technical_skills[3], 'ML lifecycle & production pitfalls (drift, skew)');
    const lead = (seed('lead-mlops-engineer').blueprint as Json).scorecard_summary;
    assert.equal(lead.technical_skills[3], 'CI/CD (GitHub Actions/GitLab/Jenkins)');
    assert.equal(lead.responsibilities[9], 'Mentor and lead technical decisions across MLOps');
    assert.deepEqual(lead.goals, ['30/60/90: establish baseline, stabilize pipelines, launch golden path and SLOs', '6–12 months: org-wide adoption, improved reliability, faster releases, stronger governance and cost controls']);
    const associate = (seed('associate-mlops-consultant').blueprint as Json).scorecard_summary;
    assert.equal(associate.tools[2], 'CI/CD (Actions/GitLab CI/Azure DevOps)');
  });

  test('role title, level and family come from the post title', () => {
    assert.deepEqual((seed('associate-mlops-consultant').blueprint as Json).role, {
      title: 'Associate MLOps Consultant',
      level: 'associate',
      family: 'MLOps',
      source: 'https://www.devopsschool.com/blog/associate-mlops-consultant-role-blueprint-responsibilities-skills-kpis-and-career-path/',
    });
    assert.equal((seed('mlops-consultant').blueprint as Json).role.level, 'mid');
    assert.equal((seed('lead-mlops-engineer').blueprint as Json).role.level, 'lead');
  });

  test('intro paragraphs go to notes and the report says so', () => {
    const { blueprint, report } = seed('mlops-consultant');
    const notes = (blueprint as Json).notes as Json[];
    assert.ok(notes.some((n) => n.section === '7' && n.text.startsWith('The table below provides a practical measurement framework.')));
    assert.equal(report.filter((e) => e.kind === 'note').length, notes.length);
    assert.match(formatReport(report)[0], /^note: \d+ items kept in notes \(section 6 \(Role success definition\): intro sentence of a list; /);
  });
});

suite('importer: unusable input', () => {
  const cases: [string, string, RegExp][] = [
    ['empty', '   ', /empty/],
    ['plain text', 'just some words', /neither a WordPress post \(JSON\) nor an HTML page/],
    ['broken JSON', '{"title": ', /looks like JSON but does not parse/],
    ['JSON without content', '{"title": {"rendered": "x"}}', /no content\.rendered/],
    ['JSON that is not an object', '[1, 2]', /not a WordPress post/],
    ['HTML without sections', '<p>Hello</p><h3>Not a section</h3>', /no sections found/],
    ['HTML with only unknown sections', '<h2>Shipping</h2><p>Free over $50.</p>', /no sections found: none of the <h2> headings/],
  ];
  for (const [label, input, message] of cases) {
    test(label, () => {
      assert.throws(() => importBlueprint(input), (error: unknown) => error instanceof ImportError && message.test(error.message));
    });
  }

  test('a post list (REST collection) takes its first post', () => {
    const post = JSON.parse(seedText('mlops-consultant'));
    const result = importBlueprint(JSON.stringify([post]));
    assert.equal((result.blueprint as Json).kpis.length, 25);
  });
});
