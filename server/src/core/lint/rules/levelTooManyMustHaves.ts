import { root, skillEntries, spanOf } from '../fields';
import type { LintRule } from '../rule';

// Per technical_skills value (kept while the section is unchanged): how many must-haves it lists.
const mustHaveCounts = new WeakMap<object, number>();

export const levelTooManyMustHaves: LintRule = {
  codes: ['level.too-many-must-haves'],
  defaultSeverity: 'warning',
  description: 'More must-have skills than roleBlueprint.maxMustHaveSkills: few candidates meet them all.',
  check({ parsed, settings, report }) {
    const skills = root(parsed).technical_skills;
    let count = skills && typeof skills === 'object' ? mustHaveCounts.get(skills) : undefined;
    if (count === undefined) {
      count = skillEntries(parsed, ['must_have']).length;
      if (skills && typeof skills === 'object') mustHaveCounts.set(skills, count);
    }
    if (count <= settings.maxMustHaveSkills) return;
    const span = spanOf(parsed, ['technical_skills', 'must_have'], 'key');
    if (!span) return;
    report({ span, message: `${count} must-have skills is more than ${settings.maxMustHaveSkills} (roleBlueprint.maxMustHaveSkills); few candidates have them all. Move some to good_to_have.`, data: { count, max: settings.maxMustHaveSkills } });
  },
};
