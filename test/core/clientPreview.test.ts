import * as assert from 'node:assert/strict';
import { buildCsp, buildPreviewPage, createNonce, escapeAttribute, messageBody, PREVIEW_DATA_ID } from '../../client/src/preview/html';
import { isFromWebviewMessage, isPreviewState, isToWebviewMessage } from '../../client/src/preview/messages';
import { lineForOffset, monotonicBlocks, offsetForLine } from '../../client/src/preview/webview/scrollMath';

suite('client preview: page, CSP and nonce', () => {
  test('a nonce is 32 alphanumerics and fresh each time', () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9]{32}$/);
  });

  test('the CSP allows nothing but the webview source and the nonce', () => {
    assert.equal(
      buildCsp('https://cdn.example.vscode-resource', 'N0nce'),
      "default-src 'none'; style-src https://cdn.example.vscode-resource 'nonce-N0nce'; script-src 'nonce-N0nce'; " +
        "img-src https://cdn.example.vscode-resource data:; font-src https://cdn.example.vscode-resource; form-action 'none'; base-uri 'none'",
    );
  });

  const page = (overrides: Partial<Parameters<typeof buildPreviewPage>[0]> = {}) =>
    buildPreviewPage({
      cspSource: 'vscode-resource:',
      nonce: 'abc123',
      scriptUri: 'vscode-resource:/ext/media/dist/preview.js',
      styleUri: 'vscode-resource:/ext/media/preview.css',
      rendererCss: '.bp { color: red }',
      body: '<article class="code-line" data-line="0">Body</article>',
      title: 'Engineer',
      data: { source: 'file:///w/a.role.yaml', locked: false, version: 3, scrollSync: true },
      ...overrides,
    });

  test('the page carries the CSP, the nonce on its one style and script, and the body', () => {
    const html = page();
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(buildCsp('vscode-resource:', 'abc123'))}">`));
    assert.match(html, /<style nonce="abc123">\.bp \{ color: red \}<\/style>/);
    assert.match(html, /<script nonce="abc123" src="vscode-resource:\/ext\/media\/dist\/preview\.js"><\/script>/);
    assert.equal(html.match(/<script/g)?.length, 1);
    assert.ok(html.includes('<main id="bp-preview-root"><article class="code-line" data-line="0">Body</article></main>'));
    assert.ok(!html.includes('bp-locked'));
    assert.ok(page({ data: { source: 'file:///w/a.role.yaml', locked: true, version: 1, scrollSync: true } }).includes('<body class="bp-preview bp-locked">'));
  });

  test('page data and title are escaped, and a style can not be closed early', () => {
    const html = page({
      title: '</title><script>alert(1)</script>',
      rendererCss: 'a{}</style><script>x()</script>',
      data: { source: 'file:///w/"quoted"<&>.role.yaml', locked: false, version: 1, scrollSync: false, line: 4.5 },
    });
    assert.ok(html.includes('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>'));
    // Inside <style> only `</style` ends the element; the renderer's CSS can not smuggle one in.
    assert.equal(html.match(/<\/style/gi)?.length, 1);
    assert.ok(html.includes('<style nonce="abc123">a{}<\\/style><script>x()</script></style>'));
    const state = html.match(new RegExp(`id="${PREVIEW_DATA_ID}" data-state="([^"]*)"`))?.[1];
    assert.ok(state);
    const decoded = state.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    assert.deepEqual(JSON.parse(decoded), { source: 'file:///w/"quoted"<&>.role.yaml', locked: false, version: 1, scrollSync: false, line: 4.5 });
  });

  test('attribute escaping covers quotes, ampersands and angle brackets', () => {
    assert.equal(escapeAttribute(`a&b"c'd<e>`), 'a&amp;b&quot;c&#39;d&lt;e&gt;');
    assert.equal(messageBody('<b>no</b>'), '<div class="bp-preview-message code-line" data-line="0"><p>&lt;b&gt;no&lt;/b&gt;</p></div>');
  });
});

