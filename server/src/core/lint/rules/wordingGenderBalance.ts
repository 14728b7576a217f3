import { spanOf } from '../fields';
import type { LintRule } from '../rule';
import { balanceVerdict, wordingBalance } from '../wording';

export const wordingGenderBalance: LintRule = {
  codes: ['wording.gender-balance'],
  defaultSeverity: 'hint',
  description: 'The file as a whole is strongly masculine- or feminine-coded.',
  check({ parsed, report }) {
    if (!balanceVerdict(parsed).verdict.startsWith('strongly')) return;
    const balance = wordingBalance(parsed);
    const span = spanOf(parsed, ['role', 'title']) ?? spanOf(parsed, ['role'], 'key') ?? ([0, 0] as const);
    const heavy = balance.verdict.includes('masculine') ? balance.topMasculine : balance.topFeminine;
    report({
      span,
      message: `The wording is ${balance.verdict}: ${balance.masculine} masculine-coded and ${balance.feminine} feminine-coded words (most used: ${heavy.join(', ')}).`,
      data: { balance },
    });
  },
};
