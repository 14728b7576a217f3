import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../core';
import { parseArgs } from './args';
import { readTextFile } from './files';
import { CliError, ExitCode, writeFileAtomic, type CliIO } from './io';

const HELP = `Usage: role-blueprint render FILE [--format html|markdown] [-o OUT] [--force]

Renders a role blueprint as a complete, self-contained HTML page (with a print stylesheet,
ready to print to PDF) or as Markdown. The same renderer drives the editor's preview.

Options:
  --format html|markdown   output format (default: html, or from the -o file's extension)
  -o, --output OUT         write to OUT instead of standard output
  --force                  overwrite OUT if it exists
  -h, --help               show this help
`;

export async function renderCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'output'], flags: ['help', 'force'], aliases: { h: 'help', o: 'output' } });
  if (args.flags.has('help')) {
    io.out(HELP);
    return ExitCode.ok;
  }
  if (args.positionals.length !== 1) throw new CliError('render takes exactly one FILE (see role-blueprint render --help)');
  const output = args.values.get('output');
  const format = args.values.get('format') ?? (output && /\.(md|markdown)$/i.test(output) ? 'markdown' : 'html');
  if (format !== 'html' && format !== 'markdown') throw new CliError(`unknown format "${format}" (use html or markdown)`);

  const file = path.resolve(io.cwd, args.positionals[0]);
  const doc = TextDocument.create(`file://${file}`, 'role-blueprint', 1, readTextFile(file));
  const service = createLanguageService();
  const rendered = service.render(doc, format === 'html' ? 'document' : 'markdown');
  if (rendered === undefined) throw new CliError(`${args.positionals[0]} is larger than the ${service.settings.maxFileSize}-character limit`);
  if (output) writeFileAtomic(path.resolve(io.cwd, output), rendered, { force: args.flags.has('force') });
  else io.out(rendered);
  return ExitCode.ok;
}
