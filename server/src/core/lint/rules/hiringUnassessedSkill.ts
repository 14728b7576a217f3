import { hasToken, indexTokens, tokensOf, type TokenIndex } from '../../nameMatch';
import { findSection, type ParsedBlueprint, type Section } from '../../parse';
import { appendToBlockList, quickFix, root, sectionTextFields, skillEntries, spanOf, yamlScalar, type NamedEntry } from '../fields';
import type { LintRule } from '../rule';

// Where a skill counts as assessed: the interview focus, the exercises and the scorecard.
const ASSESSING_GROUPS = new Set(['assess', 'exercises', 'scorecard']);

// Per hiring section value node: the tokens of its assessing text (undefined: none).
const hiringTokensCache = new WeakMap<object, TokenIndex | undefined>();
// Per hiring section value node and technical_skills value: the must-have skills it does not assess.
const unassessedCache = new WeakMap<object, WeakMap<object, readonly NamedEntry[]>>();

function hiringTokens(hiring: Section): TokenIndex | undefined {
  const node = hiring.valueNode as object;
  if (hiringTokensCache.has(node)) return hiringTokensCache.get(node);
  const text = sectionTextFields(hiring).filter((f) => ASSESSING_GROUPS.has(String(f.path[1])));
  const tokens = text.length === 0 ? undefined : indexTokens(text.flatMap((f) => tokensOf(f.value)));
  hiringTokensCache.set(node, tokens);
  return tokens;
}

function unassessed(parsed: ParsedBlueprint, tokens: TokenIndex): NamedEntry[] {
  return skillEntries(parsed, ['must_have']).filter((skill) => {
    const skillTokens = tokensOf(skill.name);
    return skillTokens.length > 0 && !skillTokens.some((t) => hasToken(tokens, t));
  });
}

export const hiringUnassessedSkill: LintRule = {
  codes: ['hiring.unassessed-skill'],
  defaultSeverity: 'warning',
  description: 'A must-have technical skill is not assessed anywhere in hiring (assess, exercises or scorecard).',
  check({ parsed, doc, report }) {
    const hiring = findSection(parsed, 'hiring');
    if (!hiring?.valueNode) return;
    const tokens = hiringTokens(hiring);
    if (!tokens) return;
    const skills = root(parsed).technical_skills;
    // Without a technical_skills mapping there are no must-have skills to assess.
    if (!skills || typeof skills !== 'object') return;
    let bySkills = unassessedCache.get(hiring.valueNode);
    if (!bySkills) unassessedCache.set(hiring.valueNode, (bySkills = new WeakMap()));
    let skillsFound = bySkills.get(skills);
    if (!skillsFound) bySkills.set(skills, (skillsFound = unassessed(parsed, tokens)));
    for (const skill of skillsFound) {
      const span = spanOf(parsed, skill.path);
      if (!span) continue;
      const append = appendToBlockList(parsed, ['hiring', 'assess'], [yamlScalar(skill.name)]);
      const fixes = append ? [quickFix(doc, `Add "${skill.name}" to hiring.assess`, [append])] : [];
      report({ span, message: `The must-have skill "${skill.name}" is not assessed in hiring: no interview focus, exercise or scorecard dimension mentions it.`, data: { fixes } });
    }
  },
};
