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

module.exports = { EXTENSION_ID, LANGUAGE_ID, workspaceRoot, fixtureUri, exampleUri, waitFor };
