import type { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedBlueprint } from '../parse';
import type { ITextDocument } from '../types';
import { escapeHtml } from './escape';
import { renderHtmlBody } from './html';
import { readRole } from './model';
import { BLUEPRINT_CSS, PRINT_CSS } from './styles';

export interface RenderDocumentOptions {
  readonly diagnostics?: readonly Diagnostic[];
  /** The page title; defaults to the role title. */
  readonly title?: string;
  /** 'auto' follows the reader's colour scheme. */
  readonly theme?: 'auto' | 'light' | 'dark';
  /** Nonce for the inline <style> (and the script) under a nonce-based CSP. */
  readonly cspNonce?: string;
  /** A script to load (the preview's client script); never used in export mode. */
  readonly scriptUri?: string;
  /**
   * 'export': a standalone file with its own strict CSP and print rules.
   * 'preview': the webview host supplies the CSP (pass it as `csp`).
   */
  readonly mode: 'export' | 'preview';
  /** Preview only: the Content-Security-Policy the host wants in the page. */
  readonly csp?: string;
  /** Export only: keep the completeness meter and diagnostics callouts when printing. */
  readonly printAnnotations?: boolean;
}

export const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/** A complete, self-contained HTML page of the blueprint: no remote resources. */
export function renderHtmlDocument(parsed: ParsedBlueprint, doc: ITextDocument, options: RenderDocumentOptions): string {
  const exporting = options.mode === 'export';
  const theme = options.theme ?? 'auto';
  const nonce = options.cspNonce ? ` nonce="${escapeHtml(options.cspNonce)}"` : '';
  const title = options.title ?? readRole(parsed.value).title;
  const csp = exporting ? EXPORT_CSP : options.csp;
  const rootClass = exporting && options.printAnnotations ? ' class="bp-print-annotations"' : '';
  const head = [
    '<meta charset="utf-8">',
    csp ? `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">` : '',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    exporting ? '<meta name="generator" content="Role Blueprint">' : '',
    `<title>${escapeHtml(title)}</title>`,
    `<style${nonce}>${BLUEPRINT_CSS}${exporting ? PRINT_CSS : ''}</style>`,
  ];
  const script = !exporting && options.scriptUri ? `<script${nonce} src="${escapeHtml(options.scriptUri)}"></script>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="en"${theme === 'light' || theme === 'dark' ? ` data-theme="${theme}"` : ''}${rootClass}>`,
    `<head>${head.filter(Boolean).join('\n')}</head>`,
    `<body>${renderHtmlBody(parsed, doc, { diagnostics: options.diagnostics })}${script}</body>`,
    '</html>',
    '',
  ].join('\n');
}
