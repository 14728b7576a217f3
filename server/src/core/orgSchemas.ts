import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic, type Span } from './diagnosticUtil';
import { SchemaValidator, type JsonSchema } from './schemaValidation';
import type { ITextDocument } from './types';

/**
 * Organisation schemas: a team's JSON Schema that must hold on top of the built-in one, named
 * by a modeline in a role file's first lines (`# $schema: ./schemas/acme.json`) or by the
 * `roleBlueprint.schemas` setting (glob → path). The host reads the schema file and hands the
 * text here; a file that is missing, not JSON or not a valid schema becomes a diagnostic on the
 * role file that names it, never an exception.
 */

/** How many leading lines may hold the modeline. */
const MODELINE_LINES = 5;
const MODELINE = /^#\s*(?:\$schema\s*:|yaml-language-server\s*:\s*\$schema\s*=)\s*(\S(?:.*\S)?)\s*$/;

export interface SchemaModeline {
  /** The path as written (relative to the role file, or absolute). */
  readonly path: string;
  /** The whole comment line. */
  readonly span: Span;
}

/** The `# $schema: path` modeline among the first lines of `text`. */
export function findSchemaModeline(text: string): SchemaModeline | undefined {
  let offset = 0;
  for (let line = 0; line < MODELINE_LINES && offset <= text.length; line++) {
    let end = text.indexOf('\n', offset);
    if (end === -1) end = text.length;
    const content = text.slice(offset, end).replace(/\r$/, '').replace(/^\ufeff/, '');
    const match = MODELINE.exec(content);
    if (match) {
      const path = match[1].replace(/^(["'])(.*)\1$/, '$2');
      const lead = text.charCodeAt(offset) === 0xfeff ? 1 : 0;
      return { path, span: [offset + lead, offset + lead + content.length] };
    }
    if (end === text.length) break;
    offset = end + 1;
  }
  return undefined;
}

/**
 * A glob as VS Code settings write them: `**` any folders, `*` any characters but `/`, `?` one,
 * `{a,b}` alternatives. A glob without a `/` matches the file name in any folder.
 */
export function globToRegExp(pattern: string): RegExp {
  const glob = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  let source = '';
  let inGroup = false;
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i];
    if (ch === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        source += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (ch === '?') source += '[^/]';
    else if (ch === '{') {
      inGroup = true;
      source += '(?:';
    } else if (ch === '}' && inGroup) {
      inGroup = false;
      source += ')';
    } else if (ch === ',' && inGroup) source += '|';
    else source += ch.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  const anchored = glob.includes('/') ? `^${source}$` : `(?:^|/)${source}$`;
  return new RegExp(anchored);
}

/** The schema path the first matching glob of `roleBlueprint.schemas` names for a file. */
export function schemaForPath(relativePath: string, schemas: Readonly<Record<string, string>>): string | undefined {
  const normalised = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  for (const [glob, schemaPath] of Object.entries(schemas)) {
    if (typeof schemaPath === 'string' && globToRegExp(glob).test(normalised)) return schemaPath;
  }
  return undefined;
}

export type OrgSchemaSource = { readonly text: string } | { readonly error: string };

export type OrgSchemaState = { readonly ok: true; readonly validator: SchemaValidator } | { readonly ok: false; readonly reason: string };

/** Parses and compiles an organisation schema together with the built-in one. */
export function compileOrgSchema(source: OrgSchemaSource, builtIn: JsonSchema): OrgSchemaState {
  if ('error' in source) return { ok: false, reason: source.error };
  let schema: unknown;
  try {
    schema = JSON.parse(source.text.replace(/^\ufeff/, ''));
  } catch (error) {
    return { ok: false, reason: `it is not valid JSON (${(error as Error).message})` };
  }
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return { ok: false, reason: 'a JSON Schema is an object, and this file holds ' + (Array.isArray(schema) ? 'a list' : 'a single value') };
  try {
    return { ok: true, validator: new SchemaValidator(builtIn, [schema as JsonSchema]) };
  } catch (error) {
    return { ok: false, reason: `it is not a valid JSON Schema (${(error as Error).message.split('\n')[0]})` };
  }
}

/** Compiled organisation schemas by key (the host's absolute path or URI), compiled once each. */
export class OrgSchemaRegistry {
  readonly #states = new Map<string, OrgSchemaState>();

  constructor(readonly builtIn: JsonSchema) {}

  set(key: string, source: OrgSchemaSource): OrgSchemaState {
    const state = compileOrgSchema(source, this.builtIn);
    this.#states.set(key, state);
    return state;
  }

  get(key: string): OrgSchemaState | undefined {
    return this.#states.get(key);
  }

  delete(key: string): boolean {
    return this.#states.delete(key);
  }

  keys(): string[] {
    return [...this.#states.keys()];
  }
}

/** Which organisation schema a document is validated with, as the host resolved it. */
export interface OrgSchemaChoice {
  /** Registry key of the schema. */
  readonly key: string;
  /** The schema file as the author wrote it, for messages. */
  readonly label: string;
}

/** The diagnostic for a schema that could not be used: on the modeline, else the first line. */
export function orgSchemaDiagnostic(doc: ITextDocument, text: string, choice: OrgSchemaChoice, reason: string): Diagnostic {
  const modeline = findSchemaModeline(text);
  const firstLineEnd = text.indexOf('\n') === -1 ? text.length : text.indexOf('\n');
  const span: Span = modeline?.span ?? [0, text.charAt(firstLineEnd - 1) === '\r' ? firstLineEnd - 1 : firstLineEnd];
  return makeDiagnostic(doc, span, 'schema.org-schema', `The organisation schema ${choice.label} cannot be used: ${reason}. The file is checked against the built-in schema only.`, 'error', { schema: choice.label });
}
