/**
 * Custom requests and notifications between the Role Blueprint client and server.
 * Both sides import this one file, so a change to a message is a type error on both.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

//#region To server

export interface RenderParams {
  readonly uri: string;
  /**
   * `html`: the body for the preview; `document`: a complete self-contained page (export);
   * `jobposting`: a candidate-facing job posting page with schema.org JobPosting JSON-LD;
   * `jsonld`: that JobPosting JSON-LD alone.
   */
  readonly format: 'html' | 'document' | 'markdown' | 'jobposting' | 'jsonld';
}

export interface RenderResult {
  readonly uri: string;
  /** Version of the document that was rendered, so the client can skip stale results. */
  readonly version: number;
  /** HTML body, full HTML document or Markdown, as asked. */
  readonly content: string;
  /** The blueprint's title, for the preview tab and export file names. */
  readonly title?: string;
}

/** Renders an open document with the one renderer the CLI also uses. */
export const RenderRequest = new RequestType<RenderParams, RenderResult | null, void>('roleBlueprint/render');

export interface DocumentStatusParams {
  readonly uri: string;
}

export interface DocumentStatus {
  readonly uri: string;
  readonly version: number;
  /** Sections present out of the 20. */
  readonly sectionsPresent: number;
  readonly sectionsTotal: number;
  /** Keys of missing sections and of thin ones (present but nearly empty). */
  readonly missing: readonly string[];
  readonly thin: readonly string[];
  readonly errors: number;
  readonly warnings: number;
}

/** Completeness and problem counts of one document, for the status item. */
export const DocumentStatusRequest = new RequestType<DocumentStatusParams, DocumentStatus | null, void>('roleBlueprint/documentStatus');

export interface ImportParams {
  /** The HTML page or WordPress REST post (JSON) to import. */
  readonly source: string;
  /** File name or URL it came from, kept in the blueprint's `role.source` and header comment. */
  readonly sourceName?: string;
}

export interface ImportResult {
  readonly yaml: string;
  /** What did not map onto a field and was kept in `notes`, or could not be recognised. */
  readonly report: readonly string[];
}

/** Imports an HTML / WordPress blueprint with the same importer as the CLI. */
export const ImportRequest = new RequestType<ImportParams, ImportResult, void>('roleBlueprint/import');

/** A page for a webview: rendered under the webview's nonce-based policy instead of the export one. */
export interface WebviewPageParams {
  /** Nonce for the page's inline style. */
  readonly cspNonce?: string;
  /** Content-Security-Policy of the page (the webview's). */
  readonly csp?: string;
}

export interface CompareParams extends WebviewPageParams {
  readonly uriA: string;
  readonly uriB: string;
}

export interface CompareResult {
  /** The structured diff as a complete HTML page. */
  readonly html: string;
  readonly title: string;
}

/** Compares two role files (open or in the workspace) section by section: A is the lower level. */
export const CompareRequest = new RequestType<CompareParams, CompareResult | null, void>('roleBlueprint/compare');

export type LadderParams = WebviewPageParams;

export interface LadderRole {
  readonly title: string;
  /** The role's file; absent for a role named in a career path that has no file. */
  readonly uri?: string;
  readonly missing: boolean;
}

export interface LadderResult {
  /** The career ladder diagram as a complete HTML page; each role with a file carries `data-uri`. */
  readonly html: string;
  readonly roles: readonly LadderRole[];
}

/** The career ladder of every role file the server knows (workspace and open documents). */
export const LadderRequest = new RequestType<LadderParams, LadderResult, void>('roleBlueprint/ladder');

/** Client command the `ladder.missing-role` code action runs: (uri of the file naming the role, role title, file name). */
export const CREATE_ROLE_COMMAND = 'roleBlueprint.createRoleBlueprint';

//#endregion

//#region From server

export interface ServerStatus {
  readonly health: 'ok' | 'warning' | 'error';
  /** False while the server is still indexing the workspace. */
  readonly quiescent: boolean;
  readonly message?: string;
}

export const ServerStatusNotification = new NotificationType<ServerStatus>('roleBlueprint/serverStatus');

//#endregion

//#region How the server is started

/**
 * Node options the client starts the server with (the benchmark starts it the same way). V8
 * lets the old generation grow to up to 4× what was live at the last full GC on a machine
 * with a large heap limit; each edit of a big document publishes hundreds of KB of JSON
 * (diagnostics, outline), so the heap filled with garbage to ~4× its live size before being
 * collected (10k-line document: 44 MiB live, next full GC at 192 MiB). A growth factor of 1.5
 * collects sooner; the heap limit itself is unchanged.
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--heap-growing-percent=50'];

//#endregion
