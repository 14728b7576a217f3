import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { onlyDefinedIn, type CatalogStore, type KnownEntry } from './catalog';
import { catalogKindOfRow, rowFieldPath, scorecardListOfItem } from './catalog/rowPaths';
import { KIND_NOUN, ROW_FIELDS, type CatalogKind } from './catalog/types';
import { LineReader, containerPath, unquoteScalar, valueEnd } from './cursorContext';
import type { SchemaNavigator } from './schemaNavigation';
import { fileNameOfUri } from './strings';
import type { ITextDocument, JsonPath } from './types';

/**
 * Hover: what the schema says about a key (and about an enum value), and for the name of a
 * KPI, tool or skill, what the catalogs know about it and which other roles of the workspace
 * use it.
 */

export interface HoverDeps {
  readonly navigator: SchemaNavigator;
  readonly catalogs: CatalogStore;
}

/** Text for markdown: emphasis, links, code and HTML tags are shown as typed. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<|]/g, '\\$&');
}

/** What the catalogs and the workspace know about an entry, for hover and completion docs. */
export function catalogEntryMarkdown(entry: KnownEntry, currentUri: string, navigator: SchemaNavigator): string {
  const lines = [`**${md(entry.name)}** · ${KIND_NOUN[entry.kind]}`, ''];
  for (const field of ROW_FIELDS[entry.kind]) {
    const value = entry.fields[field];
    if (field === 'name' || value === undefined) continue;
    const at = navigator.at(rowFieldPath(entry.kind, field));
    const title = (at && navigator.annotation(at.schemas[0], 'title')) ?? field;
    const described = at ? navigator.enumValues(at).find((v) => v.value === value)?.description : undefined;
    lines.push(`- **${md(title)}**: ${md(value)}${described ? ` (${md(described)})` : ''}`);
  }
  if (entry.tier) lines.push(`- **Usual tier**: \`${entry.tier}\``);
  lines.push('');
  if (entry.origins.has('user')) lines.push('From your organisation\'s catalog.');
  if (entry.catalogRoles.length) lines.push(`In the reference blueprints: ${entry.catalogRoles.map(md).join(', ')}.`);
  const others = entry.workspaceRoles.filter((r) => r.uri !== currentUri);
  if (others.length) lines.push(`Also in this workspace: ${others.map((r) => `[${md(r.title ?? fileNameOfUri(r.uri))}](${r.uri})`).join(', ')}.`);
  return lines.join('\n').trimEnd();
}

export class HoverProvider {
  readonly #deps: HoverDeps;

  constructor(deps: HoverDeps) {
    this.#deps = deps;
  }

  getHover(doc: ITextDocument, position: Position): Hover | null {
    if (position.line >= doc.lineCount) return null;
    const lines = new LineReader(doc);
    const info = lines.info(position.line);
    const ch = position.character;
    const index = info.elements.findIndex((e, i) => e.col <= ch && (i === info.elements.length - 1 || info.elements[i + 1].col > ch));
    if (index < 0) return null;
    const element = info.elements[index];
    const range = (start: number, end: number) => ({ start: { line: position.line, character: start }, end: { line: position.line, character: end } });

    if (element.kind === 'key') {
      const path = [...containerPath(lines, position.line, info.elements, index), element.key];
      if (ch <= element.keyEnd) return this.#keyHover(path, range(element.col, element.keyEnd));
      if (!element.hasValue || ch < element.valueStart) return null;
      const end = valueEnd(info.text, element.valueStart);
      if (ch > end) return null;
      const value = unquoteScalar(info.text.slice(element.valueStart, end));
      return this.#valueHover(doc, path, value, range(element.valueStart, end)) ?? this.#keyHover(path, range(element.col, element.keyEnd));
    }
    if (element.kind === 'scalar' && index > 0) {
      const path = [...containerPath(lines, position.line, info.elements, index - 1), 0];
      const end = valueEnd(info.text, element.col);
      if (ch > end) return null;
      const list = scorecardListOfItem(path);
      if (!list || list === 'responsibilities') return null;
      return this.#catalogHover(doc, list, unquoteScalar(info.text.slice(element.col, end)), range(element.col, end));
    }
    return null;
  }

  #keyHover(path: JsonPath, range: Hover['range']): Hover | null {
    const { navigator } = this.#deps;
    const at = navigator.at(path);
    if (!at) return null;
    const schema = at.schemas[0];
    const title = navigator.annotation(schema, 'title');
    const docs = navigator.annotation(schema, 'markdownDescription') ?? navigator.annotation(schema, 'description');
    if (!title && !docs) return null;
    const value = [title ? `**${title}**` : '', docs ?? ''].filter(Boolean).join('\n\n');
    return { contents: { kind: MarkupKind.Markdown, value }, ...(range ? { range } : {}) };
  }

  #valueHover(doc: ITextDocument, path: JsonPath, value: string, range: Hover['range']): Hover | null {
    const { navigator } = this.#deps;
    const kind = catalogKindOfRow(path.slice(0, -1));
    if (kind && path[path.length - 1] === 'name') return this.#catalogHover(doc, kind, value, range);
    const at = navigator.at(path);
    const match = at ? navigator.enumValues(at).find((v) => String(v.value) === value) : undefined;
    if (!at || !match) return null;
    const title = navigator.annotation(at.schemas[0], 'title');
    const text = match.markdown ?? `**${value}**${match.description ? `: ${match.description}` : ''}`;
    return { contents: { kind: MarkupKind.Markdown, value: title ? `${text}\n\n*${title}*` : text }, ...(range ? { range } : {}) };
  }

  #catalogHover(doc: ITextDocument, kind: CatalogKind, name: string, range: Hover['range']): Hover | null {
    const entry = this.#deps.catalogs.lookup(kind, name, doc.uri);
    if (!entry) return null;
    if (onlyDefinedIn(entry, doc.uri)) return null;
    return { contents: { kind: MarkupKind.Markdown, value: catalogEntryMarkdown(entry, doc.uri, this.#deps.navigator) }, ...(range ? { range } : {}) };
  }
}
