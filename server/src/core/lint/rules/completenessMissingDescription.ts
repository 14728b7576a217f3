import { rowEntries, skillEntries, spanOf, type NamedEntry } from '../fields';
import type { LintRule } from '../rule';

function hasText(record: Record<string, unknown> | undefined, fields: readonly string[]): boolean {
  return fields.some((f) => typeof record?.[f] === 'string' && (record[f] as string).trim() !== '');
}

export const completenessMissingDescription: LintRule = {
  codes: ['completeness.missing-description'],
  defaultSeverity: 'info',
  description: 'A KPI or skill has a name but nothing that says what it means.',
  check({ parsed, report }) {
    const check = (entries: NamedEntry[], kind: string, fields: readonly string[]) => {
      for (const entry of entries) {
        if (hasText(entry.record, fields)) continue;
        const span = spanOf(parsed, entry.path);
        if (span) report({ span, message: `The ${kind} "${entry.name}" has no ${fields.join(' or ')}: say what it means for this role.` });
      }
    };
    check(rowEntries(parsed, 'kpis'), 'KPI', ['measures', 'why']);
    // A skill is described by what it is or what it is used for; a bare string item is undescribed.
    check(skillEntries(parsed).map((e) => ({ ...e, record: e.record ?? {} })), 'technical skill', ['description', 'use']);
    check(rowEntries(parsed, 'soft_skills'), 'soft skill', ['description', 'shows_up']);
  },
};
