import { stringify } from 'yaml';
import {
  CompletionItemKind,
  InsertTextFormat,
  InsertTextMode,
  MarkupKind,
  type CompletionItem,
  type CompletionList,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import { onlyDefinedIn, type CatalogStore, type KnownEntry } from './catalog';
import { catalogKindOfRow, rowFieldPath, scorecardListOfItem, type ScorecardListKind } from './catalog/rowPaths';
import { KIND_NOUN, ROW_FIELDS, type CatalogKind } from './catalog/types';
import type { WorkspaceIndex } from './catalog/workspaceIndex';
import { DocumentNames, LineReader, cursorContext, mappingKeys, topLevelKeys, type CursorContext } from './cursorContext';
import { catalogEntryMarkdown } from './hover';
import type { SchemaAt, SchemaNavigator, SchemaNode } from './schemaNavigation';
import { TOP_LEVEL_ORDER } from './sections';
import { normaliseName } from './strings';
import type { ITextDocument } from './types';

/**
 * Completion from the YAML path at the cursor: keys the schema allows there (required first,
 * in the format's order, present ones left out), enum values, catalog rows inserted whole as
 * snippets, and the names a `scorecard_summary` list may refer to.
 */

export interface CompletionDeps {
  readonly navigator: SchemaNavigator;
  readonly catalogs: CatalogStore;
  readonly workspace: WorkspaceIndex;
}

/** What `resolveCompletion` needs to fill in a catalog item's documentation. */
interface CatalogItemData {
  readonly catalog: CatalogKind;
  readonly name: string;
  readonly uri: string;
}

const MAX_CATALOG_ITEMS = 200;

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

const CATALOG_ITEM_KIND: Record<CatalogKind, CompletionItemKind> = {
  kpis: CompletionItemKind.Unit,
  tools: CompletionItemKind.Module,
  technical_skills: CompletionItemKind.Class,
  soft_skills: CompletionItemKind.Interface,
};

/** Escapes text for a snippet placeholder (`${1:text}`). */
function snippetText(text: string): string {
  return text.replace(/[\\$}]/g, '\\$&');
}

/** Escapes text for a snippet choice (`${1|a,b|}`). */
function snippetChoice(text: string): string {
  return text.replace(/[\\$}|,]/g, '\\$&');
}

// Words, single spaces between them, starting with a letter: YAML reads such text back as the
// same string, unless the core schema takes it for a boolean or null (left to `stringify`).
const PLAIN_TEXT = /^[A-Za-z](?:[A-Za-z0-9]| (?=[A-Za-z0-9]))*$/;
const SCHEMA_WORD = /^(?:true|false|null|yes|no|on|off|y|n)$/i;

/**
 * A string as the yaml package's serializer writes it, on one line (quick fixes use the cheaper
 * yamlScalar of lint/fields, which only promises to read back as the same string). Plain words
 * without the serializer, which is slow cold.
 */
export function serializedScalar(value: string): string {
  if (PLAIN_TEXT.test(value) && !SCHEMA_WORD.test(value)) return value;
  return stringify(value.replace(/\s*\n\s*/g, ' '), { lineWidth: 0 }).trimEnd();
}

/** `map`'s value for `key`, made on first use; the map is emptied once it holds more than `limit`. */
function cachedIn<K, V>(map: Map<K, V>, key: K, limit: number, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    if (map.size > limit) map.clear();
    map.set(key, value);
  }
  return value;
}

/** "KPI", "Tool", "Technical skill": the kind's noun as a label's first word. */
function kindLabel(kind: CatalogKind): string {
  return KIND_NOUN[kind].replace(/^./, (c) => c.toUpperCase());
}

function sortKey(group: number, rank: number): string {
  return `${group}${String(rank).padStart(5, '0')}`;
}

export class CompletionProvider {
  readonly #deps: CompletionDeps;
  /** Plain strings → their YAML form; catalog values repeat across requests. */
  readonly #serializedScalars = new Map<string, string>();
  /** The names of the last text asked about: consecutive requests on one version share them. */
  #names: DocumentNames | undefined;
  #namesText: string | undefined;
  readonly #usedSets = new WeakMap<readonly string[], ReadonlySet<string>>();
  readonly #normalNames = new Map<string, string>();
  readonly #entryTexts = new WeakMap<KnownEntry, Map<string, string>>();

  constructor(deps: CompletionDeps) {
    this.#deps = deps;
  }

