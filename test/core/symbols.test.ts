import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/core';
import { BlueprintParser } from '../../server/src/core/parse';
import { documentSymbols, filterWorkspaceSymbols, summariseRoleFile } from '../../server/src/core/symbols';
import { docOf } from './testUtil';
import { Scenario } from '../../bench/scenario';

const TEXT = [
  'blueprint: 1', // 0
  'role:', // 1
  '  title: Lead MLOps Engineer', // 2
  '  level: lead', // 3
  '  family: AI & ML', // 4
  '# KPIs', // 5
  'kpis:', // 6
  '  - name: Deployment success rate', // 7
  '    target: ">= 95%"', // 8
  '', // 9
  '  - name: "Model lead time"', // 10
  '    category: Delivery', // 11
  'technical_skills:', // 12
  '  must_have:', // 13
  '    - name: Kubernetes', // 14
  '      importance: critical', // 15
  '  advanced:', // 16
  '    note: not on day one', // 17
  '    items:', // 18
  '      - name: GPU serving', // 19
  'deliverables:', // 20
  '  - Platform roadmap', // 21
  '  - group: Operations', // 22
  '    items:', // 23
  '      - Runbooks', // 24
  '      - name: Dashboards', // 25
  'hiring:', // 26
  '  assess:', // 27
  '    - Design', // 28
  '  scorecard:', // 29
  '    - dimension: Platform design', // 30
  '      weight: 60', // 31
  'posting: anything', // 32
  '',
].join('\n');

function symbolsOf(text: string): DocumentSymbol[] {
  const doc = docOf(text);
  return documentSymbols(new BlueprintParser().parse(text, doc.uri, doc.version), doc);
}

const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

/** name → [children names] down the tree, for shape assertions. */
function shape(symbols: readonly DocumentSymbol[] | undefined): unknown[] {
  return (symbols ?? []).map((s) => (s.children?.length ? [s.name, shape(s.children)] : s.name));
}

suite('document symbols', () => {
  test('the header by role title, numbered sections, groups and named rows', () => {
    assert.deepStrictEqual(shape(symbolsOf(TEXT)), [
      'blueprint',
      'Lead MLOps Engineer',
      ['7. KPIs and Productivity Metrics', ['Deployment success rate', 'Model lead time']],
      ['8. Technical Skills', [['must_have', ['Kubernetes']], ['advanced', ['GPU serving']]]],
      ['5. Key Deliverables', [['Operations', ['Dashboards']]]],
      ['19. Hiring Evaluation Criteria', ['assess', ['scorecard', ['Platform design']]]],
      'posting',
    ]);
  });

  test('ranges: the whole entry (without trailing blank lines); selection: the key or the row name', () => {
    const [blueprint, role, kpis, skills, , hiring] = symbolsOf(TEXT);
    assert.deepStrictEqual([blueprint.range, blueprint.selectionRange, blueprint.detail], [range(0, 0, 0, 12), range(0, 0, 0, 9), 'format 1']);
    assert.deepStrictEqual([role.kind, role.detail, role.range, role.selectionRange], [SymbolKind.Class, 'lead · AI & ML', range(1, 0, 4, 17), range(1, 0, 1, 4)]);
    assert.deepStrictEqual([kpis.range, kpis.selectionRange], [range(6, 0, 11, 22), range(6, 0, 6, 4)]);
    const [first, second] = kpis.children ?? [];
    assert.deepStrictEqual([first.range, first.selectionRange, first.detail], [range(7, 4, 8, 20), range(7, 10, 7, 33), '>= 95%']);
    assert.deepStrictEqual([second.range, second.selectionRange, second.detail], [range(10, 4, 11, 22), range(10, 10, 10, 27), 'Delivery']);
    const advanced = skills.children?.[1];
    assert.deepStrictEqual([advanced?.range, advanced?.detail], [range(16, 2, 19, 25), '1 item']);
    const row = hiring.children?.[1].children?.[0];
    assert.deepStrictEqual([row?.range, row?.selectionRange, row?.detail], [range(30, 6, 31, 16), range(30, 17, 30, 32), '60%']);
  });

  test('every selection range lies inside its range, and children inside their parent', () => {
    const check = (symbols: readonly DocumentSymbol[], parent?: DocumentSymbol) => {
      for (const s of symbols) {
        const within = (inner: typeof s.range, outer: typeof s.range) =>
          (inner.start.line > outer.start.line || (inner.start.line === outer.start.line && inner.start.character >= outer.start.character)) &&
          (inner.end.line < outer.end.line || (inner.end.line === outer.end.line && inner.end.character <= outer.end.character));
        assert.ok(within(s.selectionRange, s.range), s.name);
        if (parent) assert.ok(within(s.range, parent.range), `${s.name} in ${parent.name}`);
        check(s.children ?? [], s);
      }
    };
    check(symbolsOf(TEXT));
  });

  test('wrong shapes and broken YAML give what can be read, never a throw', () => {
    assert.deepStrictEqual(shape(symbolsOf('kpis: not a list\ntools:\n  - just text\n  - name: 42\nrole: []\n')), ['7. KPIs and Productivity Metrics', ['10. Tools, Platforms, and Software', ['42']], 'role']);
    assert.deepStrictEqual(symbolsOf(''), []);
    assert.deepStrictEqual(symbolsOf('- a\n- b\n'), []);
    assert.ok(Array.isArray(symbolsOf('role:\n  title: [unclosed\nkpis:\n  - name: x\n')));
  });

  test('the service answers nothing for a file over the size limit', () => {
    const ls = createLanguageService({ settings: { maxFileSize: 10 } });
    assert.deepStrictEqual(ls.documentSymbols(docOf(TEXT)), []);
  });
});

