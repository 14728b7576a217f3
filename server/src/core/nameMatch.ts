import { boundedEditDistance, normaliseName } from './strings';

/**
 * Fuzzy matching of a short reference ("Kubernetes", "MLflow/model registry") against the
 * names a file defines ("Kubernetes and container orchestration", "Model registry and
 * experiment tracking (MLflow, …)"). Summaries, hiring criteria and tech-stack lines name
 * items in shortened, reworded forms, so exact comparison is useless; this scores how much
 * of the reference a candidate covers and keeps only plausible pairs.
 */

export interface NameMatch {
  readonly candidate: string;
  readonly index: number;
  /** 0 (nothing in common) … 1 (same name). */
  readonly score: number;
}

/** A score at or above this is a plausible match. */
export const PLAUSIBLE_MATCH = 0.5;

// Words that carry no identity: a summary's "basics of X" still names X, and
// "cross-functional" qualifies scope, not the thing; a summary's leading verb ("Build …",
// "Define …") is phrasing, not identity.
const STOP_WORDS = new Set(
  'a an and or the of for to in on at by with within via into from as is be its it this that these those their our your e g eg etc incl including where applicable relevant basic basics fundamentals concepts understanding knowledge skills skill experience use using working level based core key main top cross functional build create define implement ensure drive own provide maintain establish enable improve deliver develop perform conduct contribute'.split(' '),
);

/** The tokens that identify a name: normalised, stop words dropped. */
export function significantTokens(name: string): string[] {
  return tokensOfNormal(normaliseName(name));
}

/** significantTokens of a name already normalised (normaliseName of a normal form is itself). */
function tokensOfNormal(normal: string): string[] {
  return normal.split(' ').filter((t) => t && !STOP_WORDS.has(t));
}

/**
 * The tokens of a text indexed for "same word up to inflection": equal, one a prefix (of at
 * least 4 letters) of the other, or a common prefix of 5 letters — "package"/"packaging",
 * "deploy"/"deployment", "pipelines"/"pipeline". Set lookups keep matching linear.
 */
export interface TokenIndex {
  readonly tokens: ReadonlySet<string>;
  /** First five letters of tokens of 5+ letters. */
  readonly prefix5: ReadonlySet<string>;
  /** First four letters of tokens of 4+ letters. */
  readonly prefix4: ReadonlySet<string>;
  /** Tokens of exactly four letters. */
  readonly four: ReadonlySet<string>;
}

export function indexTokens(tokens: readonly string[]): TokenIndex {
  return {
    tokens: new Set(tokens),
    prefix5: new Set(tokens.filter((t) => t.length >= 5).map((t) => t.slice(0, 5))),
    prefix4: new Set(tokens.filter((t) => t.length >= 4).map((t) => t.slice(0, 4))),
    four: new Set(tokens.filter((t) => t.length === 4)),
  };
}

/** True when `token` matches a token of the index up to inflection. */
export function hasToken(index: TokenIndex, token: string): boolean {
  if (index.tokens.has(token)) return true;
  if (token.length >= 5) return index.prefix5.has(token.slice(0, 5)) || index.four.has(token.slice(0, 4));
  return token.length === 4 && index.prefix4.has(token);
}

/** hasToken over a plain token list: a candidate is scored against a few tokens, so no sets are built for it. */
function hasTokenIn(tokens: readonly string[], token: string): boolean {
  if (token.length >= 5) {
    const prefix5 = token.slice(0, 5);
    for (const t of tokens) if (t === token || (t.length >= 5 && t.startsWith(prefix5)) || (t.length === 4 && token.startsWith(t))) return true;
    return false;
  }
  if (token.length === 4) {
    for (const t of tokens) if (t.startsWith(token)) return true;
    return false;
  }
  return tokens.includes(token);
}

