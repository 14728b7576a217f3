import { PLAUSIBLE_MATCH, rankMatches } from '../../nameMatch';
import type { ParsedBlueprint } from '../../parse';
import { asRecord, quickFix, root, rowEntries, sectionEntries, skillEntries, spanOf, yamlScalar, type NamedEntry } from '../fields';
import type { LintRule } from '../rule';
import type { JsonPath } from '../../types';

/** An item a summary entry may name: its name, and the text it is matched against (name and description). */
export interface SummaryCandidate {
  readonly name: string;
  readonly text: string;
  /** Path of the name's scalar (go to definition jumps there). */
  readonly path: JsonPath;
}

// Per item object: unchanged sections keep their values across keystrokes, and so their texts.
const describedCache = new WeakMap<object, string>();

function described(entries: readonly NamedEntry[], fields: readonly string[]): SummaryCandidate[] {
  return entries.map((e) => {
    if (!e.record) return { name: e.name, text: e.name, path: e.path };
    let text = describedCache.get(e.record);
    if (text === undefined) {
      text = [e.name, ...fields.map((f) => e.record?.[f]).filter((v): v is string => typeof v === 'string')].join(' \n ');
      describedCache.set(e.record, text);
    }
    return { name: e.name, text, path: e.path };
  });
}

/** What each scorecard_summary list names, and where those items are defined. */
export const SUMMARY_TARGETS: Readonly<Record<string, { label: string; candidates: (parsed: ParsedBlueprint) => SummaryCandidate[] }>> = {
  responsibilities: { label: 'responsibility', candidates: (p) => described(sectionEntries(p, 'responsibilities'), ['description']) },
  technical_skills: { label: 'technical skill', candidates: (p) => described(skillEntries(p), ['description', 'use']) },
  soft_skills: { label: 'soft skill', candidates: (p) => described(rowEntries(p, 'soft_skills'), ['description', 'shows_up']) },
  // A summary often names a tool by its category ("Cloud (AWS/Azure/GCP)").
  tools: { label: 'tool', candidates: (p) => described(rowEntries(p, 'tools'), ['category']) },
  kpis: { label: 'KPI', candidates: (p) => described(rowEntries(p, 'kpis'), ['measures']) },
};

const MAX_FIXES = 3;

/** A long item's first line, for messages. */
function firstLine(text: string): string {
  const line = text.split('\n')[0];
  return line.length > 80 ? `${line.slice(0, 77)}…` : line;
}

export const summaryUnknownItem: LintRule = {
  codes: ['summary.unknown-item'],
  defaultSeverity: 'warning',
  description: 'A scorecard_summary entry names no responsibility, skill, tool or KPI defined in the file.',
  check({ parsed, doc, report }) {
    const summary = asRecord(root(parsed).scorecard_summary);
    if (!summary) return;
    for (const [key, target] of Object.entries(SUMMARY_TARGETS)) {
      const entries = summary[key];
      if (!Array.isArray(entries)) continue;
      const candidates = target.candidates(parsed);
      const texts = candidates.map((c) => c.text);
      // Nothing defined to compare with: completeness reports the missing section.
      if (candidates.length === 0) continue;
      entries.forEach((entry, index) => {
        if (typeof entry !== 'string' || !entry.trim()) return;
        const ranked = rankMatches(entry, texts);
        if (ranked[0] && ranked[0].score >= PLAUSIBLE_MATCH) return;
        const span = spanOf(parsed, ['scorecard_summary', key, index]);
        if (!span) return;
        const names = [...new Set(ranked.map((m) => candidates[m.index].name))].slice(0, MAX_FIXES);
        const fixes = names.map((name) => quickFix(doc, `Rename to the ${target.label} "${firstLine(name)}"`, [{ span, newText: yamlScalar(name) }]));
        const closest = names[0] ? ` The closest is "${firstLine(names[0])}".` : '';
        report({
          span,
          message: `"${entry}" in scorecard_summary.${key} names no ${target.label} defined in this file.${closest} The summary should list items the blueprint describes.`,
          data: { fixes, section: key },
        });
      });
    }
  },
};
