import * as assert from 'assert';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { createLanguageService, type RoleBlueprintLanguageService } from '../../server/src/core';
import { BlueprintParser, type ParsedBlueprint } from '../../server/src/core/parse';
import { PUSH_CAPABILITIES, TestClient } from './client';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const SEED = readFileSync(join(EXAMPLES, 'lead-mlops-engineer.role.yaml'), 'utf8');

// What the server layer keeps of a document being typed in: the latest version, not the ones
// before it (a kept parse holds its text, node tree and cached diagnostics).
suite('LSP server: memory of a document being edited', () => {
  test('a lone role file: earlier versions are not kept once edited', async () => {
    const ls = createLanguageService();
    const parses: { version: number; parsed: WeakRef<ParsedBlueprint> }[] = [];
    // The server's own calls to parse (the ladder reads every open document through it).
    const parse: RoleBlueprintLanguageService['parse'] = (doc) => {
      const parsed = ls.parse(doc);
      if (parsed) parses.push({ version: doc.version, parsed: new WeakRef(parsed) });
      return parsed;
    };
    const observed: RoleBlueprintLanguageService = Object.create(ls, { parse: { value: parse } });
    const client = TestClient.inProcess({ languageService: observed });
    try {
      await client.initialize(PUSH_CAPABILITIES);
      const uri = 'file:///memory/lead.role.yaml';
      const opened = client.nextDiagnostics(uri, 1);
      client.open(uri, SEED);
      await opened;
      for (let i = 0; i < 3; i++) {
        const line = SEED.split('\n').findIndex((l) => l.startsWith('summary:')) + 1 + i;
        const version = client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: 'x' }]);
        await client.nextDiagnostics(uri, version);
      }
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
      const earlier = parses.filter((p) => p.version < 4);
      assert.ok(earlier.length > 0, 'the server parsed earlier versions');
      assert.deepStrictEqual(
        earlier.filter((p) => p.parsed.deref() !== undefined).map((p) => p.version),
        [],
        'no parse of an earlier version is kept',
      );
      assert.ok(parses.some((p) => p.version === 4 && p.parsed.deref() !== undefined), 'the latest version is kept (warm cache)');
    } finally {
      await client.shutdown();
    }
  });

  test('role files of the workspace: their whole parses are not kept once read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'role-blueprint-memory-'));
    const names = ['associate-mlops-consultant', 'lead-mlops-engineer', 'mlops-consultant'];
    for (const name of names) copyFileSync(join(EXAMPLES, `${name}.role.yaml`), join(dir, `${name}.role.yaml`));
    // Every parse made anywhere in the server, whichever path asks for it.
    const parse = BlueprintParser.prototype.parse;
    const parses: WeakRef<ParsedBlueprint>[] = [];
    BlueprintParser.prototype.parse = function (this: BlueprintParser, ...args: Parameters<BlueprintParser['parse']>) {
      const parsed = parse.apply(this, args);
      parses.push(new WeakRef(parsed));
      return parsed;
    };
    const client = TestClient.inProcess();
    try {
      const scanned = client.statuses.next((s) => s.quiescent);
      await client.initialize(PUSH_CAPABILITIES, [pathToFileURL(dir).href]);
      await scanned;
      // What the files were read for is there: the career ladder lists their roles.
      const ladder = await client.request<{ roles: { uri?: string }[] }>('roleBlueprint/ladder', {});
      assert.strictEqual(ladder.roles.filter((r) => r.uri).length, names.length);
      await new Promise((resolve) => setImmediate(resolve));
      collectGarbage();
      assert.ok(parses.length >= names.length, 'the files were parsed');
      assert.strictEqual(parses.filter((p) => p.deref() !== undefined).length, 0, 'no whole parse of a file on disk is kept');
    } finally {
      BlueprintParser.prototype.parse = parse;
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
