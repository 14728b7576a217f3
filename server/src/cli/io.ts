import * as fs from 'node:fs';
import * as path from 'node:path';

/** What a CLI command may touch, so tests can drive commands in process. */
export interface CliIO {
  readonly cwd: string;
  out(text: string): void;
  err(text: string): void;
}

export const processIO: CliIO = {
  cwd: process.cwd(),
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes shared by every command. */
export const ExitCode = { ok: 0, findings: 1, usage: 2 } as const;

/** A user-facing failure: printed as one line on stderr, never as a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode: number = ExitCode.usage) {
    super(message);
  }
}

/**
 * Writes through a temporary file in the same folder and renames it into place, so a crash
 * half-way never leaves a truncated file. Refuses to replace an existing file unless `force`.
 */
export function writeFileAtomic(file: string, content: string, options: { force: boolean }): void {
  if (!options.force && fs.existsSync(file)) {
    throw new CliError(`${file} already exists; pass --force to overwrite it`);
  }
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new CliError(`cannot write ${file}: ${(error as Error).message}`);
  }
}

/** `text` into the file `output` names (relative to the working folder; replacing one only with `force`), or to standard output without one. */
export function writeOutput(io: CliIO, text: string, output: string | undefined, force: boolean): void {
  if (output) writeFileAtomic(path.resolve(io.cwd, output), text, { force });
  else io.out(text);
}
