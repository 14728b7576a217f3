import kpiData from '../data/kpi.json';
import { closestMatches } from '../../strings';
import type { Span } from '../../diagnosticUtil';
import type { ParsedBlueprint } from '../../parse';
import { quickFix, rowEntries, sectionFindings, spanOf, yamlScalar } from '../fields';
import type { LintRule } from '../rule';

/** Every accepted spelling → its canonical cadence. */
const CADENCES = new Map<string, string>();
for (const [canonical, ...aliases] of kpiData.frequencies) for (const name of [canonical, ...aliases]) CADENCES.set(name.toLowerCase(), canonical);
const CANONICAL = kpiData.frequencies.map((f) => f[0]);

function knownPart(part: string): boolean {
  const p = part
    .toLowerCase()
    .replace(/^(?:once |twice )?(?:per|every|each|a|an|once a|once per)\s+/, '')
    .replace(/\s+/g, ' ')
    .trim();
  return p === '' || CADENCES.has(p);
}

/** True for "Weekly", "Per build/release", "Daily / Weekly", "Monthly (rolling)", "every sprint". */
export function isKnownFrequency(frequency: string): boolean {
  const text = frequency.replace(/\([^)]*\)/g, ' ').trim();
  if (!text) return false;
  // "Per build/release": each part names a cadence on its own ("release" is one).
  return text.split(/\s*(?:\/|,|;|&|\bor\b|\band\b|\+)\s*/i).every(knownPart);
}

export const kpiFrequencyUnknown: LintRule = {
  codes: ['kpi.frequency-unknown'],
  defaultSeverity: 'warning',
  description: 'A KPI frequency is not a known review cadence (daily … annually, per sprint, per release …).',
  check({ parsed, doc, report }) {
    for (const { span, message, suggestions } of sectionFindings(parsed, 'kpis', unknownFrequencies)) {
      report({ span, message, data: { fixes: suggestions.map((s) => quickFix(doc, `Change to "${s}"`, [{ span, newText: yamlScalar(s) }])) } });
    }
  },
};

/** The KPI frequencies that are no known cadence, with their messages and the cadences to suggest. */
function unknownFrequencies(parsed: ParsedBlueprint): { span: Span; message: string; suggestions: string[] }[] {
  const out: { span: Span; message: string; suggestions: string[] }[] = [];
  for (const kpi of rowEntries(parsed, 'kpis')) {
    const frequency = kpi.record?.frequency;
    if (typeof frequency !== 'string' || isKnownFrequency(frequency)) continue;
    const span = spanOf(parsed, [...kpi.path.slice(0, -1), 'frequency']);
    if (!span) continue;
    const suggestions = [...new Set(closestMatches(frequency.trim(), [...CADENCES.keys()], 3).map((s) => CADENCES.get(s) as string))];
    out.push({
      span,
      message: `The frequency "${frequency}" of KPI "${kpi.name}" is not a known cadence. Use one of: ${CANONICAL.join(', ')}.${suggestions.length ? ` Did you mean "${suggestions[0]}"?` : ''}`,
      suggestions,
    });
  }
  return out;
}
