import * as assert from 'assert';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { Diagnostic, DocumentDiagnosticReport, DocumentSymbol, FoldingRange, Location, LocationLink, WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { createLanguageService } from '../../server/src/core';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './client';

const FIXTURES = join(__dirname, 'fixtures', 'workspace');
const FOLDER_URI = pathToFileURL(FIXTURES).href;
const LEAD_PATH = join(FIXTURES, 'roles', 'lead-mlops-engineer.role.yaml');
const LEAD_TEXT = readFileSync(LEAD_PATH, 'utf8');
const PRINCIPAL_URI = pathToFileURL(join(FIXTURES, 'roles', 'principal-mlops-engineer.role.yaml')).href;
/** A role file in the fixture folder that exists only in the editor. */
const DRAFT_URI = pathToFileURL(join(FIXTURES, 'roles', 'draft.role.yaml')).href;

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code));

/** Where `needle` is in `text`, as an LSP range on one line. */
function rangeOf(text: string, needle: string, from = 0) {
  const at = text.indexOf(needle, from);
  assert.ok(at !== -1, `"${needle}" not in the text`);
  const before = text.slice(0, at);
  const line = before.split('\n').length - 1;
  const character = at - (before.lastIndexOf('\n') + 1);
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

const BROKEN_LEVEL = 'blueprint: 1\nrole:\n  title: Draft Role\n  level: wizard\n';

suite('LSP server in process (push diagnostics)', () => {
  let client: TestClient;

  setup(async () => {
    client = TestClient.inProcess();
    const indexed = client.statuses.next((s) => s.quiescent);
    const result = await client.initialize(PUSH_CAPABILITIES, [FOLDER_URI]);
    assert.strictEqual(result.capabilities.diagnosticProvider, undefined, 'no pull diagnostics for a client that cannot pull');
    assert.deepStrictEqual(result.capabilities.textDocumentSync, { openClose: true, change: 2 });
    await indexed;
  });

  teardown(async () => {
    await client.shutdown();
  });

  test('didOpen publishes diagnostics; an incremental didChange publishes the new ones', async () => {
    const first = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, BROKEN_LEVEL);
    const opened = await first;
    assert.strictEqual(opened.version, 1);
    const level = opened.diagnostics.find((d) => d.code === 'schema.enum');
    assert.ok(level, `schema.enum expected, got ${codes(opened.diagnostics).join(', ')}`);
    assert.deepStrictEqual(level.range, rangeOf(BROKEN_LEVEL, 'wizard'));

    // Replace "wizard" with "senior": the error goes away in version 2.
    const second = client.nextDiagnostics(DRAFT_URI, 2);
    client.change(DRAFT_URI, [{ range: rangeOf(BROKEN_LEVEL, 'wizard'), text: 'senior' }]);
    const changed = await second;
    assert.ok(!codes(changed.diagnostics).includes('schema.enum'), codes(changed.diagnostics).join(', '));

    // A YAML syntax error typed in the middle: reported at once, on its line.
    const third = client.nextDiagnostics(DRAFT_URI, 3);
    client.change(DRAFT_URI, [{ range: { start: { line: 2, character: 9 }, end: { line: 2, character: 9 } }, text: ': [' }]);
    const broken = await third;
    assert.ok(codes(broken.diagnostics).some((c) => c.startsWith('yaml.')), codes(broken.diagnostics).join(', '));

    const cleared = client.nextDiagnostics(DRAFT_URI);
    client.close(DRAFT_URI);
    assert.deepStrictEqual((await cleared).diagnostics, []);
  });

  test('back-to-back changes are coalesced: only the last version is published', async () => {
    const opened = client.nextDiagnostics(DRAFT_URI, 1);
    client.open(DRAFT_URI, BROKEN_LEVEL);
    await opened;
    const last = client.nextDiagnostics(DRAFT_URI, 4);
    const at = { start: { line: 4, character: 0 }, end: { line: 4, character: 0 } };
    assert.strictEqual(client.changeBurst(DRAFT_URI, [[{ range: at, text: 'summary: a\n' }], [{ range: at, text: 'mission: b\n' }], [{ range: at, text: '# c\n' }]]), 4);
    const published = await last;
    assert.ok(!codes(published.diagnostics).includes('yaml.syntax'));
    const versions = client.diagnostics.all.filter((d) => d.uri === DRAFT_URI).map((d) => d.version);
    assert.deepStrictEqual(versions, [1, 4]);
  });

  test('documents that are not role files are ignored; *.role.yaml is a role file whatever its language id', async () => {
    const plainUri = pathToFileURL(join(FIXTURES, 'plain.yaml')).href;
    client.open(plainUri, 'level: wizard\n', 'yaml');
    const roleAsYaml = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, BROKEN_LEVEL, 'yaml');
    assert.ok(codes((await roleAsYaml).diagnostics).includes('schema.enum'));
    assert.ok(!client.diagnostics.all.some((d) => d.uri === plainUri), 'a plain YAML file gets no diagnostics');
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: plainUri } }), []);
  });

  test('document symbols: the role header, numbered sections, groups and named rows with exact ranges', async () => {
    const opened = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, LEAD_TEXT);
    await opened;
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: DRAFT_URI } });
    assert.deepStrictEqual(
      symbols.map((s) => s.name),
      ['blueprint', 'Lead MLOps Engineer', '1. Role Summary', '3. Core Responsibilities', '7. KPIs and Productivity Metrics', '8. Technical Skills', '10. Tools, Platforms, and Software', '15. Career Path and Progression', '19. Hiring Evaluation Criteria', '20. Final Role Scorecard Summary'],
    );
    const kpis = symbols[4];
    assert.deepStrictEqual(kpis.selectionRange, rangeOf(LEAD_TEXT, 'kpis'));
    assert.deepStrictEqual(kpis.range, { start: rangeOf(LEAD_TEXT, 'kpis:').start, end: rangeOf(LEAD_TEXT, '"< 10 days"').end });
    assert.deepStrictEqual(kpis.children?.map((c) => [c.name, c.detail]), [['Deployment success rate', '>= 95%'], ['Model lead time', '< 10 days']]);
    assert.deepStrictEqual(kpis.children?.[0].selectionRange, rangeOf(LEAD_TEXT, 'Deployment success rate'));
    const skills = symbols[5].children?.[0];
    assert.deepStrictEqual([skills?.name, skills?.children?.map((c) => c.name)], ['must_have', ['Kubernetes and container orchestration', 'Python for production ML workflows']]);
  });

  test('folding ranges per section, group and row', async () => {
    const opened = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, LEAD_TEXT);
    await opened;
    const ranges = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: DRAFT_URI } });
    const kpisLine = rangeOf(LEAD_TEXT, 'kpis:').start.line;
    assert.ok(ranges.some((r) => r.startLine === kpisLine && r.endLine === kpisLine + 5), JSON.stringify(ranges));
    assert.ok(ranges.some((r) => r.startLine === kpisLine + 1 && r.endLine === kpisLine + 3), 'the first KPI row folds');
  });

  test('definition: summary entry → the item it names; career role → the role file indexed from disk', async () => {
    const opened = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, LEAD_TEXT);
    await opened;
    const summaryKubernetes = rangeOf(LEAD_TEXT, 'Kubernetes', LEAD_TEXT.indexOf('scorecard_summary'));
    const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: DRAFT_URI }, position: summaryKubernetes.start });
    assert.deepStrictEqual(links.map((l) => [l.targetUri, l.targetSelectionRange]), [[DRAFT_URI, rangeOf(LEAD_TEXT, 'Kubernetes and container orchestration')]]);
    assert.deepStrictEqual(links[0].originSelectionRange, summaryKubernetes);

    const nextRole = rangeOf(LEAD_TEXT, 'Principal MLOps Engineer');
    const roleLinks = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: DRAFT_URI }, position: nextRole.start });
    const principalText = readFileSync(new URL(PRINCIPAL_URI), 'utf8');
    assert.deepStrictEqual(roleLinks.map((l) => [l.targetUri, l.targetSelectionRange]), [[PRINCIPAL_URI, rangeOf(principalText, 'Principal MLOps Engineer')]]);

    const refs = await client.request<Location[]>('textDocument/references', { textDocument: { uri: DRAFT_URI }, position: rangeOf(LEAD_TEXT, 'Kubernetes and container orchestration').start, context: { includeDeclaration: false } });
    assert.deepStrictEqual(refs, [{ uri: DRAFT_URI, range: summaryKubernetes }]);
  });

  test('workspace symbols: titles and rows of files on disk and open documents', async () => {
    const opened = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, 'blueprint: 1\nrole:\n  title: Staff Data Engineer\n');
    await opened;
    const adoption = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'adoption' });
    assert.deepStrictEqual(adoption.map((s) => [s.name, s.location.uri]), [['Platform adoption rate', PRINCIPAL_URI]]);
    const titles = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'engineer' });
    assert.deepStrictEqual(titles.map((s) => s.name).sort(), ['Lead MLOps Engineer', 'Principal MLOps Engineer', 'Staff Data Engineer']);
  });

  test('settings changes apply live: rules and validate re-check open documents', async () => {
    const opened = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, BROKEN_LEVEL);
    const before = await opened;
    assert.strictEqual(before.diagnostics.find((d) => d.code === 'schema.enum')?.severity, 1);

    client.settings = { rules: { 'schema.enum': 'warning' } };
    const downgraded = client.nextDiagnostics(DRAFT_URI);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.strictEqual((await downgraded).diagnostics.find((d) => d.code === 'schema.enum')?.severity, 2);

    client.settings = { validate: false };
    const none = client.nextDiagnostics(DRAFT_URI);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepStrictEqual((await none).diagnostics, []);

    client.settings = { validate: 'yes', maxFileSize: -3 };
    const back = client.nextDiagnostics(DRAFT_URI);
    const warned = client.statuses.next((s) => s.health === 'warning');
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.ok(codes((await back).diagnostics).includes('schema.enum'), 'bad values fall back to the defaults');
    assert.match((await warned).message ?? '', /roleBlueprint\.validate should be true or false/);
  });

  test('organisation schema by modeline; a broken schema is a diagnostic on the modeline', async () => {
    const withAcme = '# $schema: ../schemas/acme.schema.json\nblueprint: 1\nrole:\n  title: Draft Role\n';
    const opened = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, withAcme);
    const required = (await opened).diagnostics.find((d) => d.code === 'schema.required');
    assert.ok(required, 'acme.schema.json requires role.level');
    assert.deepStrictEqual(required.range, rangeOf(withAcme, 'role'));

    for (const [file, reason] of [
      ['broken.json', /not valid JSON/],
      ['not-a-schema.json', /not a valid JSON Schema/],
      ['missing.json', /does not exist/],
    ] as const) {
      const text = `# $schema: ../schemas/${file}\nblueprint: 1\nrole:\n  title: Draft Role\n`;
      const next = client.nextDiagnostics(DRAFT_URI);
      const version = client.change(DRAFT_URI, [{ text }]);
      const published = await next;
      assert.strictEqual(published.version, version);
      const problem = published.diagnostics.find((d) => d.code === 'schema.org-schema');
      assert.ok(problem, `${file}: ${codes(published.diagnostics).join(', ')}`);
      assert.deepStrictEqual(problem.range, rangeOf(text, `# $schema: ../schemas/${file}`));
      assert.match(String(problem.message), new RegExp(`\\.\\./schemas/${file.replace('.', '\\.')}`));
      assert.match(String(problem.message), reason);
    }
  });

  test('malformed params and garbage edits: the server keeps answering', async () => {
    const opened = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, LEAD_TEXT);
    await opened;
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', {}), []);
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: 42 } }), []);
    assert.deepStrictEqual(await client.request('textDocument/definition', { textDocument: { uri: DRAFT_URI }, position: { line: -1, character: 'x' } }), []);
    assert.deepStrictEqual(await client.request('textDocument/references', { textDocument: { uri: DRAFT_URI } }), []);
    assert.deepStrictEqual(await client.request('textDocument/foldingRange', { textDocument: null }), []);
    assert.deepStrictEqual(await client.request('workspace/symbol', { query: 17 }), []);
    assert.strictEqual(await client.request('roleBlueprint/render', { uri: DRAFT_URI, format: 'pdf' }), null);
    assert.strictEqual(await client.request('roleBlueprint/documentStatus', {}), null);
    await assert.rejects(client.request('roleBlueprint/import', { source: 'just text' }), /Nothing to import/);

    // Edits far outside the text, reversed ranges, binary junk: applied as the text library clamps them.
    client.change(DRAFT_URI, [{ range: { start: { line: 9999, character: 9999 }, end: { line: 0, character: 0 } }, text: '\u0000\uffff' }]);
    client.change(DRAFT_URI, [{ range: { start: { line: 3, character: 500 }, end: { line: 3, character: 2 } }, text: ':\n- [' }]);
    const last = client.nextDiagnostics(DRAFT_URI, 4);
    client.change(DRAFT_URI, [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\t\t{{{{' }]);
    await last;
    const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri: DRAFT_URI } });
    assert.ok(Array.isArray(symbols));
    const status = await client.request<{ version: number } | null>('roleBlueprint/documentStatus', { uri: DRAFT_URI });
    assert.strictEqual(status?.version, 4);

    // Notifications the text library cannot apply: rejected one by one, the document keeps its last good state.
    for (const params of [
      { textDocument: { uri: DRAFT_URI, version: 5 }, contentChanges: null },
      { textDocument: { uri: DRAFT_URI, version: 5 }, contentChanges: [{ range: 'x', text: 5 }] },
      { textDocument: null },
      { textDocument: { uri: DRAFT_URI, version: 5 }, contentChanges: [{ range: { start: { line: 'a' }, end: null }, text: 'zz' }] },
    ]) {
      await client.connection.sendNotification('textDocument/didChange', params);
    }
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: null });
    await client.connection.sendNotification('textDocument/didClose', {});
    assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: DRAFT_URI } }), symbols);
  });

  test('completion and hover come from the core; catalogs named in settings are read, and their problems published', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rb-catalog-'));
    try {
      const catalogFile = join(root, 'team-catalog.yaml');
      writeFileSync(catalogFile, 'kpis:\n  - name: Zebra uptime ratio\n    measures: Share of time the zebras are up\n  - nme: bad row\n');
      const catalogUri = pathToFileURL(catalogFile).href;
      const published = client.diagnostics.next((d) => d.uri === catalogUri);
      client.settings = { catalogs: [catalogFile] };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepStrictEqual(codes((await published).diagnostics).sort(), ['catalog.missing-name', 'catalog.unknown-field']);

      const text = 'blueprint: 1\nrole:\n  title: Draft Role\nkpis:\n  - name: Zeb\n';
      const opened = client.nextDiagnostics(DRAFT_URI);
      client.open(DRAFT_URI, text);
      await opened;
      const list = await client.request<{ items: { label: string }[] }>('textDocument/completion', { textDocument: { uri: DRAFT_URI }, position: { line: 4, character: 13 } });
      assert.ok(list.items.some((i) => i.label === 'Zebra uptime ratio'), list.items.map((i) => i.label).join(', '));
      const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri: DRAFT_URI }, position: { line: 1, character: 1 } });
      assert.match(hover?.contents.value ?? '', /\*\*Role\*\*/);
      assert.strictEqual(await client.request('textDocument/hover', { textDocument: { uri: DRAFT_URI }, position: null }), null);

      // A catalog no longer named in the settings: its problems are cleared.
      const cleared = client.diagnostics.next((d) => d.uri === catalogUri);
      client.settings = {};
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepStrictEqual((await cleared).diagnostics, []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  test('roleBlueprint/documentStatus and roleBlueprint/render', async () => {
    const opened = client.nextDiagnostics(DRAFT_URI);
    client.open(DRAFT_URI, BROKEN_LEVEL);
    const diagnostics = (await opened).diagnostics;
    const status = await client.request<{ sectionsPresent: number; sectionsTotal: number; missing: string[]; errors: number; warnings: number }>('roleBlueprint/documentStatus', { uri: DRAFT_URI });
    assert.strictEqual(status.sectionsTotal, 20);
    assert.strictEqual(status.sectionsPresent, 0);
    assert.strictEqual(status.missing.length, 20);
    assert.strictEqual(status.errors, diagnostics.filter((d) => d.severity === 1).length);
    assert.strictEqual(status.warnings, diagnostics.filter((d) => d.severity === 2).length);
    const rendered = await client.request<{ content: string; title: string; version: number }>('roleBlueprint/render', { uri: DRAFT_URI, format: 'markdown' });
    assert.strictEqual(rendered.title, 'Draft Role');
    assert.strictEqual(rendered.version, 1);
    assert.match(rendered.content, /Draft Role/);
  });
});