suite('client preview: message guards', () => {
  test('messages from the webview', () => {
    assert.ok(isFromWebviewMessage({ type: 'revealLine', source: 'file:///a', line: 3.25 }));
    assert.ok(isFromWebviewMessage({ type: 'didClick', source: 'file:///a', line: 0 }));
    assert.ok(!isFromWebviewMessage({ type: 'didClick', source: 'file:///a', line: -1 }));
    assert.ok(!isFromWebviewMessage({ type: 'didClick', source: 'file:///a', line: Number.NaN }));
    assert.ok(!isFromWebviewMessage({ type: 'didClick', line: 2 }));
    assert.ok(!isFromWebviewMessage({ type: 'update', source: 'file:///a', html: '', version: 1 }));
    assert.ok(!isFromWebviewMessage(null));
    assert.ok(!isFromWebviewMessage('revealLine'));
  });

  test('messages to the webview', () => {
    assert.ok(isToWebviewMessage({ type: 'update', source: 'file:///a', html: '<p></p>', version: 2 }));
    assert.ok(isToWebviewMessage({ type: 'scrollToLine', source: 'file:///a', line: 7 }));
    assert.ok(isToWebviewMessage({ type: 'setLocked', source: 'file:///a', locked: true }));
    assert.ok(!isToWebviewMessage({ type: 'update', source: 'file:///a', version: 2 }));
    assert.ok(!isToWebviewMessage({ type: 'setLocked', source: 'file:///a', locked: 'yes' }));
    assert.ok(!isToWebviewMessage({ type: 'revealLine', source: 'file:///a', line: 1 }));
  });

  test('revived state', () => {
    assert.ok(isPreviewState({ source: 'file:///a.role.yaml', locked: false }));
    assert.ok(isPreviewState({ source: 'file:///a.role.yaml', locked: true, line: 12.5 }));
    assert.ok(!isPreviewState({ source: '', locked: false }));
    assert.ok(!isPreviewState({ source: 'file:///a', locked: 'no' }));
    assert.ok(!isPreviewState({ source: 'file:///a', locked: false, line: 'top' }));
    assert.ok(!isPreviewState(undefined));
  });
});

suite('client preview: scroll sync arithmetic', () => {
  // Section at line 0 (top 0), a row at line 4 (top 100), a nested row on the same line, and the sentinel.
  const blocks = monotonicBlocks([
    { line: 4, top: 100 },
    { line: 0, top: 0 },
    { line: 4, top: 120 },
    { line: 10, top: 400 },
    { line: 8, top: 390 },
    { line: 7, top: 500 },
  ]);

  test('blocks are kept in page order with lines and tops both rising', () => {
    assert.deepEqual(blocks, [
      { line: 0, top: 0 },
      { line: 4, top: 100 },
      { line: 8, top: 390 },
      { line: 10, top: 400 },
    ]);
  });

  test('line → offset interpolates between neighbours and clamps at both ends', () => {
    assert.equal(offsetForLine(blocks, 0), 0);
    assert.equal(offsetForLine(blocks, 2), 50);
    assert.equal(offsetForLine(blocks, 4), 100);
    assert.equal(offsetForLine(blocks, 6), 245);
    assert.equal(offsetForLine(blocks, 9), 395);
    assert.equal(offsetForLine(blocks, 50), 400);
    assert.equal(offsetForLine(monotonicBlocks([{ line: 3, top: 40 }]), 1), 40);
    assert.equal(offsetForLine([], 5), 0);
  });

  test('offset → line is the inverse', () => {
    for (const line of [0, 1, 2.5, 4, 6, 9.5, 10]) assert.equal(lineForOffset(blocks, offsetForLine(blocks, line)), line);
    assert.equal(lineForOffset(blocks, -20), 0);
    assert.equal(lineForOffset(blocks, 1000), 10);
    assert.equal(lineForOffset([], 100), 0);
  });
});
