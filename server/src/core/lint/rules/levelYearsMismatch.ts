import type { Span } from '../../diagnosticUtil';
import { findSection, type ParsedBlueprint } from '../../parse';
import { levelRole, roleLevel } from '../levels';
import { asRecord, matchSpans, root, sectionTextFields, type TextField } from '../fields';
import type { LintRule } from '../rule';

/** Years asked for: "0–2 years", "8+ years", "at least 5 years", "5 years"; max is Infinity for open ranges. */
export interface YearsAsked {
  readonly min: number;
  readonly max: number;
  readonly span: Span;
  readonly text: string;
}

const YEARS = /(?:(?:at least|minimum(?: of)?|min\.?)\s+)?(\d{1,2})\s*(?:(?:[-–—]|to)\s*(\d{1,2})|(\+))?\s*(?:\+\s*)?(?:years?|yrs?)\b/gi;

export function yearsAsked(parsed: ParsedBlueprint, field: TextField): YearsAsked | undefined {
  const [m] = matchSpans(parsed, field, YEARS);
  if (!m) return undefined;
  const min = Number(m.groups[0]);
  const open = m.groups[2] !== undefined || /\+|at least|minimum|min\./i.test(m.text);
  const max = m.groups[1] !== undefined ? Number(m.groups[1]) : open ? Infinity : min;
  return { min, max, span: m.span, text: m.text };
}

export const levelYearsMismatch: LintRule = {
  codes: ['level.years-mismatch'],
  defaultSeverity: 'warning',
  description: 'The years of experience asked for are out of line with role.level.',
  check({ parsed, doc, report }) {
    const level = roleLevel(parsed);
    if (!level || !asRecord(root(parsed).experience)) return;
    let asked: YearsAsked | undefined;
    const experience = findSection(parsed, 'experience');
    for (const field of experience ? sectionTextFields(experience) : []) {
      if (field.path[1] === 'years' && (asked = yearsAsked(parsed, field))) break;
    }
    if (!asked) return;
    const { min, max } = level.info;
    const range = `${min}–${max}`;
    let problem: string | undefined;
    if (asked.min > max) problem = `asks for at least ${asked.min} years, more than the ${range} typical for ${levelRole(level.key)}`;
    else if (asked.max < min) problem = `asks for at most ${asked.max} years, fewer than the ${range} typical for ${levelRole(level.key)}`;
    if (!problem) return;
    const related = level.span ? [{ location: { uri: doc.uri, range: { start: doc.positionAt(level.span[0]), end: doc.positionAt(level.span[1]) } }, message: `The level (from role.${level.from})` }] : undefined;
    report({ span: asked.span, message: `"${asked.text}" ${problem}. Adjust the years or role.level.`, related, data: { level: level.key, asked: { min: asked.min, max: asked.max } } });
  },
};
