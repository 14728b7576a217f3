// Features that were only unit-tested, run as a user (or a keybinding) runs them in the
// packaged extension: New Blueprint, Import from WordPress, go to definition / references /
// workspace symbols / folding / semantic tokens, a content-lint quick fix, live rule settings,
// the preview in the editor's group with its lock, Show Output, and catalogs named in the settings.
'use strict';

const assert = require('node:assert/strict');
const vscode = require('vscode');
const {
  EXTENSION_ID, LANGUAGE_ID, codeOf, complete, diagnosticsWhen, exampleUri, fixtureUri, labelOf, lineOf, openBlueprint, readText, scratchCopy, cleanScratch,
  untilEvent, waitFor, previewTabs, textTabOf, workspaceRoot,
} = require('./helpers');

const LEAD = 'lead-mlops-engineer.role.yaml';
/** The 20 section keys, in order (the file format's top level after `blueprint` and `role`). */
const SECTION_KEYS = [
  'summary', 'mission', 'responsibilities', 'day_to_day', 'deliverables', 'goals', 'kpis', 'technical_skills', 'soft_skills', 'tools',
  'tech_stack', 'stakeholders', 'decision_rights', 'experience', 'career', 'risks', 'variants', 'ai_impact', 'hiring', 'scorecard_summary',
];

const baseName = (uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);
const at = (range) => [range.start.line, range.start.character, range.end.line, range.end.character];
/** Where a definition result points: a LocationLink's target (its name) or a Location. */
const targetOf = (result) => (result.targetUri ? [result.targetUri.toString(), ...at(result.targetSelectionRange ?? result.targetRange)] : [result.uri.toString(), ...at(result.range)]);
/** The range of `text` on `line` of `document` (its first occurrence there). */
function rangeOn(document, line, text) {
  const start = document.lineAt(line).text.indexOf(text);
  assert.ok(start >= 0, `"${text}" on line ${line}`);
  return [line, start, line, start + text.length];
}
/** The same for a file on disk, without opening it (which would hand it to the server as an open document). */
async function rangeInFile(uri, lineText, text) {
  const lines = (await readText(uri)).split(/\r?\n/);
  const line = lines.findIndex((l) => l.trimEnd() === lineText);
  assert.ok(line >= 0, `no line "${lineText}" in ${uri.path}`);
  const start = lines[line].indexOf(text);
  return [line, start, line, start + text.length];
}
const byPosition = (a, b) => a[1] - b[1] || a[2] - b[2] || a[0].localeCompare(b[0]);
const errorsOf = (diagnostics) => diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

/** The text VS Code inserts for a snippet body when no tab stop is edited: each placeholder's default, a choice's first option. */
function snippetDefaultText(body) {
  const defaults = new Map();
  for (const [, stop, text] of body.matchAll(/\$\{(\d+):([^}]*)\}/g)) defaults.set(stop, text);
  return body
    .replace(/\$\{(\d+):([^}]*)\}/g, '$2')
    .replace(/\$\{\d+\|([^,|]*)[^|]*\|\}/g, '$1')
    .replace(/\$(\d+)/g, (_, stop) => defaults.get(stop) ?? '');
}

const previewTab = (label) => untilEvent(vscode.window.tabGroups.onDidChangeTabs, () => previewTabs().find((t) => t.label === label), `a preview tab "${label}"`);
/** Reverts `document` and closes its editor, as "Revert and Close" does: no save prompt, nothing written. */
async function closeWithoutSaving(document) {
  await vscode.window.showTextDocument(document);
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
}

