import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { CLI_ENTRY_POINTS, nodeBundleOptions, SERVER_ENTRY_POINTS } from '../scripts/bundles.mjs';
import { NODE24 } from '../scripts/code-server.mjs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../server/src/core';
import { codeCacheFile } from '../server/src/lsp/codeCache';
import { SERVER_EXEC_ARGV } from '../server/src/lsp/protocol';
import { generateLargeBlueprint, writeRoleFiles } from './generate';
import { BenchClient, type ServerSpec } from './lspClient';
import { OURS, percentile, renderMarkdownReport, YLS, type BenchResult, type DocResult, type SessionResult } from './report';
import { COMPLETION_KINDS, HOVER_KINDS, Scenario, type CompletionKind } from './scenario';

/**
 * `npm run bench`: our language server and yaml-language-server (given our JSON Schema), one
 * after the other, on the same documents with the same seeded edits and requests; then the CLI
 * check of 1,000 generated files and the preview render. Writes bench/out/latest.json and
 * bench/results/latest.md (bench/out/latest.md for a partial run).
 *
 * Options: --steps N (edits per document per server, default 100), --budget S (seconds of edit
 * rounds per session, default 60: a server that is slower stops early, after the same prefix of
 * the sequence), --profile (unminified bundles, CPU profiles of our server into bench/out/prof),
 * --skip-yls (our server only, for profiling work), --cold-opens N (fresh starts per server and
 * document whose median gives startup and first diagnostics, default 5), --check-runs N (runs of
 * `check` after its first, whose median is reported, default 3), --server-node PATH (the Node
 * both servers run on, default the editor's: see SERVER_NODE).
 *
 * The servers run on the Node of the editor's extension host, where users run them: Node 24,
 * which code-server runs extensions on (the e2e tier and `npm start`). Their fresh starts are
 * also timed on the Node running the bench (and the CLI) for reference.
 */

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'bench', 'out');
const SEED = 20240611;
const SEED_FILE = 'examples/lead-mlops-engineer.role.yaml';
const LARGE_LINES = 10_000;
const CHECK_FILES = 1000;
const RENDER_RUNS = 50;

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(name);
const option = (name: string, fallback: number) => {
  const at = argv.indexOf(name);
  return at === -1 ? fallback : Number(argv[at + 1]);
};
const STEPS = option('--steps', 100);
const BUDGET_MS = option('--budget', 60) * 1000;
const MIN_STEPS = 10;
const RENDER_REQUESTS = 10;
/** Fresh starts per server and document for startup and first diagnostics: one cold sample on a shared machine is mostly noise. */
const COLD_OPENS = option('--cold-opens', 5);
/** Runs of the CLI `check` after its first, for the median: likewise. */
const CHECK_RUNS = Math.max(1, option('--check-runs', 3));
const SERVER_NODE = serverNode();

/** `--server-node PATH`, or the editor's Node, installed as the e2e tier installs it. */
function serverNode(): string {
  const at = argv.indexOf('--server-node');
  if (at !== -1) return path.resolve(argv[at + 1]);
  if (!existsSync(NODE24)) execFileSync('bash', [path.join(ROOT, 'scripts', 'e2e-setup.sh'), '--node-only'], { stdio: ['ignore', 2, 2] });
  return NODE24;
}

function nodeVersion(node: string): string {
  return node === process.execPath ? process.version : execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
}

/** The bundles under test, built from the current sources into bench/out (dist/ is left alone), minified as packaged. */
async function buildBundles(): Promise<{ server: string; serverMain: string; cli: string; cliMain: string; benchNodeServer: string }> {
  const outdir = path.join(OUT, 'dist');
  await esbuild.build({ ...nodeBundleOptions(!flag('--profile')), absWorkingDir: ROOT, entryPoints: { ...SERVER_ENTRY_POINTS, ...CLI_ENTRY_POINTS }, outdir });
  // A code cache is made for one V8 version: the server's starts on the bench's own Node run a copy with its own cache.
  const benchNodeDir = path.join(OUT, 'dist-bench-node');
  rmSync(benchNodeDir, { recursive: true, force: true });
  cpSync(outdir, benchNodeDir, { recursive: true, filter: (source) => !source.endsWith('.codecache') });
  const bundle = (name: string, dir = outdir) => path.join(dir, `${name}.js`);
  // The launchers, and the bundles they run from V8's code cache (whose cache files are beside them).
  return { server: bundle('server'), serverMain: bundle('server-main'), cli: bundle('cli'), cliMain: bundle('cli-main'), benchNodeServer: bundle('server', benchNodeDir) };
}

