import schema from '../../../../../schemas/role-blueprint.schema.json';
import { asRecord, root, spanOf } from '../fields';
import type { LintRule } from '../rule';

/** A summary row is read at a glance: ten entries at most. */
export const MAX_SUMMARY_ENTRIES = 10;

// Lists the schema already bounds get `schema.max-items`; reporting them twice would be noise.
const summarySchema = (schema.properties.scorecard_summary.properties ?? {}) as Record<string, { maxItems?: number }>;
const BOUNDED_BY_SCHEMA = new Set(Object.keys(summarySchema).filter((k) => typeof summarySchema[k]?.maxItems === 'number'));

export const summaryTooMany: LintRule = {
  codes: ['summary.too-many'],
  defaultSeverity: 'warning',
  description: `A scorecard_summary list has more than ${MAX_SUMMARY_ENTRIES} entries.`,
  check({ parsed, report }) {
    const summary = asRecord(root(parsed).scorecard_summary);
    if (!summary) return;
    for (const [key, entries] of Object.entries(summary)) {
      if (!Array.isArray(entries) || entries.length <= MAX_SUMMARY_ENTRIES || BOUNDED_BY_SCHEMA.has(key)) continue;
      const span = spanOf(parsed, ['scorecard_summary', key], 'key');
      if (!span) continue;
      report({ span, message: `scorecard_summary.${key} has ${entries.length} entries; a summary keeps the top ${MAX_SUMMARY_ENTRIES}.` });
    }
  },
};
