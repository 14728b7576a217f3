#!/usr/bin/env node
// Proves that a blueprint full of HTML, scripts, `javascript:` URLs and CSS injection renders as
// text: nothing it contains runs, in headless Chromium.
//
//   node scripts/preview-safety-check.mjs [FILE.role.yaml]   (default test/e2e/fixtures/hostile.role.yaml)
//
// Renders FILE with the bundled CLI (`dist/cli.js`, run `npm run build` first, or the bundle
// ROLE_BLUEPRINT_CLI names: npm run test:e2e passes the one inside the .vsix) as the HTML page,
// the job posting page and Markdown (shown through `marked`, which lets raw HTML through as
// VS Code's Markdown preview does), then opens each in Chromium with traps installed before any
// page script: every payload of the fixture touches `window.__ran`, whose getter records the
// access in every frame; alert/confirm/prompt/print are watched as dialogs; CSP violations and
// console errors are collected. Each page is also loaded once with its CSP removed, so escaping
// alone has to hold. The DOM is then audited: no script (except JSON-LD data), no `on*`
// attribute, no `javascript:` URL, no active element (iframe, object, embed, base, meta refresh,
// form), a strict CSP, and the injected text shown literally. Exits 1 on any failure.
//
// The in-page traps and audit are exported for the preview UI check, which runs the same audit
// in code-server's webview (test/e2e/ui/preview.check.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs in every frame before its own scripts (page.addInitScript): `window.__ran` is a getter,
 * so a payload is caught whatever it does with the value; a frame reports to the top frame.
 */
export function installTraps() {
  const hits = [];
  const record = (what) => {
    hits.push(String(what));
    try {
      if (window.top !== window) window.top.__safetyHits?.push(`frame: ${what}`);
    } catch {
      // a cross-origin parent: this frame's own list still has it
    }
  };
  const sink = { push: (label) => record(label) };
  Object.defineProperty(window, '__ran', {
    configurable: false,
    get() {
      record('window.__ran accessed');
      return sink;
    },
  });
  Object.defineProperty(window, '__safetyHits', { configurable: false, value: hits });
  document.addEventListener('securitypolicyviolation', (event) => record(`CSP blocked ${event.violatedDirective}: ${event.blockedURI || event.sample}`));
}

/** Runs in the page: what the DOM holds that could run code, and the text the user sees. */
export function auditDocument() {
  const URL_ATTRIBUTES = /^(href|src|action|formaction|data|xlink:href|background|poster|srcdoc|ping|manifest|codebase|cite)$/i;
  const ACTIVE = 'iframe, frame, object, embed, applet, base, form, meta[http-equiv="refresh" i], link[rel~="import" i]';
  const handlers = [];
  const scriptUrls = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      const where = `${element.tagName.toLowerCase()}[${attribute.name}]`;
      if (/^on/i.test(attribute.name)) handlers.push(where);
      // Browsers ignore control characters and spaces inside a scheme.
      const value = attribute.value.replace(/[\u0000-\u0020]/g, '');
      if (URL_ATTRIBUTES.test(attribute.name) && /^(javascript|vbscript|data:text\/html)/i.test(value)) scriptUrls.push(`${where}=${attribute.value}`);
    }
  }
  return {
    scripts: [...document.querySelectorAll('script')].map((s) => ({ type: s.type, src: s.getAttribute('src'), hasNonce: s.nonce !== '', text: s.src ? '' : s.textContent.trim().slice(0, 200) })),
    handlers,
    scriptUrls,
    active: [...document.querySelectorAll(ACTIVE)].map((e) => e.outerHTML.slice(0, 120)),
    styles: [...document.querySelectorAll('style')].length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ?? '',
    text: document.body?.innerText ?? '',
    hits: [...(window.__safetyHits ?? [])],
  };
}

/** Strings of the fixture a reader must see verbatim. */
export function literalTexts(blueprint) {
  return [
    blueprint.role?.title,
    blueprint.mission,
    blueprint.kpis?.[0]?.name,
    blueprint.kpis?.[0]?.measures,
    blueprint.tools?.[0]?.name,
    blueprint.hiring?.scorecard?.[0]?.dimension,
  ].filter((text) => typeof text === 'string');
}

const normalise = (text) => text.replace(/\s+/g, ' ').trim();

