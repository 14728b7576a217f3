import { skillEntries, spanOf } from '../fields';
import type { LintRule } from '../rule';

export const levelTooManyMustHaves: LintRule = {
  codes: ['level.too-many-must-haves'],
  defaultSeverity: 'warning',
  description: 'More must-have skills than roleBlueprint.maxMustHaveSkills: few candidates meet them all.',
  check({ parsed, settings, report }) {
    // skillEntries keeps the list per technical_skills value: an edit elsewhere reads nothing.
    const count = skillEntries(parsed, ['must_have']).length;
    if (count <= settings.maxMustHaveSkills) return;
    const span = spanOf(parsed, ['technical_skills', 'must_have'], 'key');
    if (!span) return;
    report({ span, message: `${count} must-have skills is more than ${settings.maxMustHaveSkills} (roleBlueprint.maxMustHaveSkills); few candidates have them all. Move some to good_to_have.`, data: { count, max: settings.maxMustHaveSkills } });
  },
};
