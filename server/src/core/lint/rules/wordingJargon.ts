import { quickFix } from '../fields';
import type { LintRule } from '../rule';
import { findPhrases, JARGON, proseFields } from '../wording';
import { matchCase } from './wordingGenderCoded';

export const wordingJargon: LintRule = {
  codes: ['wording.jargon'],
  defaultSeverity: 'warning',
  description: 'Hiring jargon ("rockstar", "ninja", "work hard, play hard") that says nothing about the work.',
  check({ parsed, doc, report }) {
    for (const field of proseFields(parsed)) {
      for (const hit of findPhrases(parsed, field, JARGON)) {
        const { suggestion } = hit.entry;
        const title = suggestion ? `Replace "${hit.text}" with "${suggestion}"` : `Remove "${hit.text}"`;
        report({
          span: hit.span,
          message: `"${hit.text}" is hiring jargon; say what the person will do instead${suggestion ? ` (e.g. "${suggestion}")` : ''}.`,
          data: { fixes: [quickFix(doc, title, [{ span: hit.span, newText: matchCase(hit.text, suggestion) }])] },
        });
      }
    }
  },
};
