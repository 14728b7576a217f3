#!/usr/bin/env node
// Renders a blueprint to a standalone HTML page and checks its layout in headless Chromium, in
// the light and the dark colour scheme: section headings, table row counts, no horizontal
// overflow (wide and narrow viewport), readable text. Saves screenshots to .e2e/screenshots/.
//
//   node scripts/render-screenshot-check.mjs [FILE.role.yaml]
//
// Renders with the bundled CLI (`node dist/cli.js render FILE -o OUT.html`; run `npm run build`
// first), the code that ships; ROLE_BLUEPRINT_CLI names another bundle (npm run test:e2e passes
// the one inside the .vsix under test). Exits 1 on any failed check.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { launchChromium } from '../test/e2e/browser.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const defaultFile = ['examples/lead-mlops-engineer.role.yaml', 'test/fixtures/render/full.role.yaml'].map((f) => join(root, f)).find((f) => existsSync(f));
const file = resolve(process.argv[2] ?? defaultFile ?? '');
if (!existsSync(file)) {
  console.error(`render-screenshot-check: no blueprint file: ${file}`);
  process.exit(2);
}
const cli = process.env.ROLE_BLUEPRINT_CLI ?? join(root, 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error(`render-screenshot-check: ${cli} does not exist (run npm run build)`);
  process.exit(2);
}
const outDir = join(root, '.e2e', 'screenshots');
mkdirSync(outDir, { recursive: true });
// The page itself goes to a private temp dir: .e2e/ is shared with the other e2e tiers.
const workDir = mkdtempSync(join(tmpdir(), 'render-check-'));
const htmlFile = join(workDir, 'render.html');

execFileSync(process.execPath, [cli, 'render', file, '-o', htmlFile], { stdio: 'inherit' });

// The expected counts come from the YAML itself, not from the renderer.
const value = parse(readFileSync(file, 'utf8')) ?? {};
const expected = {
  kpis: Array.isArray(value.kpis) ? value.kpis.length : 0,
  tools: Array.isArray(value.tools) ? value.tools.length : 0,
  scorecard: Array.isArray(value.hiring?.scorecard) ? value.hiring.scorecard.length : 0,
};

const failures = [];
const check = (ok, message) => {
  if (!ok) failures.push(message);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
};

const browser = await launchChromium({ tmp: workDir, home: workDir });
try {
  for (const scheme of ['light', 'dark']) {
    const context = await browser.newContext({ colorScheme: scheme, viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const requests = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) requests.push(r.url());
    });
    await page.goto(pathToFileURL(htmlFile).href);
    const facts = await page.evaluate(() => {
      const rows = (selector) => document.querySelectorAll(`${selector} tbody tr:not(.bp-callout-row)`).length;
      const body = getComputedStyle(document.body);
      const luminance = (css) => {
        const [r, g, b] = (css.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map((n) => {
          const c = Number(n) / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const [l1, l2] = [luminance(body.color), luminance(body.backgroundColor)].sort((a, b) => b - a);
      return {
        headings: [...document.querySelectorAll('section[id^="section-"] > h2')].map((h) => h.textContent),
        kpiTables: document.querySelectorAll('table.bp-table-kpis').length,
        kpiRows: rows('table.bp-table-kpis'),
        toolRows: rows('table.bp-table-tools'),
        scorecardRows: rows('table.bp-table-scorecard'),
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
        color: body.color,
        background: body.backgroundColor,
        contrast: (l1 + 0.05) / (l2 + 0.05),
        csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
        sentinel: Number(document.querySelector('.bp-sentinel')?.getAttribute('data-line') ?? -1),
      };
    });
    const sectionHeadings = facts.headings.filter((h) => /^\d+\.\s/.test(h.trim()));
    check(sectionHeadings.length === 20, `${scheme}: 20 numbered section headings (found ${sectionHeadings.length})`);
    check(facts.kpiTables === (expected.kpis ? 1 : 0), `${scheme}: KPI table present`);
    check(facts.kpiRows === expected.kpis, `${scheme}: KPI rows ${facts.kpiRows} = ${expected.kpis}`);
    check(facts.toolRows === expected.tools, `${scheme}: tool rows ${facts.toolRows} = ${expected.tools}`);
    check(facts.scorecardRows === expected.scorecard, `${scheme}: scorecard rows ${facts.scorecardRows} = ${expected.scorecard}`);
    check(facts.scrollWidth <= facts.innerWidth, `${scheme}: no horizontal overflow at ${facts.innerWidth}px (scrollWidth ${facts.scrollWidth})`);
    check(facts.color !== facts.background && facts.contrast >= 7, `${scheme}: text ${facts.color} on ${facts.background}, contrast ${facts.contrast.toFixed(1)}`);
    check(facts.csp.includes("default-src 'none'"), `${scheme}: strict CSP meta`);
    check(facts.sentinel > 0, `${scheme}: source-map sentinel at line ${facts.sentinel}`);
    check(requests.length === 0, `${scheme}: no remote requests${requests.length ? ` (${requests.join(', ')})` : ''}`);
    const shot = join(outDir, `render-${scheme}.png`);
    await page.screenshot({ path: shot, fullPage: true });
    console.log(`     screenshot ${shot}`);

    // Phones and narrow editor columns: wide tables must scroll inside their box, not the page.
    await page.setViewportSize({ width: 380, height: 800 });
    const narrow = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    check(narrow.scrollWidth <= narrow.innerWidth, `${scheme}: no horizontal overflow at ${narrow.innerWidth}px (scrollWidth ${narrow.scrollWidth})`);
    if (scheme === 'light') await page.screenshot({ path: join(outDir, 'render-narrow.png'), fullPage: false });
    await context.close();
  }
} finally {
  await browser.close();
  rmSync(workDir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`render-screenshot-check: ${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('render-screenshot-check: all checks passed');
