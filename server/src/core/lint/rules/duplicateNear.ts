import { namedRows } from '../../duplicates';
import { editDistance, normaliseName } from '../../strings';
import { spanOf } from '../fields';
import type { LintRule } from '../rule';

/** The name without parenthesised qualifiers: "Terraform (IaC)" → "terraform". */
function core(name: string): string {
  return normaliseName(name.replace(/\([^)]*\)/g, ' '));
}

/** "AWS / Azure / GCP" → ["aws", "azure", "gcp"]: tool rows often list alternatives. */
function alternatives(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, ' ')
    .split('/')
    .map(normaliseName)
    .filter(Boolean);
}

/** A name prepared once for the pairwise comparisons. */
interface Compared {
  readonly normal: string;
  readonly core: string;
  readonly sortedWords: string;
  readonly alternatives: readonly string[];
}

const comparedCache = new Map<string, Compared>();
// Names come from the open files; the cap only keeps a long session's memory bounded.
const MAX_CACHED = 20_000;

function compared(name: string): Compared {
  let c = comparedCache.get(name);
  if (c) return c;
  const coreName = core(name);
  const normal = normaliseName(name);
  c = { normal, core: coreName, sortedWords: normal.split(' ').sort().join(' '), alternatives: alternatives(name) };
  if (comparedCache.size >= MAX_CACHED) comparedCache.clear();
  comparedCache.set(name, c);
  return c;
}

// kind → name → earlier name → verdict (null: not near).
const verdicts = new Map<string, Map<string, Map<string, string | null>>>();
let verdictCount = 0;

/** Why two names (not equal once normalised) are probably the same thing, or undefined; memoised per pair. */
export function nearDuplicate(a: string, b: string, kind: string): string | undefined {
  let byName = verdicts.get(kind);
  if (!byName) verdicts.set(kind, (byName = new Map()));
  let byOther = byName.get(a);
  if (!byOther) byName.set(a, (byOther = new Map()));
  let verdict = byOther.get(b);
  if (verdict === undefined) {
    verdict = compare(compared(a), compared(b), kind) ?? null;
    if (++verdictCount > MAX_CACHED) {
      verdicts.clear();
      verdictCount = 0;
    }
    byOther.set(b, verdict);
  }
  return verdict ?? undefined;
}

function compare(a: Compared, b: Compared, kind: string): string | undefined {
  if (!a.core || !b.core) return undefined;
  // "Terraform" and "Terraform (IaC)" are one tool; "SLO compliance (latency)" and "(availability)" are two KPIs.
  if (a.core === b.core && (a.core === a.normal || b.core === b.normal)) return 'the same name with a qualifier added';
  if (a.sortedWords === b.sortedWords) return 'the same words in another order';
  const shorter = Math.min(a.normal.length, b.normal.length);
  const allowed = Math.max(1, Math.floor(shorter / 12));
  if (shorter >= 6 && Math.abs(a.normal.length - b.normal.length) <= allowed && editDistance(a.normal, b.normal) <= allowed) return 'a spelling variant';
  if (kind === 'tool') {
    const shared = a.alternatives.find((alt) => b.alternatives.includes(alt));
    if (shared) return `both rows list "${shared}"`;
  }
  return undefined;
}

export const duplicateNear: LintRule = {
  codes: ['duplicate.near'],
  defaultSeverity: 'warning',
  description: 'Two names that are almost the same: a tool in two rows, a skill in two tiers with slightly different wording.',
  check({ parsed, doc, report }) {
    for (const rows of namedRows(parsed.value)) {
      const seen = new Set<string>();
      const prepared = rows.map((row) => compared(row.name).normal);
      rows.forEach((row, i) => {
        const normal = prepared[i];
        // Exact repeats are duplicate.name's; compare each distinct name with those above it.
        if (seen.has(normal)) return;
        seen.add(normal);
        for (let j = 0; j < i; j++) {
          const earlier = rows[j];
          if (prepared[j] === normal) continue;
          const why = nearDuplicate(row.name, earlier.name, row.kind);
          if (!why) continue;
          const span = spanOf(parsed, row.path);
          const there = spanOf(parsed, earlier.path);
          if (!span) break;
          const tier = row.path[0] === 'technical_skills' && row.path[1] !== earlier.path[1] ? ` (${String(earlier.path[1])} vs ${String(row.path[1])})` : '';
          report({
            span,
            message: `The ${row.kind} "${row.name}" looks like "${earlier.name}" above${tier}: ${why}. List it once.`,
            related: there ? [{ location: { uri: doc.uri, range: { start: doc.positionAt(there[0]), end: doc.positionAt(there[1]) } }, message: `"${earlier.name}"` }] : undefined,
          });
          break;
        }
      });
    }
  },
};
