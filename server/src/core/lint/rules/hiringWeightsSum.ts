import type { Span } from '../../diagnosticUtil';
import { asRecord, quickFix, root, spanOf } from '../fields';
import type { LintRule } from '../rule';

/** A weight as written: a number, or text such as "15%". */
function weightOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%?\s*$/.exec(value);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Weights scaled to sum to exactly 100, whole numbers (largest remainder). */
export function scaleTo100(weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w * 100) / sum);
  const floors = exact.map(Math.floor);
  let missing = 100 - floors.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => ({ i, rest: e - floors[i] })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]++;
    missing--;
  }
  return floors;
}

export const hiringWeightsSum: LintRule = {
  codes: ['hiring.weights-sum'],
  defaultSeverity: 'warning',
  description: 'Hiring scorecard weights, when given, must be given for every row and sum to 100.',
  check({ parsed, doc, report }) {
    const rows = asRecord(root(parsed).hiring)?.scorecard;
    if (!Array.isArray(rows) || rows.length === 0) return;
    const weights = rows.map((row) => weightOf(asRecord(row)?.weight));
    const given = weights.filter((w): w is number => w !== undefined);
    if (given.length === 0) return;
    const keySpan = spanOf(parsed, ['hiring', 'scorecard'], 'key');
    if (!keySpan) return;
    if (given.length < rows.length) {
      const missing = weights.flatMap((w, i) => (w === undefined ? [i + 1] : []));
      report({ span: keySpan, message: `Scorecard weights are given for ${given.length} of ${rows.length} rows; row${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ha${missing.length > 1 ? 've' : 's'} none. Give every row a weight (summing to 100) or none.` });
      return;
    }
    const sum = given.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 100) < 0.5) return;
    const fixes = [];
    const spans = rows.map((_, i) => spanOf(parsed, ['hiring', 'scorecard', i, 'weight']));
    if (sum > 0 && spans.every((s): s is Span => s !== undefined)) {
      const scaled = scaleTo100(given);
      fixes.push(quickFix(doc, `Scale the weights to sum to 100 (${scaled.join(', ')})`, spans.map((span, i) => ({ span, newText: String(scaled[i]) }))));
    }
    report({ span: keySpan, message: `Scorecard weights sum to ${Number(sum.toFixed(2))}, not 100.`, data: { fixes, sum } });
  },
};
