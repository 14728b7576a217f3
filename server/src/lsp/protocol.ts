/**
 * Custom requests and notifications between the Role Blueprint client and server.
 * Both sides import this one file, so a change to a message is a type error on both.
 */
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';

//#region To server

export interface RenderParams {
  readonly uri: string;
  /** `html`: the body for the preview; `document`: a complete self-contained page (export). */
  readonly format: 'html' | 'document' | 'markdown';
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