/** A name prepared for comparison: computed once per distinct string. */
interface Prepared {
  readonly normal: string;
  /** The whole name and each part between "/", "(", ",", "and" …: "MLflow/model registry" → mlflow, model registry. */
  readonly alternatives: readonly string[];
  readonly tokens: readonly string[];
  /** First letters of every word, to find acronyms: "infrastructure as code" → "iac". */
  readonly initials: string;
  /** Built when first needed (as a reference): candidates never need them. */
  partTokens?: readonly (readonly string[])[];
}

const prepared = new Map<string, Prepared>();
// Names come from the open files; the cap only keeps a long session's memory bounded.
const MAX_PREPARED = 20_000;

const PART_SEPARATOR = /\s*(?:\/|\(|\)|,|;|\band\b|&|\+)\s*/i;

function prepare(name: string): Prepared {
  let p = prepared.get(name);
  if (p) return p;
  const normal = normaliseName(name);
  const alternatives = [normal];
  for (const part of name.split(PART_SEPARATOR)) {
    const partNormal = normaliseName(part);
    if (partNormal.length > 0 && !alternatives.includes(partNormal) && tokensOfNormal(partNormal).length > 0) alternatives.push(partNormal);
  }
  let initials = '';
  for (let i = 0; i < normal.length; i++) if (i === 0 || normal.charCodeAt(i - 1) === 32) initials += normal.charAt(i);
  p = { normal, alternatives, tokens: tokensOfNormal(normal), initials };
  if (prepared.size >= MAX_PREPARED) prepared.clear();
  prepared.set(name, p);
  return p;
}

/** Token lists of the parts (alternatives smaller than the whole name). */
function partTokensOf(p: Prepared): readonly (readonly string[])[] {
  if (p.partTokens) return p.partTokens;
  // The parts are the alternatives after the whole name (prepare split and normalised them once);
  // a one-word part must be a real word ("Kubernetes", "IaC"), not "DS".
  return (p.partTokens = p.alternatives
    .slice(1)
    .map(tokensOfNormal)
    .filter((t) => t.length < p.tokens.length && (t.length >= 2 || (t.length === 1 && t[0].length >= 3))));
}

const scores = new Map<string, Map<string, number>>();
let scoreCount = 0;

/** How much of `name` the candidate covers, 0 … 1 (memoised: the same pairs recur on every keystroke). */
export function matchScore(name: string, candidate: string): number {
  let byCandidate = scores.get(name);
  if (!byCandidate) scores.set(name, (byCandidate = new Map()));
  let score = byCandidate.get(candidate);
  if (score === undefined) {
    score = computeScore(name, candidate);
    if (++scoreCount > MAX_PREPARED) {
      scores.clear();
      scoreCount = 0;
    }
    byCandidate.set(candidate, score);
  }
  return score;
}

/** The identifying tokens of a text (memoised). */
export function tokensOf(text: string): readonly string[] {
  return prepare(text).tokens;
}

function computeScore(name: string, candidate: string): number {
  const a = prepare(name);
  const b = prepare(candidate);
  if (!a.normal || !b.normal) return 0;
  if (a.normal === b.normal) return 1;
  // One spelling apart, on the whole name (only lengths within 15% can score 0.85).
  const distanceScore = spellingScore(a, b);
  // A whole alternative of one side equal to one of the other's: "Kubernetes (where applicable)" vs "Kubernetes".
  let alternativeScore = 0;
  for (const alt of a.alternatives) if (b.alternatives.includes(alt)) alternativeScore = 0.9;
  // Token coverage of the reference by the candidate, of the whole reference or of one of its
  // parts ("Collaborate with DS" of "Collaborate with DS/platform/security stakeholders").
  const coverage = Math.max(coverageOf(a.tokens, b), ...partTokensOf(a).map((tokens) => coverageOf(tokens, b)));
  return Math.max(distanceScore, alternativeScore, coverage);
}

const spellingScores = new Map<string, Map<string, number>>();
let spellingCount = 0;

