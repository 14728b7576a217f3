import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type { CompareResult, LadderResult, RenderResult } from '../../server/src/lsp/protocol';
import { nodeFileSystem, type ServerFileSystem } from '../../server/src/lsp/fileSystem';
import { CREATE_ROLE_COMMAND } from '../../server/src/lsp/protocol';
import { PULL_CAPABILITIES, PUSH_CAPABILITIES, TestClient } from './client';

const ROOT = join(__dirname, '..', '..');
const EXAMPLES = join(ROOT, 'examples');
const LADDER = join(ROOT, 'test', 'fixtures', 'ladder');
const uriOf = (file: string) => pathToFileURL(file).href;
const ASSOCIATE = join(EXAMPLES, 'associate-mlops-consultant.role.yaml');
const LEAD = join(EXAMPLES, 'lead-mlops-engineer.role.yaml');
const ANALYST = join(LADDER, 'data-analyst.role.yaml');
const SENIOR = join(LADDER, 'senior-data-analyst.role.yaml');

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((d) => String(d.code));

async function started(folder: string, capabilities = PUSH_CAPABILITIES): Promise<TestClient> {
  const client = TestClient.inProcess();
  const indexed = client.statuses.next((s) => s.quiescent);
  await client.initialize(capabilities, [uriOf(folder)]);
  await indexed;
  return client;
}