suite('LSP server in process (pull diagnostics)', () => {
  let client: TestClient;

  setup(async () => {
    client = TestClient.inProcess();
    const indexed = client.statuses.next((s) => s.quiescent);
    const result = await client.initialize(PULL_CAPABILITIES, [FOLDER_URI]);
    await indexed;
    assert.deepStrictEqual(result.capabilities.diagnosticProvider, { identifier: 'role-blueprint', interFileDependencies: false, workspaceDiagnostics: false });
  });

  teardown(async () => {
    await client.shutdown();
  });

  test('textDocument/diagnostic answers full then unchanged reports, and nothing is pushed', async () => {
    client.open(DRAFT_URI, BROKEN_LEVEL);
    const report = await client.request<DocumentDiagnosticReport & { resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: DRAFT_URI } });
    assert.strictEqual(report.kind, 'full');
    assert.ok(codes(report.items).includes('schema.enum'));
    const again = await client.request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri: DRAFT_URI }, previousResultId: report.resultId });
    assert.deepStrictEqual(again, { kind: 'unchanged', resultId: report.resultId });

    client.change(DRAFT_URI, [{ range: rangeOf(BROKEN_LEVEL, 'wizard'), text: 'senior' }]);
    const changed = await client.request<DocumentDiagnosticReport & { items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: DRAFT_URI }, previousResultId: report.resultId });
    assert.strictEqual(changed.kind, 'full');
    assert.ok(!codes(changed.items).includes('schema.enum'));
    assert.deepStrictEqual(client.diagnostics.all, [], 'a pull client gets no publishDiagnostics');
  });

  test('a new version with the same findings is reported unchanged; a version that changes them, in full', async () => {
    client.open(DRAFT_URI, BROKEN_LEVEL);
    type Report = DocumentDiagnosticReport & { resultId: string; items?: Diagnostic[] };
    const pull = (previousResultId?: string) => client.request<Report>('textDocument/diagnostic', { textDocument: { uri: DRAFT_URI }, previousResultId });
    const first = await pull();
    assert.strictEqual(first.kind, 'full');
    // A comment line added at the end moves no finding.
    const end = { line: 4, character: 0 };
    client.change(DRAFT_URI, [{ range: { start: end, end }, text: '# a note\n' }]);
    const same = await pull(first.resultId);
    assert.strictEqual(same.kind, 'unchanged');
    assert.notStrictEqual(same.resultId, first.resultId, 'a result id of the new version');
    // Asked without the last result id, the client gets them all.
    assert.deepStrictEqual((await pull()).items, first.items);
    client.change(DRAFT_URI, [{ range: rangeOf(BROKEN_LEVEL, 'wizard'), text: 'senior' }]);
    const changed = await pull(same.resultId);
    assert.strictEqual(changed.kind, 'full');
    assert.ok(!codes(changed.items ?? []).includes('schema.enum'));
    // A client that never got that report (cancelled) still shows the first one: the same
    // findings as the report it missed are new to it.
    const later = { line: 5, character: 0 };
    client.change(DRAFT_URI, [{ range: { start: later, end: later }, text: '# another note\n' }]);
    const missed = await pull(first.resultId);
    assert.strictEqual(missed.kind, 'full');
    assert.deepStrictEqual(missed.items, changed.items);
  });

  test('a settings change asks the client to refresh diagnostics', async () => {
    client.open(DRAFT_URI, BROKEN_LEVEL);
    const refreshed = client.diagnosticRefreshes.next();
    client.settings = { rules: { schema: 'off' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await refreshed;
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: DRAFT_URI } });
    assert.ok(!codes(report.items).some((c) => c.startsWith('schema.')), codes(report.items).join(', '));
  });

  test('organisation schema from roleBlueprint.schemas; editing the schema file re-validates', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rb-lsp-'));
    try {
      mkdirSync(join(root, 'schemas'));
      const schemaFile = join(root, 'schemas', 'org.json');
      writeFileSync(schemaFile, '{ "type": "object", "required": ["summary"] }');
      const other = TestClient.inProcess();
      try {
        other.settings = { schemas: { 'teams/**/*.role.yaml': 'schemas/org.json' } };
        const ready = other.statuses.next((s) => s.quiescent);
        await other.initialize(PULL_CAPABILITIES, [pathToFileURL(root).href]);
        await ready;
        const uri = pathToFileURL(join(root, 'teams', 'ml', 'x.role.yaml')).href;
        const outside = pathToFileURL(join(root, 'x.role.yaml')).href;
        const text = 'blueprint: 1\nrole:\n  title: X\n';
        other.open(uri, text);
        other.open(outside, text);
        const pull = (u: string) => other.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: u } });
        assert.ok(codes((await pull(uri)).items).includes('schema.required'), 'the glob matches: summary is required');
        assert.ok(!codes((await pull(outside)).items).includes('schema.required'), 'the glob does not match');

        writeFileSync(schemaFile, '{ "type": "object", "required": [');
        const refreshed = other.diagnosticRefreshes.next();
        await other.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(schemaFile).href, type: 2 }] });
        await refreshed;
        const problem = (await pull(uri)).items.find((d) => d.code === 'schema.org-schema');
        assert.ok(problem);
        assert.deepStrictEqual(problem.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 12 } }, 'no modeline: the first line');
        assert.match(String(problem.message), /schemas\/org\.json cannot be used: it is not valid JSON/);
        await other.shutdown();
      } catch (error) {
        other.dispose();
        throw error;
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

suite('LSP server in process: failures stay inside one feature', () => {
  test('an exception in a feature is logged with its stack and answered empty; other features and later requests work', async () => {
    const real = createLanguageService();
    const broken = Object.freeze({
      ...real,
      settings: real.settings,
      documentSymbols: () => {
        throw new Error('outline exploded');
      },
    });
    const client = TestClient.inProcess({ languageService: broken });
    try {
      await client.initialize(PUSH_CAPABILITIES);
      const opened = client.nextDiagnostics(DRAFT_URI);
      client.open(DRAFT_URI, BROKEN_LEVEL);
      await opened;
      const unhealthy = client.statuses.next((st) => st.health === 'error');
      assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri: DRAFT_URI } }), []);
      assert.match((await unhealthy).message ?? '', /documentSymbol failed: outline exploded/);
      const logged = client.logs.find((m) => m.includes('documentSymbol failed'));
      assert.ok(logged, client.logs.join('\n'));
      assert.match(logged, /outline exploded\n\s+at /, 'the stack is logged');
      const folds = await client.request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri: DRAFT_URI } });
      assert.deepStrictEqual(folds, [{ startLine: 1, endLine: 3 }]);
      const next = client.nextDiagnostics(DRAFT_URI, 2);
      client.change(DRAFT_URI, [{ text: 'blueprint: 1\n' }]);
      assert.ok(codes((await next).diagnostics).includes('schema.required'));
      await client.shutdown();
    } catch (error) {
      client.dispose();
      throw error;
    }
  });
});

