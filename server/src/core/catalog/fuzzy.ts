import { editDistance, normaliseName } from '../strings';
import synonymData from './synonyms.json';

/**
 * Fuzzy search over catalog names, built once per catalog change and queried per keystroke.
 * Each name is prepared up front (normalised text, words, initials, and the aliases its
 * synonym groups add), so a query is a linear pass of cheap string tests over a few hundred
 * prepared keys. Scores, best first: exact, prefix, prefix ignoring spaces, word prefix,
 * initials, subsequence, then a typo-tolerant prefix (edit distance).
 */

export type MatchKind = 'exact' | 'prefix' | 'word-prefix' | 'initials' | 'subsequence' | 'typo';

export interface FuzzyMatch<T> {
  readonly item: T;
  readonly score: number;
  readonly kind: MatchKind;
  /** The alias that matched, when the match came from a synonym rather than the name. */
  readonly alias?: string;
}

export interface PreparedKey {
  readonly text: string;
  readonly compact: string;
  readonly words: readonly string[];
  readonly initials: string;
  /** Set for keys added by a synonym group (the alias as the author would type it). */
  readonly alias?: string;
}

interface PreparedItem<T> {
  readonly item: T;
  readonly keys: readonly PreparedKey[];
}

/** Synonym groups, normalised: each a list of names for one thing. */
export type SynonymGroups = readonly (readonly string[])[];

export const BUILT_IN_SYNONYMS: SynonymGroups = (synonymData as { groups: string[][] }).groups;

function prepare(text: string, alias?: string): PreparedKey {
  const normal = normaliseName(text);
  const words = normal.split(' ').filter(Boolean);
  return { text: normal, compact: words.join(''), words, initials: words.map((w) => w[0]).join(''), ...(alias ? { alias } : {}) };
}

/** The name's own key, plus one key per other member of each synonym group the name mentions. */
function prepareWithSynonyms(name: string, groups: NormalisedGroups): PreparedKey[] {
  const main = prepare(name);
  const keys: PreparedKey[] = [main];
  const padded = ` ${main.text} `;
  for (const group of groups) {
    if (!group.some((member) => member.normal && padded.includes(` ${member.normal} `))) continue;
    for (const member of group) {
      if (member.normal && !padded.includes(` ${member.normal} `)) keys.push(prepare(member.name, member.name));
    }
  }
  return keys;
}

type NormalisedGroups = readonly (readonly { name: string; normal: string }[])[];

// A store builds an index per catalog kind on every rebuild, all with the same synonym groups.
const normalisedGroupsCache = new WeakMap<SynonymGroups, NormalisedGroups>();

function normalisedGroups(synonyms: SynonymGroups): NormalisedGroups {
  let groups = normalisedGroupsCache.get(synonyms);
  if (!groups) {
    groups = synonyms.map((group) => group.map((name) => ({ name, normal: normaliseName(name) })));
    normalisedGroupsCache.set(synonyms, groups);
  }
  return groups;
}

const ALIAS_PENALTY = 5;

function scoreKey(key: PreparedKey, query: PreparedKey): { score: number; kind: MatchKind } | undefined {
  const q = query.text;
  if (key.text === q) return { score: 1000, kind: 'exact' };
  if (key.text.startsWith(q)) return { score: 900, kind: 'prefix' };
  if (query.compact && key.compact.startsWith(query.compact)) return { score: 880, kind: 'prefix' };
  const wordIndex = key.words.findIndex((w) => w.startsWith(q));
  if (wordIndex >= 0) return { score: 800 - wordIndex, kind: 'word-prefix' };
  if (query.words.length > 1 && wordsInOrder(key.words, query.words)) return { score: 780, kind: 'word-prefix' };
  if (q.length >= 2 && key.initials.startsWith(query.compact)) return { score: 700, kind: 'initials' };
  const gaps = subsequenceGaps(key, query.compact);
  if (gaps !== undefined && query.compact.length >= 2) return { score: 600 - Math.min(gaps, 200), kind: 'subsequence' };
  if (q.length >= 4) {
    const allowed = q.length >= 7 ? 2 : 1;
    let best = Infinity;
    for (const candidate of [key.text, ...key.words]) {
      best = Math.min(best, editDistance(q, candidate.slice(0, q.length)));
      if (best === 0) break;
    }
    if (best <= allowed) return { score: 300 - 50 * best, kind: 'typo' };
  }
  return undefined;
}

