import { EXPORT_CSP } from '../render/document';
import { escapeHtml } from '../render/escape';
import { BLUEPRINT_CSS } from '../render/styles';

/**
 * The page around the family views (diff, ladder, job posting): the blueprint stylesheet and
 * its theme variables, so a page looks right both in a VS Code webview and as a saved file.
 */
export interface FamilyPageOptions {
  /** Only the `<div class="bp">` fragment, for a webview that has its own page. */
  readonly fragment?: boolean;
  /** Nonce for the inline <style> (and scripts) under the host's nonce-based CSP. */
  readonly cspNonce?: string;
  /** The Content-Security-Policy of the page; a standalone page gets the strict export policy. */
  readonly csp?: string;
}

export function familyPage(title: string, body: string, css: string, options: FamilyPageOptions = {}, extraHead = ''): string {
  if (options.fragment) return body;
  const nonce = options.cspNonce ? ` nonce="${escapeHtml(options.cspNonce)}"` : '';
  const csp = options.csp ?? EXPORT_CSP;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Role Blueprint">',
    `<title>${escapeHtml(title)}</title>`,
    `<style${nonce}>${BLUEPRINT_CSS}${css}</style>`,
    extraHead,
    '</head>',
    `<body>${body}</body>`,
    '</html>',
    '',
  ]
    .filter((line) => line !== '')
    .join('\n')
    .concat('\n');
}
