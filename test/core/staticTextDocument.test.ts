import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Prng } from '../../bench/prng';
import { createStaticTextDocument } from '../../server/src/core/staticTextDocument';

/** A document for a file that is not edited must answer exactly as the library's TextDocument does. */

const PIECES = ['a', 'key: value', ' ', '\n', '\r\n', '\r', '\n\n', '\r\r\n', '\n\r', 'é', '→', '😀', '  - item'];

function sameAnswers(text: string, label: string): void {
  const expected = TextDocument.create('file:///a.role.yaml', 'role-blueprint', 3, text);
  const actual = createStaticTextDocument('file:///a.role.yaml', 3, text);
  assert.equal(actual.lineCount, expected.lineCount, `${label}: lineCount`);
  assert.equal(actual.getText(), text);
  for (let offset = -2; offset <= text.length + 2; offset++) {
    assert.deepEqual(actual.positionAt(offset), expected.positionAt(offset), `${label}: positionAt(${offset}) in ${JSON.stringify(text)}`);
  }
  for (let line = -1; line <= expected.lineCount + 1; line++) {
    for (let character = -1; character <= 12; character++) {
      const position = { line, character };
      assert.equal(actual.offsetAt(position), expected.offsetAt(position), `${label}: offsetAt(${line}:${character}) in ${JSON.stringify(text)}`);
      const range = { start: { line: Math.max(0, line - 1), character: 1 }, end: position };
      assert.equal(actual.getText(range), expected.getText(range), `${label}: getText to ${line}:${character}`);
    }
  }
}

suite('static text document', () => {
  test('answers as the library does on texts made of line breaks of every kind', () => {
    const prng = new Prng(7);
    for (let i = 0; i < 300; i++) {
      const parts = Array.from({ length: prng.int(12) }, () => prng.pick(PIECES));
      sameAnswers(parts.join(''), `text ${i}`);
    }
  });

  test('answers as the library does on the examples, with \\n and with \\r\\n line ends', () => {
    const text = readFileSync(path.resolve(__dirname, '..', '..', 'examples', 'associate-mlops-consultant.role.yaml'), 'utf8').slice(0, 4000);
    sameAnswers(text, 'example');
    sameAnswers(text.replace(/\n/g, '\r\n'), 'example with CRLF');
  });

  test('keeps its uri and version', () => {
    const doc = createStaticTextDocument('file:///b.role.yaml', 5, '');
    assert.deepEqual([doc.uri, doc.version, doc.lineCount], ['file:///b.role.yaml', 5, 1]);
  });
});
