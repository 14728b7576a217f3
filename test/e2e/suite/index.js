// Mocha runner for the integration tests. VS Code loads this file inside the extension host
// (extensionTestsPath) and calls `run()`; the promise's outcome becomes the test exit code.
// It runs from the repository (mocha comes from the repo's node_modules) while the extension
// under test is the unzipped .vsix given as extensionDevelopmentPath.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const util = require('node:util');
const Mocha = require('mocha');

// The workbench forwards all of its console to the runner; this prefix marks the suite's lines
// so the runner can show them and keep the rest in a log file (scripts/e2e-run.mjs).
const LOG_PREFIX = '[e2e] ';
const report = (...args) =>
  console.log(util.format(...args).split('\n').map((line) => LOG_PREFIX + line).join('\n'));

/** Every `*.test.js` below this folder, in a stable order. */
function findTestFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

function run() {
  Mocha.reporters.Base.consoleLog = report;
  const mocha = new Mocha({
    ui: 'tdd',
    // The extension host's console is forwarded to the runner's log: no colours, one line per test.
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.ROLE_BLUEPRINT_E2E_TEST_TIMEOUT_MS) || 30000,
    grep: process.env.ROLE_BLUEPRINT_E2E_GREP || undefined,
  });
  const files = findTestFiles(__dirname);
  for (const file of files) mocha.addFile(file);
  report(`${files.length} test file(s): ${files.map((f) => path.relative(__dirname, f)).join(', ')}`);

  return new Promise((resolve, reject) => {
    try {
      mocha.run((failures) => {
        report(`${failures} failure(s)`);
        if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
        else resolve();
      });
    } catch (err) {
      report('mocha could not run: %s', err?.stack ?? err);
      reject(err);
    }
  });
}

module.exports = { run };
