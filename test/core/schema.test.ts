import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parse as parseYaml } from 'yaml';
import { createLanguageService } from '../../server/src/core';
import { SECTIONS, TOP_LEVEL_ORDER } from '../../server/src/core/sections';
import { buildSchema, SCHEMA_PATH } from '../../schemas/generate';

type Json = { [key: string]: unknown };

const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Json;
const snippets = JSON.parse(readFileSync(join(__dirname, '../../snippets/role-blueprint.code-snippets.json'), 'utf8')) as Record<string, { prefix: string; body: string[]; description: string }>;

let validateFn: ValidateFunction | undefined;
function validate(doc: unknown): ErrorObject[] {
  validateFn ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validateFn(doc) ? [] : [...(validateFn.errors ?? [])];
}

function hasError(errors: ErrorObject[], keyword: string, instancePath: string, params?: Record<string, unknown>): boolean {
  return errors.some((e) => e.keyword === keyword && e.instancePath === instancePath
    && Object.entries(params ?? {}).every(([k, v]) => (e.params as Record<string, unknown>)[k] === v));
}

function assertError(errors: ErrorObject[], keyword: string, instancePath: string, params?: Record<string, unknown>): void {
  assert.ok(hasError(errors, keyword, instancePath, params),
    `expected ${keyword} at "${instancePath}", got ${JSON.stringify(errors.map((e) => [e.keyword, e.instancePath, e.params]))}`);
}

const minimal = (): Json => ({ blueprint: 1, role: { title: 'Associate MLOps Consultant' } });

/**
 * Every schema reachable as a property value, definition, array item or combinator branch
 * that names a key the author writes (properties and definitions) must carry hover docs.
 * Returns the JSON pointers of the offenders.
 */
function missingDocs(root: Json): string[] {
  const offenders: string[] = [];
  const need = (node: Json, pointer: string): void => {
    for (const key of ['title', 'description', 'markdownDescription']) {
      if (typeof node[key] !== 'string' || (node[key] as string).trim() === '') offenders.push(`${pointer} (${key})`);
    }
    if (Array.isArray(node.enum)) {
      for (const key of ['enumDescriptions', 'markdownEnumDescriptions']) {
        const list = node[key];
        if (!Array.isArray(list) || list.length !== node.enum.length) offenders.push(`${pointer} (${key})`);
      }
    }
  };
  const walk = (node: unknown, pointer: string): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node)) return;
    const schemaNode = node as Json;
    for (const mapKey of ['properties', 'definitions']) {
      const map = schemaNode[mapKey];
      if (map && typeof map === 'object') {
        for (const [name, child] of Object.entries(map as Json)) {
          need(child as Json, `${pointer}/${mapKey}/${name}`);
          walk(child, `${pointer}/${mapKey}/${name}`);
        }
      }
    }
    if (schemaNode.items) walk(schemaNode.items, `${pointer}/items`);
    for (const combinator of ['anyOf', 'oneOf', 'allOf']) {
      const branches = schemaNode[combinator];
      if (Array.isArray(branches)) branches.forEach((b, i) => walk(b, `${pointer}/${combinator}/${i}`));
    }
  };
  need(root, '#');
  walk(root, '#');
  return offenders;
}

/** Expands a VS Code snippet body to the text it inserts when every placeholder keeps its default. */
function expandSnippet(body: string[]): string {
  const text = body.join('\n');
  const defaults = new Map<string, string>();
  const placeholder = /\$\{(\d+)(?::([^}]*)|\|([^|]*)\|)\}/g;
  for (const m of text.matchAll(placeholder)) defaults.set(m[1], m[2] ?? m[3].split(',')[0]);
  return text.replace(placeholder, (_m, n: string) => defaults.get(n) ?? '').replace(/\$(\d+)/g, (_m, n: string) => defaults.get(n) ?? '');
}

