import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { BUILT_IN_SCHEMA } from '../../server/src/core';
import { precompiledSource, SchemaValidator, withoutAnnotations, type JsonSchema, type PrecompiledSchema, type SchemaIssue } from '../../server/src/core/schemaValidation';
import { PRECOMPILED_SCHEMA } from '../../server/src/core/schemaValidators.generated';
import { GENERATED_VALIDATORS_PATH, readSchema, schemaValidatorsSource } from '../../scripts/generate-schema-validators';
import { random as seededRandom } from '../fuzz/mutate';

/**
 * The built-in schema's validators are generated ahead of time (ajv standalone code). They must
 * be current, be used only for the schema they were made from, and report exactly what the
 * validators compiled at run time report, branch resolution included.
 */

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const exampleValues = readdirSync(EXAMPLES)
  .filter((f) => /\.role\.ya?ml$/.test(f))
  .sort()
  .map((f) => parse(readFileSync(join(EXAMPLES, f), 'utf8')) as unknown);

/** Keys the schema knows in its composites (group notes and items, row names, tech-stack groups) and a few it does not. */
const KEYS = ['note', 'items', 'name', 'infrastructure', 'data', 'delivery', 'target', 'title', 'level', 'importance', 'description', 'min', 'max', 'unknown_key', 'Name'];

function randomValue(random: () => number, depth: number): unknown {
  const pick = Math.floor(random() * (depth > 2 ? 6 : 9));
  switch (pick) {
    case 0:
      return '';
    case 1:
      return ['x', 'lead', 'Python', '>= 95%', 'senior'][Math.floor(random() * 5)];
    case 2:
      return Math.floor(random() * 20) - 5;
    case 3:
      return random() < 0.5;
    case 4:
      return null;
    case 5:
      return 2.5;
    case 6:
    case 7: {
      const object: Record<string, unknown> = {};
      const size = Math.floor(random() * 4);
      for (let i = 0; i < size; i++) object[KEYS[Math.floor(random() * KEYS.length)]] = randomValue(random, depth + 1);
      return object;
    }
    default:
      return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
  }
}

