import { yamlScalar } from './lint/fields';
import type { JsonSchema } from './schemaValidation';
import { sectionInfo } from './sections';
import type { JsonPath } from './types';

/**
 * What quick fixes insert: a placeholder for one missing field, and a skeleton for a missing
 * section. Both are read from the schema (so an organisation's schema changes them too) and
 * are valid against it: group keys get empty lists, rows get one row of empty text fields
 * for the author to fill in — never invented content.
 */

function resolve(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema | undefined {
  let current = schema;
  for (let hops = 0; current && typeof current.$ref === 'string' && hops < 20; hops++) {
    const ref: string = current.$ref;
    if (!ref.startsWith('#/')) return undefined;
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, segment) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined), root) as JsonSchema | undefined;
  }
  return current;
}

/** The alternatives of a schema (anyOf/oneOf branches, or the schema itself), refs resolved. */
function branches(schema: JsonSchema | undefined, root: JsonSchema): JsonSchema[] {
  const resolved = resolve(schema, root);
  if (!resolved) return [];
  const alternatives = (resolved.anyOf ?? resolved.oneOf) as JsonSchema[] | undefined;
  return Array.isArray(alternatives) ? alternatives.flatMap((b) => branches(b, root)) : [resolved];
}

function propertiesOf(schema: JsonSchema): Record<string, JsonSchema> {
  return (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
}

/** The object schema that describes the mapping at `path` and knows `property`. */
export function objectSchemaAt(root: JsonSchema, path: JsonPath, property: string): JsonSchema | undefined {
  let candidates = branches(root, root);
  for (const segment of path) {
    candidates = candidates.flatMap((schema) =>
      typeof segment === 'number' ? branches(schema.items as JsonSchema | undefined, root) : branches(propertiesOf(schema)[segment], root),
    );
  }
  return candidates.find((schema) => property in propertiesOf(schema));
}

/** The text of a value for a missing field: the schema's const, first enum value or first example. */
export function placeholderFor(schema: JsonSchema | undefined, root: JsonSchema): string {
  const resolved = branches(schema, root)[0];
  if (!resolved) return '""';
  const candidate = 'const' in resolved ? resolved.const : Array.isArray(resolved.enum) ? resolved.enum[0] : Array.isArray(resolved.examples) ? resolved.examples[0] : undefined;
  if (typeof candidate === 'string') return yamlScalar(candidate);
  if (typeof candidate === 'number' || typeof candidate === 'boolean') return String(candidate);
  if (Array.isArray(candidate) && candidate.every((c) => typeof c === 'string')) return `[${candidate.map((c) => yamlScalar(c)).join(', ')}]`;
  return emptyValue(resolved);
}

function emptyValue(schema: JsonSchema): string {
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') return '[]';
  if (type === 'object') return '{}';
  if (type === 'integer' || type === 'number') return '0';
  if (type === 'boolean') return 'false';
  return '""';
}

/** One placeholder row (`- name: ""` …) of an array-of-rows schema, or undefined for other arrays. */
function rowLines(arraySchema: JsonSchema, root: JsonSchema): string[] | undefined {
  const row = branches(arraySchema.items as JsonSchema | undefined, root).find((b) => b.type === 'object' && b.properties);
  if (!row || branches(arraySchema.items as JsonSchema | undefined, root).some((b) => b.type === 'string')) return undefined;
  const required = (row.required as string[] | undefined) ?? [];
  const textFields = Object.entries(propertiesOf(row))
    .filter(([name, p]) => {
      const r = resolve(p, root);
      return r?.type === 'string' && !r.enum && (required.includes(name) || r.minLength === undefined);
    })
    .map(([name]) => name);
  const fields = [...required.filter((f) => textFields.includes(f)), ...textFields.filter((f) => !required.includes(f))];
  return fields.length ? fields.map((field, i) => `${i === 0 ? '- ' : '  '}${field}: ""`) : undefined;
}

/** The lines of a value under a key, indented by `unit` per level, or the inline value. */
function valueLines(schema: JsonSchema | undefined, root: JsonSchema, unit: string, groups?: readonly string[]): string | string[] {
  const options = branches(schema, root);
  const object = options.find((b) => b.type === 'object' && b.properties && !b.required);
  if (object && groups) {
    return groups.filter((g) => g in propertiesOf(object)).flatMap((group) => keyValue(group, propertiesOf(object)[group], root, unit));
  }
  const array = options.find((b) => b.type === 'array');
  if (array) return rowLines(array, root) ?? '[]';
  if (options.some((b) => b.type === 'string')) return '""';
  return options[0] ? emptyValue(options[0]) : '""';
}

function keyValue(key: string, schema: JsonSchema | undefined, root: JsonSchema, unit: string, groups?: readonly string[]): string[] {
  const value = valueLines(schema, root, unit, groups);
  if (typeof value === 'string') return [`${key}: ${value}`];
  return [`${key}:`, ...value.map((line) => unit + line)];
}

/** The skeleton of a section as lines without line breaks, e.g. `["kpis:", "  - name: \"\""…]`. */
export function sectionSkeleton(key: string, root: JsonSchema, unit = '  '): string[] {
  const schema = propertiesOf(resolve(root, root) ?? {})[key];
  return keyValue(key, schema, root, unit, sectionInfo(key)?.groups);
}