const indent = (text: string, by: number): string => text.split('\n').map((l) => (l ? ' '.repeat(by) + l : l)).join('\n');

suite('schema: role-blueprint.schema.json', () => {
  test('is draft-07 with an $id and compiles with ajv', () => {
    assert.strictEqual(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.strictEqual(typeof schema.$id, 'string');
    assert.doesNotThrow(() => new Ajv({ allErrors: true, strict: false }).compile(schema));
  });

  test('the committed JSON is what schemas/generate.ts builds', () => {
    assert.deepStrictEqual(schema, JSON.parse(JSON.stringify(buildSchema())),
      'schemas/role-blueprint.schema.json is stale: run `npx tsx schemas/generate.ts`');
  });

  test('top-level properties follow the canonical order, with section numbers 1–20', () => {
    const properties = schema.properties as Record<string, Json>;
    assert.deepStrictEqual(Object.keys(properties), TOP_LEVEL_ORDER);
    for (const section of SECTIONS) assert.strictEqual(properties[section.key]['x-section-number'], section.number, section.key);
    assert.strictEqual(properties.role['x-section-number'], undefined);
  });

  test('grouped sections accept exactly the group keys of sections.ts', () => {
    const properties = schema.properties as Record<string, Json>;
    for (const section of SECTIONS) {
      if (!section.groups) continue;
      const node = section.key === 'tech_stack' ? (properties.tech_stack.anyOf as Json[])[1] : properties[section.key];
      assert.deepStrictEqual(Object.keys(node.properties as Json), section.groups, section.key);
      assert.strictEqual(node.additionalProperties, false, section.key);
    }
  });

  test('a minimal document is valid', () => {
    assert.deepStrictEqual(validate(minimal()), []);
  });

  test('a document using every variant shape is valid', () => {
    const doc = parseYaml(`
blueprint: 1
role:
  title: Associate MLOps Consultant
  level: associate
  family: AI & ML
  source: https://www.devopsschool.com/blog/associate-mlops-consultant-role-blueprint-responsibilities-skills-kpis-and-career-path/
summary: >-
  The Associate MLOps Consultant supports the design, implementation, and operation of reliable ML delivery.
mission: Enable teams to reliably deliver, deploy, monitor, and improve ML models in production.
responsibilities:
  strategic:
    note: "Associate-level scope: contributes, does not set strategy"
    items:
      - name: Contribute to MLOps delivery plans
        description: Break work into implementable tasks, estimate effort, track progress.
  leadership:
    - Lead small workstreams under supervision.
deliverables:
  - Sprint-ready user stories and tasks with acceptance criteria
  - group: Pipelines and automation
    items:
      - Training pipeline definitions (DAGs/workflows)
      - name: Golden path example repo
        description: Demonstrates the expected structure.
goals:
  day_30: [Learn the organization's ML delivery lifecycle.]
  success: [Consistently ships production-quality contributions.]
kpis:
  - name: Deployment success rate
    category: Reliability
    measures: "% of deployments completed without rollback/hotfix"
    why: Measures release quality
    target: ">95% successful deployments"
    frequency: Monthly
technical_skills:
  must_have:
    - name: Python for production ML workflows
      importance: critical
      description: Can structure code into modules and write meaningful unit tests.
      use: Scripting pipelines, writing utilities, basic tests
  advanced:
    note: not expected on day 1, but valuable
    items:
      - name: Advanced Kubernetes & service mesh
        importance: optional
soft_skills:
  - name: Structured problem solving
    description: ML production issues can be ambiguous.
    shows_up: Isolates variables, forms hypotheses, runs small tests.
tools:
  - category: Experiment tracking / registry
    name: MLflow
    use: Tracking runs, model registry, artifact metadata
    prevalence: optional
tech_stack: Primarily cloud-based with containerized workloads.
experience:
  years: 0–3 years
  certifications:
    note: helpful, not mandatory
    items: [Cloud certifications]
hiring:
  exercises:
    note: choose 1–2
    items:
      - name: Pipeline debugging exercise
        description: Provide a failing CI pipeline log.
  scorecard:
    - dimension: Python engineering
      weight: 15
      meets: Writes clear code; basic packaging; uses logging; adds tests
scorecard_summary:
  title: Associate MLOps Consultant
  purpose: Support production-grade ML delivery workflows.
  responsibilities: [Implement training/deployment pipelines, Package models for production]
  goals: 30/60/90-day ramp to independent task ownership
  career: [MLOps Consultant, ML Engineer]
posting:
  location: [Berlin, Germany office, Remote (EU)]
  employment_type: FULL_TIME
  date_posted: 2025-03-01
  valid_through: 2025-04-30T23:59:00Z
  hiring_organization: { name: Example Corp, url: https://example.com }
  remote: false
  salary: { currency: EUR, min: 65000, max: 85000, unit: YEAR }
  apply_url: https://example.com/apply
notes:
  - section: kpis
    heading: Notes on measurement
    text: Avoid metric traps.
`, { schema: 'core' });
    assert.deepStrictEqual(validate(doc), []);
    const groupedTechStack = { ...minimal(), tech_stack: { infrastructure: ['Cloud'], sdlc: { note: 'typical', items: ['Two-week sprints'] } } };
    assert.deepStrictEqual(validate(groupedTechStack), []);
  });

  test('a misspelled key is an additionalProperties error where it was written', () => {
    assertError(validate({ ...minimal(), responsibilites: {} }), 'additionalProperties', '', { additionalProperty: 'responsibilites' });
    assertError(validate({ ...minimal(), responsibilities: { strategc: [] } }), 'additionalProperties', '/responsibilities', { additionalProperty: 'strategc' });
    assertError(validate({ ...minimal(), kpis: [{ name: 'MTTR', taget: '< 1h' }] }), 'additionalProperties', '/kpis/0', { additionalProperty: 'taget' });
    assertError(validate({ ...minimal(), role: { title: 'X', titel: 'Y' } }), 'additionalProperties', '/role', { additionalProperty: 'titel' });
  });

  test('a value outside an enum is an enum error at that value', () => {
    assertError(validate({ ...minimal(), role: { title: 'X', level: 'seniour' } }), 'enum', '/role/level');
    assertError(validate({ ...minimal(), tools: [{ name: 'MLflow', prevalence: 'context-specific' }] }), 'enum', '/tools/0/prevalence');
    assertError(validate({ ...minimal(), technical_skills: { must_have: [{ name: 'Python', importance: 'Critical' }] } }), 'enum', '/technical_skills/must_have/0/importance');
    assertError(validate({ ...minimal(), posting: { employment_type: 'full-time' } }), 'enum', '/posting/employment_type');
  });

  test('role.title is required and non-empty; blueprint and role are required', () => {
    assertError(validate({ blueprint: 1, role: { level: 'lead' } }), 'required', '/role', { missingProperty: 'title' });
    assertError(validate({ blueprint: 1, role: { title: '' } }), 'minLength', '/role/title');
    assertError(validate({ role: { title: 'X' } }), 'required', '', { missingProperty: 'blueprint' });
    assertError(validate({ blueprint: 1 }), 'required', '', { missingProperty: 'role' });
  });

  test('value constraints: version, weights, top-10 lists, dates, row names', () => {
    assertError(validate({ ...minimal(), blueprint: 2 }), 'const', '/blueprint');
    assertError(validate({ ...minimal(), hiring: { scorecard: [{ dimension: 'Python', weight: 120 }] } }), 'maximum', '/hiring/scorecard/0/weight');
    const eleven = Array.from({ length: 11 }, (_, i) => `Skill ${i + 1}`);
    assertError(validate({ ...minimal(), scorecard_summary: { technical_skills: eleven } }), 'maxItems', '/scorecard_summary/technical_skills');
    assertError(validate({ ...minimal(), posting: { date_posted: '01/03/2025' } }), 'pattern', '/posting/date_posted');
    assertError(validate({ ...minimal(), kpis: [{ measures: 'x' }] }), 'required', '/kpis/0', { missingProperty: 'name' });
    assertError(validate({ ...minimal(), responsibilities: { strategic: { items: ['x'] } } }), 'required', '/responsibilities/strategic', { missingProperty: 'note' });
    assertError(validate({ ...minimal(), summary: ['not', 'text'] }), 'type', '/summary');
  });

  test('every property and definition has a title, description and markdownDescription; enums are described', () => {
    assert.deepStrictEqual(missingDocs(schema), []);
  });

  test('the docs check reports an undocumented property and a half-described enum', () => {
    const broken: Json = {
      title: 't', description: 'd', markdownDescription: 'm',
      properties: {
        ok: { title: 't', description: 'd', markdownDescription: 'm' },
        nested: {
          title: 't', description: 'd', markdownDescription: 'm',
          items: { properties: { bare: { description: 'd' } } },
        },
        level: { title: 't', description: 'd', markdownDescription: 'm', enum: ['a', 'b'], enumDescriptions: ['A'], markdownEnumDescriptions: ['A', 'B'] },
      },
    };
    assert.deepStrictEqual(missingDocs(broken), [
      '#/properties/nested/items/properties/bare (title)',
      '#/properties/nested/items/properties/bare (markdownDescription)',
      '#/properties/level (enumDescriptions)',
    ]);
  });

  test('the YAML examples in the hover docs are valid where they belong', () => {
    const failures: string[] = [];
    const yamlBlocks = (node: Json): unknown[] =>
      [...String(node.markdownDescription).matchAll(/```yaml\n([\s\S]*?)\n```/g)].flatMap((m) => {
        try {
          return [parseYaml(m[1])];
        } catch (e) {
          failures.push(`${String(node.title)}: ${(e as Error).message}`);
          return [];
        }
      });
    const checked: string[] = [];
    const check = (where: string, doc: Json): void => {
      checked.push(where);
      for (const e of validate(doc)) failures.push(`${where}: ${e.keyword} at ${e.instancePath} ${JSON.stringify(e.params)}`);
    };
    const properties = schema.properties as Record<string, Json>;
    for (const [key, prop] of Object.entries(properties)) {
      for (const example of yamlBlocks(prop)) check(key, { ...minimal(), ...(example as Json) });
      const groups = (prop.properties ?? (prop.anyOf as Json[] | undefined)?.[1]?.properties ?? {}) as Record<string, Json>;
      for (const [group, groupSchema] of Object.entries(groups)) {
        for (const example of yamlBlocks(groupSchema)) {
          check(`${key}.${group}`, { ...minimal(), [key]: typeof example === 'object' && example && !Array.isArray(example) ? example : { [group]: example } });
        }
      }
    }
    // Row and shape examples in the definitions, placed where such rows are written.
    const placeDefinition: Record<string, (example: unknown) => Json> = {
      text: (e) => e as Json,
      item: (e) => ({ responsibilities: { technical: e } }),
      group: (e) => ({ responsibilities: e }),
      deliverable_group: (e) => ({ deliverables: e }),
      kpi: (e) => ({ kpis: e }),
      skill: (e) => ({ technical_skills: { must_have: e } }),
      skill_tier: (e) => ({ technical_skills: e }),
      soft_skill: (e) => ({ soft_skills: e }),
      tool: (e) => ({ tools: e }),
      scorecard_row: (e) => ({ hiring: { scorecard: e } }),
      note: (e) => ({ notes: e }),
    };
    for (const [name, definition] of Object.entries(schema.definitions as Record<string, Json>)) {
      const place = placeDefinition[name];
      assert.ok(place, `no placement for the examples of definition ${name}`);
      for (const example of yamlBlocks(definition)) check(`#/definitions/${name}`, { ...minimal(), ...place(example) });
    }
    assert.deepStrictEqual(failures, []);
    assert.ok(checked.length > 100, `only ${checked.length} examples checked`);
  });

  test('leaf string fields carry examples', () => {
    const missing: string[] = [];
    const walk = (node: Json, pointer: string): void => {
      for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Json>)) {
        if (child.type === 'string' && !Array.isArray(child.examples)) missing.push(`${pointer}/${name}`);
        walk(child, `${pointer}/${name}`);
      }
      for (const [name, child] of Object.entries((node.definitions ?? {}) as Record<string, Json>)) walk(child, `#/definitions/${name}`);
      for (const branch of (node.anyOf ?? []) as Json[]) walk(branch, pointer);
    };
    walk(schema, '#');
    assert.deepStrictEqual(missing, []);
  });
});