suite('document symbols over edits', () => {
  test('sections whose text did not change are outlined from before, moved by the lines inserted or removed above: the same outline as computed afresh', () => {
    const seed = fs.readFileSync(path.join(__dirname, '..', '..', 'examples', 'lead-mlops-engineer.role.yaml'), 'utf8');
    const service = createLanguageService();
    const scenario = new Scenario(7);
    let doc = TextDocument.create('file:///edited.role.yaml', 'role-blueprint', 1, seed);
    service.documentSymbols(doc);
    for (let step = 0; step < 25; step++) {
      const change = step % 5 === 4 ? { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a comment\n' } : scenario.nextEdit(doc.getText()).change;
      doc = TextDocument.update(doc, [change], doc.version + 1);
      const fresh = createLanguageService().documentSymbols(doc);
      assert.deepStrictEqual(service.documentSymbols(doc), fresh, `step ${step}`);
    }
  });

  test('the outline handed out is a copy: changing it does not change the next answer', () => {
    const service = createLanguageService();
    const doc = docOf(TEXT);
    const first = service.documentSymbols(doc);
    first[0].name = 'changed';
    first[1].range.start.line = 99;
    assert.deepStrictEqual(service.documentSymbols(docOf(TEXT, 'file:///test.role.yaml', 2)), createLanguageService().documentSymbols(doc));
  });
});

suite('workspace symbols', () => {
  const summary = (text: string, uri: string) => {
    const doc = docOf(text, uri);
    return summariseRoleFile(new BlueprintParser().parse(text, uri, 1), doc);
  };

  test('a role file contributes its title and its KPI, tool and skill names, located', () => {
    const s = summary(TEXT, 'file:///lead.role.yaml');
    assert.strictEqual(s.title, 'Lead MLOps Engineer');
    assert.deepStrictEqual(s.titleRange, range(2, 9, 2, 28));
    assert.deepStrictEqual(
      s.symbols.map((x) => [x.name, x.kind, x.containerName]),
      [
        ['Lead MLOps Engineer', SymbolKind.Class, 'role'],
        ['Deployment success rate', SymbolKind.Number, 'KPI · Lead MLOps Engineer'],
        ['Model lead time', SymbolKind.Number, 'KPI · Lead MLOps Engineer'],
        ['Kubernetes', SymbolKind.Property, 'skill · Lead MLOps Engineer'],
        ['GPU serving', SymbolKind.Property, 'skill · Lead MLOps Engineer'],
      ],
    );
  });

  test('a file without a title is named by its file name, without the scheme of an untitled file or a query', () => {
    const untitled = 'kpis:\n  - name: Lead time\n';
    assert.deepStrictEqual(
      ['untitled:new-role.role.yaml', 'untitled:Untitled-1', 'untitled:/work/roles/new-role.role.yaml', 'file:///work/a%20b.role.yaml', 'vscode-vfs://github/org/repo/x.role.yaml?ref=main'].map(
        (uri) => summary(untitled, uri).symbols[0].containerName,
      ),
      ['KPI · new-role.role.yaml', 'KPI · Untitled-1', 'KPI · new-role.role.yaml', 'KPI · a b.role.yaml', 'KPI · x.role.yaml'],
    );
  });

  test('queries match in order, case-insensitively; prefix and word matches first', () => {
    const files = [summary(TEXT, 'file:///lead.role.yaml'), summary('role:\n  title: Data Engineer\ntools:\n  - name: dbt\n', 'file:///data.role.yaml')];
    assert.deepStrictEqual(filterWorkspaceSymbols(files, 'engineer').map((s) => s.name), ['Data Engineer', 'Lead MLOps Engineer']);
    assert.deepStrictEqual(filterWorkspaceSymbols(files, 'dsrate').map((s) => s.name), ['Deployment success rate']);
    assert.deepStrictEqual(filterWorkspaceSymbols(files, 'lead').map((s) => s.name), ['Lead MLOps Engineer', 'Model lead time']);
    assert.strictEqual(filterWorkspaceSymbols(files, '').length, 7);
    assert.deepStrictEqual(filterWorkspaceSymbols(files, 'zzz'), []);
  });
});