/** `roleBlueprint.*` as VS Code sends it with nothing set: the defaults of the manifest. */
function manifestDefaults(): Record<string, unknown> {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const settings: Record<string, unknown> = {};
  for (const [key, property] of Object.entries<{ default?: unknown }>(manifest.contributes.configuration.properties)) {
    const parts = key.split('.').slice(1);
    let target = settings;
    for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
    target[parts[parts.length - 1]] = property.default;
  }
  return settings;
}

function serverSpecs(serverBundle: string, node: string): ServerSpec[] {
  const defaults = manifestDefaults();
  const profile = flag('--profile') ? ['--cpu-prof', `--cpu-prof-dir=${path.join(OUT, 'prof')}`] : [];
  const ours: ServerSpec = {
    name: OURS,
    node,
    // As the VS Code client starts it (client/src/ctx.ts).
    nodeArgs: [...profile, ...SERVER_EXEC_ARGV, serverBundle],
    languageId: 'role-blueprint',
    settingsSection: 'roleBlueprint',
    configuration: (section) => (section === 'roleBlueprint' ? defaults : null),
  };
  const yamlSettings = {
    schemas: { [pathToFileURL(path.join(ROOT, 'schemas', 'role-blueprint.schema.json')).href]: '*.role.yaml' },
    validate: true,
    completion: true,
    hover: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
  };
  const yls: ServerSpec = {
    name: YLS,
    node,
    nodeArgs: [path.join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server')],
    languageId: 'yaml',
    settingsSection: 'yaml',
    pushedSettings: { yaml: yamlSettings },
    configuration: (section) => {
      if (section === 'yaml') return yamlSettings;
      if (section === 'http') return { proxy: '', proxyStrictSSL: false };
      if (section === 'editor') return { tabSize: 2, insertSpaces: true, detectIndentation: false };
      return {};
    },
  };
  return flag('--skip-yls') ? [ours] : [ours, yls];
}

interface BenchDoc {
  readonly id: 'seed' | 'large';
  readonly label: string;
  readonly uri: string;
  readonly text: string;
}

function isEmptyResult(result: unknown): boolean {
  if (result === null || result === undefined) return true;
  if (Array.isArray(result)) return result.length === 0;
  const items = (result as { items?: unknown[] }).items;
  return Array.isArray(items) && items.length === 0;
}

/** Startup and first diagnostics of `count` fresh servers that only open the document. */
async function coldOpens(spec: ServerSpec, doc: BenchDoc, count: number): Promise<{ startupMs: number[]; firstDiagnosticsMs: number[] }> {
  const samples = { startupMs: [] as number[], firstDiagnosticsMs: [] as number[] };
  for (let i = 0; i < count; i++) {
    const { client, startupMs } = await BenchClient.start(spec);
    try {
      samples.startupMs.push(startupMs);
      samples.firstDiagnosticsMs.push((await client.open(doc.uri, doc.text)).ms);
    } finally {
      await client.stop();
    }
  }
  return samples;
}

/** One server on one document: open, then STEPS rounds of edit → diagnostics, two completions, a hover and the outline. */
async function runSession(spec: ServerSpec, doc: BenchDoc): Promise<SessionResult> {
  // The session's own start is the last sample.
  const cold = await coldOpens(spec, doc, COLD_OPENS - 1);
  const { client, startupMs } = await BenchClient.start(spec);
  try {
    const first = await client.open(doc.uri, doc.text);
    cold.startupMs.push(startupMs);
    cold.firstDiagnosticsMs.push(first.ms);
    let text = TextDocument.create(doc.uri, spec.languageId, 1, doc.text);
    const scenario = new Scenario(SEED);
    const result: SessionResult = {
      startupMs: percentile(cold.startupMs, 50),
      firstDiagnosticsMs: percentile(cold.firstDiagnosticsMs, 50),
      coldOpens: cold,
      firstDiagnosticsCount: first.count,
      lastDiagnosticsCount: first.count,
      editToDiagnosticsMs: [],
      completionMs: Object.fromEntries(COMPLETION_KINDS.map((k) => [k, []])) as unknown as Record<CompletionKind, number[]>,
      hoverMs: [],
      symbolsMs: [],
      renderMs: [],
      emptyCompletions: 0,
      emptyHovers: 0,
      emptySymbols: 0,
      peakRssMiB: 0,
      steps: 0,
    };
    const textDocument = { uri: doc.uri };
    const started = performance.now();
    for (let step = 0; step < STEPS; step++) {
      if (step >= MIN_STEPS && performance.now() - started > BUDGET_MS) break;
      const edit = scenario.nextEdit(text.getText());
      text = TextDocument.update(text, [edit.change], text.version + 1);
      const diagnostics = await client.change(doc.uri, text.version, edit.change);
      result.editToDiagnosticsMs.push(diagnostics.ms);
      result.lastDiagnosticsCount = diagnostics.count;

      for (const kind of [COMPLETION_KINDS[(2 * step) % 3], COMPLETION_KINDS[(2 * step + 1) % 3]]) {
        const position = scenario.completionPosition(text.getText(), kind);
        const completion = await client.request('textDocument/completion', { textDocument, position, context: { triggerKind: 1 } });
        result.completionMs[kind].push(completion.ms);
        if (isEmptyResult(completion.result)) result.emptyCompletions++;
      }
      const hover = await client.request('textDocument/hover', { textDocument, position: scenario.hoverPosition(text.getText(), HOVER_KINDS[step % 3]) });
      result.hoverMs.push(hover.ms);
      if (isEmptyResult(hover.result)) result.emptyHovers++;
      const symbols = await client.request('textDocument/documentSymbol', { textDocument });
      result.symbolsMs.push(symbols.ms);
      if (isEmptyResult(symbols.result)) result.emptySymbols++;
      result.steps++;
    }
    if (spec.languageId === 'role-blueprint') {
      for (let i = 0; i < RENDER_REQUESTS; i++) result.renderMs.push((await client.request('roleBlueprint/render', { uri: doc.uri, format: 'html' })).ms);
    }
    result.peakRssMiB = client.peakRssMiB();
    return result;
  } finally {
    await client.stop();
  }
}

/**
 * `check` of CHECK_FILES generated files in one folder, wall time of one CLI process: the first
 * run on the fresh bundle (it writes V8's code cache, see server/src/lsp/codeCache.ts), then
 * the median of CHECK_RUNS runs as every later one starts.
 */
function timeCliCheck(cli: string, cliMain: string, seeds: readonly string[]): BenchResult['cliCheck'] {
  const dir = path.join(os.tmpdir(), `role-blueprint-bench-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  rmSync(codeCacheFile(cliMain), { force: true });
  try {
    const lines = writeRoleFiles(seeds, dir, CHECK_FILES, SEED);
    const timed = () => {
      const started = performance.now();
      const run = spawnSync(process.execPath, [cli, 'check', dir], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
      const ms = performance.now() - started;
      if (run.status !== 0 && run.status !== 1) throw new Error(`check failed (${run.status}): ${run.stderr}`);
      return { ms, summary: run.stdout.trim().split('\n').pop() ?? '' };
    };
    const first = timed();
    const runs = Array.from({ length: CHECK_RUNS }, timed);
    if (runs.some((run) => run.summary !== first.summary)) throw new Error(`check runs disagree: ${[first, ...runs].map((run) => run.summary).join(' / ')}`);
    const runsMs = runs.map((run) => run.ms);
    return { files: CHECK_FILES, lines, ms: percentile(runsMs, 50), runsMs, firstRunMs: first.ms, summary: first.summary };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A server's first session, like a user's first (a blueprint opened and completed in), which writes our server's code cache; its startup time. */
async function firstSession(spec: ServerSpec): Promise<number> {
  const { client, startupMs } = await BenchClient.start(spec);
  const file = path.join(ROOT, 'examples', 'associate-mlops-consultant.role.yaml');
  const text = readFileSync(file, 'utf8');
  try {
    await client.open(pathToFileURL(file).href, text);
    await client.request('textDocument/completion', { textDocument: { uri: pathToFileURL(file).href }, position: new Scenario(SEED).completionPosition(text, 'tool-name-value') });
  } finally {
    await client.stop();
  }
  return startupMs;
}

/** In process: the preview body of the seed after each of RENDER_RUNS scenario edits (one section re-parsed each time). */
function timeRender(seedText: string, uri: string): BenchResult['render'] {
  const service = createLanguageService();
  let doc = TextDocument.create(uri, 'role-blueprint', 1, seedText);
  let started = performance.now();
  service.render(doc, 'html');
  const coldMs = performance.now() - started;
  const scenario = new Scenario(SEED);
  const samples: number[] = [];
  for (let i = 0; i < RENDER_RUNS; i++) {
    doc = TextDocument.update(doc, [scenario.nextEdit(doc.getText()).change], doc.version + 1);
    started = performance.now();
    service.render(doc, 'html');
    samples.push(performance.now() - started);
  }
  return { coldMs, samplesMs: samples };
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function main(): Promise<void> {
  const loadAtStart = os.loadavg();
  const bundles = await buildBundles();
  const docsDir = path.join(OUT, 'docs');
  mkdirSync(docsDir, { recursive: true });
  const seedText = readFileSync(path.join(ROOT, SEED_FILE), 'utf8');
  const largeText = generateLargeBlueprint(seedText, LARGE_LINES);
  const docs: BenchDoc[] = [
    { id: 'seed', label: `${path.basename(SEED_FILE)} (${seedText.split('\n').length} lines)`, text: seedText, uri: '' },
    { id: 'large', label: `generated blueprint (${largeText.split('\n').length} lines)`, text: largeText, uri: '' },
  ].map((doc) => {
    const file = path.join(docsDir, `${doc.id}.role.yaml`);
    writeFileSync(file, doc.text);
    return { ...doc, id: doc.id as BenchDoc['id'], uri: pathToFileURL(file).href };
  });

  const serverNodeVersion = nodeVersion(SERVER_NODE);
  const specs = serverSpecs(bundles.server, SERVER_NODE);
  // Fresh starts on the bench's own Node, for reference: only when the servers run on another.
  const benchNodeSpecs = serverNodeVersion === process.version ? [] : serverSpecs(bundles.benchNodeServer, process.execPath);
  // Our server writes V8's code cache beside its bundle during its first session (see
  // server/src/lsp/codeCache.ts): that start is timed on its own, and the sessions below start
  // as every later start does, from the cache.
  rmSync(codeCacheFile(bundles.serverMain), { force: true });
  const firstStartMs = await firstSession(specs[0]);
  if (benchNodeSpecs.length > 0) await firstSession(benchNodeSpecs[0]);
  const results: DocResult[] = [];
  for (const doc of docs) {
    const sessions: Record<string, SessionResult> = {};
    for (const spec of specs) {
      process.stderr.write(`${doc.id}: ${spec.name}… `);
      const started = performance.now();
      sessions[spec.name] = await runSession(spec, doc);
      process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
    for (const spec of benchNodeSpecs) {
      process.stderr.write(`${doc.id}: ${spec.name} fresh starts on Node ${process.version}… `);
      sessions[spec.name].benchNodeColdOpens = await coldOpens(spec, doc, COLD_OPENS);
      process.stderr.write('done\n');
    }
    results.push({ id: doc.id, label: doc.label, lines: doc.text.split('\n').length, sessions });
  }

  process.stderr.write('cli check… ');
  const seeds = ['associate-mlops-consultant', 'lead-mlops-engineer', 'mlops-consultant'].map((name) => readFileSync(path.join(ROOT, 'examples', `${name}.role.yaml`), 'utf8'));
  const cliCheck = timeCliCheck(bundles.cli, bundles.cliMain, seeds);
  process.stderr.write(`${(cliCheck.ms / 1000).toFixed(2)} s (first run ${(cliCheck.firstRunMs / 1000).toFixed(2)} s)\n`);
  const render = timeRender(seedText, docs[0].uri);

  const result: BenchResult = {
    date: new Date().toISOString(),
    commit: `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain', '--', 'server', 'schemas') ? ' (with uncommitted server changes)' : ''}`,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? '', node: process.version, serverNode: serverNodeVersion, loadAtStart, loadAtEnd: os.loadavg(), totalMemMiB: Math.round(os.totalmem() / 1048576) },
    ylsVersion: JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'yaml-language-server', 'package.json'), 'utf8')).version,
    steps: STEPS,
    seed: SEED,
    docs: results,
    cliCheck,
    firstStartMs,
    render,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(path.join(OUT, 'latest.json'), JSON.stringify(result, null, 2) + '\n');
  const markdown = renderMarkdownReport(result);
  // Only a full run with the default options replaces the committed table; partial runs stay in bench/out.
  const full = !flag('--profile') && !flag('--skip-yls') && STEPS === 100 && BUDGET_MS === 60_000 && COLD_OPENS === 5;
  const tableDir = full ? path.join(ROOT, 'bench', 'results') : OUT;
  mkdirSync(tableDir, { recursive: true });
  writeFileSync(path.join(tableDir, 'latest.md'), markdown);
  process.stdout.write(markdown);
}

main().catch((error) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
