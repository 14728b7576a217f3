import kpiData from '../data/kpi.json';
import type { Span } from '../../diagnosticUtil';
import type { ParsedBlueprint } from '../../parse';
import { rowEntries, sectionFindings, spanOf } from '../fields';
import type { LintRule } from '../rule';

// A level: a number ("95%", "3 per quarter", "4.2/5", "< 2 h"), a comparison sign, a number word,
// or a bound in time ("within hours").
const NUMBER = /\d/;
const COMPARISON = /[<>≤≥±=]/;
const NUMBER_WORD = /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|half|twice|double|triple|hundred)\b/i;
const TIME_BOUND = /\b(?:within|under|below|less than|more than|at least|at most|above|over|no later than|before)\b[^.;]*\b(?:seconds?|minutes?|hours?|days?|weeks?|months?|quarters?|years?|sprints?)\b/i;
const VAGUE = new RegExp(`\\b(?:${kpiData.vagueWords.map((w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})(?![\\w/])`, 'i');

/** True when a KPI target states a level that can be checked. */
export function isMeasurableTarget(target: string): boolean {
  return NUMBER.test(target) || COMPARISON.test(target) || NUMBER_WORD.test(target) || TIME_BOUND.test(target);
}

export const kpiTargetNotMeasurable: LintRule = {
  codes: ['kpi.target-not-measurable'],
  defaultSeverity: 'warning',
  description: 'A KPI target states no checkable level: no number, percentage, ratio, time or comparison.',
  check({ parsed, report }) {
    for (const finding of sectionFindings(parsed, 'kpis', unmeasurableTargets)) report(finding);
  },
};

/** The KPI targets that state no level, with their messages. */
function unmeasurableTargets(parsed: ParsedBlueprint): { span: Span; message: string }[] {
  const out: { span: Span; message: string }[] = [];
  for (const kpi of rowEntries(parsed, 'kpis')) {
    const target = kpi.record?.target;
    if (typeof target !== 'string' || !target.trim() || isMeasurableTarget(target)) continue;
    const span = spanOf(parsed, [...kpi.path.slice(0, -1), 'target']);
    if (!span) continue;
    const vague = VAGUE.exec(target)?.[0];
    const why = vague ? ` "${vague}" gives a direction, not a level.` : '';
    out.push({ span, message: `The target of KPI "${kpi.name}" is not measurable.${why} State a number, percentage, ratio, time or comparison (e.g. "≥ 95%", "< 2 h", "3 per quarter").` });
  }
  return out;
}
