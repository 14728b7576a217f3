import type { CompletionKind } from './scenario';

/** What one benchmark run measured, and the Markdown table made from it. */

export interface SessionResult {
  /** Medians of `coldOpens`. */
  startupMs: number;
  firstDiagnosticsMs: number;
  /** Every fresh start of the server on the document (the session's own is the last). */
  coldOpens: { startupMs: number[]; firstDiagnosticsMs: number[] };
  /** Fresh starts on the bench's own Node, when the sessions ran on another (machine.serverNode). */
  benchNodeColdOpens?: { startupMs: number[]; firstDiagnosticsMs: number[] };
  firstDiagnosticsCount: number;
  lastDiagnosticsCount: number;
  editToDiagnosticsMs: number[];
  completionMs: Record<CompletionKind, number[]>;
  hoverMs: number[];
  symbolsMs: number[];
  /** `roleBlueprint/render` round trips (our server only). */
  renderMs: number[];
  emptyCompletions: number;
  emptyHovers: number;
  emptySymbols: number;
  peakRssMiB: number;
  /** Edit rounds played (fewer than asked when the session ran out of its time budget). */
  steps: number;
}

export interface DocResult {
  readonly id: 'seed' | 'large';
  readonly label: string;
  readonly lines: number;
  /** By server name. */
  readonly sessions: Record<string, SessionResult>;
}

export interface BenchResult {
  readonly date: string;
  readonly commit: string;
  /** `node`: the bench's and the CLI's Node; `serverNode`: the Node both language servers ran on. */
  readonly machine: { cpus: number; cpuModel: string; node: string; serverNode?: string; loadAtStart: number[]; loadAtEnd: number[]; totalMemMiB: number };
  readonly ylsVersion: string;
  readonly steps: number;
  readonly seed: number;
  readonly docs: readonly DocResult[];
  /** `ms`: median wall time of `runsMs`, the runs after the first; `firstRunMs`: the first run on a fresh bundle, which writes V8's code cache. */
  readonly cliCheck: { files: number; lines: number; ms: number; runsMs: number[]; firstRunMs: number; summary: string };
  /** Our server's first start on a fresh bundle (spawn → initialize result), before V8's code cache exists. */
  readonly firstStartMs?: number;
  readonly render: { coldMs: number; samplesMs: number[] };
}

export const OURS = 'role-blueprint';
export const YLS = 'yaml-language-server';

/** Nearest-rank percentile. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

const allCompletions = (s: SessionResult) => Object.values(s.completionMs).flat();

interface Metric {
  readonly name: string;
  readonly unit: 'ms' | 'MiB';
  readonly value: (s: SessionResult) => number;
  /** The target for this document, and whether `ours` (with `yls` beside it) meets it. */
  readonly target?: (doc: DocResult['id']) => { text: string; met: (ours: number, yls: number | undefined) => boolean } | undefined;
}

const under = (limit: number, unit = 'ms') => ({ text: `< ${limit} ${unit}`, met: (ours: number) => ours < limit });
const belowYls = { text: 'below yaml-language-server', met: (ours: number, yls: number | undefined) => yls !== undefined && ours < yls };

const METRICS: readonly Metric[] = [
  { name: 'server startup (spawn → initialize result), median of fresh starts', unit: 'ms', value: (s) => s.startupMs, target: () => under(300) },
  { name: 'first diagnostics after open, median of fresh starts', unit: 'ms', value: (s) => s.firstDiagnosticsMs, target: () => under(100) },
  {
    name: 'edit → diagnostics p50',
    unit: 'ms',
    value: (s) => percentile(s.editToDiagnosticsMs, 50),
    target: (doc) => (doc === 'seed' ? { text: '≥ 5× faster than yaml-language-server', met: (ours, yls) => yls !== undefined && yls / ours >= 5 } : { text: 'faster than yaml-language-server', met: (ours, yls) => yls !== undefined && ours < yls }),
  },
  { name: 'edit → diagnostics p95', unit: 'ms', value: (s) => percentile(s.editToDiagnosticsMs, 95) },
  { name: 'edit → diagnostics p99', unit: 'ms', value: (s) => percentile(s.editToDiagnosticsMs, 99), target: (doc) => (doc === 'large' ? under(50) : undefined) },
  { name: 'completion p50', unit: 'ms', value: (s) => percentile(allCompletions(s), 50), target: () => ({ text: 'faster than yaml-language-server', met: (ours, yls) => yls !== undefined && ours < yls }) },
  {
    name: 'completion p99',
    unit: 'ms',
    value: (s) => percentile(allCompletions(s), 99),
    target: (doc) => {
      const limit = doc === 'seed' ? 15 : 20;
      return { text: `< ${limit} ms and faster than yaml-language-server`, met: (ours, yls) => ours < limit && yls !== undefined && ours < yls };
    },
  },
  { name: 'hover p50', unit: 'ms', value: (s) => percentile(s.hoverMs, 50) },
  { name: 'document symbols p50', unit: 'ms', value: (s) => percentile(s.symbolsMs, 50) },
  { name: 'peak RSS (VmHWM)', unit: 'MiB', value: (s) => s.peakRssMiB, target: () => belowYls },
];

