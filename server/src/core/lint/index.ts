import type { LintRule } from './rule';
import { completenessEmptyGroup } from './rules/completenessEmptyGroup';
import { completenessMissingDescription } from './rules/completenessMissingDescription';
import { completenessMissingSection } from './rules/completenessMissingSection';
import { completenessPlaceholder } from './rules/completenessPlaceholder';
import { duplicateNear } from './rules/duplicateNear';
import { hiringUnassessedSkill } from './rules/hiringUnassessedSkill';
import { hiringWeightsSum } from './rules/hiringWeightsSum';
import { kpiFrequencyUnknown } from './rules/kpiFrequencyUnknown';
import { kpiTargetNotMeasurable } from './rules/kpiTargetNotMeasurable';
import { levelBudgetAuthority } from './rules/levelBudgetAuthority';
import { levelMissingLeadership } from './rules/levelMissingLeadership';
import { levelTooManyMustHaves } from './rules/levelTooManyMustHaves';
import { levelYearsMismatch } from './rules/levelYearsMismatch';
import { postingMissingField, postingNoSection } from './rules/postingFields';
import { summaryTooMany } from './rules/summaryTooMany';
import { summaryUnknownItem } from './rules/summaryUnknownItem';
import { techStackUnknownTool } from './rules/techStackUnknownTool';
import { wordingExclusionary } from './rules/wordingExclusionary';
import { wordingGenderBalance } from './rules/wordingGenderBalance';
import { wordingGenderCoded } from './rules/wordingGenderCoded';
import { wordingJargon } from './rules/wordingJargon';

/** Every content rule, in the order their findings are computed. */
export const LINT_RULES: readonly LintRule[] = [
  summaryUnknownItem,
  summaryTooMany,
  hiringWeightsSum,
  hiringUnassessedSkill,
  techStackUnknownTool,
  kpiTargetNotMeasurable,
  kpiFrequencyUnknown,
  wordingGenderCoded,
  wordingGenderBalance,
  wordingExclusionary,
  wordingJargon,
  levelYearsMismatch,
  levelTooManyMustHaves,
  levelMissingLeadership,
  levelBudgetAuthority,
  completenessMissingSection,
  completenessEmptyGroup,
  completenessPlaceholder,
  completenessMissingDescription,
  duplicateNear,
  postingMissingField,
  postingNoSection,
];

export { wordingBalance, type WordingBalance } from './wording';
