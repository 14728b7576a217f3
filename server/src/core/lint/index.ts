import type { LintRule } from './rule';

/** Every content rule, in the order their findings are computed. */
export const LINT_RULES: readonly LintRule[] = [];
