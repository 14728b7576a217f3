import { CandidateIndex } from '../../nameMatch';
import type { ParsedBlueprint } from '../../parse';
import { asRecord, quickFix, RecentDocuments, root, rowEntries, sectionEntries, skillEntries, spanOf, yamlScalar, type NamedEntry } from '../fields';
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
      text = e.name;
      for (const field of fields) {
        const value = e.record[field];
        if (typeof value === 'string') text += ` \n ${value}`;
      }
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

/** A summary entry that names nothing: its index in the list and the closest names, best first. */
interface Unmatched {
  readonly index: number;
  readonly names: readonly string[];
}

// Per value of the section a list names (the parser keeps it while the section is unchanged):
// its candidates and their texts. Per summary list and section value: the list's unmatched entries.
const candidateCache = new WeakMap<object, Map<string, { readonly candidates: SummaryCandidate[]; readonly texts: string[] }>>();
const unmatchedCache = new WeakMap<readonly unknown[], WeakMap<object, readonly Unmatched[]>>();
// Per document and list key: the index of the candidates ranked last, and the section value they
// came from; an edit of the section updates it by the texts that changed.
const indexes = new RecentDocuments<Map<string, { source: object; readonly index: CandidateIndex }>>(() => new Map());
// Files checked together (no edit session: the CLI) have no next version to update an index
// for; those that share a section (a batch parses a repeated section once) share its index.
const sectionIndexes = new WeakMap<object, Map<string, CandidateIndex>>();

function sectionIndexOf(key: string, section: object, texts: readonly string[]): CandidateIndex {
  let byKey = sectionIndexes.get(section);
  if (!byKey) sectionIndexes.set(section, (byKey = new Map()));
  let index = byKey.get(key);
  if (!index) byKey.set(key, (index = new CandidateIndex(texts)));
  return index;
}

function candidatesOf(parsed: ParsedBlueprint, key: string, section: object) {
  let byKey = candidateCache.get(section);
  if (!byKey) candidateCache.set(section, (byKey = new Map()));
  let found = byKey.get(key);
  if (!found) {
    const candidates = SUMMARY_TARGETS[key].candidates(parsed);
    byKey.set(key, (found = { candidates, texts: candidates.map((c) => c.text) }));
  }
  return found;
}

function indexOf(uri: string, key: string, section: object, texts: readonly string[]): CandidateIndex {
  const byKey = indexes.get(uri);
  let indexed = byKey.get(key);
  if (!indexed) {
    byKey.set(key, (indexed = { source: section, index: new CandidateIndex(texts) }));
  } else if (indexed.source !== section) {
    indexed.index.update(texts);
    indexed.source = section;
  }
  return indexed.index;
}

function unmatchedEntries(entries: readonly unknown[], candidates: readonly SummaryCandidate[], index: CandidateIndex): Unmatched[] {
  const out: Unmatched[] = [];
  entries.forEach((entry, i) => {
    if (typeof entry !== 'string' || !entry.trim()) return;
    if (index.hasPlausible(entry)) return;
    const ranked = index.rank(entry);
    out.push({ index: i, names: [...new Set(ranked.map((m) => candidates[m.index].name))].slice(0, MAX_FIXES) });
  });
  return out;
}

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
      const section = root(parsed)[key];
      // Nothing defined to compare with: completeness reports the missing section.
      if (!section || typeof section !== 'object') continue;
      const { candidates, texts } = candidatesOf(parsed, key, section);
      if (candidates.length === 0) continue;
      let byEntries = unmatchedCache.get(entries);
      if (!byEntries) unmatchedCache.set(entries, (byEntries = new WeakMap()));
      let unmatched = byEntries.get(section);
      if (!unmatched) {
        const index = parsed.editSession !== undefined ? indexOf(doc.uri, key, section, texts) : sectionIndexOf(key, section, texts);
        byEntries.set(section, (unmatched = unmatchedEntries(entries, candidates, index)));
      }
      for (const { index: entryIndex, names } of unmatched) {
        const span = spanOf(parsed, ['scorecard_summary', key, entryIndex]);
        if (!span) continue;
        const fixes = names.map((name) => quickFix(doc, `Rename to the ${target.label} "${firstLine(name)}"`, [{ span, newText: yamlScalar(name) }]));
        const closest = names[0] ? ` The closest is "${firstLine(names[0])}".` : '';
        report({
          span,
          message: `"${entries[entryIndex]}" in scorecard_summary.${key} names no ${target.label} defined in this file.${closest} The summary should list items the blueprint describes.`,
          data: { fixes, section: key },
        });
      }
    }
  },
};