/** Every path to an object or array inside `value`. */
function containerPaths(value: unknown, path: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (value && typeof value === 'object') {
    out.push(path);
    for (const [key, child] of Object.entries(value)) containerPaths(child, [...path, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

/** A copy of `value` with one random change: a child replaced, removed, or a random key or item added. */
function mutate(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value);
  // Half the changes near the top, so every section's shape gets broken now and then.
  const all = containerPaths(copy);
  const paths = random() < 0.5 ? all : all.filter((p) => p.length <= 2);
  const path = paths[Math.floor(random() * paths.length)];
  const container = path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy) as Record<string | number, unknown>;
  const keys = Object.keys(container);
  const action = random();
  if (action < 0.6 && keys.length) container[keys[Math.floor(random() * keys.length)]] = randomValue(random, path.length);
  else if (action < 0.8 && keys.length) {
    const key = keys[Math.floor(random() * keys.length)];
    if (Array.isArray(container)) container.splice(Number(key), 1);
    else delete container[key];
  } else if (Array.isArray(container)) container.push(randomValue(random, path.length));
  else container[KEYS[Math.floor(random() * KEYS.length)]] = randomValue(random, path.length);
  return copy;
}

suite('precompiled schema validators', () => {
  const atRunTime = new SchemaValidator(BUILT_IN_SCHEMA);
  const precompiled = new SchemaValidator(BUILT_IN_SCHEMA, [], PRECOMPILED_SCHEMA);

  test('the generated file is current with the schema (else: npm run build:validators)', () => {
    assert.equal(readFileSync(GENERATED_VALIDATORS_PATH, 'utf8'), schemaValidatorsSource(readSchema()));
    assert.deepEqual(PRECOMPILED_SCHEMA.schema, precompiledSource(BUILT_IN_SCHEMA));
  });

  test('generated code carries the schema without editor annotations; names of fields stay, whatever they are called', () => {
    const schema = {
      title: 'T',
      'x-section-number': 3,
      properties: { title: { type: 'string', title: 'Title', description: 'The title.', examples: ['a'] }, examples: { enum: ['title'], markdownEnumDescriptions: ['x'] } },
      required: ['title', 'examples'],
      anyOf: [{ default: 1, type: 'object' }],
    };
    assert.deepEqual(withoutAnnotations(schema), {
      properties: { title: { type: 'string', description: 'The title.' }, examples: { enum: ['title'] } },
      required: ['title', 'examples'],
      anyOf: [{ type: 'object' }],
    });
  });

  test('generated code is used for the schema it was made from, and only for it', () => {
    let calls = 0;
    const counting: PrecompiledSchema = {
      ...PRECOMPILED_SCHEMA,
      validate: Object.assign((data: unknown) => (calls++, PRECOMPILED_SCHEMA.validate(data)), { errors: null }) as unknown as PrecompiledSchema['validate'],
    };
    new SchemaValidator(BUILT_IN_SCHEMA, [], counting).validate({});
    assert.equal(calls, 1);
    // A schema edited in what it validates (or one with organisation extensions) is compiled at
    // run time instead; an edited title changes nothing the generated code does.
    const retitled = { ...BUILT_IN_SCHEMA, title: 'Another title' } as JsonSchema;
    new SchemaValidator(retitled, [], counting).validate({});
    assert.equal(calls, 2);
    const edited = { ...BUILT_IN_SCHEMA, required: [...(BUILT_IN_SCHEMA.required as string[]), 'kpis'] } as JsonSchema;
    const issues = new SchemaValidator(edited, [], counting).validate({ blueprint: 1, role: { title: 'T' } });
    assert.deepEqual(issues.map((i) => `${i.code} ${String(i.data?.property)}`), ['schema.required kpis']);
    const extension: JsonSchema = { type: 'object', required: ['hiring'] };
    const withExtension = new SchemaValidator(BUILT_IN_SCHEMA, [extension], counting).validate({ blueprint: 1, role: { title: 'T' } });
    assert.deepEqual(withExtension.map((i) => `${i.code} ${String(i.data?.property)}`), ['schema.required hiring']);
    assert.equal(calls, 2);
  });

  test('a failing anyOf reports its best branch, found through the generated copies of the schema', () => {
    const value = { blueprint: 1, role: { title: 'T' }, tech_stack: { infrastructure: { note: 'cloud' } } };
    const expected = ['schema.required /tech_stack/infrastructure items'];
    const describe = (issues: SchemaIssue[]) => issues.map((i) => `${i.code} /${i.path.join('/')} ${String(i.data?.property ?? i.data?.key ?? '')}`);
    assert.deepEqual(describe(atRunTime.validate(value)), expected);
    assert.deepEqual(describe(precompiled.validate(value)), expected);
  });

  test('the same issues as validators compiled at run time, on the examples and 1,000 random changes to them', () => {
    // Counts which generated branch validators the resolution reaches.
    const branchesUsed = new Set<string>();
    const countingBranches = Object.fromEntries(
      Object.entries(PRECOMPILED_SCHEMA.branches).map(([pointer, validate]) => {
        const counting = Object.assign((data: unknown) => {
          branchesUsed.add(pointer);
          const valid = validate(data);
          counting.errors = validate.errors;
          return valid;
        }, { errors: null as typeof validate.errors });
        return [pointer, counting as unknown as typeof validate];
      }),
    );
    const precompiled = new SchemaValidator(BUILT_IN_SCHEMA, [], { ...PRECOMPILED_SCHEMA, branches: countingBranches });
    const next = seededRandom(20261123); // seeded, so a failure can be replayed
    let withIssues = 0;
    for (const value of exampleValues) assert.deepEqual(precompiled.validate(value), atRunTime.validate(value));
    for (let run = 0; run < 1000; run++) {
      let value = exampleValues[run % exampleValues.length];
      const changes = 1 + Math.floor(next() * 3);
      for (let i = 0; i < changes; i++) value = mutate(value, next);
      const expected = atRunTime.validate(value);
      assert.deepEqual(precompiled.validate(value), expected, `run ${run}: ${JSON.stringify(value).slice(0, 2000)}`);
      if (expected.length) withIssues++;
    }
    assert.ok(withIssues > 600, `only ${withIssues} runs had issues`);
    // The rest (deliverable items, experience years, posting location) wrap a composite at the
    // same place in the document, which is resolved first.
    assert.ok(branchesUsed.size >= 12, `only ${branchesUsed.size} branch validators were reached`);
  });
});
