import placeholderData from '../data/placeholders.json';
import { matchSpans, scanSections, type FieldMatch, type TextField } from '../fields';
import type { ParsedBlueprint } from '../../parse';
import type { LintRule } from '../rule';
import { isMeasurableTarget } from './kpiTargetNotMeasurable';

// Patterns that start with a letter start at a word boundary ("TODO", not "mastodon").
const MARKERS = new RegExp(`\\b(?:${placeholderData.caseSensitive.join('|')})\\b`, 'g');
const FILLER = new RegExp(`(?:${placeholderData.caseInsensitive.map((p) => (/^\w/.test(p) ? `\\b${p}` : p)).join('|')})`, 'gi');

/** Placeholder text in one section's fields, in order. */
function scanPlaceholders(parsed: ParsedBlueprint, fields: readonly TextField[]): FieldMatch[] {
  const out: FieldMatch[] = [];
  for (const field of fields) {
    // An unmeasurable KPI target ("TBD") is kpi.target-not-measurable's to report.
    if (field.path[0] === 'kpis' && field.key === 'target' && !isMeasurableTarget(field.value)) continue;
    out.push(...[...matchSpans(parsed, field, MARKERS), ...matchSpans(parsed, field, FILLER)].sort((a, b) => a.span[0] - b.span[0]));
  }
  return out;
}

export const completenessPlaceholder: LintRule = {
  codes: ['completeness.placeholder'],
  defaultSeverity: 'warning',
  description: 'Placeholder text left in the blueprint (TODO, TBD, lorem ipsum …).',
  check({ parsed, report }) {
    for (const hit of scanSections(parsed, scanPlaceholders)) report({ span: hit.span, message: `"${hit.text}" is placeholder text; replace it with the real content before publishing.` });
  },
};