suite('LSP server in process: the workspace on disk', () => {
  test('role files created, changed and deleted on disk update workspace symbols and career links', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rb-ws-'));
    const client = TestClient.inProcess();
    try {
      const ready = client.statuses.next((s) => s.quiescent);
      await client.initialize(PUSH_CAPABILITIES, [pathToFileURL(root).href]);
      await ready;
      const symbols = (query: string) => client.request<WorkspaceSymbol[]>('workspace/symbol', { query }).then((list) => list.map((s) => s.name));
      assert.deepStrictEqual(await symbols('Architect'), []);

      const file = join(root, 'architect.role.yaml');
      const uri = pathToFileURL(file).href;
      writeFileSync(file, 'blueprint: 1\nrole:\n  title: ML Architect\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
      assert.deepStrictEqual(await symbols('Architect'), ['ML Architect']);

      // An open document with a career link to it.
      const text = 'blueprint: 1\nrole:\n  title: Engineer\ncareer:\n  next_roles:\n    - ML Architect\n';
      const opened = client.nextDiagnostics(DRAFT_URI);
      client.open(DRAFT_URI, text);
      await opened;
      const links = await client.request<LocationLink[]>('textDocument/definition', { textDocument: { uri: DRAFT_URI }, position: { line: 5, character: 8 } });
      assert.deepStrictEqual(links.map((l) => [l.targetUri, l.targetSelectionRange]), [[uri, { start: { line: 2, character: 9 }, end: { line: 2, character: 21 } }]]);

      writeFileSync(file, 'blueprint: 1\nrole:\n  title: Principal ML Architect\n');
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 2 }] });
      assert.deepStrictEqual(await symbols('Architect'), ['Principal ML Architect']);

      rmSync(file);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 3 }] });
      assert.deepStrictEqual(await symbols('Architect'), []);
      await client.shutdown();
    } catch (error) {
      client.dispose();
      throw error;
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