/** spellingScore, memoised by the pair of normal forms: an index tries the same pairs on every keystroke. */
function knownSpellingScore(a: Prepared, b: Prepared): number {
  let byOther = spellingScores.get(a.normal);
  if (!byOther) spellingScores.set(a.normal, (byOther = new Map()));
  let score = byOther.get(b.normal);
  if (score === undefined) {
    score = spellingScore(a, b);
    if (++spellingCount > MAX_PREPARED) {
      spellingScores.clear();
      spellingCount = 0;
    }
    byOther.set(b.normal, score);
  }
  return score;
}

/** 1 - edit distance / length of the longer normal form when that is at least 0.85, else 0. */
function spellingScore(a: Prepared, b: Prepared): number {
  const longest = Math.max(a.normal.length, b.normal.length);
  if (longest < 5 || Math.abs(a.normal.length - b.normal.length) > longest * 0.15) return 0;
  // Only distances up to 15% of the length can score; the bound lets the comparison stop early.
  const score = 1 - boundedEditDistance(a.normal, b.normal, Math.ceil(longest * 0.15)) / longest;
  return score >= 0.85 ? score : 0;
}

/** Share of `tokens` the candidate has (as words up to inflection, or as an acronym of its words). */
function coverageOf(tokens: readonly string[], candidate: Prepared): number {
  if (tokens.length === 0) return 0;
  let covered = 0;
  for (const token of tokens) if (hasTokenIn(candidate.tokens, token) || (token.length >= 3 && token.length <= 5 && candidate.initials.includes(token))) covered++;
  return covered / tokens.length;
}

/**
 * A list of candidates indexed by everything that can give a name a score above zero: their
 * alternatives (equal parts), the first four letters of their tokens (coverage up to
 * inflection; shorter tokens whole), the three-letter runs of their initials (acronyms) and the
 * length of their normal form (spelling variants). The keys may shortlist a candidate that then
 * scores zero, never miss one that scores more. Ranking against it scores only the candidates a
 * name shares a key with, so a long list (a thousand role titles, every tool of a large file)
 * costs what the few plausible candidates cost. The keys lead to distinct candidate texts, so
 * `update` to a list that differs in a few texts (the same section after an edit) re-indexes
 * only those.
 */
export class CandidateIndex {
  #candidates: readonly string[] = [];
  /** Each distinct text → its positions in the list (ascending), prepared. */
  #texts = new Map<string, { readonly positions: number[]; readonly prepared: Prepared }>();
  readonly #byAlternative = new Map<string, string[]>();
  /** First four letters of tokens of 4+ letters, and shorter tokens whole. */
  readonly #byToken = new Map<string, string[]>();
  /** Three-letter runs of initials. */
  readonly #byInitials = new Map<string, string[]>();
  readonly #byLength = new Map<number, string[]>();

  constructor(candidates: readonly string[]) {
    this.update(candidates);
  }

  get candidates(): readonly string[] {
    return this.#candidates;
  }

