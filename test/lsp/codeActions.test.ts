import * as assert from 'assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionRequest, DocumentFormattingRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { PUSH_CAPABILITIES, TestClient } from './client';

const URI = 'file:///tmp/quickfix-test/draft.role.yaml';

const BROKEN = [
  'blueprint: 1',
  'role:',
  '  levle: senior',
  'kpis:',
  '  - name: Uptime',
  '    target: ">= 99.9%"',
  '    frequency: Monthly',
  '  - name: Uptime',
  '    target: ">= 99%"',
  'tools:',
  '  - name: MLflow',
  '    prevalence: comon',
  '',
].join('\n');

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'role-blueprint', 0, text), [...edits]);
}

suite('LSP quick fixes and formatting, as a client applies them', () => {
  let client: TestClient;
  let version = 1;
  setup(async () => {
    client = TestClient.inProcess();
    await client.initialize(PUSH_CAPABILITIES);
    version = 1;
  });
  teardown(() => client.shutdown());

  /** Replaces the whole text (as a client does after applying an edit) and waits for the re-check. */
  async function replace(text: string, current: string): Promise<Diagnostic[]> {
    const published = client.nextDiagnostics(URI, ++version);
    const lines = current.split('\n');
    client.change(URI, [{ range: { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1].length } }, text }]);
    return (await published).diagnostics;
  }

  test('every schema and duplicate diagnostic has a quick fix; applying each preferred one clears it', async () => {
    const opened = client.nextDiagnostics(URI, 1);
    client.open(URI, BROKEN);
    let diagnostics = (await opened).diagnostics;
    let text = BROKEN;
    for (const code of ['schema.unknown-key', 'schema.required', 'schema.enum', 'duplicate.name']) {
      const diagnostic = diagnostics.find((d) => d.code === code);
      assert.ok(diagnostic, `${code} expected, got ${diagnostics.map((d) => d.code).join(', ')}`);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: URI },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      const fix = actions.find((a) => a.isPreferred) ?? actions[0];
      assert.ok(fix?.edit?.changes?.[URI], `a quick fix for ${code}`);
      const next = apply(text, fix.edit.changes[URI]);
      diagnostics = await replace(next, text);
      text = next;
      const still = diagnostics.filter((d) => d.code === code && d.message === diagnostic.message);
      assert.deepStrictEqual(still, [], `${code} fixed by "${fix.title}"`);
    }
    assert.deepStrictEqual(diagnostics.filter((d) => /^(yaml|schema|duplicate)\./.test(String(d.code))).map((d) => d.code), []);
    assert.match(text, /level: senior/);
    assert.match(text, /prevalence: common/);
    assert.strictEqual(text.match(/- name: Uptime/g)?.length, 1);
  });

  test('formatting normalises indentation and keeps every comment and value', async () => {
    const messy = '# header comment\nblueprint: 1\nrole:\n    title: Data Analyst   # inline\nkpis:\n    -   name: Accuracy\n        target: "95%"\n';
    const opened = client.nextDiagnostics(URI, 1);
    client.open(URI, messy);
    await opened;
    const edits = (await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri: URI }, options: { tabSize: 2, insertSpaces: true } })) as TextEdit[];
    const formatted = apply(messy, edits);
    assert.match(formatted, /^# header comment\n/);
    assert.match(formatted, /# inline/);
    assert.match(formatted, /\n {2}title: Data Analyst/);
    assert.match(formatted, /\n {2}- name: Accuracy\n {4}target: "95%"/);
  });
});
