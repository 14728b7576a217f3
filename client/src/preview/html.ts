import type { PreviewPageData } from './messages';

/**
 * The preview page: pure string building, no `vscode`, so it is unit-tested as is.
 * Strict CSP: nothing loads except the extension's own media (by `cspSource`) and the one
 * inline style and script tagged with this render's nonce.
 */

const NONCE_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 32 random alphanumerics from the platform's CSPRNG; a fresh one for every full render. */
export function createNonce(): string {
  const bytes = new Uint8Array(32);
  globalThis.crypto.getRandomValues(bytes);
  let nonce = '';
  for (const byte of bytes) nonce += NONCE_ALPHABET[byte % NONCE_ALPHABET.length];
  return nonce;
}

export function buildCsp(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `script-src 'nonce-${nonce}'`,
    `img-src ${cspSource} data:`,
    `font-src ${cspSource}`,
    "form-action 'none'",
    "base-uri 'none'",
  ].join('; ');
}

export function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export interface PreviewPageInput {
  readonly cspSource: string;
  readonly nonce: string;
  /** Webview URIs (already mapped with `asWebviewUri`) of the preview's script and stylesheet. */
  readonly scriptUri: string;
  readonly styleUri: string;
  /** The renderer's stylesheet, inlined under the nonce. */
  readonly rendererCss: string;
  /** The rendered body from `roleBlueprint/render` (already escaped by the renderer). */
  readonly body: string;
  readonly title: string;
  readonly data: PreviewPageData;
}

/** Id of the element whose content the script morphs on `update`. */
export const PREVIEW_ROOT_ID = 'bp-preview-root';
/** Id of the `<meta>` that carries `PreviewPageData` in `data-state`. */
export const PREVIEW_DATA_ID = 'bp-preview-data';

export function buildPreviewPage(input: PreviewPageInput): string {
  const { nonce } = input;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(buildCsp(input.cspSource, nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<meta id="${PREVIEW_DATA_ID}" data-state="${escapeAttribute(JSON.stringify(input.data))}">
<title>${escapeAttribute(input.title)}</title>
<style nonce="${nonce}">${input.rendererCss.replace(/<\/style/gi, '<\\/style')}</style>
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}">
</head>
<body class="bp-preview${input.data.locked ? ' bp-locked' : ''}">
<main id="${PREVIEW_ROOT_ID}">${input.body}</main>
<script nonce="${nonce}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>`;
}

/** A page for when there is nothing to render (server stopped, file unreadable); the text is escaped. */
export function messageBody(message: string): string {
  return `<div class="bp-preview-message code-line" data-line="0"><p>${escapeAttribute(message)}</p></div>`;
}
