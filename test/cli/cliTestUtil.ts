import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
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
