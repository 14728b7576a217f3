// The preview as a person sees it: beside the editor, following the typing, and showing
// hostile text as text. Also takes the README's screenshot (docs/images/editor-with-preview.png,
// written with `npm run test:e2e -- --update-docs`).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { auditDocument, installTraps, literalTexts } from '../../../scripts/preview-safety-check.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const README_SCREENSHOT = join(ROOT, 'docs/images/editor-with-preview.png');
/** Top-level keys that are not one of the 20 numbered sections. */
const NOT_SECTIONS = new Set(['blueprint', 'role', 'posting', 'notes']);

const readBlueprint = (folder, relativePath) => parse(readFileSync(join(folder, relativePath), 'utf8'));

async function openPreviewBeside(workbench) {
  await workbench.runCommand('Role Blueprint: Open Preview to the Side');
  return workbench.webview();
}

export const checks = [
  {
    name: 'the preview beside the editor shows the title, the KPI table and the status item its sections (README screenshot)',
    async run({ page, workbench, folder, screenshot }) {
      await page.setViewportSize({ width: 1280, height: 800 });
      const file = 'lead-mlops-engineer.role.yaml';
      const blueprint = readBlueprint(folder, file);
      await workbench.openFile(file);
      const preview = await openPreviewBeside(workbench);
      await preview.locator('h1', { hasText: blueprint.role.title }).waitFor();
      const kpiRows = preview.locator('table.bp-table-kpis tbody tr:not(.bp-callout-row)');
      await kpiRows.first().waitFor();
      assert.equal(await kpiRows.count(), blueprint.kpis.length);
      const sections = Object.keys(blueprint).filter((key) => !NOT_SECTIONS.has(key)).length;
      await workbench.statusItem(`${sections}/20 sections`).waitFor();

      // For the README: the side bar closed, so the editor and the preview share the window.
      await workbench.runCommand('View: Toggle Primary Side Bar Visibility');
      await page.locator('.part.sidebar').waitFor({ state: 'hidden' });
      await preview.locator('h1', { hasText: blueprint.role.title }).waitFor();
      // The cursor at the top (the command palette's click left it mid-file, its word highlighted).
      await workbench.goTo(1, 1);
      await page.mouse.move(0, 0);
      await screenshot('readme');
      // The committed copy changes only on request (npm run test:e2e -- --update-docs).
      if (process.env.ROLE_BLUEPRINT_E2E_UPDATE_DOCS) {
        mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
        await page.screenshot({ path: README_SCREENSHOT });
      }
    },
  },
  {
    name: 'the preview follows typing in the source without a save',
    async run({ page, workbench }) {
      await workbench.openFile('fixtures/smoke.role.yaml');
      const preview = await openPreviewBeside(workbench);
      await preview.locator('h1', { hasText: 'Platform Engineer' }).waitFor();
      await workbench.goTo(3, 1);
      await page.keyboard.press('End');
      await page.keyboard.type(' II');
      await preview.locator('h1', { hasText: 'Platform Engineer II' }).waitFor();
      // A new KPI row typed at the end of the list shows up as a table row.
      const kpiRows = preview.locator('table.bp-table-kpis tbody tr:not(.bp-callout-row)');
      assert.equal(await kpiRows.count(), 1);
      // A new line after the last KPI field (line 13); its auto-indent is replaced, whatever it is.
      await workbench.goTo(13, 1);
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.type('  - name: Lead time for changes');
      await preview.locator('table.bp-table-kpis', { hasText: 'Lead time for changes' }).waitFor();
      assert.equal(await kpiRows.count(), 2);
      await workbench.editor().click();
      await workbench.revert();
    },
  },
  {
    name: 'the preview and the editor scroll together: to a line in the editor, and the editor to what the preview shows',
    async run({ page, workbench, folder }) {
      await page.setViewportSize({ width: 1280, height: 800 });
      const file = 'lead-mlops-engineer.role.yaml';
      const lines = readFileSync(join(folder, file), 'utf8').split('\n');
      const lineOf = (key) => lines.indexOf(`${key}:`);
      await workbench.openFile(file);
      const preview = await openPreviewBeside(workbench);
      await preview.locator('h1').first().waitFor();
      const frame = await workbench.webviewFrame();
      // Where the block rendered from a source line (0-based) is, against the preview's viewport.
      const placeOf = (line) => frame.evaluate((at) => {
        const element = document.querySelector(`.code-line[data-line="${at}"]`);
        if (!element) return undefined;
        const { top } = element.getBoundingClientRect();
        return { top, height: window.innerHeight, scrollY: window.scrollY };
      }, line);
      const until = async (condition, what) => {
        const deadline = Date.now() + 15000;
        for (let value = await condition(); !value; value = await condition()) {
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
          await page.waitForTimeout(100);
        }
      };
      const inView = (place) => place !== undefined && place.top >= 0 && place.top < place.height;

      // Editor → preview: the cursor sent far down the file brings the tools section into view.
      const tools = lineOf('tools');
      assert.ok(tools > 300, 'tools is far down the file');
      assert.ok(!inView(await placeOf(tools)), 'the tools section is not in view at first');
      await workbench.goTo(tools + 1, 1);
      await until(async () => inView(await placeOf(tools)), 'the tools section in the preview');

      // Preview → editor: the preview scrolled to the KPI section brings its lines to the editor.
      const kpis = lineOf('kpis');
      await frame.evaluate((at) => document.querySelector(`.code-line[data-line="${at}"]`).scrollIntoView({ block: 'start' }), kpis);
      const sourceEditor = page.locator('.editor-group-container').first().locator('.monaco-editor').first();
      const visibleLineNumbers = () => sourceEditor.locator('.line-numbers').evaluateAll((nodes) => nodes.map((n) => Number(n.textContent)).filter((n) => n > 0));
      await until(async () => {
        const numbers = await visibleLineNumbers();
        return numbers.includes(kpis + 1) && !numbers.includes(tools + 1);
      }, `the editor to show line ${kpis + 1} (kpis:)`);
    },
  },
  {
    name: 'a hostile blueprint shows its markup as text in the preview webview and nothing runs',
    async run({ page, workbench, folder, screenshot }) {
      const file = 'fixtures/hostile.role.yaml';
      const blueprint = readBlueprint(folder, file);
      const dialogs = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      // Every frame created from now on (the webview's) gets the traps before its own scripts.
      await page.context().addInitScript(installTraps);
      await workbench.openFile(file);
      const preview = await openPreviewBeside(workbench);
      const title = preview.locator('h1');
      await title.filter({ hasText: '<img src=x onerror=' }).waitFor();
      assert.equal((await title.innerText()).replace(/\s+/g, ' ').trim(), blueprint.role.title.replace(/\s+/g, ' ').trim());
      await preview.locator('table.bp-table-kpis').waitFor();
      const frame = await workbench.webviewFrame();
      // Hover, focus and click everything but links, as the standalone check does.
      await frame.evaluate(() => {
        for (const element of document.querySelectorAll('main *')) {
          for (const type of ['mouseover', 'focus', 'toggle', 'click']) {
            if (type === 'click' && element.closest('a[href]')) continue;
            element.dispatchEvent(new Event(type, { bubbles: true }));
          }
        }
      });
      assert.ok(await frame.evaluate(() => Array.isArray(window.__safetyHits)), 'the traps are installed in the webview');
      const audit = await frame.evaluate(auditDocument);
      await screenshot('hostile');
      assert.deepEqual(audit.hits, [], 'no payload touched window.__ran, no CSP violation');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(audit.handlers, [], 'no on* attribute');
      assert.deepEqual(audit.scriptUrls, [], 'no javascript: URL');
      assert.deepEqual(audit.active, [], 'no iframe, object, embed, base, form or meta refresh');
      // Two scripts: VS Code's own (it injects acquireVsCodeApi into every webview) and the
      // preview's, loaded from the extension under the page's nonce. Nothing from the blueprint.
      assert.equal(audit.scripts.length, 2, JSON.stringify(audit.scripts));
      assert.match(audit.scripts[0].text, /^globalThis\.acquireVsCodeApi = /);
      assert.match(audit.scripts[1].src, /\/media\/dist\/preview\.js$/);
      assert.ok(audit.scripts[1].hasNonce);
      assert.match(audit.csp, /default-src 'none'/);
      assert.match(audit.csp, /script-src 'nonce-[A-Za-z0-9]+'(;|$)/);
      const text = audit.text.replace(/\s+/g, ' ');
      for (const literal of literalTexts(blueprint)) assert.ok(text.includes(literal.replace(/\s+/g, ' ').trim()), `shown literally: ${literal}`);
    },
  },
];
