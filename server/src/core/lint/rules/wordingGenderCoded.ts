import { quickFix } from '../fields';
import type { LintRule } from '../rule';
import { codedWords, GENDER_SUGGESTIONS } from '../wording';

export const wordingGenderCoded: LintRule = {
  codes: ['wording.gender-coded'],
  defaultSeverity: 'hint',
  description: 'A masculine-coded word (Gaucher et al. 2011), which makes a role read as less open to women.',
  check({ parsed, doc, report }) {
    for (const word of codedWords(parsed)) {
      if (word.coding !== 'masculine') continue;
      const suggestions = GENDER_SUGGESTIONS[word.word.toLowerCase()] ?? [];
      const fixes = suggestions.map((s) => quickFix(doc, `Replace "${word.word}" with "${s}"`, [{ span: word.span, newText: matchCase(word.word, s) }]));
      report({
        span: word.span,
        message: `"${word.word}" is a masculine-coded word; such wording makes a role less appealing to women. Keep it if it is the precise term, or balance it with neutral wording.`,
        data: { fixes, coding: word.coding },
      });
    }
  },
};

/** The replacement with the original's leading capital. */
export function matchCase(original: string, replacement: string): string {
  const first = original.charCodeAt(0);
  // The word lists are ASCII; the Unicode class is compiled only for other text.
  const upper = first < 128 ? first >= 65 && first <= 90 : /^\p{Lu}/u.test(original);
  return upper ? replacement.charAt(0).toUpperCase() + replacement.slice(1) : replacement;
}
