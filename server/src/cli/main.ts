import { isMainThread } from 'node:worker_threads';
import { checkCommand } from './checkCommand';
import { diffCommand } from './diffCommand';
import { importCommand } from './importCommand';
import { ladderCommand } from './ladderCommand';
import { renderCommand } from './renderCommand';
import { CliError, ExitCode, processIO, type CliIO } from './io';
import { version } from '../../../package.json';

type Command = (argv: string[], io: CliIO) => Promise<number>;

const COMMANDS: Record<string, { run: Command; summary: string }> = {
  check: { run: checkCommand, summary: 'validate role blueprints (text, json or sarif output)' },
  diff: { run: diffCommand, summary: 'compare two blueprints of a family (markdown, json or html)' },
  import: { run: importCommand, summary: 'turn a WordPress post or HTML page into a *.role.yaml' },
  ladder: { run: ladderCommand, summary: 'draw the career ladder of a folder of roles (html, json or mermaid)' },
  render: { run: renderCommand, summary: 'render a blueprint as a self-contained HTML page or Markdown' },
};

const HELP = () => `Usage: role-blueprint <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(8)} ${summary}`)
  .join('\n')}

Run role-blueprint <command> --help for a command's options.
Options: --help, --version
`;

/** Runs the CLI; every user-facing failure becomes a message and an exit code, never a stack trace. */
export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(HELP());
    return name === undefined ? ExitCode.usage : ExitCode.ok;
  }
  if (name === '--version' || name === '-v') {
    io.out(`${version}\n`);
    return ExitCode.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`role-blueprint: unknown command "${name}"\n\n${HELP()}`);
    return ExitCode.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`role-blueprint ${name}: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`role-blueprint ${name}: internal error: ${(error as Error).message}\n`);
    return ExitCode.usage;
  }
}

// Not in a worker thread: the check workers load this same bundle.
if (require.main === module && isMainThread) {
  runCli(process.argv.slice(2), processIO).then((code) => {
    process.exitCode = code;
  });
}
