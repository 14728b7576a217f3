import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from 'vscode-languageserver-types';
import { describePath, makeDiagnostic, type Span } from './diagnosticUtil';
import { locate, nodeSpan, type ParsedBlueprint } from './parse';
import { closestMatches } from './strings';
import type { ITextDocument, JsonPath } from './types';

/**
 * JSON Schema validation with ajv, reported the way a hiring manager can act on it:
 * one diagnostic per real problem, on the exact node (the key of an unknown or the parent key
 * of a missing field, the value of a wrong type or enum), and for `oneOf`/`anyOf` only the
 * errors of the branch that fits best — never a wall of every branch.
 */

export type JsonSchema = Record<string, unknown>;

export interface SchemaIssue {
  readonly code: string;
  readonly message: string;
  readonly path: JsonPath;
  /** Which part of the node the issue is about. */
  readonly target: 'key' | 'value' | 'parentKey';
  /** Quick-fix payload: replacement candidates, the offending key, the missing property. */
  readonly data?: Record<string, unknown>;
}

const SCHEMA_ID = 'role-blueprint://schema';

/** The ajv options behind every validator, compiled at run time or ahead of time. */
export const AJV_OPTIONS = { allErrors: true, strict: false, verbose: true, allowUnionTypes: true, inlineRefs: false } as const;

/**
 * Validation code generated ahead of time for one schema by ajv's standalone mode
 * (scripts/generate-schema-validators.ts): loading it costs a few milliseconds where compiling
 * the schema at startup costs close to a hundred.
 */
export interface PrecompiledSchema {
  /** The schema the code was generated from (`precompiledSource`): its copy inside the generated code. */
  readonly schema: JsonSchema;
  readonly validate: ValidateFunction;
  /** One validator per oneOf/anyOf branch, by the branch's pointer in the schema (`#/properties/x/anyOf/0`). */
  readonly branches: Readonly<Record<string, ValidateFunction>>;
}

function escapePointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Calls `visit` with every object in `node` and its JSON pointer (`#` is the root). */
function walkSchema(node: unknown, pointer: string, visit: (node: object, pointer: string) => void): void {
  if (!node || typeof node !== 'object') return;
  visit(node, pointer);
  for (const [key, child] of Object.entries(node)) walkSchema(child, `${pointer}/${escapePointerToken(key)}`, visit);
}

function compositeBranches(node: object): readonly (readonly [keyword: 'oneOf' | 'anyOf', count: number])[] {
  const found: [keyword: 'oneOf' | 'anyOf', count: number][] = [];
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const branches = (node as Record<string, unknown>)[keyword];
    if (Array.isArray(branches)) found.push([keyword, branches.length]);
  }
  return found;
}

/** Keywords whose value maps names to subschemas (the names are data, not keywords). */
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'patternProperties', 'dependencies']);
/** Keywords whose value is data, kept whole. */
const DATA_KEYWORDS = new Set(['enum', 'const', 'required', 'type']);
/** Annotations for editors that validation never reads (issue messages read only `description` and `properties`). */
const EDITOR_ANNOTATIONS = new Set(['title', 'markdownDescription', 'examples', 'default', 'defaultSnippets', 'enumDescriptions', 'markdownEnumDescriptions', 'deprecationMessage', '$comment']);

/**
 * `schema` without its editor annotations (titles, examples, Markdown texts, `x-` keys): what
 * generated code needs to carry, about a third of the text.
 */
export function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (!schema || typeof schema !== 'object') return schema;
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (EDITOR_ANNOTATIONS.has(key) || key.startsWith('x-')) continue;
    if (SCHEMA_MAPS.has(key) && value && typeof value === 'object' && !Array.isArray(value)) {
      kept[key] = Object.fromEntries(Object.entries(value).map(([name, subschema]) => [name, withoutAnnotations(subschema)]));
    } else kept[key] = DATA_KEYWORDS.has(key) ? value : withoutAnnotations(value);
  }
  return kept;
}

/** What code is generated from for `schema`: its validation content, under the built-in schema's id. */
export function precompiledSource(schema: JsonSchema): JsonSchema {
  return { ...(withoutAnnotations(schema) as JsonSchema), $id: SCHEMA_ID };
}

