#!/usr/bin/env node
// npm run test:electron — the same integration suite (test/e2e/suite) in desktop VS Code via
// @vscode/test-electron. It downloads VS Code from Microsoft at run time, so it needs a network;
// CI here uses npm run test:e2e (code-server) instead. Like test:e2e it tests the packaged
// extension: the .vsix is built and unzipped, and its extension/ folder is the one under test.
// Env: VSCODE_VERSION (default: the minimum from engines.vscode; 'stable' or 'insiders' work too).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT, createRunDir, packageExtension, prepareWorkspace, removeRunDir, unzipVsix } from '../../scripts/code-server.mjs';

const manifest = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
const version = process.env.VSCODE_VERSION || manifest.engines.vscode.replace(/^[^\d]*/, '');

const runDir = await createRunDir('role-blueprint-electron');
let exitCode = 1;
try {
  const vsix = await packageExtension();
  const extensionPath = await unzipVsix(vsix, join(runDir.dir, 'vsix'));
  const workspace = await prepareWorkspace(join(runDir.dir, 'workspace'));
  // runTests rejects when the tests fail (TestRunFailedError) and resolves to 0 otherwise.
  exitCode = await runTests({
    version,
    extensionDevelopmentPath: extensionPath,
    extensionTestsPath: join(ROOT, 'test/e2e/suite/index.js'),
    extensionTestsEnv: { ROLE_BLUEPRINT_E2E_EXTENSION_PATH: extensionPath },
    launchArgs: [
      workspace,
      '--user-data-dir', runDir.user,
      '--extensions-dir', runDir.exts,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--skip-welcome',
      '--skip-release-notes',
    ],
  });
} catch (err) {
  console.error(`test:electron failed: ${err.stack ?? err}`);
  exitCode = typeof err.code === 'number' && err.code !== 0 ? err.code : 1;
} finally {
  await removeRunDir(runDir);
}
process.exit(exitCode);