  /** Makes the index hold exactly `candidates` (texts no longer listed leave it, new ones join it). */
  update(candidates: readonly string[]): void {
    const texts = new Map<string, { readonly positions: number[]; readonly prepared: Prepared }>();
    candidates.forEach((text, i) => {
      const known = texts.get(text);
      if (known) known.positions.push(i);
      else texts.set(text, { positions: [i], prepared: this.#texts.get(text)?.prepared ?? prepare(text) });
    });
    for (const [text, { prepared }] of this.#texts) if (!texts.has(text)) this.#index(text, prepared, removeFrom);
    for (const [text, { prepared }] of texts) if (!this.#texts.has(text)) this.#index(text, prepared, addTo);
    this.#candidates = candidates;
    this.#texts = texts;
  }

  #index(text: string, p: Prepared, change: <K>(map: Map<K, string[]>, key: K, text: string) => void): void {
    if (!p.normal) return;
    for (const alt of p.alternatives) change(this.#byAlternative, alt, text);
    for (const t of p.tokens) change(this.#byToken, tokenKey(t), text);
    for (let at = 0; at + 3 <= p.initials.length; at++) change(this.#byInitials, p.initials.slice(at, at + 3), text);
    change(this.#byLength, p.normal.length, text);
  }

  /** Candidates ranked by score, best first (zero scores left out): rankMatches over the list. */
  rank(name: string): NameMatch[] {
    const matches: NameMatch[] = [];
    this.#scoreShortlisted(name, (text, value) => {
      for (const index of this.#texts.get(text)?.positions ?? []) matches.push({ candidate: text, index, score: value });
      return false;
    });
    return matches.sort((x, y) => y.score - x.score || x.index - y.index);
  }

  /** True when some candidate is a plausible match (rank's best would score PLAUSIBLE_MATCH or more), found without ranking them all. */
  hasPlausible(name: string): boolean {
    return this.#scoreShortlisted(name, (_, value) => value >= PLAUSIBLE_MATCH);
  }

  /** Calls `found` with each candidate text that scores above zero, until it returns true; true when it did. */
  #scoreShortlisted(name: string, found: (text: string, score: number) => boolean): boolean {
    const a = prepare(name);
    if (!a.normal) return false;
    const shortlist = new Set<string>();
    const gather = (texts: readonly string[] | undefined) => texts?.forEach((text) => shortlist.add(text));
    for (const alt of a.alternatives) gather(this.#byAlternative.get(alt));
    for (const tokens of [a.tokens, ...partTokensOf(a)]) {
      for (const t of tokens) {
        gather(this.#byToken.get(tokenKey(t)));
        if (t.length >= 3 && t.length <= 5) gather(this.#byInitials.get(t.slice(0, 3)));
      }
    }
    const score = (text: string) => {
      const value = matchScore(name, text);
      return value > 0 && found(text, value);
    };
    for (const text of shortlist) if (score(text)) return true;
    // Spelling variants share no key: those of a length within 15% are tried by edit distance alone.
    const length = a.normal.length;
    for (let other = Math.floor(length * 0.85); other <= Math.ceil(length / 0.85); other++) {
      for (const text of this.#byLength.get(other) ?? []) {
        if (!shortlist.has(text) && knownSpellingScore(a, (this.#texts.get(text) as { prepared: Prepared }).prepared) > 0 && score(text)) return true;
      }
    }
    return false;
  }

  /** The candidate `name` most plausibly refers to, or undefined: bestMatch over the list. */
  best(name: string): NameMatch | undefined {
    const [best] = this.rank(name);
    return best && best.score >= PLAUSIBLE_MATCH ? best : undefined;
  }
}

/** A token's key: its first four letters, or the whole of a shorter token (a superset of hasToken's matches). */
function tokenKey(token: string): string {
  return token.length > 4 ? token.slice(0, 4) : token;
}

/** Adds `text` under `key`; a text's keys are added together, so a repeated key finds it last. */
function addTo<K>(map: Map<K, string[]>, key: K, text: string): void {
  const texts = map.get(key);
  if (!texts) map.set(key, [text]);
  else if (texts[texts.length - 1] !== text) texts.push(text);
}

function removeFrom<K>(map: Map<K, string[]>, key: K, text: string): void {
  const texts = map.get(key);
  if (!texts) return;
  const at = texts.indexOf(text);
  if (at === -1) return;
  // Order within a key does not matter: ranking sorts.
  texts[at] = texts[texts.length - 1];
  texts.pop();
  if (texts.length === 0) map.delete(key);
}

/** Candidates ranked by score, best first (zero scores left out). */
export function rankMatches(name: string, candidates: readonly string[]): NameMatch[] {
  return candidates
    .map((candidate, index) => ({ candidate, index, score: matchScore(name, candidate) }))
    .filter((m) => m.score > 0)
    .sort((x, y) => y.score - x.score || x.index - y.index);
}

/** The candidate `name` most plausibly refers to, or undefined when none is plausible. */
export function bestMatch(name: string, candidates: readonly string[]): NameMatch | undefined {
  const [best] = rankMatches(name, candidates);
  return best && best.score >= PLAUSIBLE_MATCH ? best : undefined;
}