suite('features', () => {
  suiteTeardown(cleanScratch);

  test('New Blueprint opens an untitled new-role.role.yaml with the 20-section skeleton, and the server checks it', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('roleBlueprint.newBlueprint');
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor, 'an editor is active');
    const { document } = editor;
    const { uri } = document;
    try {
      assert.equal(uri.scheme, 'untitled');
      // With no file active, the new file is proposed in the first workspace folder.
      assert.equal(uri.path, vscode.Uri.joinPath(workspaceRoot(), 'new-role.role.yaml').path);
      assert.equal(document.languageId, LANGUAGE_ID);
      assert.ok(document.isDirty, 'the skeleton is unsaved text');

      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      const snippets = JSON.parse(await readText(vscode.Uri.joinPath(extension.extensionUri, 'snippets/role-blueprint.code-snippets.json')));
      const skeleton = Object.values(snippets).find((s) => [s.prefix].flat().includes('blueprint'));
      assert.equal(document.getText(), snippetDefaultText(skeleton.body.join('\n')));
      const topLevel = [...document.getText().matchAll(/^([a-z_]+):/gm)].map((m) => m[1]);
      assert.deepEqual(topLevel, ['blueprint', 'role', ...SECTION_KEYS]);
      // The cursor is on the first tab stop, the role title.
      const titleLine = lineOf(document, '  title: Role title');
      assert.deepEqual(at(editor.selection), rangeOn(document, titleLine, 'Role title'));

      // The server validates the untitled file: content findings on the placeholders, no schema error.
      const diagnostics = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'summary.unknown-item'), 'diagnostics on the new blueprint', 20000);
      assert.deepEqual(errorsOf(diagnostics).map((d) => `${d.range.start.line}: ${codeOf(d)} ${d.message}`), []);
      // Its placeholders fit its own level: no level finding on a fresh skeleton.
      assert.deepEqual(diagnostics.filter((d) => codeOf(d).startsWith('level.')).map((d) => `${d.range.start.line}: ${codeOf(d)} ${d.message}`), []);
      const mustHave = lineOf(document, '    - name: Must-have skill');
      assert.ok(
        diagnostics.some((d) => codeOf(d) === 'completeness.missing-description' && d.range.start.line === mustHave),
        diagnostics.map((d) => `${d.range.start.line}: ${codeOf(d)}`).join(', '),
      );
      const topKpi = diagnostics.find((d) => codeOf(d) === 'summary.unknown-item' && /"A top KPI"/.test(d.message));
      assert.ok(topKpi, 'the placeholder KPI of the summary names no KPI of the file');
      assert.deepEqual(at(topKpi.range), rangeOn(document, lineOf(document, '    - A top KPI'), 'A top KPI'));
    } finally {
      await closeWithoutSaving(document);
    }
    assert.equal(textTabOf(uri), undefined, 'the reverted blueprint is closed');
  });

  test('New Blueprint picks a free name, beside the active file', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const created = [];
    const newBlueprint = async () => {
      await vscode.commands.executeCommand('roleBlueprint.newBlueprint');
      const document = vscode.window.activeTextEditor?.document;
      assert.ok(document?.uri.scheme === 'untitled', 'an untitled blueprint is active');
      created.push(document);
      return document.uri.path;
    };
    try {
      const root = workspaceRoot();
      assert.equal(await newBlueprint(), vscode.Uri.joinPath(root, 'new-role.role.yaml').path);
      // The first one is open (unsaved): the next is numbered. An untitled file has no folder: the workspace's again.
      assert.equal(await newBlueprint(), vscode.Uri.joinPath(root, 'new-role-2.role.yaml').path);
      // With a saved file active, beside it.
      await openBlueprint(fixtureUri('smoke.role.yaml'));
      assert.equal(await newBlueprint(), vscode.Uri.joinPath(root, 'fixtures', 'new-role.role.yaml').path);
      assert.ok(created.every((document) => document.languageId === LANGUAGE_ID && document.getText().startsWith('blueprint: 1\nrole:\n')));
    } finally {
      for (const document of created) await closeWithoutSaving(document);
    }
    assert.deepEqual(created.map((document) => textTabOf(document.uri)), [undefined, undefined, undefined]);
  });

  test('Go to Definition: a scorecard_summary entry goes to the row it names; a career role to the role file with that title', async () => {
    const uri = exampleUri(LEAD);
    const { document } = await openBlueprint(uri);
    const summary = lineOf(document, 'scorecard_summary:');
    const cases = [
      ['    - Kubernetes', 'Kubernetes', '    - name: Containerization and orchestration (Docker, Kubernetes)', 'Containerization and orchestration (Docker, Kubernetes)'],
      ['    - Systems thinking', 'Systems thinking', '  - name: Systems thinking', 'Systems thinking'],
      ['    - Model lead time to production', 'Model lead time to production', '  - name: Model lead time to production', 'Model lead time to production'],
    ];
    for (const [entryLine, entry, rowLine, name] of cases) {
      const line = lineOf(document, entryLine, summary);
      const results = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, new vscode.Position(line, entryLine.indexOf(entry) + 2));
      assert.deepEqual(results.map(targetOf), [[uri.toString(), ...rangeOn(document, lineOf(document, rowLine), name)]], entry);
      // The client takes definition links: the result names the entry it came from.
      assert.deepEqual(at(results[0].originSelectionRange), rangeOn(document, line, entry));
    }

    // Career roles link role files of the workspace by role.title: this fixture's next role is the Lead example.
    const senior = fixtureUri('senior-mlops-engineer.role.yaml');
    const { document: seniorDocument } = await openBlueprint(senior);
    const nextRole = lineOf(seniorDocument, '    - Lead MLOps Engineer');
    const results = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', senior, new vscode.Position(nextRole, 8));
    assert.deepEqual(results.map(targetOf), [[uri.toString(), ...rangeOn(document, lineOf(document, '  title: Lead MLOps Engineer'), 'Lead MLOps Engineer')]]);
    // And back: the example's feeder role is that fixture.
    const feeder = lineOf(document, '    - Senior MLOps Engineer', lineOf(document, '  feeder_roles:'));
    const back = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', uri, new vscode.Position(feeder, 8));
    assert.deepEqual(back.map(targetOf), [[senior.toString(), ...rangeOn(seniorDocument, lineOf(seniorDocument, '  title: Senior MLOps Engineer'), 'Senior MLOps Engineer')]]);
    // An entry with a description goes where the career ladder links it: the Associate's next role to the MLOps Consultant example (not open).
    const associate = exampleUri('associate-mlops-consultant.role.yaml');
    const { document: associateDocument } = await openBlueprint(associate);
    const described = associateDocument.getText().split(/\r?\n/).findIndex((l) => l.includes('MLOps Consultant (mid-level): owns workstreams'));
    assert.ok(described >= 0, 'the Associate names its next role with a description');
    const onward = await vscode.commands.executeCommand('vscode.executeDefinitionProvider', associate, new vscode.Position(described, associateDocument.lineAt(described).text.indexOf('owns')));
    const consultant = exampleUri('mlops-consultant.role.yaml');
    assert.deepEqual(onward.map(targetOf), [[consultant.toString(), ...(await rangeInFile(consultant, '  title: MLOps Consultant', 'MLOps Consultant'))]]);
  });

  test('Find All References on a skill row lists the row and the scorecard_summary entries that name it', async () => {
    const uri = exampleUri(LEAD);
    const { document } = await openBlueprint(uri);
    const row = lineOf(document, '    - name: Containerization and orchestration (Docker, Kubernetes)');
    const summarySkills = lineOf(document, '  technical_skills:', lineOf(document, 'scorecard_summary:'));
    const expected = [
      [uri.toString(), ...rangeOn(document, row, 'Containerization and orchestration (Docker, Kubernetes)')],
      [uri.toString(), ...rangeOn(document, lineOf(document, '    - Kubernetes', summarySkills), 'Kubernetes')],
      [uri.toString(), ...rangeOn(document, lineOf(document, '    - Docker', summarySkills), 'Docker')],
    ];
    // From anywhere in the row (here its `importance:` line), as from the name.
    for (const position of [new vscode.Position(row, 20), new vscode.Position(row + 1, 8)]) {
      const locations = await vscode.commands.executeCommand('vscode.executeReferenceProvider', uri, position);
      assert.deepEqual(locations.map((l) => [l.uri.toString(), ...at(l.range)]).sort(byPosition), expected);
    }
  });

  test('Go to Symbol in Workspace finds a role by its title, and the rows of other files', async () => {
    const lead = exampleUri(LEAD);
    const symbols = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'Lead MLOps Engineer');
    const roles = symbols.filter((s) => s.kind === vscode.SymbolKind.Class);
    assert.deepEqual(
      roles.map((s) => [s.name, s.containerName, s.location.uri.toString(), ...at(s.location.range)]),
      [['Lead MLOps Engineer', 'role', lead.toString(), ...(await rangeInFile(lead, '  title: Lead MLOps Engineer', 'Lead MLOps Engineer'))]],
    );
    assert.equal(symbols[0], roles[0], 'the exact title ranks first');

    // A KPI of the Associate example, found by part of its name.
    const associate = exampleUri('associate-mlops-consultant.role.yaml');
    const kpis = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'time to acknowledge');
    const name = 'Mean time to acknowledge (MTTA) for pipeline alerts';
    assert.deepEqual(
      kpis.filter((s) => s.location.uri.toString() === associate.toString()).map((s) => [s.name, s.kind, s.containerName, ...at(s.location.range)]),
      [[name, vscode.SymbolKind.Number, 'KPI · Associate MLOps Consultant', ...(await rangeInFile(associate, `  - name: ${name}`, name))]],
    );
  });

  test('Go to Symbol in Workspace names an untitled blueprint without a title as its tab does, without the untitled: scheme', async () => {
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: 'blueprint: 1\nkpis:\n  - name: Zebra crossing uptime\n' });
    try {
      assert.equal(document.uri.scheme, 'untitled');
      const found = await waitFor(async () => {
        const symbols = await vscode.commands.executeCommand('vscode.executeWorkspaceSymbolProvider', 'Zebra crossing');
        return symbols.find((s) => s.location.uri.toString() === document.uri.toString());
      }, 'the untitled file\'s KPI among the workspace symbols');
      assert.deepEqual([found.name, found.containerName], ['Zebra crossing uptime', `KPI · ${document.uri.path}`]);
      assert.ok(!document.uri.path.includes('/'), `${document.uri.toString()} has no path segments, as the case it covers`);
    } finally {
      await closeWithoutSaving(document);
    }
  });

  test('each section folds from its key to its last line', async () => {
    const uri = exampleUri(LEAD);
    const { document } = await openBlueprint(uri);
    const lines = document.getText().split(/\r?\n/);
    // A top-level block runs to the last non-blank line before the next top-level line (key or comment).
    const expected = [];
    lines.forEach((text, line) => {
      if (!/^[a-z_]+:/.test(text)) return;
      let next = line + 1;
      while (next < lines.length && !/^\S/.test(lines[next])) next++;
      let end = next - 1;
      while (end > line && lines[end].trim() === '') end--;
      if (end > line) expected.push([line, end]);
    });
    const keys = expected.map(([line]) => /^([a-z_]+):/.exec(lines[line])[1]);
    assert.deepEqual(keys, ['role', ...SECTION_KEYS, 'notes'], 'every section of the example is a block of lines');
    const ranges = await vscode.commands.executeCommand('vscode.executeFoldingRangeProvider', uri);
    const topLevel = ranges.filter((r) => /^[a-z_]+:/.test(lines[r.start])).map((r) => [r.start, r.end]);
    assert.deepEqual(topLevel, expected);
    // Inside a section, its groups fold too.
    const strategic = lineOf(document, '  strategic:', lineOf(document, 'responsibilities:'));
    assert.ok(ranges.some((r) => r.start === strategic && r.end === lineOf(document, '  operational:', strategic) - 1), 'the strategic group folds');
  });

  test('semantic tokens mark the 20 section keys and the enum values', async () => {
    const uri = exampleUri(LEAD);
    const { document } = await openBlueprint(uri);
    const legend = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokensLegend', uri);
    const tokens = await vscode.commands.executeCommand('vscode.provideDocumentSemanticTokens', uri);
    assert.ok(legend && tokens, 'the extension provides semantic tokens');
    const decoded = [];
    for (let i = 0, line = 0, start = 0; i < tokens.data.length; i += 5) {
      const [deltaLine, deltaStart, length, type] = tokens.data.slice(i, i + 4);
      line += deltaLine;
      start = deltaLine === 0 ? start + deltaStart : deltaStart;
      decoded.push({ type: legend.tokenTypes[type], line, start, length, text: document.lineAt(line).text.slice(start, start + length) });
    }
    const sections = decoded.filter((t) => t.type === 'roleBlueprintSection');
    assert.deepEqual(
      sections.map((t) => [t.text, t.line, t.start]),
      SECTION_KEYS.map((key) => [key, document.getText().split('\n').findIndex((l) => l.startsWith(`${key}:`)), 0]),
    );
    const enums = decoded.filter((t) => t.type === 'roleBlueprintEnum');
    assert.deepEqual(decoded.filter((t) => t.type !== 'roleBlueprintSection' && t.type !== 'roleBlueprintEnum'), []);
    const level = lineOf(document, '  level: lead');
    assert.deepEqual(enums[0] && [enums[0].text, enums[0].line, enums[0].start], ['lead', level, '  level: '.length]);
    const importance = lineOf(document, '      importance: critical');
    assert.ok(enums.some((t) => t.line === importance && t.text === 'critical' && t.start === '      importance: '.length), 'an importance value');
    // Only values of the schema's enums: a free-text value of an enum key is not marked.
    for (const token of enums) assert.match(document.lineAt(token.line).text, new RegExp(`\\b(level|employment_type|unit|importance|prevalence): +['"]?${token.text}['"]?\\s*$`));
  });

  test('kpi.frequency-unknown: the quick fix writes the cadence it names and the finding goes away', async () => {
    const uri = await scratchCopy('kpi-frequency.role.yaml');
    const { document } = await openBlueprint(uri);
    const weekley = lineOf(document, '    frequency: Weekley');
    const findings = (await diagnosticsWhen(uri, (all) => all.filter((d) => codeOf(d) === 'kpi.frequency-unknown').length === 2, 'two kpi.frequency-unknown findings'))
      .filter((d) => codeOf(d) === 'kpi.frequency-unknown');
    const finding = findings.find((d) => d.range.start.line === weekley);
    assert.ok(finding, findings.map((d) => d.range.start.line).join(', '));
    assert.deepEqual(at(finding.range), rangeOn(document, weekley, 'Weekley'));
    assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.match(finding.message, /"Weekley" of KPI "Service availability".*Did you mean "Weekly"\?/);

    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === 'Change to "Weekly"');
    assert.ok(fix, `the fix among: ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(fix.isPreferred, 'the fix is the preferred one (Auto Fix)');
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.equal(document.lineAt(weekley).text, '    frequency: Weekly');
    const montly = lineOf(document, '    frequency: Montly');
    const after = await diagnosticsWhen(uri, (all) => all.filter((d) => codeOf(d) === 'kpi.frequency-unknown').length === 1, 'the fixed finding to go');
    assert.deepEqual(after.filter((d) => codeOf(d) === 'kpi.frequency-unknown').map((d) => at(d.range)), [rangeOn(document, montly, 'Montly')]);
  });

  test('roleBlueprint.rules applies live: a rule set to error, then off, then back to its default', async () => {
    const uri = await scratchCopy('kpi-frequency.role.yaml');
    await openBlueprint(uri);
    const isFrequency = (d) => codeOf(d) === 'kpi.frequency-unknown';
    const frequencyFindings = (all) => all.filter(isFrequency);
    const before = await diagnosticsWhen(uri, (all) => frequencyFindings(all).length === 2, 'two kpi.frequency-unknown findings');
    const others = before.filter((d) => !isFrequency(d)).map(codeOf).sort();
    assert.ok(others.includes('posting.no-section'), `other findings: ${others.join(', ')}`);
    assert.ok(frequencyFindings(before).every((d) => d.severity === vscode.DiagnosticSeverity.Warning));

    const configuration = () => vscode.workspace.getConfiguration('roleBlueprint');
    try {
      await configuration().update('rules', { 'kpi.frequency-unknown': 'error' }, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(uri, (all) => frequencyFindings(all).length === 2 && frequencyFindings(all).every((d) => d.severity === vscode.DiagnosticSeverity.Error), 'the findings to become errors');

      await configuration().update('rules', { 'kpi.frequency-unknown': 'off' }, vscode.ConfigurationTarget.Workspace);
      const off = await diagnosticsWhen(uri, (all) => frequencyFindings(all).length === 0, 'the findings to go');
      // Only that rule is silenced: the file is still checked.
      assert.deepEqual(off.map(codeOf).sort(), others);
    } finally {
      await configuration().update('rules', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const restored = await diagnosticsWhen(uri, (all) => frequencyFindings(all).length === 2, 'the findings to come back');
    assert.ok(frequencyFindings(restored).every((d) => d.severity === vscode.DiagnosticSeverity.Warning), 'back at their default severity');
    assert.deepEqual(restored.filter((d) => !isFrequency(d)).map(codeOf).sort(), others);
  });

  test('roleBlueprint.validate off clears every finding of the open file live; on brings them back', async () => {
    const uri = fixtureUri('typo.role.yaml');
    await openBlueprint(uri);
    const before = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'schema.unknown-key'), 'the unknown-key error');
    const configuration = () => vscode.workspace.getConfiguration('roleBlueprint');
    try {
      await configuration().update('validate', false, vscode.ConfigurationTarget.Workspace);
      await diagnosticsWhen(uri, (all) => all.length === 0, 'no diagnostics with validation off');
    } finally {
      await configuration().update('validate', undefined, vscode.ConfigurationTarget.Workspace);
    }
    const after = await diagnosticsWhen(uri, (all) => all.length === before.length, 'the diagnostics to come back');
    assert.deepEqual(after.map((d) => [codeOf(d), ...at(d.range)]), before.map((d) => [codeOf(d), ...at(d.range)]));
  });

  // NEW (review round): roleBlueprint.catalogs was tested through the LSP only, with the file
  // events sent by the test; here VS Code's own watchers deliver them (the server's registered
  // watcher inside the workspace, the client's for a file outside it).
  for (const [where, catalogAt, settingOf] of [
    ['a workspace catalog named by a relative path', () => vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'catalogs', 'team.yaml'), () => 'scratch/catalogs/team.yaml'],
    ['a catalog outside the workspace named by an absolute path', () => vscode.Uri.joinPath(workspaceRoot(), '..', 'outside-team-catalog.yaml'), (uri) => uri.fsPath],
  ]) {
    test(`roleBlueprint.catalogs: ${where} adds its KPI names to completion; an edit of the file on disk applies without a restart`, async () => {
      const catalog = catalogAt();
      const writeCatalog = (name) => vscode.workspace.fs.writeFile(catalog, new TextEncoder().encode(`kpis:\n  - name: ${name}\n    measures: Share of time the herd is up\n`));
      await writeCatalog('Zebra uptime ratio');
      const uri = await scratchCopy('kpi-frequency.role.yaml');
      const { document } = await openBlueprint(uri);
      // A new KPI row at the end of the file; completion at the end of its name.
      const row = document.lineCount - 1;
      assert.equal(document.lineAt(row).text, '', 'the fixture ends with a newline');
      const typeName = async (prefix) => {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri, document.lineAt(row).range, `  - name: ${prefix}`);
        assert.ok(await vscode.workspace.applyEdit(edit));
        return new vscode.Position(row, `  - name: ${prefix}`.length);
      };
      const labels = async (position) => (await complete(uri, position)).map(labelOf);
      const configuration = () => vscode.workspace.getConfiguration('roleBlueprint');
      try {
        let position = await typeName('Zeb');
        assert.ok(!(await labels(position)).includes('Zebra uptime ratio'), 'not offered before the setting names the catalog');
        await configuration().update('catalogs', [settingOf(catalog)], vscode.ConfigurationTarget.Workspace);
        await waitFor(async () => (await labels(position)).includes('Zebra uptime ratio'), 'the catalog KPI in completion', 20000, 200);

        await writeCatalog('Yak herd availability');
        position = await typeName('Yak');
        await waitFor(async () => (await labels(position)).includes('Yak herd availability'), 'the edited catalog KPI in completion', 20000, 200);
        // Asked where it would be offered: after "Zeb", as before the edit.
        position = await typeName('Zeb');
        assert.ok(!(await labels(position)).includes('Zebra uptime ratio'), 'the name edited away is no longer offered');
      } finally {
        await configuration().update('catalogs', undefined, vscode.ConfigurationTarget.Workspace);
        await closeWithoutSaving(document);
        await vscode.workspace.fs.delete(catalog).then(undefined, () => {});
      }
    });
  }

  test('Open Preview opens in the editor\'s own group; a locked preview keeps its file while an unlocked one follows the editor', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const smoke = fixtureUri('smoke.role.yaml');
    const { editor } = await openBlueprint(smoke);
    await vscode.commands.executeCommand('roleBlueprint.openPreview');
    const tab = await previewTab('Preview smoke.role.yaml');
    assert.equal(vscode.window.tabGroups.all.length, 1, 'no group beside');
    assert.equal(tab.group.viewColumn, editor.viewColumn);
    assert.ok(tab.isActive, 'the preview is the active tab of the group');

    // The lock shows in the title: "[Preview] file" is locked, "Preview file" follows the editor.
    await vscode.commands.executeCommand('roleBlueprint.togglePreviewLock');
    await previewTab('[Preview] smoke.role.yaml');
    await vscode.commands.executeCommand('roleBlueprint.togglePreviewLock');
    await previewTab('Preview smoke.role.yaml');
    await vscode.commands.executeCommand('roleBlueprint.togglePreviewLock');
    await previewTab('[Preview] smoke.role.yaml');
    assert.equal(previewTabs().length, 1);

    // With the only preview locked, Open Preview on another blueprint opens a second, unlocked one.
    await openBlueprint(fixtureUri('typo.role.yaml'));
    await vscode.commands.executeCommand('roleBlueprint.openPreview');
    await previewTab('Preview typo.role.yaml');
    // Another blueprint becomes active: the unlocked preview follows it, the locked one stays.
    await openBlueprint(fixtureUri('unformatted.role.yaml'));
    await previewTab('Preview unformatted.role.yaml');
    assert.deepEqual(previewTabs().map((t) => t.label).sort(), ['Preview unformatted.role.yaml', '[Preview] smoke.role.yaml']);
    assert.ok(vscode.window.tabGroups.all.length === 1 && previewTabs().every((t) => t.group.viewColumn === editor.viewColumn), 'both previews in the editors\' group');
    await vscode.window.tabGroups.close(previewTabs());
  });

  // Organisation schemas were tested through the LSP only, with the file events sent by the test.
  test('roleBlueprint.schemas: an organisation schema adds its rules to the files its glob names, an edit of it on disk applies without a restart; a # $schema line names one too', async () => {
    const schemasFolder = vscode.Uri.joinPath(workspaceRoot(), 'scratch', 'schemas');
    const writeSchema = (name, levels) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(schemasFolder, name), new TextEncoder().encode(JSON.stringify({ properties: { role: { properties: { level: { enum: levels } } } } })));
    // The fixture's role is senior: the organisation's schema first allows only lead and principal.
    await writeSchema('levels.schema.json', ['lead', 'principal']);
    const uri = await scratchCopy('kpi-frequency.role.yaml', { as: 'org-levels.role.yaml' });
    const { document } = await openBlueprint(uri);
    const onLevel = (all) => {
      const line = lineOf(document, '  level: senior');
      return all.filter((d) => codeOf(d).startsWith('schema.') && d.range.start.line === line);
    };
    const builtIn = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'kpi.frequency-unknown'), 'the built-in findings');
    assert.deepEqual(onLevel(builtIn), [], 'the built-in schema allows any level');
    const configuration = () => vscode.workspace.getConfiguration('roleBlueprint');
    try {
      await configuration().update('schemas', { 'scratch/org-*.role.yaml': './scratch/schemas/levels.schema.json' }, vscode.ConfigurationTarget.Workspace);
      const strict = await diagnosticsWhen(uri, (all) => onLevel(all).length === 1, 'the organisation schema finding on role.level');
      const [finding] = onLevel(strict);
      assert.equal(finding.severity, vscode.DiagnosticSeverity.Error);
      assert.match(finding.message, /lead/, finding.message);
      assert.deepEqual(strict.filter((d) => d !== finding).map(codeOf).sort(), builtIn.map(codeOf).sort(), 'the built-in findings stay');

      await writeSchema('levels.schema.json', ['senior', 'lead']);
      await diagnosticsWhen(uri, (all) => onLevel(all).length === 0 && all.some((d) => codeOf(d) === 'kpi.frequency-unknown'), 'the finding to go once the schema file allows senior', 20000);
    } finally {
      await configuration().update('schemas', undefined, vscode.ConfigurationTarget.Workspace);
    }
    // Without the setting, a modeline names the schema of its own file (relative to the file).
    await writeSchema('principal.schema.json', ['principal']);
    const modeline = new vscode.WorkspaceEdit();
    modeline.insert(uri, new vscode.Position(0, 0), '# $schema: ./schemas/principal.schema.json\n');
    assert.ok(await vscode.workspace.applyEdit(modeline));
    await diagnosticsWhen(uri, (all) => onLevel(all).length === 1, 'the modeline schema finding on role.level');
    // One it cannot use is a finding on the modeline, with the reason.
    const missing = new vscode.WorkspaceEdit();
    missing.replace(uri, document.lineAt(0).range, '# $schema: ./schemas/missing.schema.json');
    assert.ok(await vscode.workspace.applyEdit(missing));
    const unusable = await diagnosticsWhen(uri, (all) => all.some((d) => codeOf(d) === 'schema.org-schema'), 'a schema.org-schema finding');
    const problem = unusable.find((d) => codeOf(d) === 'schema.org-schema');
    assert.deepEqual(at(problem.range), [0, 0, 0, document.lineAt(0).text.length]);
    assert.match(problem.message, /missing\.schema\.json cannot be used/);
    assert.deepEqual(onLevel(unusable), []);
    await closeWithoutSaving(document);
    await vscode.workspace.fs.delete(schemasFolder, { recursive: true }).then(undefined, () => {});
  });

  test('Show Output reveals the Role Blueprint log', async () => {
    // The output view shows a channel as an editor on an `output:` document named after it.
    const isLog = (document) => document.uri.scheme === 'output' && /Role Blueprint/.test(decodeURIComponent(document.uri.toString()));
    const shownLog = () => vscode.window.visibleTextEditors.find((editor) => isLog(editor.document));
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await untilEvent(vscode.window.onDidChangeVisibleTextEditors, () => !shownLog(), 'the panel to close');
    await vscode.commands.executeCommand('roleBlueprint.showOutput');
    const shown = await untilEvent(vscode.window.onDidChangeVisibleTextEditors, shownLog, 'the Role Blueprint output to show');
    // The channel's text may arrive after its editor shows.
    await waitFor(() => /Activated in \d+(\.\d+)? ms/.test(shown.document.getText()), 'the activation line in the Role Blueprint output');
    await vscode.commands.executeCommand('workbench.action.closePanel');
  });

  test('Import from HTML/WordPress writes the role file beside the post, opens it, with the post\'s role and no errors', async () => {
    const seeds = vscode.Uri.joinPath(workspaceRoot(), 'seeds');
    const seed = 'lead-mlops-engineer.wp.json';
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(seeds, seed)).then(undefined, () => {
      assert.fail(`${seeds.fsPath}/${seed} is missing: prepareWorkspace (scripts/code-server.mjs) copies the real posts from ../shared/seeds/*.wp.json beside the repository`);
    });
    const post = await scratchCopy(seed, { from: 'seeds' });
    await vscode.commands.executeCommand('roleBlueprint.importBlueprint', post);
    // Written beside the post: `x.wp.json` → `x.role.yaml`.
    const target = vscode.Uri.joinPath(post, '..', baseName(post).replace(/\.wp\.json$/, '.role.yaml'));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), target.toString(), 'the imported blueprint is the active editor');
    const text = await readText(target);
    assert.equal(vscode.window.activeTextEditor.document.getText(), text);
    // The post's title is "Lead MLOps Engineer: Role Blueprint, Responsibilities, …": the role is its first part.
    assert.match(text, /^role:\n {2}title: Lead MLOps Engineer\n/m);
    // The same file the CLI imports from this post: the example in the workspace is exactly that.
    assert.equal(text, await readText(exampleUri(LEAD)));
    // The server checks it: the post's known warnings, and no error.
    const diagnostics = await diagnosticsWhen(target, (all) => all.filter((d) => codeOf(d) === 'kpi.target-not-measurable').length === 3, 'the imported blueprint\'s warnings', 20000);
    assert.deepEqual(errorsOf(diagnostics).map((d) => `${d.range.start.line}: ${codeOf(d)} ${d.message}`), []);
  });
});
