import * as assert from 'assert';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { WorkspaceSymbol } from 'vscode-languageserver-protocol';
import { PUSH_CAPABILITIES, TestClient } from './client';

const ROLE_FILES = 10_000;

// Issue 9, workspace limits: a workspace of 10,000 role files (and a symlink loop) is indexed
// in the background while the server keeps answering.
suite('LSP server on a workspace of 10,000 role files', () => {
  let root: string;
  let client: TestClient;

  suiteSetup(() => {
    root = mkdtempSync(join(tmpdir(), 'role-blueprint-scale-'));
    for (let team = 0; team < 100; team++) {
      const dir = join(root, `team-${team}`);
      mkdirSync(dir);
      for (let i = 0; i < ROLE_FILES / 100; i++) {
        const n = team * 100 + i;
        writeFileSync(join(dir, `role-${n}.role.yaml`), `blueprint: 1\nrole:\n  title: Role ${n}\ntools:\n  - name: Tool${n}\n`);
      }
    }
    symlinkSync(root, join(root, 'team-0', 'loop'));
  });

  suiteTeardown(() => rmSync(root, { recursive: true, force: true }));

  setup(() => {
    client = TestClient.inProcess();
  });
  teardown(() => client.shutdown());

  test('every file is indexed once, the loop is cut, and requests are answered meanwhile', async function () {
    this.timeout(180_000);
    let scanDone = false;
    const indexed = client.statuses.next((s) => s.quiescent).then(() => (scanDone = true));
    await client.initialize(PUSH_CAPABILITIES, [pathToFileURL(root).href]);
    // While the scan runs, an opened document is still checked.
    const uri = pathToFileURL(join(root, 'draft.role.yaml')).href;
    const checked = client.nextDiagnostics(uri);
    client.open(uri, 'blueprint: 1\nrole:\n  titel: Draft\n');
    assert.ok((await checked).diagnostics.some((d) => d.code === 'schema.unknown-key'));
    assert.strictEqual(scanDone, false, 'checked while the scan was still running, not after it');
    await indexed;
    const last = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: `Tool${ROLE_FILES - 1}` });
    assert.deepStrictEqual(last.map((s) => s.name), [`Tool${ROLE_FILES - 1}`]);
    const first = await client.request<WorkspaceSymbol[]>('workspace/symbol', { query: 'Role 0' });
    assert.strictEqual(first.filter((s) => s.name === 'Role 0').length, 1, 'the symlink loop does not index files twice');
  });
});
