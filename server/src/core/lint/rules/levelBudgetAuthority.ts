import { levelRole, roleLevel } from '../levels';
import { findSection } from '../../parse';
import { matchSpans, sectionTextFields } from '../fields';
import type { LintRule } from '../rule';

// Groups that grant authority on their own (approvals needed elsewhere are fine).
const AUTHORITY_GROUPS = new Set(['independent', 'authority']);
const BUDGET = /\bbudgets?\b/gi;
// "Budget: none; may provide inputs", "no budget authority", "contributes cost estimates".
const NEGATED = /\b(?:none|no|not|never|without|n\/a|inputs?|contribut\w*|propos\w*|recommend\w*|suggest\w*|estimat\w*|visibility|aware\w*|advis\w*|track\w*|within (?:an? )?(?:agreed|approved|allocated|given))\b/i;

export const levelBudgetAuthority: LintRule = {
  codes: ['level.budget-authority'],
  defaultSeverity: 'warning',
  description: 'An entry-level role is given budget authority.',
  check({ parsed, report }) {
    const level = roleLevel(parsed);
    if (!level?.info.early) return;
    const decisionRights = findSection(parsed, 'decision_rights');
    const fields = (decisionRights ? sectionTextFields(decisionRights) : []).filter((f) => AUTHORITY_GROUPS.has(String(f.path[1])));
    // An item is read whole: `{name: Budget, description: "none; may provide inputs"}`.
    const itemKey = (path: readonly (string | number)[]) => path.slice(0, path.findIndex((s) => typeof s === 'number') + 1).join('/');
    const negatedItems = new Set(fields.filter((f) => NEGATED.test(f.value)).map((f) => itemKey(f.path)));
    for (const field of fields) {
      if (negatedItems.has(itemKey(field.path))) continue;
      for (const m of matchSpans(parsed, field, BUDGET)) {
        report({ span: m.span, message: `${levelRole(level.key, true)} is given budget authority here; early-career roles usually provide inputs to budgets, not own them. Move this to management_approval or reword.` });
      }
    }
  },
};
