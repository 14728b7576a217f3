// A family of roles (issue 10) in the editor: compare two blueprints, the career ladder of the
// workspace, the ladder's findings with their fixes, and the job posting exports.
'use strict';

const assert = require('node:assert/strict');
const vscode = require('vscode');
const {
  codeOf, diagnosticsWhen, exampleUri, openBlueprint, readText, scratchCopy, cleanScratch, untilEvent, webviewTabs, workspaceRoot,
} = require('./helpers');

suite('family of roles', () => {
  suiteTeardown(cleanScratch);

  test('Compare with… opens the structured diff of the Associate and the Lead in a webview tab', async () => {
    const associate = exampleUri('associate-mlops-consultant.role.yaml');
    const lead = exampleUri('lead-mlops-engineer.role.yaml');
    await openBlueprint(associate);
    await vscode.commands.executeCommand('roleBlueprint.compareWith', associate, lead);
    const tab = await untilEvent(
      vscode.window.tabGroups.onDidChangeTabs,
      () => webviewTabs('roleBlueprint.compare').find((t) => t.label === 'Associate MLOps Consultant → Lead MLOps Engineer'),
      'a comparison tab',
    );
    await vscode.window.tabGroups.close(tab);
  });

  test('Show Career Ladder opens one webview tab for the workspace ladder', async () => {
    await openBlueprint(exampleUri('lead-mlops-engineer.role.yaml'));
    await vscode.commands.executeCommand('roleBlueprint.showLadder');
    const tab = await untilEvent(vscode.window.tabGroups.onDidChangeTabs, () => webviewTabs('roleBlueprint.ladder')[0], 'a career ladder tab');
    assert.equal(tab.label, 'Career Ladder');
    // Running it again re-renders the same panel.
    await vscode.commands.executeCommand('roleBlueprint.showLadder');
    assert.equal(webviewTabs('roleBlueprint.ladder').length, 1);
    await vscode.window.tabGroups.close(tab);
  });

  test('Export as Job Posting writes a page whose JSON-LD is a JobPosting; the JSON-LD export alone too', async () => {
    const uri = exampleUri('lead-mlops-engineer.role.yaml');
    await openBlueprint(uri);
    const page = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'exports', 'lead.posting.html');
    await vscode.commands.executeCommand('roleBlueprint.exportJobPosting', uri, page);
    const html = await readText(page);
    const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html);
    assert.ok(script, 'an application/ld+json script');
    const ld = JSON.parse(script[1]);
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'JobPosting');
    assert.equal(ld.title, 'Lead MLOps Engineer');
    assert.equal(typeof ld.description, 'string');

    const jsonld = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'exports', 'lead.jsonld');
    await vscode.commands.executeCommand('roleBlueprint.exportJobPostingJsonLd', uri, jsonld);
    assert.deepEqual(JSON.parse(await readText(jsonld)), ld);
  });

  test('ladder findings across the workspace; the create-blueprint fix writes the role file and opens it', async () => {
    const uri = await scratchCopy('associate-mlops-consultant.role.yaml', { from: 'examples', as: 'associate.role.yaml' });
    await openBlueprint(uri);
    const diagnostics = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'ladder.missing-role' && /"ML Engineer"/.test(d.message)), 'a ladder.missing-role finding');
    assert.ok(diagnostics.some((d) => codeOf(d) === 'ladder.inconsistent' && /mlops-consultant\.role\.yaml/.test(d.message)), 'the one-sided step to the MLOps Consultant');
    const missing = diagnostics.find((d) => codeOf(d) === 'ladder.missing-role' && /"ML Engineer"/.test(d.message));
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, missing.range, vscode.CodeActionKind.QuickFix.value);
    const create = actions.find((a) => a.title === 'Create blueprint for ML Engineer');
    assert.ok(create?.command, `a create action among ${actions.map((a) => a.title).join(', ')}`);
    await vscode.commands.executeCommand(create.command.command, ...create.command.arguments);
    const created = vscode.Uri.joinPath(uri, '..', 'ml-engineer.role.yaml');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), created.toString());
    assert.match(await readText(created), /^role:\n {2}title: ML Engineer\n/m);
  });
});
