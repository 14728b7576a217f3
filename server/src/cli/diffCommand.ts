import * as path from 'node:path';
import { BlueprintParser } from '../core/parse';
import { diffBlueprints } from '../core/family/diff';
import { diffToHtml, diffToMarkdown } from '../core/family/diffRender';
import { parseArgs } from './args';
import { readBlueprint } from './files';
import { CliError, ExitCode, writeOutput, type CliIO } from './io';

const HELP = `Usage: role-blueprint diff A B [--format markdown|json|html] [-o OUT] [--force]

Compares two role blueprints of one family section by section: skills added, dropped, raised
or lowered in importance; KPIs and their targets; tools; responsibilities, decision rights and
experience; the decision scope gained; the years of experience asked for. Renamed items are
paired by fuzzy name matching and reported as renamed.

Options:
  --format markdown|json|html   output format (default: markdown, or from the -o file's extension)
  -o, --output OUT              write to OUT instead of standard output
  --force                       overwrite OUT if it exists
  -h, --help                    show this help
`;

const FORMATS = ['markdown', 'json', 'html'] as const;

function formatFromFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  if (/\.html?$/i.test(file)) return 'html';
  if (/\.json$/i.test(file)) return 'json';
  return 'markdown';
}

export async function diffCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'output'], flags: ['help', 'force'], aliases: { h: 'help', o: 'output' } });
  if (args.flags.has('help')) {
    io.out(HELP);
    return ExitCode.ok;
  }
  if (args.positionals.length !== 2) throw new CliError('diff takes exactly two files, A and B (see role-blueprint diff --help)');
  const output = args.values.get('output');
  const format = args.values.get('format') ?? formatFromFile(output) ?? 'markdown';
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`unknown format "${format}" (use markdown, json or html)`);

  const parser = new BlueprintParser();
  const [a, b] = args.positionals.map((name) => readBlueprint(path.resolve(io.cwd, name), parser, name));
  const diff = diffBlueprints(a, b);
  const rendered = format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : format === 'html' ? diffToHtml(diff) : diffToMarkdown(diff);
  writeOutput(io, rendered, output, args.flags.has('force'));
  return ExitCode.ok;
}
