import { postingFindings } from '../../family/posting';
import type { LintRule } from '../rule';

/** Fields a job posting made from the blueprint needs and the `posting:` section lacks. */
export const postingMissingField: LintRule = {
  codes: ['posting.missing-field'],
  defaultSeverity: 'warning',
  description: 'The posting section lacks a field job search engines need (location, employment type, date posted, hiring organization).',
  check({ parsed, report }) {
    for (const finding of postingFindings(parsed)) if (finding.code === 'posting.missing-field') report({ span: finding.span, message: finding.message, data: finding.data });
  },
};

/** One quiet hint on a blueprint with no `posting:` section at all. */
export const postingNoSection: LintRule = {
  codes: ['posting.no-section'],
  defaultSeverity: 'hint',
  description: 'The blueprint has no posting section, so it cannot be exported as a complete job posting.',
  check({ parsed, report }) {
    for (const finding of postingFindings(parsed)) if (finding.code === 'posting.no-section') report({ span: finding.span, message: finding.message });
  },
};