suite('snippets: role-blueprint.code-snippets.json', () => {
  const byPrefix = new Map(Object.values(snippets).map((s) => [s.prefix, s]));

  test('has the skeleton and one snippet per row kind', () => {
    assert.deepStrictEqual([...byPrefix.keys()].sort(),
      ['blueprint', 'deliverable-group', 'group-with-note', 'kpi', 'scorecard-row', 'skill', 'soft-skill', 'tool']);
    for (const s of byPrefix.values()) assert.ok(s.description.length > 10);
  });

  test('the blueprint skeleton expands to a valid document with the 20 sections in order', () => {
    const doc = parseYaml(expandSnippet(byPrefix.get('blueprint')!.body)) as Json;
    assert.deepStrictEqual(validate(doc), []);
    assert.deepStrictEqual(Object.keys(doc), ['blueprint', 'role', ...SECTIONS.map((s) => s.key)]);
  });

  test("the skeleton's defaults do not contradict each other: its level fits its years and authority", () => {
    const text = expandSnippet(byPrefix.get('blueprint')!.body);
    const levelFindings = (blueprint: string) =>
      createLanguageService()
        .computeDiagnostics(TextDocument.create('untitled:new-role.role.yaml', 'role-blueprint', 1, blueprint))
        .filter((d) => String(d.code).startsWith('level.'));
    assert.deepStrictEqual(levelFindings(text).map((d) => `${d.range.start.line + 1}: ${String(d.code)}`), []);
    // The rules do read the skeleton: the same defaults under an intern level contradict it.
    assert.deepStrictEqual(levelFindings(text.replace(/^( {2}level: ).*$/m, '$1intern')).map((d) => String(d.code)).sort(), ['level.budget-authority', 'level.years-mismatch']);
  });

  test('the tab stops of the skeleton are numbered 1..n without gaps', () => {
    const numbers = [...byPrefix.get('blueprint')!.body.join('\n').matchAll(/\$\{(\d+)[:|]/g)].map((m) => Number(m[1]));
    assert.deepStrictEqual(numbers, numbers.map((_, i) => i + 1));
  });

  test('each row snippet expands to a valid row in its place', () => {
    const cases: Array<[string, string, number]> = [
      ['kpi', 'kpis:', 2],
      ['skill', 'technical_skills:\n  must_have:', 4],
      ['soft-skill', 'soft_skills:', 2],
      ['tool', 'tools:', 2],
      ['scorecard-row', 'hiring:\n  scorecard:', 4],
      ['deliverable-group', 'deliverables:', 2],
      ['group-with-note', 'responsibilities:\n  strategic:', 4],
    ];
    for (const [prefix, parent, depth] of cases) {
      const text = `blueprint: 1\nrole:\n  title: X\n${parent}\n${indent(expandSnippet(byPrefix.get(prefix)!.body), depth)}\n`;
      const doc = parseYaml(text);
      assert.deepStrictEqual(validate(doc), [], prefix);
    }
  });
});
