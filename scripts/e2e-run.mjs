#!/usr/bin/env node
// npm run test:e2e — the packaged extension in a real VS Code (code-server + headless Chromium):
//   1. setup (.tools/: chromium, Node 24, code-server), 2. npm run package (.vsix),
//   3. integration tests: the unzipped .vsix as development extension, mocha suite in the
//      extension host (test/e2e/suite), 4. UI checks on the workbench with the .vsix installed
//      (test/e2e/ui/*.check.mjs), screenshots in .e2e/screenshots/, then the page checks of the
//      CLI's output in Chromium (render-screenshot-check, preview-safety-check), 5. cleanup.
// Options: --skip-setup, --skip-package (reuse dist-vsix/role-blueprint.vsix), --suite-only,
// --ui-only, --grep TEXT (filters both), --keep (leave the run folder for debugging),
// --update-docs (the preview UI check also writes the README's docs/images/editor-with-preview.png).
// Env: E2E_TIMEOUT_MS (integration-test watchdog, default 300000).
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { format, parseArgs } from 'node:util';
import {
  ROOT, VSIX, createRunDir, freePort, installVsix, log, packageExtension, prepareWorkspace, removeRunDir, run, runSetup,
  startCodeServer, timed, unzipVsix,
} from './code-server.mjs';

const { values: options } = parseArgs({
  options: {
    'skip-setup': { type: 'boolean' },
    'skip-package': { type: 'boolean' },
    'suite-only': { type: 'boolean' },
    'ui-only': { type: 'boolean' },
    grep: { type: 'string' },
    keep: { type: 'boolean' },
    'update-docs': { type: 'boolean' },
  },
});

const E2E_DIR = join(ROOT, 'test/e2e');
const OUTPUT_DIR = join(ROOT, '.e2e');
const LOG_DIR = join(OUTPUT_DIR, 'logs');
const SUITE_PREFIX = '[e2e] ';
/** Standalone checks of the CLI's rendered pages in headless Chromium: [name, script]. */
const PAGE_CHECKS = [
  ['render screenshot check', 'scripts/render-screenshot-check.mjs'],
  ['preview safety check', 'scripts/preview-safety-check.mjs'],
];
const timings = {};
const cleanups = [];
let failed = false;

async function cleanup() {
  while (cleanups.length) {
    try {
      await cleanups.pop()();
    } catch (err) {
      log(`cleanup: ${err.message}`);
    }
  }
}

// Ctrl-C / CI cancellation: stop the editor and browser, remove the run folder, then exit.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    log(`${signal}: cleaning up`);
    cleanup().finally(() => process.exit(130));
  });
}

