import { hasToken, indexTokens, tokensOf } from '../../nameMatch';
import { appendToBlockList, quickFix, skillEntries, spanOf, textFields, yamlScalar } from '../fields';
import type { LintRule } from '../rule';

// Where a skill counts as assessed: the interview focus, the exercises and the scorecard.
const ASSESSING_GROUPS = new Set(['assess', 'exercises', 'scorecard']);

export const hiringUnassessedSkill: LintRule = {
  codes: ['hiring.unassessed-skill'],
  defaultSeverity: 'warning',
  description: 'A must-have technical skill is not assessed anywhere in hiring (assess, exercises or scorecard).',
  check({ parsed, doc, report }) {
    const hiringText = textFields(parsed).filter((f) => f.path[0] === 'hiring' && ASSESSING_GROUPS.has(String(f.path[1])));
    if (hiringText.length === 0) return;
    const hiringTokens = indexTokens(hiringText.flatMap((f) => tokensOf(f.value)));
    for (const skill of skillEntries(parsed, ['must_have'])) {
      const tokens = tokensOf(skill.name);
      if (tokens.length === 0 || tokens.some((t) => hasToken(hiringTokens, t))) continue;
      const span = spanOf(parsed, skill.path);
      if (!span) continue;
      const append = appendToBlockList(parsed, ['hiring', 'assess'], [yamlScalar(skill.name)]);
      const fixes = append ? [quickFix(doc, `Add "${skill.name}" to hiring.assess`, [append])] : [];
      report({ span, message: `The must-have skill "${skill.name}" is not assessed in hiring: no interview focus, exercise or scorecard dimension mentions it.`, data: { fixes } });
    }
  },
};
