// The language server's features as VS Code delivers them to a user: diagnostics, completion,
// hover, outline, quick fixes and formatting, through the editor's own command API.
'use strict';

const assert = require('node:assert/strict');
const vscode = require('vscode');
const {
  EXTENSION_ID, codeOf, complete, diagnosticsWhen, exampleUri, fixtureUri, labelOf, lineOf, openBlueprint, scratchCopy, cleanScratch,
} = require('./helpers');

const textOf = (insertText) => (insertText instanceof vscode.SnippetString ? insertText.value : String(insertText ?? ''));
const hoverText = (hovers) =>
  hovers.flatMap((hover) => hover.contents).map((content) => (typeof content === 'string' ? content : content.value)).join('\n');

/** Inserts `text` at the start of `line` (or at the end of the document) and returns the edited document. */
async function insertLine(document, line, text) {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(line, 0), `${text}\n`);
  assert.ok(await vscode.workspace.applyEdit(edit), 'the edit was applied');
  return document;
}

suite('language features', () => {
  suiteTeardown(cleanScratch);

  test('a misspelt key is an error on its line, with the schema.unknown-key code and a did-you-mean', async () => {
    const uri = fixtureUri('typo.role.yaml');
    const { document } = await openBlueprint(uri);
    const diagnostics = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'schema.unknown-key'), 'schema.unknown-key');
    const typo = diagnostics.filter((d) => codeOf(d) === 'schema.unknown-key');
    assert.equal(typo.length, 1, 'one unknown key');
    const [diagnostic] = typo;
    const line = lineOf(document, 'misson: Make data trustworthy, fast and cheap for every team that uses it.');
    assert.equal(line, 6);
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      [line, 0, line, 'misson'.length],
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(diagnostic.source, 'role-blueprint');
    assert.match(diagnostic.message, /"misson".*"mission"/);
    // No other error: the rest of the fixture is valid.
    assert.deepEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf), ['schema.unknown-key']);
  });

  test('completing "- name: ml" under tools offers MLflow from the catalog, as a row snippet', async () => {
    const uri = await scratchCopy('smoke.role.yaml');
    const { document } = await openBlueprint(uri);
    const line = document.lineCount; // after the last tool row (the file ends with a newline)
    assert.equal(document.lineAt(line - 1).text, '', 'the fixture ends with a newline');
    await insertLine(document, line - 1, '  - name: ml');
    const items = await complete(uri, new vscode.Position(line - 1, '  - name: ml'.length));
    const mlflow = items.find((item) => labelOf(item) === 'MLflow');
    assert.ok(mlflow, `MLflow among ${items.map(labelOf).slice(0, 20).join(', ')}`);
    // The catalog row fills in the tool's other fields as tab stops.
    const inserted = textOf(mlflow.insertText);
    assert.match(inserted, /^MLflow\n {4}category: \$\{1[:|]/, inserted);
    assert.match(inserted, /\n {4}use: /);
    assert.ok(items.every((item) => labelOf(item) !== 'kpis'), 'no key completions in a value');
  });

  test('completion on an empty row under kpis offers catalog KPI rows and the "KPI row" snippet', async () => {
    const uri = await scratchCopy('smoke.role.yaml');
    const { document } = await openBlueprint(uri);
    const toolsLine = lineOf(document, 'tools:');
    await insertLine(document, toolsLine, '  - ');
    const rowItems = await complete(uri, new vscode.Position(toolsLine, 4));
    // A catalog row inserts the whole item, `name:` first, its fields indented under it.
    const catalogRows = rowItems.filter((item) => /^name: .+\n {4}\w+: /.test(textOf(item.insertText)) && textOf(item.insertText).includes('\n    measures: '));
    assert.ok(catalogRows.length > 0, `catalog KPI rows among ${rowItems.map(labelOf).slice(0, 20).join(', ')}`);
    assert.ok(catalogRows.every((item) => /^KPI\b/.test(item.detail ?? '')), catalogRows.map((item) => item.detail).join(' | '));

    // The contributed snippet, typed by its prefix on a fresh line of the list.
    const snippetLine = toolsLine + 1;
    await insertLine(document, snippetLine, '  kpi');
    const snippetItems = await complete(uri, new vscode.Position(snippetLine, 5));
    const snippet = snippetItems.find((item) => item.kind === vscode.CompletionItemKind.Snippet && labelOf(item) === 'kpi');
    assert.ok(snippet, `the kpi snippet among ${snippetItems.map(labelOf).slice(0, 30).join(', ')}`);
    assert.match(textOf(snippet.insertText), /^- name: \$\{1:Metric name\}\n {2}category: /);
  });

  test('hovering a section key shows the schema text', async () => {
    const uri = fixtureUri('smoke.role.yaml');
    const { document } = await openBlueprint(uri);
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    const schemaBytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'schemas/role-blueprint.schema.json'));
    const mission = JSON.parse(new TextDecoder().decode(schemaBytes)).properties.mission;
    const line = lineOf(document, 'mission: Make shipping safe, fast and boring for every product team.');
    const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 3));
    const text = hoverText(hovers);
    assert.ok(text.includes(`**${mission.title}**`), text);
    assert.ok(text.includes(mission.markdownDescription.split('\n')[0]), text);
    const range = hovers.find((hover) => hover.range)?.range;
    assert.deepEqual(range && [range.start.line, range.start.character, range.end.character], [line, 0, 'mission'.length]);
  });

  test('the outline of an example lists the 20 numbered sections in order', async () => {
    const uri = exampleUri('lead-mlops-engineer.role.yaml');
    await openBlueprint(uri);
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
    const numbered = symbols.map((symbol) => symbol.name).filter((name) => /^\d+\.\s/.test(name));
    assert.equal(numbered.length, 20, numbered.join(' | '));
    assert.deepEqual(numbered.map((name) => Number.parseInt(name, 10)), Array.from({ length: 20 }, (_, i) => i + 1));
    assert.match(numbered[0], /^1\. .*Summary/i);
    const kpis = symbols.find((symbol) => /^7\. /.test(symbol.name));
    assert.ok(kpis.children.length > 0, 'the KPI section has its rows as children');
  });

  test('the did-you-mean quick fix renames the key and the error goes away', async () => {
    const uri = await scratchCopy('typo.role.yaml');
    const { document } = await openBlueprint(uri);
    const [diagnostic] = (
      await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'schema.unknown-key'), 'schema.unknown-key')
    ).filter((d) => codeOf(d) === 'schema.unknown-key');
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((action) => action.title === 'Change "misson" to "mission"');
    assert.ok(fix, `the rename fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.kind.contains(vscode.CodeActionKind.QuickFix));
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.equal(document.lineAt(6).text, 'mission: Make data trustworthy, fast and cheap for every team that uses it.');
    const after = await diagnosticsWhen(uri, (all) => !all.some((d) => codeOf(d) === 'schema.unknown-key'), 'the unknown-key error to go');
    assert.equal(after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0);
  });

  test('Format Document re-indents and puts the sections in canonical order', async () => {
    const uri = await scratchCopy('unformatted.role.yaml');
    const { document } = await openBlueprint(uri);
    const options = { tabSize: 2, insertSpaces: true };
    const edits = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', uri, options);
    assert.ok(edits?.length > 0, 'formatting has edits');
    const edit = new vscode.WorkspaceEdit();
    edit.set(uri, edits);
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.equal(
      document.getText(),
      [
        'blueprint: 1',
        'role:',
        '  title: Analytics Engineer',
        '  level: mid',
        '  family: Data',
        'summary: Owns the transformation layer between the warehouse and the dashboards.',
        'mission: Turn raw events into models that every team trusts.',
        'kpis:',
        '  - name: Model test coverage',
        '    measures: "% of dbt models with at least one test"',
        '    why: Catches broken models before dashboards do',
        '    target: ">= 90%"',
        '    frequency: Monthly',
        '',
      ].join('\n'),
    );
    // Formatting a formatted document changes nothing.
    const again = await vscode.commands.executeCommand('vscode.executeFormatDocumentProvider', uri, options);
    assert.equal(again?.length ?? 0, 0);
  });
});