/** True when each query word is a prefix of a later word of the name, in order. */
function wordsInOrder(words: readonly string[], queryWords: readonly string[]): boolean {
  let i = 0;
  for (const word of words) {
    if (i < queryWords.length && word.startsWith(queryWords[i])) i++;
  }
  return i === queryWords.length;
}

/**
 * How many characters are skipped when `query` is found as a subsequence of the name, starting
 * at the beginning of one of its words (as editors' own filters do): "ml" finds "Model
 * registry", "zep" does not find "Azure".
 */
function subsequenceGaps(key: PreparedKey, query: string): number | undefined {
  let best: number | undefined;
  let wordStart = 0;
  for (const word of key.words) {
    if (word[0] === query[0]) {
      let at = wordStart + 1;
      let gaps = 0;
      let found = true;
      for (const ch of query.slice(1)) {
        const next = key.compact.indexOf(ch, at);
        if (next < 0) {
          found = false;
          break;
        }
        gaps += next - at;
        at = next + 1;
      }
      if (found && (best === undefined || gaps < best)) best = gaps;
    }
    wordStart += word.length;
  }
  return best;
}

/**
 * No catalog name is longer than this; a longer "query" is a pasted paragraph or a runaway line,
 * and scoring it against every entry would cost an edit distance over the whole line each.
 */
const MAX_QUERY_LENGTH = 160;

export class FuzzySearchIndex<T> {
  readonly #items: readonly PreparedItem<T>[];

  /**
   * `keyCache` (name → prepared keys) may be shared by the indexes a store rebuilds, so a
   * rebuild after one role file changed prepares only the names it has not seen.
   */
  constructor(items: readonly T[], nameOf: (item: T) => string, options: { synonyms?: SynonymGroups; keyCache?: Map<string, readonly PreparedKey[]> } = {}) {
    const groups = normalisedGroups(options.synonyms ?? BUILT_IN_SYNONYMS);
    const cache = options.keyCache ?? new Map<string, readonly PreparedKey[]>();
    this.#items = items.map((item) => {
      const name = nameOf(item);
      let keys = cache.get(name);
      if (!keys) {
        keys = prepareWithSynonyms(name, groups);
        cache.set(name, keys);
      }
      return { item, keys };
    });
  }

  get size(): number {
    return this.#items.length;
  }

  /** Matches of `query`, best first (ties by name order of the index); an empty query matches all. */
  search(query: string, limit = Infinity): FuzzyMatch<T>[] {
    if (query.length > MAX_QUERY_LENGTH) return [];
    const prepared = prepare(query);
    if (!prepared.text) return this.#items.slice(0, limit).map(({ item }) => ({ item, score: 0, kind: 'prefix' as const }));
    const matches: (FuzzyMatch<T> & { order: number })[] = [];
    this.#items.forEach(({ item, keys }, order) => {
      let best: FuzzyMatch<T> | undefined;
      for (const key of keys) {
        const found = scoreKey(key, prepared);
        if (!found) continue;
        // Shorter names first among equal matches: "ml" prefers "MLflow" to "MLflow Model Registry".
        const score = found.score - (key.alias ? ALIAS_PENALTY : 0) - Math.min(keys[0].text.length, 90) / 100;
        if (!best || score > best.score) best = { item, score, kind: found.kind, ...(key.alias ? { alias: key.alias } : {}) };
      }
      if (best) matches.push({ ...best, order });
    });
    matches.sort((a, b) => b.score - a.score || a.order - b.order);
    return matches.slice(0, limit).map(({ order: _order, ...match }) => match);
  }
}
