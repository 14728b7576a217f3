import * as path from 'node:path';
import { createLanguageService } from '../core';
import { postingJsonLd, postingToHtml } from '../core/family/posting';
import { createStaticTextDocument } from '../core/staticTextDocument';
import { parseArgs } from './args';
import { pathToUri } from '../lsp/fileSystem';
import { readTextFile } from './files';
import { CliError, ExitCode, writeOutput, type CliIO } from './io';

const HELP = `Usage: role-blueprint render FILE [--format html|markdown|jobposting|jsonld] [-o OUT] [--force]

Renders a role blueprint as a complete, self-contained HTML page (with a print stylesheet,
ready to print to PDF) or as Markdown. The same renderer drives the editor's preview.
jobposting is a candidate-facing job posting page with schema.org JobPosting data (JSON-LD)
from the blueprint and its posting: section; jsonld is that JobPosting data alone.

Options:
  --format FORMAT          html, markdown, jobposting or jsonld (default: html, or from the -o file's extension)
  -o, --output OUT         write to OUT instead of standard output (- is standard output)
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
  const requested = args.values.get('output');
  const output = requested === '-' ? undefined : requested;
  const format = args.values.get('format') ?? (output && /\.(md|markdown)$/i.test(output) ? 'markdown' : 'html');
  if (!['html', 'markdown', 'jobposting', 'jsonld'].includes(format)) throw new CliError(`unknown format "${format}" (use html, markdown, jobposting or jsonld)`);

  const file = path.resolve(io.cwd, args.positionals[0]);
  const doc = createStaticTextDocument(pathToUri(file), 1, readTextFile(file));
  const service = createLanguageService();
  let rendered: string | undefined;
  if (format === 'jobposting' || format === 'jsonld') {
    const parsed = service.parse(doc);
    if (parsed) rendered = format === 'jsonld' ? JSON.stringify(postingJsonLd(parsed), null, 2) + '\n' : postingToHtml(parsed);
  } else {
    rendered = service.render(doc, format === 'html' ? 'document' : 'markdown');
  }
  if (rendered === undefined) throw new CliError(`${args.positionals[0]} is larger than the ${service.settings.maxFileSize}-character limit`);
  writeOutput(io, rendered, output, args.flags.has('force'));
  return ExitCode.ok;
}
