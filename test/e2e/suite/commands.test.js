// The extension's commands run as a user (or a script) runs them: the preview, the exports and
// the server restart; and the restart after a crash.
'use strict';

const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const {
  EXTENSION_ID, codeOf, diagnosticsWhen, fixtureUri, lineOf, openBlueprint, readText, scratchCopy, cleanScratch, untilEvent, waitFor, previewTabs, workspaceRoot,
} = require('./helpers');

suite('commands', () => {
  suiteTeardown(cleanScratch);

  test('Open Preview to the Side opens a webview tab for the blueprint beside its editor', async () => {
    const uri = fixtureUri('smoke.role.yaml');
    const { editor } = await openBlueprint(uri);
    await vscode.commands.executeCommand('roleBlueprint.openPreviewToSide', uri);
    const tab = await untilEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => previewTabs().find((t) => t.label === 'Preview smoke.role.yaml'),
      'a preview tab',
    );
    assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview is beside the editor');
    // The source editor keeps the focus (preserveFocus).
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString());
    // Opening it again reveals the same panel instead of opening a second one.
    await vscode.commands.executeCommand('roleBlueprint.openPreviewToSide', uri);
    assert.equal(previewTabs().length, 1);
    await vscode.window.tabGroups.close(tab);
    assert.equal(previewTabs().length, 0);
  });

  test('Export as HTML writes one self-contained page with the role title (target given, no dialog)', async () => {
    const uri = fixtureUri('smoke.role.yaml');
    await openBlueprint(uri);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'exports', 'smoke.html');
    await vscode.commands.executeCommand('roleBlueprint.exportHtml', uri, target);
    const html = await readText(target);
    assert.match(html, /^<!DOCTYPE html>/i);
    // The title comes from the render request's result for the blueprint's role.title.
    assert.match(html, /<title>[^<]*Platform Engineer[^<]*<\/title>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src (&#39;|')none\1/);
    assert.ok(!/<script\b/i.test(html), 'the export has no scripts');
    assert.ok(!/<link\b[^>]*stylesheet/i.test(html), 'styles are inline');
    assert.match(html, /Deployment success rate/);
    assert.match(html, /&gt;= 95%/);
  });

  test('Export as Markdown writes the blueprint as Markdown (target given, no dialog)', async () => {
    const uri = fixtureUri('smoke.role.yaml');
    await openBlueprint(uri);
    const target = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'exports', 'smoke.md');
    await vscode.commands.executeCommand('roleBlueprint.exportMarkdown', uri, target);
    const markdown = await readText(target);
    assert.match(markdown, /^# Platform Engineer/m);
    assert.match(markdown, /^\|.*Deployment success rate.*\|$/m, 'the KPI is a table row');
    assert.ok(!/<script\b/i.test(markdown));
  });

  test('Restart Server brings up a new server that answers and validates again', async () => {
    const uri = await scratchCopy('smoke.role.yaml');
    const { document } = await openBlueprint(uri);
    await vscode.commands.executeCommand('roleBlueprint.restartServer');
    // The command resolves once the new client runs: it has the open document and checks edits.
    const line = lineOf(document, 'mission: Make shipping safe, fast and boring for every product team.');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(line, 0, line, 'mission'.length), 'mision');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostics = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'schema.unknown-key'), 'a diagnostic from the restarted server');
    const typo = diagnostics.find((d) => codeOf(d) === 'schema.unknown-key');
    assert.equal(typo.range.start.line, line);
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    assert.ok(symbols.length > 0, 'the restarted server answers requests');
  });

  test('a server that crashes is started again and checks the open blueprint', async () => {
    const uri = await scratchCopy('smoke.role.yaml');
    const { document } = await openBlueprint(uri);
    // The server process, found by its command line (Linux /proc): node … <extension>/dist/server.js --node-ipc …
    const launcher = path.join(vscode.extensions.getExtension(EXTENSION_ID).extensionPath, 'dist', 'server.js');
    const serverPids = () =>
      fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
        try {
          return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').includes(launcher);
        } catch {
          return false; // gone meanwhile
        }
      }).map(Number);
    // The server the Restart Server test stopped may still be exiting.
    const running = await waitFor(() => {
      const pids = serverPids();
      return pids.length === 1 && pids;
    }, `one server process for ${launcher}`, 20000, 100);
    process.kill(running[0], 'SIGKILL');
    await waitFor(() => {
      const pids = serverPids();
      return pids.length === 1 && pids[0] !== running[0];
    }, 'a new server process after the crash', 20000, 100);
    // The new server has the open document and checks its edits.
    const line = lineOf(document, 'mission: Make shipping safe, fast and boring for every product team.');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(line, 0, line, 'mission'.length), 'misson');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const diagnostics = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'schema.unknown-key' && d.range.start.line === line), 'a diagnostic from the server started after the crash', 20000);
    assert.match(diagnostics.find((d) => codeOf(d) === 'schema.unknown-key').message, /misson/);
  });
});
