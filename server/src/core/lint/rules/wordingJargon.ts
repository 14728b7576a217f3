import type { Span } from '../../diagnosticUtil';
import { quickFix } from '../fields';
import type { LintRule } from '../rule';
import { JARGON, phraseHits } from '../wording';
import { matchCase } from './wordingGenderCoded';

export const wordingJargon: LintRule = {
  codes: ['wording.jargon'],
  defaultSeverity: 'warning',
  description: 'Hiring jargon ("rockstar", "ninja", "work hard, play hard") that says nothing about the work.',
  check({ parsed, doc, report }) {
    for (const hit of phraseHits(parsed, JARGON)) {
      const { suggestion } = hit.entry;
      const title = suggestion ? `Replace "${hit.text}" with "${suggestion}"` : `Remove "${hit.text}"`;
      // Removing a phrase takes one neighbouring space with it, so no double space is left.
      const [start, end] = hit.span;
      const span: Span = suggestion ? hit.span : parsed.text[end] === ' ' ? [start, end + 1] : parsed.text[start - 1] === ' ' ? [start - 1, end] : hit.span;
      report({
        span: hit.span,
        message: `"${hit.text}" is hiring jargon; say what the person will do instead${suggestion ? ` (e.g. "${suggestion}")` : ''}.`,
        data: { fixes: [quickFix(doc, title, [{ span, newText: matchCase(hit.text, suggestion) }])] },
      });
    }
  },
};