  getCompletions(doc: ITextDocument, position: Position): CompletionList {
    const lines = new LineReader(doc);
    const context = cursorContext(lines, position);
    if (!context) return EMPTY;
    const range: Range = { start: { line: position.line, character: context.start }, end: { line: position.line, character: context.end } };
    const items: CompletionItem[] = [];
    switch (context.kind) {
      case 'key':
        items.push(...this.#keyItems(doc, lines, position.line, context, range));
        break;
      case 'value':
        items.push(...this.#valueItems(doc, lines, position.line, context, range));
        break;
      case 'item':
        items.push(...this.#itemItems(doc, lines, position.line, context, range));
        break;
    }
    return { isIncomplete: false, items };
  }

  /** Fills in the documentation of a catalog item (deferred: lists can hold hundreds). */
  resolveCompletion(item: CompletionItem): CompletionItem {
    const data = item.data as Partial<CatalogItemData> | undefined;
    if (!data?.catalog || typeof data.name !== 'string' || item.documentation) return item;
    const entry = this.#deps.catalogs.lookup(data.catalog, data.name, data.uri);
    if (!entry) return item;
    return { ...item, documentation: { kind: MarkupKind.Markdown, value: catalogEntryMarkdown(entry, data.uri ?? '', this.#deps.navigator) } };
  }

  /** `present`: the keys of the mapping at the cursor, when the caller has read them already. */
  #keyItems(doc: ITextDocument, lines: LineReader, line: number, context: Extract<CursorContext, { kind: 'key' | 'item' }>, range: Range, present?: ReadonlySet<string>): CompletionItem[] {
    const { navigator } = this.#deps;
    const path = context.path;
    const at = navigator.at(path);
    if (!at) return [];
    const properties = navigator.properties(at);
    if (!properties.length) return [];
    present ??= new Set(path.length === 0 ? topLevelKeys(doc.getText()) : mappingKeys(lines, line, context.col));
    const order = path.length === 0 ? TOP_LEVEL_ORDER : properties.map((p) => p.key);
    const rank = (key: string) => {
      const i = order.indexOf(key);
      return i === -1 ? order.length : i;
    };
    return properties
      .filter((p) => !present.has(p.key) || p.key === context.prefix)
      .sort((a, b) => Number(b.required) - Number(a.required) || rank(a.key) - rank(b.key))
      .map((property, i): CompletionItem => {
        const title = navigator.annotation(property.schema, 'title');
        const docs = navigator.annotation(property.schema, 'markdownDescription') ?? navigator.annotation(property.schema, 'description');
        const newText = context.followedByColon ? property.key : this.#keySnippet(property.key, property.schema, context.col);
        return {
          label: property.key,
          kind: CompletionItemKind.Property,
          ...(title ? { detail: property.required ? `${title} (required)` : title } : {}),
          ...(docs ? { documentation: { kind: MarkupKind.Markdown, value: docs } } : {}),
          sortText: sortKey(0, i),
          filterText: property.key,
          insertTextFormat: context.followedByColon ? InsertTextFormat.PlainText : InsertTextFormat.Snippet,
          insertTextMode: InsertTextMode.asIs,
          textEdit: { range, newText },
        };
      });
  }

  /** `key: ` for a scalar, `key:` and an indented line for a mapping or list, a choice for an enum. */
  #keySnippet(key: string, schema: SchemaNode, col: number): string {
    const { navigator } = this.#deps;
    const at: SchemaAt = { schemas: [schema], shapes: navigator.shapes(schema) };
    const values = navigator.enumValues(at);
    if (values.length === 1) return `${key}: ${values[0].value}`;
    if (values.length > 1) return `${key}: \${1|${values.map((v) => snippetChoice(String(v.value))).join(',')}|}`;
    const types = navigator.types(at);
    const child = '\n' + ' '.repeat(col + 2);
    if (types.has('string') || types.has('number') || types.has('integer')) return `${key}: $0`;
    if (types.has('array')) return `${key}:${child}- $0`;
    if (types.has('object')) return `${key}:${child}$0`;
    return `${key}: $0`;
  }

  #valueItems(doc: ITextDocument, lines: LineReader, line: number, context: Extract<CursorContext, { kind: 'value' }>, range: Range): CompletionItem[] {
    const { navigator } = this.#deps;
    const at = navigator.at(context.path);
    if (!at) return [];
    const values = navigator.enumValues(at);
    if (values.length) {
      return values.map((v, i): CompletionItem => ({
        label: String(v.value),
        kind: CompletionItemKind.EnumMember,
        ...(v.description ? { detail: v.description } : {}),
        ...(v.markdown ? { documentation: { kind: MarkupKind.Markdown, value: v.markdown } } : {}),
        sortText: sortKey(0, i),
        filterText: context.prefix.startsWith('"') || context.prefix.startsWith("'") ? context.prefix[0] + String(v.value) : String(v.value),
        textEdit: { range, newText: String(v.value) },
      }));
    }
    const rowPath = context.path.slice(0, -1);
    const kind = catalogKindOfRow(rowPath);
    if (kind && context.path[context.path.length - 1] === 'name') {
      const present = new Set(mappingKeys(lines, line, context.col));
      const snippetKey = `row|${context.col}|${[...present].join(',')}`;
      return this.#catalogItems(doc, kind, context.prefix, range, (entry) => this.#remembered(entry, snippetKey, () => this.#rowSnippet(kind, entry, context.col, present, false)));
    }
    return [];
  }

  #itemItems(doc: ITextDocument, lines: LineReader, line: number, context: Extract<CursorContext, { kind: 'item' }>, range: Range): CompletionItem[] {
    const { navigator } = this.#deps;
    const scorecardList = scorecardListOfItem(context.path);
    if (scorecardList) return this.#definedNameItems(doc, scorecardList, context, range);
    const career = context.path.length === 3 && context.path[0] === 'career' && (context.path[1] === 'feeder_roles' || context.path[1] === 'next_roles' || context.path[1] === 'adjacent_paths');
    if (career) return this.#roleTitleItems(doc, context, range);
    const at = navigator.at(context.path);
    if (!at) return [];
    const types = navigator.types(at);
    // Lists of prose items (strings or named items) get no key suggestions on every `- `.
    if (!types.has('object') || types.has('string')) return [];
    // An item's path is never empty: its keys are the mapping's, read once for both lists.
    const present = new Set(mappingKeys(lines, line, context.col));
    const items = this.#keyItems(doc, lines, line, context, range, present);
    const kind = catalogKindOfRow(context.path);
    if (kind && !context.followedByColon) {
      const snippetKey = `item|${context.col}|${[...present].join(',')}`;
      items.push(...this.#catalogItems(doc, kind, context.prefix, range, (entry) => this.#remembered(entry, snippetKey, () => this.#rowSnippet(kind, entry, context.col, present, true))));
    }
    return items;
  }

  /** Catalog rows matching `prefix`; rows this file already has come last. */
  #catalogItems(doc: ITextDocument, kind: CatalogKind, prefix: string, range: Range, insert: (entry: KnownEntry) => string): CompletionItem[] {
    const quote = prefix.startsWith('"') || prefix.startsWith("'") ? prefix[0] : '';
    const query = quote ? prefix.slice(1).replace(new RegExp(`${quote}$`), '') : prefix;
    const matches = this.#deps.catalogs.search(kind, query, doc.uri).filter((m) => !onlyDefinedIn(m.item, doc.uri));
    const used = this.#usedNames(doc, kind);
    const ranked = matches.map((m, i) => ({ ...m, used: used.has(this.#normalised(m.item.name)), i })).sort((a, b) => Number(a.used) - Number(b.used) || a.i - b.i);
    return ranked.slice(0, MAX_CATALOG_ITEMS).map(({ item: entry, alias, kind: matchKind, used: isUsed }, i): CompletionItem => {
      // The client filters on filterText: keep synonym and typo matches visible for what was typed.
      const filterBase = alias ? `${alias} ${entry.name}` : matchKind === 'typo' ? `${query} ${entry.name}` : entry.name;
      const data: CatalogItemData = { catalog: kind, name: entry.name, uri: doc.uri };
      return {
        label: entry.name,
        kind: CATALOG_ITEM_KIND[kind],
        detail: this.#remembered(entry, `detail|${isUsed}|${doc.uri}`, () => this.#catalogDetail(kind, entry, isUsed, doc.uri)),
        ...(isUsed ? { labelDetails: { description: 'already in this file' } } : {}),
        sortText: sortKey(isUsed ? 2 : 1, i),
        filterText: quote + filterBase,
        insertTextFormat: InsertTextFormat.Snippet,
        insertTextMode: InsertTextMode.asIs,
        textEdit: { range, newText: insert(entry) },
        data,
      };
    });
  }

  #catalogDetail(kind: CatalogKind, entry: KnownEntry, used: boolean, uri: string): string {
    const parts = [kindLabel(kind)];
    const category = entry.fields.category ?? (entry.tier ? entry.tier.replace(/_/g, '-') : undefined);
    if (category) parts.push(category);
    if (entry.origins.has('user')) parts.push('your catalog');
    const roles = new Set([...entry.catalogRoles, ...entry.workspaceRoles.filter((r) => r.uri !== uri).map((r) => r.title ?? r.uri)]).size;
    if (roles) parts.push(`in ${roles} role${roles === 1 ? '' : 's'}`);
    if (used) parts.push('already in this file');
    return parts.join(' · ');
  }

  /**
   * The row as a snippet: the name, then each field the catalog knows as a tab stop holding
   * the catalog's value (a choice for enum fields). Fields already in the item are skipped.
   */
  #rowSnippet(kind: CatalogKind, entry: KnownEntry, col: number, present: ReadonlySet<string>, withNameKey: boolean): string {
    const indent = '\n' + ' '.repeat(col);
    let text = (withNameKey ? 'name: ' : '') + snippetText(this.#serializedScalar(entry.name));
    let stop = 1;
    for (const field of ROW_FIELDS[kind]) {
      if (field === 'name' || present.has(field)) continue;
      const value = entry.fields[field];
      if (value === undefined) continue;
      const choices = this.#enumChoices(kind, field);
      if (choices.length) {
        // A workspace row may hold a value the schema does not allow: offer the allowed ones then.
        const ordered = choices.includes(value) ? [value, ...choices.filter((c) => c !== value)] : choices;
        text += `${indent}${field}: \${${stop++}|${ordered.map(snippetChoice).join(',')}|}`;
      } else {
        text += `${indent}${field}: \${${stop++}:${snippetText(this.#serializedScalar(value))}}`;
      }
    }
    return text + '$0';
  }

  #enumChoices(kind: CatalogKind, field: string): string[] {
    const at = this.#deps.navigator.at(rowFieldPath(kind, field));
    return at ? this.#deps.navigator.enumValues(at).map((v) => String(v.value)) : [];
  }

  /** serializedScalar, kept per string: catalog values repeat across requests. */
  #serializedScalar(value: string): string {
    return cachedIn(this.#serializedScalars, value, 20_000, () => serializedScalar(value));
  }

  #documentNames(doc: ITextDocument): DocumentNames {
    const text = doc.getText();
    if (!this.#names || this.#namesText !== text) {
      this.#names = new DocumentNames(text, this.#names);
      this.#namesText = text;
    }
    return this.#names;
  }

  /** Normalised names of the rows of `kind` this file already defines. */
  #usedNames(doc: ITextDocument, kind: CatalogKind): ReadonlySet<string> {
    // The rows array is the same object while the section's text is unchanged.
    const rows = this.#documentNames(doc).rows(kind);
    let used = this.#usedSets.get(rows);
    if (!used) {
      used = new Set(rows.map((name) => this.#normalised(name)));
      this.#usedSets.set(rows, used);
    }
    return used;
  }

  /**
   * A text made for a catalog entry (its snippet at a column, its detail for a file), kept with
   * the entry: the same rows are offered again on every request until the catalog is rebuilt.
   */
  #remembered(entry: KnownEntry, key: string, make: () => string): string {
    let texts = this.#entryTexts.get(entry);
    if (!texts) this.#entryTexts.set(entry, (texts = new Map()));
    return cachedIn(texts, key, 100, make);
  }

  /** normaliseName, remembered: catalog and row names come back on every request. */
  #normalised(name: string): string {
    return cachedIn(this.#normalNames, name, 50_000, () => normaliseName(name));
  }

  /** `scorecard_summary` lists: the names this file defines, minus those already listed. */
  #definedNameItems(doc: ITextDocument, list: ScorecardListKind, context: Extract<CursorContext, { kind: 'item' }>, range: Range): CompletionItem[] {
    const names = this.#documentNames(doc);
    const defined = list === 'responsibilities' ? names.responsibilities() : names.rows(list);
    const listed = new Set((names.list('scorecard_summary', list)).filter((v) => v !== context.prefix).map(normaliseName));
    const detail = list === 'responsibilities' ? 'Responsibility in this file' : `${kindLabel(list)} in this file`;
    const seen = new Set<string>();
    const items: CompletionItem[] = [];
    for (const name of defined) {
      const key = normaliseName(name);
      if (listed.has(key) || seen.has(key)) continue;
      seen.add(key);
      items.push({
        label: name,
        kind: CompletionItemKind.Reference,
        detail,
        sortText: sortKey(0, items.length),
        filterText: name,
        textEdit: { range, newText: this.#serializedScalar(name) },
      });
    }
    return items;
  }

  /** Career lists: the titles of the other roles in the workspace. */
  #roleTitleItems(doc: ITextDocument, context: Extract<CursorContext, { kind: 'item' }>, range: Range): CompletionItem[] {
    const titles = new Map<string, string>();
    for (const role of this.#deps.workspace.roles(doc.uri)) {
      if (!role.title) continue;
      titles.set(normaliseName(role.title), role.title);
    }
    const listed = new Set(this.#documentNames(doc).list('career', String(context.path[1])).filter((t) => t !== context.prefix).map(normaliseName));
    return [...titles.entries()]
      .filter(([key]) => !listed.has(key))
      .map(([, title], i): CompletionItem => ({
        label: title,
        kind: CompletionItemKind.Reference,
        detail: 'Role in this workspace',
        sortText: sortKey(0, i),
        filterText: title,
        textEdit: { range, newText: this.#serializedScalar(title) },
      }));
  }
}
