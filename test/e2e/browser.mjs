// Drives code-server's workbench with Debian's Chromium through playwright-core:
// the extension integration tests (payload + codeAutomation* hooks) and the UI checks.
import { readdir } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Headless Chromium whose temp files and crash reports stay in the run folder. */
export function launchChromium(runDir) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    env: { ...process.env, TMPDIR: runDir.tmp, HOME: runDir.home },
  });
}

/** The workbench URL for `folder`, with an optional payload (pairs of [name, value]). */
export function workbenchUrl(baseUrl, folder, payload) {
  const query = new URLSearchParams({ folder });
  if (payload) query.set('payload', JSON.stringify(payload));
  return `${baseUrl}/?${query}`;
}

/** Absolute server path -> the URI the browser workbench uses for files on the code-server side. */
export const remoteUri = (baseUrl, absolutePath) => `vscode-remote://${new URL(baseUrl).host}${absolutePath}`;

/**
 * Runs the mocha suite inside the extension host: the workbench loads `extensionPath` as a
 * development extension and calls `run()` of `testsPath`. Resolves to the suite's exit code.
 */
export async function runIntegrationTests({ browser, baseUrl, folder, extensionPath, testsPath, timeoutMs, logLine }) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  let watchdog;
  let finish;
  const exitCode = new Promise((resolveExit) => (finish = resolveExit));
  try {
    // The workbench (enable-smoke-test-driver) reports the extension host's console and the
    // tests' outcome through these two functions.
    await page.exposeFunction('codeAutomationLog', (type, args) => logLine(type, Array.isArray(args) ? args : [args]));
    await page.exposeFunction('codeAutomationExit', (code) => finish(Number(code)));
    page.on('pageerror', (err) => logLine('error', [`page error: ${err.message}`]));
    watchdog = setTimeout(() => {
      logLine('error', [`watchdog: no result after ${timeoutMs / 1000} s`]);
      finish(124);
    }, timeoutMs);
    const payload = [
      ['extensionDevelopmentPath', remoteUri(baseUrl, extensionPath)],
      ['extensionTestsPath', remoteUri(baseUrl, testsPath)],
      ['skipWelcome', 'true'],
      ['skipReleaseNotes', 'true'],
    ];
    // Not awaited: the result may come before the page's load event, and the watchdog must
    // also cover a page that never loads.
    page.goto(workbenchUrl(baseUrl, folder, payload)).catch((err) => {
      if (page.isClosed()) return; // closed by us after the result
      logLine('error', [`could not open the workbench: ${err.message}`]);
      finish(1);
    });
    return await exitCode;
  } finally {
    clearTimeout(watchdog);
    await context.close().catch(() => {});
  }
}

/**
 * Loads every `*.check.mjs` in `checksDir` (each exports `checks`: [{ name, run }]) and runs each
 * check on a fresh workbench page. A check gets { page, workbench, folder, screenshot }.
 * Returns the list of failures; a screenshot is taken after every check, pass or fail.
 */
export async function runUiChecks({ browser, baseUrl, folder, checksDir, screenshotsDir, only, log }) {
  mkdirSync(screenshotsDir, { recursive: true });
  const { Workbench } = await import(pathToFileURL(join(checksDir, 'workbench.mjs')).href);
  const files = (await readdir(checksDir)).filter((f) => f.endsWith('.check.mjs')).sort();
  const failures = [];
  for (const file of files) {
    const { checks } = await import(pathToFileURL(join(checksDir, file)).href);
    for (const check of checks) {
      const name = `${file.replace(/\.check\.mjs$/, '')} › ${check.name}`;
      if (only && !name.includes(only)) continue;
      const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
      const page = await context.newPage();
      const pageErrors = [];
      page.on('pageerror', (err) => pageErrors.push(err.message));
      const screenshot = (label) => page.screenshot({ path: join(screenshotsDir, `${slug}${label ? `-${label}` : ''}.png`) });
      const started = Date.now();
      try {
        await page.goto(workbenchUrl(baseUrl, folder));
        const workbench = new Workbench(page);
        await workbench.ready();
        await check.run({ page, workbench, folder, screenshot });
        log(`  ✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
      } catch (err) {
        failures.push({ name, error: err });
        log(`  ✗ ${name}: ${err.stack ?? err}`);
        if (pageErrors.length) log(`    page errors: ${pageErrors.join(' | ')}`);
      } finally {
        await screenshot().catch(() => {});
        await context.close().catch(() => {});
      }
    }
  }
  return failures;
}
