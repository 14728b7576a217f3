import { quickFix } from '../fields';
import type { LintRule } from '../rule';
import { EXCLUSIONARY, phraseHits } from '../wording';
import { matchCase } from './wordingGenderCoded';

export const wordingExclusionary: LintRule = {
  codes: ['wording.exclusionary'],
  defaultSeverity: 'warning',
  description: 'An ageist, ableist or origin-based phrase that shuts out candidates.',
  check({ parsed, doc, report }) {
    for (const hit of phraseHits(parsed, EXCLUSIONARY)) {
      const { suggestion, kind, why } = hit.entry;
      const fixes = suggestion ? [quickFix(doc, `Replace "${hit.text}" with "${suggestion}"`, [{ span: hit.span, newText: matchCase(hit.text, suggestion) }])] : [];
      report({ span: hit.span, message: `"${hit.text}" is ${kind === 'ageist' ? 'ageist' : kind === 'ableist' ? 'ableist' : 'exclusionary'} wording: ${why}`, data: { fixes, kind } });
    }
  },
};
