import type { Diagnostic, DocumentSymbol, FoldingRange, Location, LocationLink, Position } from 'vscode-languageserver-types';
import type { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import type { CompletionItem, CompletionList, Hover } from 'vscode-languageserver-types';
import { CatalogStore } from './catalog';
import type { UserCatalogFile } from './catalog/userCatalog';
import { WorkspaceIndex } from './catalog/workspaceIndex';
import { CompletionProvider } from './completion';
import { HoverProvider } from './hover';
import { SchemaNavigator } from './schemaNavigation';
import builtInSchema from '../../../schemas/role-blueprint.schema.json';
import { findDefinition, findReferences, type RoleTarget } from './definition';
import { computeCodeActions, type CodeActionRequestContext } from './codeActions';
import { computeDiagnostics } from './diagnostics';
import { foldingRanges } from './folding';
import { formatDocument, type FormattingOptions } from './formatting';
import { LINT_RULES } from './lint';
import { BlueprintParser, type ParsedBlueprint } from './parse';
import { OrgSchemaRegistry, orgSchemaDiagnostic, type OrgSchemaChoice, type OrgSchemaSource } from './orgSchemas';
import { SchemaValidator, type JsonSchema } from './schemaValidation';
import { PRECOMPILED_SCHEMA } from './schemaValidators.generated';
import { documentSymbols, summariseRoleFile, type RoleFileSummary } from './symbols';
import { renderHtmlBody, renderHtmlDocument, renderMarkdown } from './render';
import { resolveSettings, type ITextDocument, type Settings } from './types';

/**
 * The Role Blueprint language service: pure functions of (document, settings, catalogs).
 * The LSP server, the CLI and the tests each build their own instance; nothing is global.
 */

export interface LanguageServiceOptions {
  /** Organisation schemas validated together with the built-in one. */
  readonly schemaExtensions?: readonly JsonSchema[];
  readonly settings?: Partial<Settings>;
  /** Parse with chunks shared across documents (see BlueprintParser): for batch checks of many files. */
  readonly shareChunks?: boolean;
}

export interface RoleBlueprintLanguageService {
  readonly settings: Settings;
  /** The parsed document, cached by uri + version. */
  parse(doc: ITextDocument): ParsedBlueprint | undefined;
  computeDiagnostics(doc: ITextDocument, options?: DiagnosticsOptions): Diagnostic[];
  /** The outline: role header, the sections, their groups and named rows. */
  documentSymbols(doc: ITextDocument): DocumentSymbol[];
  foldingRanges(doc: ITextDocument): FoldingRange[];
  /** From a `scorecard_summary` entry to the item it names; from a `career` role to that role's file. */
  findDefinition(doc: ITextDocument, position: Position, roles?: readonly RoleTarget[]): LocationLink[];
  /** The `scorecard_summary` entries naming the item at `position`. */
  findReferences(doc: ITextDocument, position: Position, includeDeclaration: boolean): Location[];
  /** The title and the named rows of a role file, for workspace symbols and career links. */
  summariseRoleFile(doc: ITextDocument): RoleFileSummary | undefined;
  /** Loads (or reloads) an organisation schema under `key`; says whether it can be used and why not. */
  setOrgSchema(key: string, source: OrgSchemaSource): { readonly ok: boolean; readonly reason?: string };
  removeOrgSchema(key: string): void;
  hasOrgSchema(key: string): boolean;
  /**
   * The blueprint as an HTML body (preview), a self-contained HTML page (export) or Markdown:
   * the one renderer behind the CLI, the preview and export. Undefined for an over-size file.
   * The document's own diagnostics are placed in the HTML where they occur.
   */
  render(doc: ITextDocument, format: RenderFormat): string | undefined;
  updateSettings(settings: Partial<Settings>): void;
  setSchemaExtensions(extensions: readonly JsonSchema[]): void;
  /** Quick fixes for `context.diagnostics`, plus the add-section refactors and the sort-sections source action. */
  getCodeActions(doc: ITextDocument, range: Range, context: CodeActionRequestContext): CodeAction[];
  /** One whole-document edit (indentation, canonical section order), or none when it cannot format safely. */
  format(doc: ITextDocument, options: FormattingOptions): TextEdit[];
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
  /** Keys, enum values, catalog rows (as snippets) and scorecard names at `position`. */
  getCompletions(doc: ITextDocument, position: Position): CompletionList;
  /** Adds the documentation of a catalog completion item (deferred from `getCompletions`). */
  resolveCompletion(item: CompletionItem): CompletionItem;
  /** Schema docs for a key or enum value; catalog knowledge for a KPI, tool or skill name. */
  getHover(doc: ITextDocument, position: Position): Hover | null;
  /** The role files of the workspace (the host feeds it); completion and hover read it. */
  readonly workspaceIndex: WorkspaceIndex;
  /** Replaces the organisation's catalogs; returns the diagnostics of each file, in order. */
  setUserCatalogs(files: readonly UserCatalogFile[]): UserCatalogDiagnostics[];
  dispose(): void;
}

export interface UserCatalogDiagnostics {
  readonly path: string;
  readonly diagnostics: Diagnostic[];
}

export interface DiagnosticsOptions {
  /** Validate with this organisation schema (loaded with `setOrgSchema`) on top of the built-in one. */
  readonly orgSchema?: OrgSchemaChoice;
}

export type RenderFormat = 'html' | 'document' | 'markdown';

export const BUILT_IN_SCHEMA = builtInSchema as JsonSchema;

export function createLanguageService(options: LanguageServiceOptions = {}): RoleBlueprintLanguageService {
  const parser = new BlueprintParser({ shareChunks: options.shareChunks });
  let settings = resolveSettings(options.settings);
  let validator = new SchemaValidator(BUILT_IN_SCHEMA, options.schemaExtensions, PRECOMPILED_SCHEMA);
  const orgSchemas = new OrgSchemaRegistry(BUILT_IN_SCHEMA);
  const workspaceIndex = new WorkspaceIndex({ parser });
  const catalogs = new CatalogStore(workspaceIndex);
  const navigator = new SchemaNavigator(BUILT_IN_SCHEMA);

  const parse = (doc: ITextDocument): ParsedBlueprint | undefined => {
    const text = doc.getText();
    if (text.length > settings.maxFileSize) return undefined;
    return parser.parse(text, doc.uri, doc.version);
  };

  // Diagnostics per parsed version: the preview, export and status item ask again for what was
  // just published, and a 10,000-line file's full check is not free.
  const lastDiagnostics = new WeakMap<ParsedBlueprint, { validator: SchemaValidator; settings: Settings; diagnostics: Diagnostic[] }>();
  const diagnosticsOf = (doc: ITextDocument, parsed: ParsedBlueprint | undefined, chosen: SchemaValidator): Diagnostic[] => {
    const cached = parsed && lastDiagnostics.get(parsed);
    if (cached && cached.validator === chosen && cached.settings === settings) return [...cached.diagnostics];
    const diagnostics = computeDiagnostics({ doc, parsed, validator: chosen, settings, rules: LINT_RULES });
    if (parsed) lastDiagnostics.set(parsed, { validator: chosen, settings, diagnostics: [...diagnostics] });
    return diagnostics;
  };

  const completion = new CompletionProvider({ navigator, catalogs, workspace: workspaceIndex });
  const hover = new HoverProvider({ navigator, catalogs });

  return Object.freeze({
    get settings() {
      return settings;
    },
    parse,
    computeDiagnostics: (doc: ITextDocument, diagnosticsOptions?: DiagnosticsOptions) => {
      const choice = diagnosticsOptions?.orgSchema;
      const state = choice ? orgSchemas.get(choice.key) : undefined;
      const diagnostics = diagnosticsOf(doc, parse(doc), state?.ok ? state.validator : validator);
      if (choice && settings.validate && !state?.ok && settings.rules['schema.org-schema'] !== 'off') {
        diagnostics.unshift(orgSchemaDiagnostic(doc, doc.getText(), choice, state ? state.reason : 'it was not loaded'));
      }
      return diagnostics;
    },
    documentSymbols: (doc: ITextDocument) => {
      const parsed = parse(doc);
      return parsed ? documentSymbols(parsed, doc) : [];
    },
    foldingRanges: (doc: ITextDocument) => {
      const parsed = parse(doc);
      return parsed ? foldingRanges(parsed, doc) : [];
    },
    findDefinition: (doc: ITextDocument, position: Position, roles?: readonly RoleTarget[]) => {
      const parsed = parse(doc);
      return parsed ? findDefinition(parsed, doc, position, roles) : [];
    },
    findReferences: (doc: ITextDocument, position: Position, includeDeclaration: boolean) => {
      const parsed = parse(doc);
      return parsed ? findReferences(parsed, doc, position, includeDeclaration) : [];
    },
    summariseRoleFile: (doc: ITextDocument) => {
      const parsed = parse(doc);
      return parsed ? summariseRoleFile(parsed, doc) : undefined;
    },
    setOrgSchema: (key: string, source: OrgSchemaSource) => {
      const state = orgSchemas.set(key, source);
      return state.ok ? { ok: true } : { ok: false, reason: state.reason };
    },
    removeOrgSchema: (key: string) => {
      orgSchemas.delete(key);
    },
    hasOrgSchema: (key: string) => orgSchemas.get(key) !== undefined,
    render: (doc: ITextDocument, format: RenderFormat) => {
      const parsed = parse(doc);
      if (!parsed) return undefined;
      if (format === 'markdown') return renderMarkdown(parsed);
      // The diagnostics already computed for this version (with its organisation schema, if any).
      const diagnostics = lastDiagnostics.get(parsed)?.diagnostics ?? diagnosticsOf(doc, parsed, validator);
      return format === 'html' ? renderHtmlBody(parsed, doc, { diagnostics }) : renderHtmlDocument(parsed, doc, { mode: 'export', diagnostics });
    },
    updateSettings: (next: Partial<Settings>) => {
      settings = resolveSettings(next);
    },
    setSchemaExtensions: (extensions: readonly JsonSchema[]) => {
      validator = new SchemaValidator(BUILT_IN_SCHEMA, extensions, PRECOMPILED_SCHEMA);
    },
    getCodeActions: (doc: ITextDocument, range: Range, context: CodeActionRequestContext) => computeCodeActions({ doc, parsed: parse(doc), range, context, schema: BUILT_IN_SCHEMA }),
    format: (doc: ITextDocument, formattingOptions: FormattingOptions) => formatDocument(doc, parse(doc), formattingOptions),
    forget: (uri: string) => parser.forget(uri),
    getCompletions: (doc: ITextDocument, position: Position) => completion.getCompletions(doc, position),
    resolveCompletion: (item: CompletionItem) => completion.resolveCompletion(item),
    getHover: (doc: ITextDocument, position: Position) => hover.getHover(doc, position),
    workspaceIndex,
    setUserCatalogs: (files: readonly UserCatalogFile[]) => catalogs.setUserCatalogs(files).map(({ path, diagnostics }) => ({ path, diagnostics })),
    dispose: () => undefined,
  });
}
