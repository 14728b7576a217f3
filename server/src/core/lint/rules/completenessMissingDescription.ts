import type { Span } from '../../diagnosticUtil';
import type { ParsedBlueprint } from '../../parse';
import { rowEntries, sectionFindings, skillEntries, spanOf, type NamedEntry } from '../fields';
import type { LintRule } from '../rule';

function hasText(record: Record<string, unknown> | undefined, fields: readonly string[]): boolean {
  return fields.some((f) => typeof record?.[f] === 'string' && (record[f] as string).trim() !== '');
}

type Finding = { span: Span; message: string };

function undescribed(parsed: ParsedBlueprint, entries: readonly NamedEntry[], kind: string, fields: readonly string[]): Finding[] {
  const out: Finding[] = [];
  for (const entry of entries) {
    if (hasText(entry.record, fields)) continue;
    const span = spanOf(parsed, entry.path);
    if (span) out.push({ span, message: `The ${kind} "${entry.name}" has no ${fields.join(' or ')}: say what it means for this role.` });
  }
  return out;
}

// One function per section: findings are kept per section (see sectionFindings).
const undescribedKpis = (parsed: ParsedBlueprint) => undescribed(parsed, rowEntries(parsed, 'kpis'), 'KPI', ['measures', 'why']);
// A skill is described by what it is or what it is used for; a bare string item is undescribed.
const undescribedSkills = (parsed: ParsedBlueprint) => undescribed(parsed, skillEntries(parsed).map((e) => ({ ...e, record: e.record ?? {} })), 'technical skill', ['description', 'use']);
const undescribedSoftSkills = (parsed: ParsedBlueprint) => undescribed(parsed, rowEntries(parsed, 'soft_skills'), 'soft skill', ['description', 'shows_up']);

export const completenessMissingDescription: LintRule = {
  codes: ['completeness.missing-description'],
  defaultSeverity: 'info',
  description: 'A KPI or skill has a name but nothing that says what it means.',
  check({ parsed, report }) {
    for (const finding of sectionFindings(parsed, 'kpis', undescribedKpis)) report(finding);
    for (const finding of sectionFindings(parsed, 'technical_skills', undescribedSkills)) report(finding);
    for (const finding of sectionFindings(parsed, 'soft_skills', undescribedSoftSkills)) report(finding);
  },
};
