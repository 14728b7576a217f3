import * as assert from 'assert';
import { execFileSync } from 'child_process';
import { existsSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import type { DocumentSymbol } from 'vscode-languageserver-protocol';
import { PUSH_CAPABILITIES, TestClient } from './client';

const ROOT = join(__dirname, '..', '..');
const SERVER_JS = join(ROOT, 'dist', 'server.js');

/** Newest modification time under a folder (the server's sources). */
function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

suite('LSP server as a process (bundled dist/server.js)', () => {
  suiteSetup(function () {
    this.timeout(120_000);
    if (!existsSync(SERVER_JS) || statSync(SERVER_JS).mtimeMs < newestSource(join(ROOT, 'server', 'src'))) {
      execFileSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, stdio: 'inherit' });
    }
  });

  for (const [transport, start] of [
    ['stdio', () => TestClient.spawn(SERVER_JS)],
    ['node-ipc', () => TestClient.fork(SERVER_JS)],
  ] as const) {
    test(`${transport}: initialize, didOpen → diagnostics, documentSymbol, shutdown and exit`, async () => {
      const client = start();
      try {
        const result = await client.initialize(PUSH_CAPABILITIES);
        assert.strictEqual(result.serverInfo?.name, 'role-blueprint');
        assert.ok(result.capabilities.documentSymbolProvider);

        const uri = 'file:///tmp/smoke.role.yaml';
        const published = client.nextDiagnostics(uri);
        client.open(uri, 'blueprint: 2\nrole:\n  title: Smoke Test Role\nkpis:\n  - name: Uptime\n');
        const diagnostics = (await published).diagnostics;
        const version = diagnostics.find((d) => d.code === 'schema.const');
        assert.ok(version, diagnostics.map((d) => d.code).join(', '));
        assert.deepStrictEqual(version.range, { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } });

        const symbols = await client.request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
        assert.deepStrictEqual(symbols.map((s) => s.name), ['blueprint', 'Smoke Test Role', '7. KPIs and Productivity Metrics']);
        assert.deepStrictEqual(symbols[2].children?.map((c) => c.name), ['Uptime']);

        await client.connection.sendRequest('shutdown');
        const exited = new Promise<number | null>((resolve) => client.child.once('exit', resolve));
        await client.connection.sendNotification('exit');
        assert.strictEqual(await exited, 0);
      } finally {
        client.dispose();
      }
    });
  }
});