/** The pointer of every oneOf/anyOf branch in `schema`: what best-branch resolution validates on its own. */
export function compositeBranchPointers(schema: JsonSchema): string[] {
  const pointers: string[] = [];
  walkSchema(schema, '#', (node, pointer) => {
    for (const [keyword, count] of compositeBranches(node)) for (let i = 0; i < count; i++) pointers.push(`${pointer}/${keyword}/${i}`);
  });
  return pointers;
}

/** Where the validators come from: ajv compiling at run time, or code generated ahead of time. */
interface CompiledSchema {
  readonly validate: ValidateFunction;
  /** The pointer of the subschema object an error's `parentSchema` is, if known. */
  pointerOf(parentSchema: object): string | undefined;
  /** The validator of the subschema at `pointer`. */
  validator(pointer: string): ValidateFunction | undefined;
}

/** Compiles with ajv: the built-in schema and the organisation schemas that must also hold. */
function compileAtRunTime(schema: JsonSchema, extensions: readonly JsonSchema[]): CompiledSchema {
  const ajv = new Ajv(AJV_OPTIONS);
  /** Every subschema object → its absolute JSON pointer, to compile a branch on its own. */
  const pointers = new WeakMap<object, string>();
  const ids = [SCHEMA_ID, ...extensions.map((_, i) => `role-blueprint://extension/${i}`)];
  [schema, ...extensions].forEach((source, i) => {
    const registered = { ...source, $id: ids[i] };
    ajv.addSchema(registered);
    walkSchema(registered, `${ids[i]}#`, (node, pointer) => pointers.set(node, pointer));
  });
  return {
    validate: ajv.compile({ allOf: ids.map(($ref) => ({ $ref })) }),
    pointerOf: (parentSchema) => pointers.get(parentSchema),
    validator: (pointer) => ajv.getSchema(pointer), // compiled once, then cached by ajv
  };
}

/**
 * Generated code carries its own copies of the schema objects (in errors' `parentSchema`,
 * without annotations), so a composite's parent is found by its content: equal subschemas have
 * equal branches, which validate alike wherever they sit.
 */
function loadPrecompiled(precompiled: PrecompiledSchema): CompiledSchema {
  let byContent: Map<string, string> | undefined;
  const seen = new WeakMap<object, string | undefined>();
  const pointerOf = (parentSchema: object): string | undefined => {
    if (seen.has(parentSchema)) return seen.get(parentSchema);
    if (!byContent) {
      const map = new Map<string, string>();
      walkSchema(precompiled.schema, '#', (node, pointer) => {
        const key = compositeBranches(node).length ? JSON.stringify(node) : undefined;
        if (key !== undefined && !map.has(key)) map.set(key, pointer);
      });
      byContent = map;
    }
    const pointer = byContent.get(JSON.stringify(parentSchema));
    seen.set(parentSchema, pointer);
    return pointer;
  };
  return { validate: precompiled.validate, pointerOf, validator: (pointer) => precompiled.branches[pointer] };
}

export class SchemaValidator {
  readonly #compiled: CompiledSchema;

  /**
   * Compiles once; `extensions` are organisation schemas that must also hold. `precompiled`
   * (code generated for `schema` alone) is used when it was generated from what `schema` holds
   * for validation (an edit to the schema without regenerating falls back to compiling).
   */
  constructor(schema: JsonSchema, extensions: readonly JsonSchema[] = [], precompiled?: PrecompiledSchema) {
    const usable = precompiled !== undefined && extensions.length === 0 && JSON.stringify(precompiled.schema) === JSON.stringify(precompiledSource(schema));
    this.#compiled = usable ? loadPrecompiled(precompiled) : compileAtRunTime(schema, extensions);
  }

