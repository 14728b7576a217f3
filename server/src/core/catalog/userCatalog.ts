import { isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import type { Diagnostic } from 'vscode-languageserver-types';
import schema from '../../../../schemas/role-blueprint.schema.json';
import { makeDiagnostic, type SeverityName, type Span } from '../diagnosticUtil';
import { createStaticTextDocument } from '../staticTextDocument';
import { normaliseName } from '../strings';
import { CATALOG_KINDS, KIND_NOUN, ROW_FIELDS, SKILL_TIERS, emptyCatalog, type CatalogEntry, type CatalogKind, type SkillTier } from './types';

/**
 * An organisation's own catalog file (YAML or JSON): lists `kpis`, `tools`, `technical_skills`
 * and `soft_skills` in the blueprint's row shapes. `technical_skills` may be one list (rows may
 * say their `tier`) or the blueprint's tier mapping. Parsing is pure and never throws: a bad
 * entry is skipped with a diagnostic on it, the good ones are kept.
 */

export interface UserCatalogFile {
  readonly path: string;
  readonly text: string;
}

export interface ParsedUserCatalog {
  readonly path: string;
  readonly catalog: Record<CatalogKind, CatalogEntry[]>;
  readonly diagnostics: Diagnostic[];
}

type Definitions = Record<string, { properties: Record<string, { enum?: string[] }> }>;
const definitions = (schema as unknown as { definitions: Definitions }).definitions;

/** Allowed values of the enum fields, read from the schema so both always agree. */
const ENUM_FIELDS: Readonly<Record<CatalogKind, Readonly<Record<string, readonly string[]>>>> = {
  kpis: {},
  tools: { prevalence: definitions.tool.properties.prevalence.enum ?? [] },
  technical_skills: { importance: definitions.skill.properties.importance.enum ?? [], tier: SKILL_TIERS },
  soft_skills: {},
};

export function parseUserCatalog(file: UserCatalogFile): ParsedUserCatalog {
  const doc = createStaticTextDocument(file.path, 0, file.text);
  const catalog = emptyCatalog();
  const diagnostics: Diagnostic[] = [];
  const report = (span: Span, code: string, message: string, severity: SeverityName = 'error') => {
    diagnostics.push(makeDiagnostic(doc, span, code, message, severity));
  };
  // A node's range runs to the next line for block collections: end it at its last character.
  const spanOf = (node: Node | null | undefined, fallback: Span): Span => {
    if (!node?.range) return fallback;
    let end = node.range[1];
    while (end > node.range[0] + 1 && /\s/.test(file.text[end - 1])) end--;
    return [node.range[0], Math.max(end, node.range[0] + 1)];
  };

  let parsed;
  try {
    parsed = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true });
  } catch (error) {
    report([0, 0], 'catalog.syntax', `The catalog could not be read: ${(error as Error).message}`);
    return { path: file.path, catalog, diagnostics };
  }
  for (const error of parsed.errors) {
    report([error.pos[0], Math.max(error.pos[1], error.pos[0] + 1)], 'catalog.syntax', error.message.split('\n')[0]);
  }
  if (parsed.errors.length) return { path: file.path, catalog, diagnostics };

  const root = parsed.contents;
  if (!isMap(root)) {
    report(spanOf(root, [0, 0]), 'catalog.not-a-mapping', 'A catalog is a mapping with `kpis`, `tools`, `technical_skills` and `soft_skills` lists.');
    return { path: file.path, catalog, diagnostics };
  }

  const seen = new Map<string, Set<string>>(CATALOG_KINDS.map((kind) => [kind, new Set<string>()]));
  const readRow = (kind: CatalogKind, node: unknown, tierFromGroup?: SkillTier) => {
    const span = spanOf(node as Node, [0, 0]);
    if (!isMap(node)) {
      report(span, 'catalog.entry-invalid', `A ${KIND_NOUN[kind]} entry is a set of fields (\`name\`, ${ROW_FIELDS[kind].slice(1).map((f) => `\`${f}\``).join(', ')}).`);
      return;
    }
    const fields: Record<string, string> = {};
    let name: string | undefined;
    let tier = tierFromGroup;
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      const field = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const keySpan = spanOf(pair.key, span);
      const allowed = [...ROW_FIELDS[kind], ...(kind === 'technical_skills' && !tierFromGroup ? ['tier'] : [])];
      if (field === undefined || !allowed.includes(field)) {
        report(keySpan, 'catalog.unknown-field', `Unknown ${KIND_NOUN[kind]} field "${field ?? '?'}": a ${KIND_NOUN[kind]} has ${allowed.map((f) => `\`${f}\``).join(', ')}.`, 'warning');
        continue;
      }
      const value = pair.value;
      if (!isScalar(value) || value.value === null || typeof value.value === 'object') {
        report(spanOf(value, keySpan), 'catalog.field-type', `"${field}" must be text.`);
        continue;
      }
      const textValue = String(value.value).trim();
      const allowedValues = ENUM_FIELDS[kind][field];
      if (allowedValues && !allowedValues.includes(textValue)) {
        report(spanOf(value, keySpan), 'catalog.enum', `"${field}" must be one of ${allowedValues.map((v) => `\`${v}\``).join(', ')}; "${textValue}" is ignored.`, 'warning');
        continue;
      }
      if (field === 'name') name = textValue || undefined;
      else if (field === 'tier') tier = textValue as SkillTier;
      else if (textValue) fields[field] = textValue;
    }
    if (!name) {
      report(span, 'catalog.missing-name', `This ${KIND_NOUN[kind]} has no \`name\`; it is skipped.`);
      return;
    }
    const normal = normaliseName(name);
    const names = seen.get(kind)!;
    if (names.has(normal)) {
      const nameNode = node.items.find((p) => isScalar(p.key) && p.key.value === 'name')?.value as Node | undefined;
      report(spanOf(nameNode, span), 'catalog.duplicate', `"${name}" is already in this catalog's ${kind}; this entry is skipped.`, 'warning');
      return;
    }
    names.add(normal);
    catalog[kind].push({ name, fields, ...(tier ? { tier } : {}), roles: [] });
  };

  const readList = (kind: CatalogKind, node: Node | null, keySpan: Span, tier?: SkillTier) => {
    if (!isSeq(node)) {
      report(spanOf(node, keySpan), 'catalog.not-a-list', `\`${tier ?? kind}\` must be a list of ${KIND_NOUN[kind]} entries.`);
      return;
    }
    for (const item of node.items) readRow(kind, item, tier);
  };

  for (const pair of root.items as Pair<Node, Node | null>[]) {
    const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
    const keySpan = spanOf(pair.key, [0, 0]);
    const kind = CATALOG_KINDS.find((k) => k === key);
    if (!kind) {
      if (key === '$schema' || key === '$comment') continue;
      report(keySpan, 'catalog.unknown-key', `Unknown catalog list "${key ?? '?'}": a catalog has ${CATALOG_KINDS.map((k) => `\`${k}\``).join(', ')}.`, 'warning');
      continue;
    }
    if (kind === 'technical_skills' && isMap(pair.value)) {
      for (const tierPair of pair.value.items as Pair<Node, Node | null>[]) {
        const tierKey = isScalar(tierPair.key) ? String(tierPair.key.value) : '';
        const tier = SKILL_TIERS.find((t) => t === tierKey);
        const tierSpan = spanOf(tierPair.key, keySpan);
        if (!tier) {
          report(tierSpan, 'catalog.unknown-key', `Unknown skill tier "${tierKey}": tiers are ${SKILL_TIERS.map((t) => `\`${t}\``).join(', ')}.`, 'warning');
          continue;
        }
        // A tier may be `{note, items}` in a blueprint; a catalog keeps just the items.
        const list = isMap(tierPair.value) ? (tierPair.value.get('items', true) as Node | null) ?? null : tierPair.value;
        readList(kind, list, tierSpan, tier);
      }
      continue;
    }
    readList(kind, pair.value, keySpan);
  }
  return { path: file.path, catalog, diagnostics };
}