async function main() {
  const file = resolve(process.argv[2] ?? join(ROOT, 'test/e2e/fixtures/hostile.role.yaml'));
  const cli = process.env.ROLE_BLUEPRINT_CLI ?? join(ROOT, 'dist/cli.js');
  for (const needed of [file, cli]) {
    if (!existsSync(needed)) {
      console.error(`preview-safety-check: ${needed} does not exist${needed === cli ? ' (run npm run build)' : ''}`);
      process.exit(2);
    }
  }
  const { parse } = await import('yaml');
  const { marked } = await import('marked');
  const { launchChromium } = await import('../test/e2e/browser.mjs');
  const blueprint = parse(readFileSync(file, 'utf8')) ?? {};
  const expectedTexts = literalTexts(blueprint).map(normalise);
  const workDir = mkdtempSync(join(tmpdir(), 'preview-safety-'));
  const render = (format) => execFileSync(process.execPath, [cli, 'render', file, '--format', format], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

  const failures = [];
  const check = (ok, message) => {
    if (!ok) failures.push(message);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  };

  const markdown = render('markdown');
  check(!/<[a-z!/?]/i.test(markdown), 'markdown: no raw HTML tag (every < is escaped)');
  check(!/(^|[^\\])\]\(\s*javascript:/im.test(markdown), 'markdown: no javascript: link');
  const pages = [
    { name: 'html', html: render('html'), scripts: [] },
    { name: 'jobposting', html: render('jobposting'), scripts: ['application/ld+json'] },
    // The Markdown as a Markdown previewer shows it: raw HTML passes through, so escaping must hold.
    { name: 'markdown via marked', html: `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>${marked.parse(markdown)}</body></html>`, scripts: [], noCsp: true },
  ];

  const browser = await launchChromium({ tmp: workDir, home: workDir });
  /** Loads `html` as a file page with the traps installed, pokes it like a user, and audits it. */
  const inspect = async (label, html) => {
    const context = await browser.newContext();
    await context.addInitScript(installTraps);
    const tab = await context.newPage();
    const dialogs = [];
    const errors = [];
    const requests = [];
    tab.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    tab.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    tab.on('pageerror', (error) => errors.push(error.message));
    tab.on('request', (request) => {
      if (!/^(file|data):/.test(request.url())) requests.push(request.url());
    });
    const htmlFile = join(workDir, `${label.replace(/\W+/g, '-')}.html`);
    writeFileSync(htmlFile, html);
    await tab.goto(pathToFileURL(htmlFile).href, { waitUntil: 'load' });
    // Hover, focus and click everything, so handlers that need a user would fire too (links
    // are not clicked: a real one would leave the page; javascript: ones are audited).
    await tab.evaluate(() => {
      for (const element of document.querySelectorAll('body *')) {
        for (const type of ['mouseover', 'mouseenter', 'focus', 'toggle', 'click']) {
          if (type === 'click' && element.closest('a[href]')) continue;
          element.dispatchEvent(new Event(type, { bubbles: true }));
        }
      }
    });
    await tab.waitForLoadState('networkidle');
    const audit = await tab.evaluate(auditDocument);
    await context.close();
    return { ...audit, dialogs, errors, requests };
  };

  try {
    // The traps must catch a payload that does run, or passing proves nothing.
    const control = await inspect('control', `<!DOCTYPE html><body><img src=x onerror="window.__ran.push('control'); alert('control')"><a href="javascript:void 0">x</a><iframe srcdoc="<script>parent.__ran.push('control-frame')</script>"></iframe></body>`);
    check(control.hits.length >= 2 && control.dialogs.length === 1 && control.handlers.length === 1 && control.scriptUrls.length === 1 && control.active.length === 1, `control page with live payloads: detected (${control.hits.length} trap hits, ${control.dialogs.length} dialog, ${control.handlers.length} handler, ${control.scriptUrls.length} javascript: URL, ${control.active.length} iframe)`);

    for (const page of pages) {
      const variants = page.noCsp ? [['', page.html]] : [['', page.html], [' without CSP', page.html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/i, '')]];
      if (variants.length === 2) check(variants[1][1] !== page.html, `${page.name}: has a CSP meta to remove`);
      for (const [variant, html] of variants) {
        const label = `${page.name}${variant}`;
        const audit = await inspect(label, html);
        const text = normalise(audit.text);
        check(audit.hits.length === 0, `${label}: no payload ran${audit.hits.length ? ` (${audit.hits.join(' | ')})` : ''}`);
        check(audit.dialogs.length === 0, `${label}: no dialog${audit.dialogs.length ? ` (${audit.dialogs.join(' | ')})` : ''}`);
        check(audit.errors.length === 0, `${label}: no console or page error${audit.errors.length ? ` (${audit.errors.join(' | ')})` : ''}`);
        check(audit.requests.length === 0, `${label}: no request leaves the page${audit.requests.length ? ` (${audit.requests.join(', ')})` : ''}`);
        const scriptTypes = audit.scripts.map((s) => s.type || `classic ${s.src ?? 'inline'}`);
        check(JSON.stringify(scriptTypes) === JSON.stringify(page.scripts), `${label}: scripts [${scriptTypes.join(', ')}] = [${page.scripts.join(', ')}]`);
        check(audit.handlers.length === 0, `${label}: no on* attribute${audit.handlers.length ? ` (${audit.handlers.join(', ')})` : ''}`);
        check(audit.scriptUrls.length === 0, `${label}: no javascript: URL${audit.scriptUrls.length ? ` (${audit.scriptUrls.join(', ')})` : ''}`);
        check(audit.active.length === 0, `${label}: no iframe/object/embed/base/form/meta refresh${audit.active.length ? ` (${audit.active.join(', ')})` : ''}`);
        if (!variant && !page.noCsp) check(/default-src 'none'/.test(audit.csp) && !/script-src/.test(audit.csp), `${label}: CSP "${audit.csp}" allows no script`);
        // The posting page shows only some fields; the others show every one checked here.
        const expected = page.name === 'jobposting' ? [normalise(blueprint.role.title)] : expectedTexts;
        const missing = expected.filter((literal) => !text.includes(literal));
        check(missing.length === 0, `${label}: the injected text is shown literally${missing.length ? ` (missing: ${missing.join(' | ')})` : ''}`);
      }
    }
  } finally {
    await browser.close();
    rmSync(workDir, { recursive: true, force: true });
  }
  if (failures.length) {
    console.error(`preview-safety-check: ${failures.length} check(s) failed`);
    process.exit(1);
  }
  console.log('preview-safety-check: nothing ran; all checks passed');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
