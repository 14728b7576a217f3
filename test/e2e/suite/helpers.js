// Shared helpers for the integration tests (not a test file: mocha loads only *.test.js).
'use strict';

const vscode = require('vscode');

const EXTENSION_ID = 'role-blueprint.role-blueprint';
const LANGUAGE_ID = 'role-blueprint';

/** The workspace folder the runner prepared (a per-run copy of examples/ plus test fixtures). */
function workspaceRoot() {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return folder.uri;
}

/** A file from test/e2e/fixtures, as copied into the workspace's `fixtures/` folder. */
function fixtureUri(name) {
  return vscode.Uri.joinPath(workspaceRoot(), 'fixtures', name);
}

/** A file from examples/, as copied to the workspace root. */
function exampleUri(name) {
  return vscode.Uri.joinPath(workspaceRoot(), name);
}

/** Polls `condition` (sync or async) until it returns a truthy value, which it returns. */
async function waitFor(condition, what, timeoutMs = 10000, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Resolves with the first truthy value of `check`, evaluated now and after every firing of
 * `event` (a vscode.Event); rejects after `timeoutMs`. Waits on what the editor reports instead
 * of sleeping.
 */
function untilEvent(event, check, what, timeoutMs = 15000) {
  return new Promise((resolve, reject) => {
    let settled = false;
    let subscription;
    const settle = (outcome, value) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      subscription?.dispose();
      outcome(value);
    };
    const timer = setTimeout(() => settle(reject, new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs);
    const evaluate = async () => {
      try {
        const value = await check();
        if (value) settle(resolve, value);
      } catch (err) {
        settle(reject, err);
      }
    };
    subscription = event(() => void evaluate());
    void evaluate();
  });
}

/** The string code of a diagnostic (the client turns code + codeDescription into { value, target }). */
const codeOf = (diagnostic) => (typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code);

/** The document's diagnostics once `predicate(diagnostics)` holds. */
function diagnosticsWhen(uri, predicate, what, timeoutMs) {
  return untilEvent(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const diagnostics = vscode.languages.getDiagnostics(uri);
      return predicate(diagnostics) && diagnostics;
    },
    what,
    timeoutMs,
  );
}

const SCRATCH_FOLDER = 'scratch';

/**
 * A private copy of a fixture (or an example, `from: 'examples'`, or a file of another workspace
 * folder such as `seeds`) in the workspace's `scratch/` folder, so a test can edit, save and
 * format it without touching files other tests share.
 */
async function scratchCopy(name, { from = 'fixtures', as } = {}) {
  const source = from === 'examples' ? exampleUri(name) : vscode.Uri.joinPath(workspaceRoot(), from, name);
  const target = vscode.Uri.joinPath(workspaceRoot(), SCRATCH_FOLDER, as ?? `${Date.now().toString(36)}-${name}`);
  await vscode.workspace.fs.copy(source, target, { overwrite: true });
  return target;
}

/** Closes every editor and removes the scratch folder. */
async function cleanScratch() {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.workspace.fs.delete(vscode.Uri.joinPath(workspaceRoot(), SCRATCH_FOLDER), { recursive: true, useTrash: false }).then(undefined, () => {});
}

/** Every open tab, in every editor group. */
const allTabs = () => vscode.window.tabGroups.all.flatMap((group) => group.tabs);

/** Webview tabs of one view type; VS Code may prefix the view type with the extension's id. */
const webviewTabs = (viewType) => allTabs().filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith(viewType));

/** The tabs of the blueprint preview. */
const previewTabs = () => webviewTabs('roleBlueprint.preview');

/** The text editor tab of `uri`, if one is open. */
const textTabOf = (uri) => allTabs().find((tab) => tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === uri.toString());

/** A workspace file's text. */
const readText = async (uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));

/** Opens `uri` in an editor; resolves once the language server answers for it (an outline exists). */
async function openBlueprint(uri) {
  const document = await vscode.workspace.openTextDocument(uri);
  const editor = await vscode.window.showTextDocument(document);
  await waitFor(async () => {
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    return Array.isArray(symbols) && symbols.length > 0;
  }, `the language server to answer for ${uri.path}`, 20000, 100);
  return { document, editor };
}

/** A completion item's label text (a label may be a string or a { label, detail, description }). */
const labelOf = (item) => (typeof item.label === 'string' ? item.label : item.label.label);

/** The completion items VS Code gets from the extension at `position`. */
async function complete(uri, position) {
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', uri, position);
  return list.items;
}

/** The 0-based line of the first line of `document` (from line `from` on) equal to `text` (after trimming its end). */
function lineOf(document, text, from = 0) {
  for (let line = from; line < document.lineCount; line++) if (document.lineAt(line).text.trimEnd() === text) return line;
  throw new Error(`no line "${text}" in ${document.uri.path}${from ? ` after line ${from}` : ''}`);
}

module.exports = {
  EXTENSION_ID, LANGUAGE_ID, workspaceRoot, fixtureUri, exampleUri, waitFor, untilEvent, codeOf, diagnosticsWhen,
  scratchCopy, cleanScratch, openBlueprint, lineOf, webviewTabs, previewTabs, textTabOf, readText, labelOf, complete,
};
