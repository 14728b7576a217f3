import { levelRole, roleLevel } from '../levels';
import { asRecord, groupList, root } from '../fields';
import type { LintRule } from '../rule';

export const levelMissingLeadership: LintRule = {
  codes: ['level.missing-leadership'],
  defaultSeverity: 'warning',
  description: 'A lead or manager role has no leadership responsibilities.',
  check({ parsed, report }) {
    const level = roleLevel(parsed);
    if (!level?.info.leads || !level.span) return;
    const responsibilities = asRecord(root(parsed).responsibilities);
    if (!responsibilities) return;
    if ((groupList(responsibilities.leadership, [])?.items.length ?? 0) > 0) return;
    report({ span: level.span, message: `${levelRole(level.key, true)} needs leadership responsibilities: add responsibilities.leadership (people, direction, mentoring, decisions).` });
  },
};
