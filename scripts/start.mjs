#!/usr/bin/env node
// npm start — try the packaged extension in a real editor with examples/ open.
// Builds and packages the .vsix, then:
//   - with a desktop VS Code (`code` on PATH): installs the .vsix there and opens examples/;
//   - otherwise: runs the e2e setup (.tools/code-server) and serves VS Code in the browser on
//     http://127.0.0.1:PORT (8080 when free, else any free port; `--port N` or PORT to choose)
//     with the .vsix installed, until Ctrl-C / SIGTERM, which stops it and removes its temp folder.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseArgs } from 'node:util';
import { ROOT, createRunDir, freePort, installVsix, log, packageExtension, removeRunDir, run, runSetup, startCodeServer } from './code-server.mjs';

const { values: options } = parseArgs({ options: { port: { type: 'string' } } });
const EXAMPLES = join(ROOT, 'examples');

/** The full path of `command` on PATH, or undefined. */
function onPath(command) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not here
    }
  }
  return undefined;
}

const vsix = await packageExtension();

const code = onPath('code');
if (code) {
  log(`installing ${vsix} into ${code}`);
  await run(code, ['--install-extension', vsix, '--force']);
  await run(code, [EXAMPLES]);
  log('opened examples/ in VS Code');
  process.exit(0);
}

await runSetup();
const runDir = await createRunDir('role-blueprint-start');
let server;
let stopping = false;
async function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  log('stopping code-server');
  await server?.stop().catch(() => {});
  await removeRunDir(runDir).catch(() => {});
  process.exit(exitCode);
}
process.once('SIGINT', () => stop(0));
process.once('SIGTERM', () => stop(0));

try {
  await installVsix(runDir, vsix);
  const port = await freePort(Number(options.port ?? process.env.PORT) || 8080);
  server = await startCodeServer({ runDir, port, folder: EXAMPLES });
  server.process.once('exit', (exitCode, signal) => {
    if (stopping) return;
    log(`code-server exited on its own (${signal ?? exitCode}); its log: ${runDir.codeServerLog}`);
    stop(1);
  });
  log(`Role Blueprint in VS Code: ${server.url}/?folder=${encodeURIComponent(EXAMPLES)}`);
  log('Ctrl-C stops it.');
} catch (err) {
  log(`npm start failed: ${err.stack ?? err}`);
  await stop(1);
}
