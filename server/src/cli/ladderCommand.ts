import * as path from 'node:path';
import { buildLadder, ladderToJson, type LadderFile } from '../core/family/ladder';
import { ladderToHtml, ladderToMermaid } from '../core/family/ladderRender';
import { BlueprintParser } from '../core/parse';
import { parseArgs } from './args';
import { pathToUri } from '../lsp/fileSystem';
import { collectRoleFiles, readBlueprint } from './files';
import { CliError, ExitCode, writeOutput, type CliIO } from './io';

const HELP = `Usage: role-blueprint ladder FILES|DIRS|GLOBS... [--format html|json|mermaid] [-o OUT] [--force]

Draws the career ladder of a family of roles: each blueprint is a role, career.feeder_roles
and career.next_roles are the steps between them. Roles named without a blueprint are shown
dashed; a step only one of its two roles lists is drawn dashed (role-blueprint check reports it).

Options:
  --format html|json|mermaid   output format (default: html, or from the -o file's extension)
  -o, --output OUT             write to OUT instead of standard output
  --force                      overwrite OUT if it exists
  -h, --help                   show this help
`;

const FORMATS = ['html', 'json', 'mermaid'] as const;

function formatFromFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  if (/\.json$/i.test(file)) return 'json';
  if (/\.(mmd|mermaid)$/i.test(file)) return 'mermaid';
  return 'html';
}

export async function ladderCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'output'], flags: ['help', 'force'], aliases: { h: 'help', o: 'output' } });
  if (args.flags.has('help')) {
    io.out(HELP);
    return ExitCode.ok;
  }
  if (args.positionals.length === 0) throw new CliError('ladder needs a folder, files or a glob (see role-blueprint ladder --help)');
  const output = args.values.get('output');
  const format = args.values.get('format') ?? formatFromFile(output) ?? 'html';
  if (!(FORMATS as readonly string[]).includes(format)) throw new CliError(`unknown format "${format}" (use html, json or mermaid)`);

  const files = collectRoleFiles(args.positionals, io.cwd);
  if (files.length === 0) throw new CliError(`no *.role.yaml files in ${args.positionals.join(' ')}`);
  const parser = new BlueprintParser();
  const ladderFiles: LadderFile[] = files.map((file) => ({ uri: pathToUri(file), parsed: readBlueprint(file, parser, path.relative(io.cwd, file) || file) }));
  const ladder = buildLadder(ladderFiles);
  const rendered = format === 'json' ? JSON.stringify(ladderToJson(ladder), null, 2) + '\n' : format === 'mermaid' ? ladderToMermaid(ladder) : ladderToHtml(ladder);
  writeOutput(io, rendered, output, args.flags.has('force'));
  return ExitCode.ok;
}