  /** Problems of `value`, best-branch resolved and deduplicated. */
  validate(value: unknown): SchemaIssue[] {
    const validate = this.#compiled.validate;
    if (validate(value)) return [];
    const errors = this.#resolveBranches(validate.errors ?? [], '');
    const issues: SchemaIssue[] = [];
    const seen = new Set<string>();
    for (const error of errors) {
      const issue = toIssue(error);
      if (!issue) continue;
      const key = `${issue.code} ${issue.path.join('/')} ${String(issue.data?.key ?? issue.data?.property ?? '')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue);
    }
    return issues;
  }

  /** Replaces the errors under each failing oneOf/anyOf by those of its best branch. */
  #resolveBranches(errors: readonly ErrorObject[], prefix: string): ErrorObject[] {
    const composites = errors
      .filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')
      .sort((a, b) => a.instancePath.length - b.instancePath.length);
    let remaining = errors.map((e) => (prefix ? { ...e, instancePath: prefix + e.instancePath } : e));
    const handled: string[] = [];
    for (const composite of composites) {
      const at = prefix + composite.instancePath;
      if (handled.some((h) => at === h || at.startsWith(h + '/'))) continue;
      const branches = composite.schema as unknown[];
      if (!Array.isArray(branches)) continue;
      const base = composite.parentSchema ? this.#compiled.pointerOf(composite.parentSchema) : undefined;
      if (base === undefined) continue;
      const candidates = branches.map((_, i) => this.#branchErrors(`${base}/${composite.keyword}/${i}`, composite.data, at));
      const failing = candidates.filter((c): c is ErrorObject[] => c !== undefined && c.length > 0);
      if (failing.length < candidates.length) continue; // some branch passes: a "more than one" oneOf, keep as is
      const best = failing.reduce((a, b) => (score(b, at) < score(a, at) ? b : a));
      handled.push(at);
      remaining = remaining.filter((e) => !(e.instancePath === at || e.instancePath.startsWith(at + '/')));
      remaining.push(...best);
    }
    return remaining;
  }

  #branchErrors(pointer: string, data: unknown, at: string): ErrorObject[] | undefined {
    const validate = this.#compiled.validator(pointer);
    if (!validate) return undefined;
    if (validate(data)) return [];
    return this.#resolveBranches(validate.errors ?? [], at);
  }
}

/** Lower is better: a branch whose very type is wrong fits worst; then fewer, deeper errors. */
function score(errors: readonly ErrorObject[], at: string): number {
  let total = 0;
  for (const e of errors) {
    if (e.instancePath === at && (e.keyword === 'type' || e.keyword === 'const')) total += 1000;
    else if (e.instancePath === at && e.keyword === 'required') total += 10;
    else total += 1;
  }
  return total;
}

function pathOf(instancePath: string): (string | number)[] {
  if (!instancePath) return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a set of fields',
  null: 'empty',
};

function typeWord(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((t) => TYPE_WORDS[String(t)] ?? String(t)).join(' or ');
}

function actualWord(data: unknown): string {
  if (data === null || data === undefined) return 'empty';
  if (Array.isArray(data)) return 'a list';
  if (typeof data === 'object') return 'a set of fields';
  if (typeof data === 'string') return 'text';
  if (typeof data === 'boolean') return 'true/false';
  return 'a number';
}

function toIssue(error: ErrorObject): SchemaIssue | undefined {
  const path = pathOf(error.instancePath);
  const where = describePath(path);
  const parentSchema = error.parentSchema as JsonSchema | undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = String((error.params as { additionalProperty: string }).additionalProperty);
      const known = Object.keys((parentSchema?.properties as JsonSchema | undefined) ?? {});
      const suggestions = closestMatches(key, known);
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : known.length ? ` Known fields here: ${known.join(', ')}.` : '';
      return { code: 'schema.unknown-key', message: `Unknown field "${key}" in ${where}.${hint}`, path: [...path, key], target: 'key', data: { key, suggestions } };
    }
    case 'required': {
      const property = String((error.params as { missingProperty: string }).missingProperty);
      const propertySchema = (parentSchema?.properties as Record<string, JsonSchema> | undefined)?.[property];
      const about = typeof propertySchema?.description === 'string' ? ` (${firstSentence(propertySchema.description)})` : '';
      return { code: 'schema.required', message: `${capitalise(where)} is missing the required field "${property}"${about}.`, path, target: 'parentKey', data: { property, path } };
    }
    case 'type':
      return { code: 'schema.type', message: `${capitalise(where)} should be ${typeWord((error.params as { type: unknown }).type)}, not ${actualWord(error.data)}.`, path, target: 'value' };
    case 'enum': {
      const allowed = ((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map(String);
      const suggestions = typeof error.data === 'string' ? closestMatches(error.data, allowed) : [];
      const hint = suggestions.length ? ` Did you mean "${suggestions[0]}"?` : '';
      return { code: 'schema.enum', message: `${capitalise(where)} must be one of: ${allowed.join(', ')}.${hint}`, path, target: 'value', data: { suggestions, allowed } };
    }
    case 'const':
      return { code: 'schema.const', message: `${capitalise(where)} must be ${JSON.stringify((error.params as { allowedValue: unknown }).allowedValue)}.`, path, target: 'value', data: { suggestions: [String((error.params as { allowedValue: unknown }).allowedValue)] } };
    case 'maxItems':
      return { code: 'schema.max-items', message: `${capitalise(where)} has ${Array.isArray(error.data) ? error.data.length : 'too many'} entries; keep it to at most ${(error.params as { limit: number }).limit}.`, path, target: 'parentKey' };
    case 'minItems':
      return { code: 'schema.min-items', message: `${capitalise(where)} needs at least ${(error.params as { limit: number }).limit} entr${(error.params as { limit: number }).limit === 1 ? 'y' : 'ies'}.`, path, target: 'parentKey' };
    case 'minLength':
      return { code: 'schema.empty', message: `${capitalise(where)} must not be empty.`, path, target: 'value' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'schema.range', message: `${capitalise(where)} must be ${error.message ?? 'in range'}.`, path, target: 'value' };
    case 'format':
    case 'pattern':
      return { code: 'schema.format', message: `${capitalise(where)} is not in the expected form (${(error.params as { format?: string; pattern?: string }).format ?? (error.params as { pattern?: string }).pattern}).`, path, target: 'value' };
    case 'oneOf':
    case 'anyOf':
      return { code: 'schema.shape', message: `${capitalise(where)} does not have one of the allowed shapes.`, path, target: 'value' };
    case 'allOf':
    case 'if':
    case 'then':
    case 'else':
      return undefined; // their sub-errors say what is wrong
    default:
      return { code: `schema.${error.keyword}`, message: `${capitalise(where)} ${error.message ?? 'is not valid'}.`, path, target: 'value' };
  }
}

function firstSentence(text: string): string {
  const sentence = text.split(/(?<=\.)\s/)[0];
  return sentence.replace(/\.$/, '');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Where in the text an issue goes: the key, the value, or the parent's key. */
export function issueSpan(parsed: ParsedBlueprint, issue: SchemaIssue): Span | undefined {
  const location = locate(parsed, issue.path);
  if (issue.target === 'key' && location?.keyNode) return nodeSpan(location.keyNode, location.base);
  if (issue.target === 'parentKey') {
    if (issue.path.length === 0) return rootSpan(parsed);
    if (location?.keyNode) return nodeSpan(location.keyNode, location.base);
    if (location?.node) return nodeSpan(location.node, location.base);
  }
  if (issue.target === 'value' || issue.target === 'key') {
    if (location?.node) return nodeSpan(location.node, location.base);
    if (location?.keyNode) return nodeSpan(location.keyNode, location.base);
  }
  // Fall back to the nearest ancestor that exists in the text.
  for (let n = issue.path.length - 1; n >= 0; n--) {
    const ancestor = locate(parsed, issue.path.slice(0, n));
    if (ancestor?.keyNode) return nodeSpan(ancestor.keyNode, ancestor.base);
  }
  return rootSpan(parsed);
}

function rootSpan(parsed: ParsedBlueprint): Span {
  const first = parsed.sections[0];
  if (first) return nodeSpan(first.keyNode, first.base);
  const firstContent = parsed.text.search(/\S/);
  return firstContent === -1 ? [0, 0] : [firstContent, Math.max(firstContent + 1, parsed.text.indexOf('\n', firstContent) === -1 ? parsed.text.length : parsed.text.indexOf('\n', firstContent))];
}

export function schemaDiagnostics(parsed: ParsedBlueprint, doc: ITextDocument, validator: SchemaValidator): Diagnostic[] {
  if (parsed.value === undefined) return [];
  return validator.validate(parsed.value).map((issue) => {
    const span = issueSpan(parsed, issue) ?? [0, 0];
    return makeDiagnostic(doc, span, issue.code, issue.message, 'error', issue.data);
  });
}