function format(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return '—';
  const digits = value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toFixed(digits)} ${unit}`;
}

const mark = (met: boolean) => (met ? '✅ yes' : '❌ no');
const spread = (samples: readonly number[]) => `${format(Math.min(...samples), 'ms')} – ${format(Math.max(...samples), 'ms')}`;

export function renderMarkdownReport(result: BenchResult): string {
  const out: string[] = [];
  const { machine } = result;
  out.push('# Benchmark: role-blueprint language server vs yaml-language-server', '');
  out.push(
    `${result.date} · commit ${result.commit} · servers on Node ${machine.serverNode ?? machine.node}, bench and CLI on Node ${machine.node} · ${machine.cpus} × ${machine.cpuModel} · ${machine.totalMemMiB} MiB · ` +
      `load average at start ${machine.loadAtStart.map((l) => l.toFixed(2)).join(' / ')}, at end ${machine.loadAtEnd.map((l) => l.toFixed(2)).join(' / ')} · yaml-language-server ${result.ylsVersion} with schemas/role-blueprint.schema.json`,
    '',
  );
  out.push(
    `Both servers run over stdio on the Node of the editor's extension host (code-server's, which the e2e tier runs the extension in), one after the other, on the same documents; each gets the same seeded sequence (seed ${result.seed}) of up to ${result.steps} incremental edits ` +
      '(typing into a KPI target, renaming a tool, adding/removing a list item, inserting a KPI row); after each edit the client waits for the diagnostics of that version, ' +
      'then asks for two completions (after `name: ` in a tool row, at a KPI row key, after `importance: `), one hover and the document symbols. ' +
      'A session stops early when its edit rounds exceed the time budget; the rounds played are given under each table. ' +
      'Ratio = yaml-language-server ÷ ours (how many times faster or smaller ours is). Timings on a loaded machine are noisy: compare numbers from the same run only.',
    '',
  );
  for (const doc of result.docs) {
    const ours = doc.sessions[OURS];
    const yls = doc.sessions[YLS];
    out.push(`## ${doc.id === 'seed' ? 'Seed' : '10,000-line'} document: ${doc.label}`, '');
    out.push('| metric | ours | yaml-language-server | ratio | target | met? |', '|---|---:|---:|---:|---|---|');
    for (const metric of METRICS) {
      const o = ours ? metric.value(ours) : undefined;
      const y = yls ? metric.value(yls) : undefined;
      const ratio = o !== undefined && y !== undefined && o > 0 ? `${(y / o).toFixed(1)}×` : '—';
      const target = metric.target?.(doc.id);
      const met = target && o !== undefined ? mark(target.met(o, y)) : '';
      out.push(`| ${metric.name} | ${format(o, metric.unit)} | ${format(y, metric.unit)} | ${ratio} | ${target?.text ?? ''} | ${met} |`);
    }
    if (ours?.benchNodeColdOpens || yls?.benchNodeColdOpens) {
      const median = (s: SessionResult | undefined, key: 'startupMs' | 'firstDiagnosticsMs') => (s?.benchNodeColdOpens ? percentile(s.benchNodeColdOpens[key], 50) : undefined);
      for (const [name, key] of [['server startup', 'startupMs'], ['first diagnostics after open', 'firstDiagnosticsMs']] as const) {
        const o = median(ours, key);
        const y = median(yls, key);
        const ratio = o !== undefined && y !== undefined && o > 0 ? `${(y / o).toFixed(1)}×` : '—';
        out.push(`| for reference: ${name} on Node ${machine.node} (the bench's), median of fresh starts | ${format(o, 'ms')} | ${format(y, 'ms')} | ${ratio} | | |`);
      }
    }
    const counts = (s: SessionResult | undefined) =>
      s ? `${s.steps} edit rounds; ${s.firstDiagnosticsCount} → ${s.lastDiagnosticsCount} diagnostics; empty answers: ${s.emptyCompletions}/${allCompletions(s).length} completions, ${s.emptyHovers}/${s.hoverMs.length} hovers, ${s.emptySymbols}/${s.symbolsMs.length} outlines` : 'not run';
    out.push('', `Ours: ${counts(ours)}. yaml-language-server: ${counts(yls)}.`);
    const starts = (s: SessionResult | undefined) => (s ? `${s.coldOpens.startupMs.length} starts, startup ${spread(s.coldOpens.startupMs)}, first diagnostics ${spread(s.coldOpens.firstDiagnosticsMs)}` : 'not run');
    out.push('', `Fresh starts (min – max): ours ${starts(ours)}; yaml-language-server ${starts(yls)}.`);
    if (ours?.renderMs.length) out.push(`\n\`roleBlueprint/render\` (html) over LSP on this document: p50 ${format(percentile(ours.renderMs, 50), 'ms')}, max ${format(Math.max(...ours.renderMs), 'ms')}.`);
    out.push('');
  }
  const renderP50 = percentile(result.render.samplesMs, 50);
  out.push('## CLI and preview', '', '| metric | ours | target | met? |', '|---|---:|---|---|');
  const check = result.cliCheck;
  out.push(`| \`check\` of ${check.files} generated role files (${check.lines.toLocaleString('en')} lines, one process, wall time), median of ${check.runsMs.length} runs (${spread(check.runsMs)}) | ${format(check.ms, 'ms')} | < 3 s | ${mark(check.ms < 3000)} |`);
  out.push(`| the same \`check\`, first run after an install (no V8 code cache yet; the runs above start with it) | ${format(check.firstRunMs, 'ms')} | < 3 s | ${mark(check.firstRunMs < 3000)} |`);
  if (result.firstStartMs !== undefined) out.push(`| server startup, first start after an install (no V8 code cache yet; the sessions above start with it) | ${format(result.firstStartMs, 'ms')} | < 300 ms | ${mark(result.firstStartMs < 300)} |`);
  out.push(`| preview render of the seed, in process, after an edit (median of ${result.render.samplesMs.length}) | ${format(renderP50, 'ms')} | < 20 ms | ${mark(renderP50 < 20)} |`);
  out.push(`| preview render of the seed, in process, first call (cold) | ${format(result.render.coldMs, 'ms')} | | |`);
  out.push('', `CLI summary line: \`${result.cliCheck.summary}\``, '');
  return out.join('\n');
}
