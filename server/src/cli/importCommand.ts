import * as path from 'node:path';
import { ImportError, formatReport, importBlueprint } from '../core/importer';
import { parseArgs } from './args';
import { readTextFile } from './files';
import { CliError, ExitCode, writeOutput, type CliIO } from './io';

const HELP = `Usage: role-blueprint import SOURCE [-o OUT.role.yaml] [--force]

Turns a role blueprint page into a *.role.yaml file. SOURCE is a WordPress REST post saved as
JSON (…/wp-json/wp/v2/posts/ID) or an HTML page; use - to read standard input.
Text that has no field of its own is kept under \`notes:\`; a summary of what went there, and
of headings that were not recognised, is printed on standard error.

Options:
  -o, --output OUT   write the YAML to OUT instead of standard output
  --force            overwrite OUT if it exists
  -h, --help         show this help
`;

/** Standard input can be swapped in tests. */
export interface ImportIO extends CliIO {
  readStdin?(): Promise<string>;
}

function readProcessStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (chunk: Buffer) => chunks.push(chunk));
    process.stdin.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    process.stdin.on('error', reject);
  });
}

export async function importCommand(argv: string[], io: ImportIO): Promise<number> {
  const args = parseArgs(argv, { values: ['output'], flags: ['help', 'force'], aliases: { h: 'help', o: 'output' } });
  if (args.flags.has('help')) {
    io.out(HELP);
    return ExitCode.ok;
  }
  if (args.positionals.length !== 1) throw new CliError('import takes exactly one SOURCE (see role-blueprint import --help)');
  const [source] = args.positionals;
  let text: string;
  if (source === '-') {
    try {
      text = await (io.readStdin ?? readProcessStdin)();
    } catch (error) {
      throw new CliError(`cannot read standard input: ${(error as Error).message}`);
    }
  } else text = readTextFile(path.resolve(io.cwd, source));

  let result;
  try {
    result = importBlueprint(text, { sourceName: source === '-' ? 'standard input' : path.basename(source) });
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(`${source === '-' ? 'standard input' : source}: ${error.message}`);
    throw error;
  }
  const output = args.values.get('output');
  writeOutput(io, result.yaml, output, args.flags.has('force'));
  for (const line of formatReport(result.report)) io.err(`${line}\n`);
  return ExitCode.ok;
}
