import { SECTIONS } from '../../sections';
import { findSection } from '../../parse';
import { spanOf } from '../fields';
import type { LintRule } from '../rule';

export const completenessMissingSection: LintRule = {
  codes: ['completeness.missing-section'],
  defaultSeverity: 'info',
  description: 'One or more of the 20 blueprint sections are missing.',
  check({ parsed, report }) {
    const missing = SECTIONS.filter((s) => !findSection(parsed, s.key));
    if (missing.length === 0) return;
    const span = spanOf(parsed, ['blueprint'], 'key') ?? spanOf(parsed, [parsed.sections[0]?.key ?? 'blueprint'], 'key') ?? ([0, 0] as const);
    const list = missing.map((s) => `${s.number} ${s.title} (${s.key})`).join(', ');
    report({
      span,
      message: missing.length === 1 ? `Section ${list} is missing.` : `${missing.length} of the ${SECTIONS.length} sections are missing: ${list}.`,
      data: { missing: missing.map((s) => s.key) },
    });
  },
};