suite('LSP: a family of roles', () => {
  let client: TestClient;

  teardown(async () => {
    await client.shutdown();
  });

  test('compare: the Lead against the Associate (files on disk, not open) shows by section what grows', async () => {
    client = await started(EXAMPLES);
    const result = await client.request<CompareResult | null>('roleBlueprint/compare', { uriA: uriOf(ASSOCIATE), uriB: uriOf(LEAD), cspNonce: 'abc123', csp: "default-src 'none'; style-src 'nonce-abc123'" });
    assert.ok(result);
    assert.strictEqual(result.title, 'Associate MLOps Consultant → Lead MLOps Engineer');
    // A skill only the Lead has, in the technical skills section, as added.
    const skill = 'ML deployment and serving patterns';
    assert.ok(!readFileSync(ASSOCIATE, 'utf8').includes(skill) && readFileSync(LEAD, 'utf8').includes(skill));
    const section = result.html.slice(result.html.indexOf('id="diff-technical_skills"'));
    assert.ok(section.length < result.html.length, 'a technical skills section');
    const row = section.slice(0, section.indexOf(skill));
    assert.match(row.slice(row.lastIndexOf('<tr')), /^<tr data-kind="added">/);
    // Decision scope the Lead gains, and the webview's policy and nonce.
    assert.match(result.html, /Decision scope gained:<\/span> .*budget/);
    assert.ok(result.html.includes('<style nonce="abc123">'));
    assert.ok(result.html.includes('content="default-src &#39;none&#39;; style-src &#39;nonce-abc123&#39;"'));
  });

  test('compare: an unknown file answers null; missing params are an error', async () => {
    client = await started(EXAMPLES);
    assert.strictEqual(await client.request('roleBlueprint/compare', { uriA: uriOf(ASSOCIATE), uriB: uriOf(join(EXAMPLES, 'nope.role.yaml')) }), null);
    const error = await client.request('roleBlueprint/compare', { uriA: 3 }).then(
      () => undefined,
      (e: Error) => e,
    );
    assert.match(error?.message ?? 'resolved', /uriA/);
  });

  test('ladder: every role file of the workspace, and a named role without one', async () => {
    client = await started(LADDER);
    const result = await client.request<LadderResult>('roleBlueprint/ladder', {});
    const roles = [...result.roles].sort((a, b) => a.title.localeCompare(b.title));
    assert.deepStrictEqual(roles, [
      { title: 'Analytics Manager', missing: true },
      { title: 'Data Analyst', uri: uriOf(ANALYST), missing: false },
      { title: 'Junior Data Analyst', uri: uriOf(join(LADDER, 'junior-data-analyst.role.yaml')), missing: false },
      { title: 'Senior Data Analyst', uri: uriOf(SENIOR), missing: false },
    ]);
    assert.ok(result.html.includes(`data-uri="${uriOf(ANALYST)}"`));
    assert.ok(result.html.includes('data-missing="true" data-title="Analytics Manager"'));
  });

  test('ladder, compare and workspace symbols asked while the workspace is still being read wait for it', async () => {
    // As in the editor: a role file is open and the ladder is asked for at once, before the
    // scan of the folder is done; a ladder of the open file alone would be wrong.
    client = TestClient.inProcess();
    let scanDone = false;
    void client.statuses.next((s) => s.quiescent).then(() => (scanDone = true));
    await client.initialize(PUSH_CAPABILITIES, [uriOf(EXAMPLES)]);
    client.open(uriOf(LEAD), readFileSync(LEAD, 'utf8'));
    assert.strictEqual(scanDone, false, 'asked before the scan ended');
    const [ladder, compared, symbols] = await Promise.all([
      client.request<LadderResult>('roleBlueprint/ladder', {}),
      client.request<CompareResult | null>('roleBlueprint/compare', { uriA: uriOf(ASSOCIATE), uriB: uriOf(LEAD) }),
      client.request<{ name: string }[]>('workspace/symbol', { query: 'Associate' }),
    ]);
    const files = ladder.roles.flatMap((r) => (r.uri ? [r.uri.slice(r.uri.lastIndexOf('/') + 1)] : [])).sort();
    assert.deepStrictEqual(files, ['associate-mlops-consultant.role.yaml', 'lead-mlops-engineer.role.yaml', 'mlops-consultant.role.yaml']);
    assert.strictEqual(compared?.title, 'Associate MLOps Consultant → Lead MLOps Engineer');
    assert.ok(symbols.some((s) => s.name === 'Associate MLOps Consultant'), JSON.stringify(symbols.map((s) => s.name)));
  });

  test('a request waiting for the workspace read when a folder is added waits for the new read too', async () => {
    // The first read of EXAMPLES stalls until the read the folder change starts has reached
    // LADDER; that new read cancels the first one, which ends early. The symbols asked for
    // before the change must still include LADDER's roles, read only once LADDER is released.
    let releaseExamples!: () => void;
    const examplesListed = new Promise<void>((resolve) => (releaseExamples = resolve));
    let releaseLadder!: () => void;
    const ladderListed = new Promise<void>((resolve) => (releaseLadder = resolve));
    let ladderAsked!: () => void;
    const ladderReached = new Promise<void>((resolve) => (ladderAsked = resolve));
    let firstReadStarted!: () => void;
    const firstReadReached = new Promise<void>((resolve) => (firstReadStarted = resolve));
    let examplesReads = 0;
    const fs: ServerFileSystem = {
      ...nodeFileSystem,
      async readDirectory(dir) {
        if (dir === EXAMPLES && examplesReads++ === 0) {
          firstReadStarted();
          await examplesListed;
        }
        if (dir === LADDER) {
          ladderAsked();
          releaseExamples();
          await ladderListed;
        }
        return nodeFileSystem.readDirectory(dir);
      },
    };
    client = TestClient.inProcess({ fs });
    await client.initialize({ ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, workspaceFolders: true } }, [uriOf(EXAMPLES)]);
    await firstReadReached;
    let answered = false;
    const symbols = client.request<{ name: string }[]>('workspace/symbol', { query: 'Data Analyst' }).finally(() => (answered = true));
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: uriOf(LADDER), name: 'ladder' }], removed: [] } });
    await ladderReached;
    // Turns enough for the first read to end and an early answer to arrive; none comes.
    for (let turn = 0; turn < 50 && !answered; turn++) await new Promise((resolve) => setImmediate(resolve));
    assert.strictEqual(answered, false, 'answered before the added folder was read');
    releaseLadder();
    assert.deepStrictEqual((await symbols).map((s) => s.name).sort(), ['Data Analyst', 'Junior Data Analyst', 'Senior Data Analyst']);
  });

  test('a folder removed while one of its files is being read leaves nothing of it in the workspace', async () => {
    let releaseRead!: () => void;
    const readHeld = new Promise<void>((resolve) => (releaseRead = resolve));
    let readStarted!: () => void;
    const readReached = new Promise<void>((resolve) => (readStarted = resolve));
    // The read the removal starts lists EXAMPLES again: by then the removal has been handled.
    let examplesListings = 0;
    let rereadStarted!: () => void;
    const rereadReached = new Promise<void>((resolve) => (rereadStarted = resolve));
    const fs: ServerFileSystem = {
      ...nodeFileSystem,
      async readDirectory(dir) {
        if (dir === EXAMPLES && ++examplesListings === 2) rereadStarted();
        return nodeFileSystem.readDirectory(dir);
      },
      async readFile(file) {
        if (file === ANALYST) {
          readStarted();
          await readHeld;
        }
        return nodeFileSystem.readFile(file);
      },
    };
    client = TestClient.inProcess({ fs });
    await client.initialize({ ...PUSH_CAPABILITIES, workspace: { ...PUSH_CAPABILITIES.workspace, workspaceFolders: true } }, [uriOf(EXAMPLES), uriOf(LADDER)]);
    await readReached;
    void client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [{ uri: uriOf(LADDER), name: 'ladder' }] } });
    // The removal is handled (its new read under way) before the held read ends.
    await rereadReached;
    releaseRead();
    assert.deepStrictEqual(await client.request<{ name: string }[]>('workspace/symbol', { query: 'Data Analyst' }), []);
    assert.ok((await client.request<{ name: string }[]>('workspace/symbol', { query: 'Lead MLOps Engineer' })).length > 0, 'the folder that stays is read');
  });

  test('render: a job posting page with JobPosting JSON-LD, and the JSON-LD alone', async () => {
    client = await started(EXAMPLES);
    const uri = uriOf(LEAD);
    client.open(uri, readFileSync(LEAD, 'utf8'));
    const page = await client.request<RenderResult | null>('roleBlueprint/render', { uri, format: 'jobposting' });
    assert.ok(page);
    const script = /<script type="application\/ld\+json">\n([\s\S]*?)\n<\/script>/.exec(page.content);
    assert.ok(script, 'an application/ld+json script');
    const ld = JSON.parse(script[1]) as Record<string, unknown>;
    assert.strictEqual(ld['@type'], 'JobPosting');
    assert.strictEqual(ld.title, 'Lead MLOps Engineer');
    const alone = await client.request<RenderResult | null>('roleBlueprint/render', { uri, format: 'jsonld' });
    assert.deepStrictEqual(JSON.parse(alone?.content ?? ''), ld);
  });

  test('diagnostics: ladder findings across the workspace, cross-file fix and create-blueprint action', async () => {
    client = await started(LADDER);
    const analystUri = uriOf(ANALYST);
    const seniorUri = uriOf(SENIOR);
    const analyst = client.nextDiagnostics(analystUri);
    client.open(analystUri, readFileSync(ANALYST, 'utf8'));
    const found = (await analyst).diagnostics.filter((d) => String(d.code).startsWith('ladder.'));
    assert.deepStrictEqual(codes(found), ['ladder.inconsistent']);
    assert.deepStrictEqual(found[0].range, { start: { line: 10, character: 12 }, end: { line: 10, character: 31 } });

    const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: analystUri }, range: found[0].range, context: { diagnostics: found } });
    const crossFile = actions.find((a) => a.edit?.changes?.[seniorUri]);
    assert.ok(crossFile, `a fix in the other file among ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(crossFile.title, 'Add "Data Analyst" to feeder_roles of senior-data-analyst.role.yaml');
    assert.ok(actions.some((a) => a.title === 'Remove "Senior Data Analyst" from next_roles' && a.edit?.changes?.[analystUri]));

    const senior = client.nextDiagnostics(seniorUri);
    const seniorText = readFileSync(SENIOR, 'utf8');
    client.open(seniorUri, seniorText);
    const missing = (await senior).diagnostics.filter((d) => d.code === 'ladder.missing-role');
    assert.strictEqual(missing.length, 1);
    const create = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: seniorUri }, range: missing[0].range, context: { diagnostics: missing } });
    const command = create.find((a) => a.command?.command === CREATE_ROLE_COMMAND);
    assert.deepStrictEqual(command?.command?.arguments, [seniorUri, 'Analytics Manager', 'analytics-manager.role.yaml']);
    assert.strictEqual(command?.title, 'Create blueprint for Analytics Manager');

    // An edit outside the career paths moves the finding with its entry (and its fixes' edits).
    const moved = client.nextDiagnostics(analystUri);
    client.change(analystUri, [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: '# a note\n# another\n' }]);
    const shifted = (await moved).diagnostics.filter((d) => d.code === 'ladder.inconsistent');
    assert.deepStrictEqual(shifted.map((d) => d.range), [{ start: { line: 12, character: 12 }, end: { line: 12, character: 31 } }]);
    const movedActions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: analystUri }, range: shifted[0].range, context: { diagnostics: shifted } });
    const removal = movedActions.find((a) => a.title === 'Remove "Senior Data Analyst" from next_roles');
    assert.strictEqual(removal?.edit?.changes?.[analystUri]?.[0].range.start.line, 12, 'the removal edit starts at the moved entry');

    // Applying the cross-file fix in the other (open) document clears the first one's finding.
    const edit = (crossFile.edit?.changes?.[seniorUri] ?? [])[0];
    const cleared = client.diagnostics.next((d) => d.uri === analystUri && !d.diagnostics.some((x) => x.code === 'ladder.inconsistent'));
    client.change(seniorUri, [{ range: edit.range, text: edit.newText }]);
    await cleared;
  });

  test('pull diagnostics: ladder findings in the report', async () => {
    client = await started(LADDER, PULL_CAPABILITIES);
    const uri = uriOf(ANALYST);
    client.open(uri, readFileSync(ANALYST, 'utf8'));
    const report = await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepStrictEqual(codes(report.items.filter((d) => String(d.code).startsWith('ladder.'))), ['ladder.inconsistent']);
  });
});
