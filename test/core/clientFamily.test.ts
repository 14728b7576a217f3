import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { exportFileName, skeletonSnippetBody, skeletonText } from '../../client/src/fileNames';
import { createLanguageService } from '../../server/src/core';
import { readRole } from '../../server/src/core/render/model';

const SNIPPET = skeletonSnippetBody(JSON.parse(readFileSync(join(__dirname, '..', '..', 'snippets', 'role-blueprint.code-snippets.json'), 'utf8'))) as string;

suite('client: create blueprint for a career role', () => {
  const service = createLanguageService();
  const check = (title: string) => {
    const text = skeletonText(SNIPPET, title);
    const doc = TextDocument.create('file:///w/new.role.yaml', 'role-blueprint', 1, text);
    const parsed = service.parse(doc);
    assert.ok(parsed);
    return { text, title: readRole(parsed.value).title, syntax: service.computeDiagnostics(doc).filter((d) => String(d.code).startsWith('yaml.')) };
  };

  test('the skeleton as plain YAML with the role title set and no tab stops left', () => {
    const { text, title, syntax } = check('Analytics Manager');
    assert.equal(title, 'Analytics Manager');
    assert.deepEqual(syntax, []);
    assert.doesNotMatch(text, /\$\{?\d/);
    assert.match(text, /^role:\n {2}title: Analytics Manager\n {2}level: mid\n/m);
  });

  test('a title YAML would misread is quoted and reads back as written', () => {
    for (const raw of ['Head of Data: Platform', '#1 Engineer', 'Lead – "ML" $1{x}', 'yes', 'Staff Engineer ']) {
      const { title, syntax } = check(raw);
      assert.equal(title, raw.trim() === raw ? raw : raw.trim(), raw);
      assert.deepEqual(syntax, [], raw);
    }
  });

  test('export names of the job posting', () => {
    assert.equal(exportFileName('lead.role.yaml', 'posting.html'), 'lead.posting.html');
    assert.equal(exportFileName('lead.role.yaml', 'jsonld'), 'lead.jsonld');
  });
});
