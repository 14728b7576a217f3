import * as vscode from 'vscode';
import { buildCsp, createNonce } from '../preview/html';

/**
 * The webview pages of a family of roles (comparison, career ladder). The server renders the
 * page under the webview's policy: nothing loads, the inline style carries this render's nonce,
 * and the only script is the one passed here, with the same nonce.
 */
export interface FamilyPage {
  readonly cspNonce: string;
  readonly csp: string;
}

export function familyPage(webview: vscode.Webview): FamilyPage {
  const cspNonce = createNonce();
  return { cspNonce, csp: buildCsp(webview.cspSource, cspNonce) };
}

/** Puts a nonce'd inline script before `</body>` of a server-rendered page. */
export function withScript(html: string, page: FamilyPage, script: string): string {
  const tag = `<script nonce="${page.cspNonce}">${script.replace(/<\/script/gi, '<\\/script')}</script>`;
  const at = html.lastIndexOf('</body>');
  return at === -1 ? html + tag : html.slice(0, at) + tag + html.slice(at);
}

export function familyWebviewOptions(scripts: boolean): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: scripts, enableForms: false, enableCommandUris: false, localResourceRoots: [], retainContextWhenHidden: false };
}