async function main() {
  if (!options['skip-setup']) await timed(timings, 'setup', runSetup);
  if (!options['skip-package']) await timed(timings, 'package', packageExtension);
  else if (!existsSync(VSIX)) throw new Error(`--skip-package: ${VSIX} does not exist`);

  // Imported only now: playwright-core is a devDependency, setup must not depend on it.
  const { launchChromium, runIntegrationTests, runUiChecks } = await import('../test/e2e/browser.mjs');

  const runDir = await createRunDir('role-blueprint-e2e');
  // Chromium's and Playwright's own temp files go to the run folder as well.
  process.env.TMPDIR = runDir.tmp;
  cleanups.push(async () => {
    if (options.keep) log(`kept ${runDir.dir}`);
    else await removeRunDir(runDir);
  });
  cleanups.push(async () => {
    // Keep code-server's log for CI artifacts and failure analysis.
    await mkdir(LOG_DIR, { recursive: true });
    if (existsSync(runDir.codeServerLog)) await copyFile(runDir.codeServerLog, join(LOG_DIR, 'code-server.log'));
  });

  const extensionPath = await unzipVsix(VSIX, join(runDir.dir, 'vsix'));
  const workspace = await prepareWorkspace(join(runDir.dir, 'workspace'));
  await timed(timings, 'install .vsix', () => installVsix(runDir, VSIX));

  const port = await freePort();
  const server = await timed(timings, 'code-server start', () =>
    startCodeServer({
      runDir,
      port,
      folder: workspace,
      smokeTestDriver: true,
      // Read by test/e2e/suite: which folder is under test, and an optional filter.
      env: { ROLE_BLUEPRINT_E2E_EXTENSION_PATH: extensionPath, ...(options.grep ? { ROLE_BLUEPRINT_E2E_GREP: options.grep } : {}) },
    }),
  );
  cleanups.push(server.stop);
  log(`code-server at ${server.url}, workspace ${workspace}`);

  const browser = await launchChromium(runDir);
  cleanups.push(() => Promise.race([browser.close(), new Promise((r) => setTimeout(r, 10000))]));

  if (!options['ui-only']) {
    // The workbench forwards its whole console (and the extension host's) here: the suite's own
    // lines, marked by test/e2e/suite/index.js, are shown; everything goes to the log file.
    await mkdir(LOG_DIR, { recursive: true });
    const workbenchLog = createWriteStream(join(LOG_DIR, 'workbench.log'));
    cleanups.push(() => new Promise((r) => workbenchLog.end(r)));
    const exitCode = await timed(timings, 'integration tests', () =>
      runIntegrationTests({
        browser,
        baseUrl: server.url,
        folder: workspace,
        extensionPath,
        testsPath: join(E2E_DIR, 'suite/index.js'),
        timeoutMs: Number(process.env.E2E_TIMEOUT_MS) || 300000,
        logLine: (type, args) => {
          for (const line of format(...args).split('\n')) {
            workbenchLog.write(`${type}: ${line}\n`);
            if (line.startsWith(SUITE_PREFIX)) console.log(`  ${line.slice(SUITE_PREFIX.length)}`);
          }
        },
      }),
    );
    log(`integration tests exit code ${exitCode}`);
    if (exitCode !== 0) {
      failed = true;
      log(`the workbench's console is in ${join(LOG_DIR, 'workbench.log')}`);
    }
  }

  if (!options['suite-only']) {
    if (options['update-docs']) process.env.ROLE_BLUEPRINT_E2E_UPDATE_DOCS = '1';
    const screenshotsDir = join(OUTPUT_DIR, 'screenshots');
    await rm(screenshotsDir, { recursive: true, force: true });
    const failures = await timed(timings, 'UI checks', () =>
      runUiChecks({ browser, baseUrl: server.url, folder: workspace, checksDir: join(E2E_DIR, 'ui'), screenshotsDir, only: options.grep, log }),
    );
    log(`UI checks: ${failures.length} failure(s); screenshots in ${screenshotsDir}`);
    if (failures.length) failed = true;

    // Page checks of the rendered output in plain Chromium (after the UI checks, which clear the
    // screenshots folder): layout and colour schemes, and that hostile content runs nothing.
    for (const [name, script] of PAGE_CHECKS) {
      if (options.grep && !name.includes(options.grep)) continue;
      try {
        // With the CLI the .vsix ships (dist/ may be older than the .vsix under test).
        const env = { ...process.env, TMPDIR: runDir.tmp, HOME: runDir.home, ROLE_BLUEPRINT_CLI: join(extensionPath, 'dist', 'cli.js') };
        await timed(timings, name, () => run(process.execPath, [join(ROOT, script)], { env }));
      } catch (err) {
        failed = true;
        log(`${name} failed: ${err.message}`);
      }
    }
  }
}

// A closed stdout (e.g. piped into `head`) must not kill the run before it has cleaned up.
process.stdout.on('error', () => {});
const started = Date.now();
try {
  await main();
} catch (err) {
  failed = true;
  log(`e2e failed: ${err.stack ?? err}`);
} finally {
  await cleanup();
}
timings.total = (Date.now() - started) / 1000;
log(`timings (s): ${Object.entries(timings).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
if (failed) {
  log(`FAILED — code-server log: ${join(LOG_DIR, 'code-server.log')}`);
  process.exit(1);
}
log('e2e passed');
