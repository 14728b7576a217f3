// Smoke test: opening a blueprint activates the packaged extension and gives the document
// the extension's language.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { EXTENSION_ID, LANGUAGE_ID, fixtureUri, openBlueprint, waitFor } = require('./helpers');

suite('activation', () => {
  test('the extension under test is the packaged one', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is not installed`);
    const expected = process.env.ROLE_BLUEPRINT_E2E_EXTENSION_PATH;
    assert.ok(expected, 'the runner must say which extension folder is under test');
    assert.equal(fs.realpathSync(extension.extensionPath), fs.realpathSync(expected));
    // The .vsix allow-list ships bundles, not sources or node_modules.
    for (const file of ['package.json', 'dist/extension.js', 'dist/server.js']) {
      assert.ok(fs.existsSync(path.join(extension.extensionPath, file)), `${file} is missing from the package`);
    }
    for (const folder of ['node_modules', 'client', 'server', 'test']) {
      assert.ok(!fs.existsSync(path.join(extension.extensionPath, folder)), `${folder}/ must not be packaged`);
    }
    const packaged = fs.readdirSync(extension.extensionPath, { recursive: true });
    assert.deepEqual(packaged.filter((file) => /\.(map|ts)$/.test(file)), [], 'no source maps or TypeScript sources');
  });

  test('opening a .role.yaml file gives it the role-blueprint language and the extension is active', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    // The workspace holds blueprints, so workspaceContains may activate first; opening a file
    // elsewhere relies on onLanguage (code-server does not activate on a contributed language alone).
    assert.ok(extension.packageJSON.activationEvents.includes(`onLanguage:${LANGUAGE_ID}`));
    const document = await vscode.workspace.openTextDocument(fixtureUri('smoke.role.yaml'));
    await vscode.window.showTextDocument(document);
    assert.equal(document.languageId, LANGUAGE_ID);
    await waitFor(() => extension.isActive, 'the extension to activate', 15000);
    // Reported, not asserted: how long activate() held the extension host (the server starts after).
    assert.equal(typeof extension.exports.activationMs, 'number');
    console.log(`[e2e] activate() took ${extension.exports.activationMs.toFixed(1)} ms in the extension host`);
  });

  test("the language server writes V8's code cache beside its bundle, for the next starts", async () => {
    // server/src/lsp/codeCache.ts: a start without a cache writes one a few seconds in, and one
    // written before the server had checked a document is written again after its first check;
    // this unzipped package had none, so the running server must write one from after a check.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    await openBlueprint(fixtureUri('smoke.role.yaml'));
    const cache = path.join(extension.extensionPath, 'dist', '.server-main.js.codecache');
    const header = () => {
      const content = fs.readFileSync(cache);
      return { content, key: content.subarray(0, content.indexOf(0x0a)).toString('utf8') };
    };
    await waitFor(() => fs.existsSync(cache) && header().key.endsWith('; after a check'), `${cache} to be written after a check`, 30000, 200);
    const { content, key } = header();
    assert.match(key, new RegExp(`^role-blueprint code cache \\d+; v8 [^;]+; ${process.arch}; [0-9a-f]{40}; after a check$`));
    assert.ok(content.length > 100_000, `a cache of the compiled server, not ${content.length} bytes`);
  });
});
