import * as path from 'node:path';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import { parseArgs } from './args';
import { checkFiles, type FileResult } from './checkFiles';
import { collectRoleFiles } from './files';
import { CliError, ExitCode, type CliIO } from './io';

const HELP = `Usage: role-blueprint check FILES|DIRS|GLOBS... [--format text|json|sarif] [--jobs N]

Validates role blueprints: YAML syntax, the schema, duplicate names and the content rules.
Folders are searched for *.role.yaml and *.role.yml. When several files are checked, their
career paths are checked against each other too (ladder.inconsistent, ladder.missing-role).

Options:
  --format text|json|sarif   output format (default: text)
  --jobs N                   threads to check many files with (default: one per core from 3 cores on, else 1)
  -h, --help                 show this help

Exit status: 0 no errors, 1 a file has errors, 2 usage or I/O problem.
`;

const SEVERITY_NAME: Record<number, 'error' | 'warning' | 'info' | 'hint'> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'info',
  [DiagnosticSeverity.Hint]: 'hint',
};

export async function checkCommand(argv: string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'jobs'], flags: ['help'], aliases: { h: 'help' } });
  if (args.flags.has('help')) {
    io.out(HELP);
    return ExitCode.ok;
  }
  const format = args.values.get('format') ?? 'text';
  if (!['text', 'json', 'sarif'].includes(format)) throw new CliError(`unknown format "${format}" (use text, json or sarif)`);
  const jobs = args.values.get('jobs');
  if (jobs !== undefined && !/^[1-9]\d{0,2}$/.test(jobs)) throw new CliError(`--jobs needs a number of threads from 1 to 999, not "${jobs}"`);
  if (args.positionals.length === 0) throw new CliError('check needs at least one file, folder or glob (see role-blueprint check --help)');

  const results = await checkFiles(collectRoleFiles(args.positionals, io.cwd), io.cwd, { threads: jobs === undefined ? undefined : Number(jobs) });

  if (format === 'json') io.out(JSON.stringify(toJson(results), null, 2) + '\n');
  else if (format === 'sarif') io.out(JSON.stringify(toSarif(results), null, 2) + '\n');
  else io.out(toText(results));

  const hasErrors = results.some((r) => r.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error));
  return hasErrors ? ExitCode.findings : ExitCode.ok;
}

function severityOf(d: Diagnostic): 'error' | 'warning' | 'info' | 'hint' {
  return SEVERITY_NAME[d.severity ?? DiagnosticSeverity.Error];
}

function toText(results: readonly FileResult[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const { path: file, diagnostics } of results) {
    for (const d of diagnostics) {
      const severity = severityOf(d);
      if (severity === 'error') errors++;
      if (severity === 'warning') warnings++;
      lines.push(`${file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${severity} ${String(d.code)}: ${d.message}`);
    }
  }
  lines.push(`${results.length} file${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return lines.join('\n') + '\n';
}

function toJson(results: readonly FileResult[]) {
  return {
    files: results.map(({ path: file, diagnostics }) => ({
      path: file,
      diagnostics: diagnostics.map((d) => ({ severity: severityOf(d), code: String(d.code), message: d.message, range: d.range })),
    })),
  };
}

const SARIF_LEVEL = { error: 'error', warning: 'warning', info: 'note', hint: 'note' } as const;

function toSarif(results: readonly FileResult[]) {
  const ruleIds = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => String(d.code))))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'role-blueprint', informationUri: 'https://example.invalid/role-blueprint', rules: ruleIds.map((id) => ({ id, helpUri: `docs/rules/${id}.md` })) } },
        results: results.flatMap(({ path: file, diagnostics }) =>
          diagnostics.map((d) => ({
            ruleId: String(d.code),
            level: SARIF_LEVEL[severityOf(d)],
            message: { text: d.message },
            locations: [
              {
                physicalLocation: {
                  artifactLocation: { uri: file.split(path.sep).join('/') },
                  region: { startLine: d.range.start.line + 1, startColumn: d.range.start.character + 1, endLine: d.range.end.line + 1, endColumn: d.range.end.character + 1 },
                },
              },
            ],
          })),
        ),
      },
    ],
  };
}
