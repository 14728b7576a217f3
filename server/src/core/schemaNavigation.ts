import type { JsonPath } from './types';

/**
 * Walking the JSON Schema along a YAML path, following `$ref` and `anyOf`/`oneOf`, for
 * completion and hover. In our schema the annotations (`description`, `markdownDescription`,
 * `enumDescriptions`, …) sit on the property beside its `$ref`, so a step keeps the property
 * schema for the docs and resolves it only for the shape.
 */

export type SchemaNode = Readonly<Record<string, unknown>>;

/** The schema at a path: the property (or items) schemas found there, as written. */
export interface SchemaAt {
  readonly schemas: readonly SchemaNode[];
  /** Every concrete shape the value may take: `$ref`s followed, `anyOf`/`oneOf` flattened. */
  readonly shapes: readonly SchemaNode[];
}

export interface PropertyInfo {
  readonly key: string;
  readonly schema: SchemaNode;
  readonly required: boolean;
}

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export class SchemaNavigator {
  readonly #root: SchemaNode;
  readonly #shapes = new WeakMap<SchemaNode, readonly SchemaNode[]>();

  constructor(root: SchemaNode) {
    this.#root = root;
  }

  /** Follows a chain of local `$ref`s (`#/definitions/...`). */
  resolve(node: SchemaNode): SchemaNode {
    let current = node;
    for (let hops = 0; typeof current.$ref === 'string' && hops < 32; hops++) {
      const target = this.#pointer(current.$ref as string);
      if (!target) break;
      current = target;
    }
    return current;
  }

  /** The concrete shapes of a schema, cached per schema object. */
  shapes(node: SchemaNode): readonly SchemaNode[] {
    let shapes = this.#shapes.get(node);
    if (!shapes) {
      const resolved = this.resolve(node);
      const branches = [resolved.anyOf, resolved.oneOf].filter(Array.isArray).flat().filter(isNode);
      shapes = branches.length ? branches.flatMap((b) => this.shapes(b)) : [resolved];
      this.#shapes.set(node, shapes);
    }
    return shapes;
  }

  /** The schema at `path` (numbers step into list items), or undefined where the schema has nothing. */
  at(path: JsonPath): SchemaAt | undefined {
    let schemas: SchemaNode[] = [this.#root];
    for (const segment of path) {
      const next: SchemaNode[] = [];
      for (const shape of schemas.flatMap((s) => this.shapes(s))) {
        if (typeof segment === 'number') {
          if (isNode(shape.items)) next.push(shape.items);
        } else if (isNode(shape.properties) && isNode(shape.properties[segment])) {
          next.push(shape.properties[segment]);
        }
      }
      if (!next.length) return undefined;
      schemas = [...new Set(next)];
    }
    return { schemas, shapes: [...new Set(schemas.flatMap((s) => this.shapes(s)))] };
  }

  /** The properties an object at `at` may have, in schema order, with whether they are required. */
  properties(at: SchemaAt): PropertyInfo[] {
    const out = new Map<string, PropertyInfo>();
    for (const shape of at.shapes) {
      if (!isNode(shape.properties)) continue;
      const required = Array.isArray(shape.required) ? (shape.required as string[]) : [];
      for (const [key, schema] of Object.entries(shape.properties)) {
        if (!isNode(schema)) continue;
        const known = out.get(key);
        if (!known) out.set(key, { key, schema, required: required.includes(key) });
        else if (!known.required && required.includes(key)) out.set(key, { ...known, required: true });
      }
    }
    return [...out.values()];
  }

  /** A documentation string of a schema: on the node itself, else on what its `$ref` names. */
  annotation(node: SchemaNode, name: 'markdownDescription' | 'description' | 'title'): string | undefined {
    if (typeof node[name] === 'string') return node[name] as string;
    const resolved = this.resolve(node);
    return typeof resolved[name] === 'string' ? (resolved[name] as string) : undefined;
  }

  /** Enum values of the shapes, with their (markdown) descriptions when the schema gives them. */
  enumValues(at: SchemaAt): { value: string | number; description?: string; markdown?: string }[] {
    const out: { value: string | number; description?: string; markdown?: string }[] = [];
    for (const shape of at.shapes) {
      const values = Array.isArray(shape.enum) ? shape.enum : shape.const !== undefined ? [shape.const] : [];
      // Descriptions sit on the shape or on the property that refers to it.
      const described = [shape, ...at.schemas].find((s) => Array.isArray(s.enumDescriptions)) ?? shape;
      values.forEach((value, i) => {
        if (typeof value !== 'string' && typeof value !== 'number') return;
        if (out.some((v) => v.value === value)) return;
        const description = (described.enumDescriptions as string[] | undefined)?.[i];
        const markdown = (described.markdownEnumDescriptions as string[] | undefined)?.[i];
        out.push({ value, ...(description ? { description } : {}), ...(markdown ? { markdown } : {}) });
      });
    }
    return out;
  }

  /** The JSON types the shapes allow ('string', 'object', 'array', ...). */
  types(at: SchemaAt): Set<string> {
    const types = new Set<string>();
    for (const shape of at.shapes) {
      const type = shape.type;
      for (const t of Array.isArray(type) ? type : [type]) if (typeof t === 'string') types.add(t);
      if (shape.type === undefined && isNode(shape.properties)) types.add('object');
    }
    return types;
  }

  #pointer(ref: string): SchemaNode | undefined {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = this.#root;
    for (const raw of ref.slice(1).split('/').filter(Boolean)) {
      const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      node = isNode(node) ? node[part] : undefined;
    }
    return isNode(node) ? node : undefined;
  }
}
