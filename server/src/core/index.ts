import type { Diagnostic } from 'vscode-languageserver-types';
import builtInSchema from '../../../schemas/role-blueprint.schema.json';
import { computeDiagnostics } from './diagnostics';
import { LINT_RULES } from './lint';
import { BlueprintParser, type ParsedBlueprint } from './parse';
import { SchemaValidator, type JsonSchema } from './schemaValidation';
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
}

export interface RoleBlueprintLanguageService {
  readonly settings: Settings;
  /** The parsed document, cached by uri + version. */
  parse(doc: ITextDocument): ParsedBlueprint | undefined;
  computeDiagnostics(doc: ITextDocument): Diagnostic[];
  /**
   * The blueprint as an HTML body (preview), a self-contained HTML page (export) or Markdown:
   * the one renderer behind the CLI, the preview and export. Undefined for an over-size file.
   * The document's own diagnostics are placed in the HTML where they occur.
   */
  render(doc: ITextDocument, format: RenderFormat): string | undefined;
  updateSettings(settings: Partial<Settings>): void;
  setSchemaExtensions(extensions: readonly JsonSchema[]): void;
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
  dispose(): void;
}

export type RenderFormat = 'html' | 'document' | 'markdown';

export const BUILT_IN_SCHEMA = builtInSchema as JsonSchema;

export function createLanguageService(options: LanguageServiceOptions = {}): RoleBlueprintLanguageService {
  const parser = new BlueprintParser();
  let settings = resolveSettings(options.settings);
  let validator = new SchemaValidator(BUILT_IN_SCHEMA, options.schemaExtensions);

  const parse = (doc: ITextDocument): ParsedBlueprint | undefined => {
    const text = doc.getText();
    if (text.length > settings.maxFileSize) return undefined;
    return parser.parse(text, doc.uri, doc.version);
  };

  return Object.freeze({
    get settings() {
      return settings;
    },
    parse,
    computeDiagnostics: (doc: ITextDocument) => computeDiagnostics({ doc, parsed: parse(doc), validator, settings, rules: LINT_RULES }),
    render: (doc: ITextDocument, format: RenderFormat) => {
      const parsed = parse(doc);
      if (!parsed) return undefined;
      if (format === 'markdown') return renderMarkdown(parsed);
      const diagnostics = computeDiagnostics({ doc, parsed, validator, settings, rules: LINT_RULES });
      return format === 'html' ? renderHtmlBody(parsed, doc, { diagnostics }) : renderHtmlDocument(parsed, doc, { mode: 'export', diagnostics });
    },
    updateSettings: (next: Partial<Settings>) => {
      settings = resolveSettings(next);
    },
    setSchemaExtensions: (extensions: readonly JsonSchema[]) => {
      validator = new SchemaValidator(BUILT_IN_SCHEMA, extensions);
    },
    forget: (uri: string) => parser.forget(uri),
    dispose: () => undefined,
  });
}
