/**
 * `npm run fuzz [-- --count N --seed S]`: the full fuzz run (10,000 mutated inputs by default).
 * Exits non-zero on any crash, out-of-range diagnostic, input slower than the linear bound, or
 * parse of an edited document that differs from a whole parse (also over the editing sessions of
 * editFuzz.ts).
 */
import { runEditFuzz } from './editFuzz';
import { loadSeeds, runFuzz } from './harness';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const count = option('count', 10_000);
const seed = option('seed', 1);
const stats = runFuzz({ count, seed, onProgress: (n) => n % 1000 === 0 && process.stderr.write(`  ${n}/${count}\n`) });
// Then editing sessions: a quarter as many, four versions each.
const edits = runEditFuzz({ count: Math.ceil(count / 4), seed, seeds: loadSeeds() });
const report = {
  inputs: stats.inputs,
  editedVersions: edits.versions,
  editedVersionDifferences: edits.differences.length,
  diagnostics: stats.diagnostics,
  crashes: stats.crashes.length,
  outOfRange: stats.outOfRange.length,
  slow: stats.slow.length,
  parseDifferences: stats.parseDifferences.length,
  worstMsPerKChar: Number(stats.worstMsPerKChar.toFixed(2)),
  meanMsPerInput: Number((stats.totalMs / Math.max(1, stats.inputs)).toFixed(2)),
};
console.log(JSON.stringify(report, null, 2));
for (const failure of [...stats.crashes, ...stats.outOfRange, ...stats.slow, ...stats.parseDifferences].slice(0, 10)) {
  console.log(`seed ${failure.seed} [${failure.applied.join(', ')}] ${failure.feature}: ${failure.problem.split('\n').slice(0, 4).join(' | ')}`);
}
for (const d of edits.differences.slice(0, 5)) console.log(`edit run ${d.run} version ${d.version}: ${d.difference.slice(0, 300)}`);
console.log(`${stats.inputs - new Set([...stats.crashes, ...stats.outOfRange, ...stats.slow, ...stats.parseDifferences].map((f) => f.seed)).size} passed, ${new Set([...stats.crashes, ...stats.outOfRange, ...stats.slow, ...stats.parseDifferences].map((f) => f.seed)).size} failed`);
process.exitCode = stats.crashes.length + stats.outOfRange.length + stats.slow.length + stats.parseDifferences.length + edits.differences.length > 0 ? 1 : 0;
