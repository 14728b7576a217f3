import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { CLI_ENTRY_POINTS, nodeBundleOptions } from '../../scripts/bundles.mjs';
import { runCli } from '../../server/src/cli/main';
import type { CliIO } from '../../server/src/cli/io';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the CLI in process with captured output, in `cwd`. */
export async function cli(args: string[], cwd: string): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { cwd, out: (t) => (stdout += t), err: (t) => (stderr += t) };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

/** A temporary folder with the given files, removed by the returned function. */
export function tempDir(files: Record<string, string>): { dir: string; dispose(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-blueprint-test-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  }
  return { dir, dispose: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

let bundle: Promise<string> | undefined;

/**
 * The CLI bundled as esbuild.mjs bundles dist/cli.js, built from the current sources once per
 * test run into a temporary folder: a test of the binary never runs a stale dist/.
 */
export function bundledCli(): Promise<string> {
  bundle ??= (async () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'role-blueprint-cli-'));
    process.once('exit', () => fs.rmSync(outdir, { recursive: true, force: true }));
    const root = path.join(__dirname, '..', '..');
    await esbuild.build({ ...nodeBundleOptions(false), absWorkingDir: root, entryPoints: CLI_ENTRY_POINTS, outdir });
    return path.join(outdir, 'cli.js');
  })();
  return bundle;
}
