import * as assert from 'assert';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import { foldingRanges } from '../../server/src/core/folding';
import { BlueprintParser } from '../../server/src/core/parse';
import { docOf } from './testUtil';

function foldsOf(text: string): FoldingRange[] {
  const doc = docOf(text);
  return foldingRanges(new BlueprintParser().parse(text, doc.uri, doc.version), doc);
}

const fold = (startLine: number, endLine: number, kind?: string): FoldingRange => (kind ? { startLine, endLine, kind } : { startLine, endLine });

suite('folding ranges', () => {
  test('sections, groups, rows and multi-line text fold; single lines do not', () => {
    const text = [
      'blueprint: 1', // 0
      'summary: >-', // 1
      '  Leads the', // 2
      '  platform.', // 3
      'kpis:', // 4
      '  - name: A', // 5
      '    target: x', // 6
      '', // 7
      '  - name: B', // 8
      'responsibilities:', // 9
      '  strategic:', // 10
      '    - One', // 11
      '    - Two', // 12
      '  operational: []', // 13
      '',
    ].join('\n');
    assert.deepStrictEqual(foldsOf(text), [fold(1, 3), fold(4, 8), fold(5, 6), fold(9, 13), fold(10, 12)]);
  });

  test('runs of two or more comment lines fold as comments, also indented ones', () => {
    const text = ['# Role Blueprint', '# maintained by HR', 'blueprint: 1', 'kpis:', '  # first', '  # second', '  - name: A', '# lone comment', ''].join('\n');
    assert.deepStrictEqual(foldsOf(text), [fold(0, 1, FoldingRangeKind.Comment), fold(3, 6), fold(4, 5, FoldingRangeKind.Comment)]);
  });

  test('nested entries fold each; one fold per start line', () => {
    const text = ['tools:', '  - name: MLflow', '    use: |', '      Track runs', '      and models', ''].join('\n');
    assert.deepStrictEqual(foldsOf(text), [fold(0, 4), fold(1, 4), fold(2, 4)]);
    // A row and its first field start on one line: one fold there.
    assert.deepStrictEqual(foldsOf('kpis:\n  - name: x\n  - tags:\n      - a\n      - b\n'), [fold(0, 4), fold(2, 4)]);
  });

  test('broken YAML and odd input never throw', () => {
    for (const text of ['', '\n\n', 'kpis:\n  - name: [x\n', '- a\n- b\n', '"unterminated\n', '\u0000\uffff']) {
      assert.ok(Array.isArray(foldsOf(text)), JSON.stringify(text));
    }
  });
});
