import type { ParsedBlueprint } from '../parse';
import exclusionaryData from './data/exclusionary.json';
import genderData from './data/gender-coded.json';
import jargonData from './data/jargon.json';
import { asRecord, matchSpans, root, scanSections, type TextField } from './fields';
import type { Span } from '../diagnosticUtil';
import { escapeRegExp, lowerCaseKeepingOffsets } from '../strings';

/**
 * The word lists of the wording rules, compiled once into one regular expression each, and
 * the set of fields they read: prose, not identifiers (a URL, an enum value, a tool's
 * product name, the role title).
 */

// Keys whose text is an identifier, an enum value or a reference, not prose.
const SKIPPED_KEYS = new Set(['source', 'level', 'family', 'prevalence', 'importance', 'frequency', 'category', 'weight', 'section', 'url', 'logo', 'apply_url', 'employment_type', 'date_posted', 'valid_through', 'currency', 'unit']);
const SKIPPED_SECTIONS = new Set(['blueprint', 'role', 'posting']);

/** True for a field the wording rules read. */
function isProse(f: TextField): boolean {
  const section = String(f.path[0]);
  if (SKIPPED_SECTIONS.has(section)) return false;
  if (f.key !== undefined && SKIPPED_KEYS.has(f.key)) return false;
  // Product names: "Great Expectations" is a tool, not a promise.
  if (section === 'tools' && f.key === 'name') return false;
  if (section === 'scorecard_summary' && (f.key === 'title' || f.key === 'tools')) return false;
  return true;
}

// ASCII word boundaries and no `u` flag: several times faster than Unicode look-arounds, and
// the lists are English.
const WORD_START = '\\b';
const WORD_END = '\\b';

/** A phrase list compiled into one alternation with one named group per entry. */
export interface PhraseList<E> {
  readonly entries: readonly E[];
  /** Global, case-insensitive; group `e<i>` is entry i. */
  readonly pattern: RegExp;
  /** The list's scan of one section's prose (one function per list: scanSections caches per scan). */
  readonly scan: (parsed: ParsedBlueprint, fields: readonly TextField[]) => readonly PhraseHit<E>[];
}

function compilePhrases<E extends { pattern: string }>(entries: readonly E[]): PhraseList<E> {
  const alternatives = entries.map((e, i) => `(?<e${i}>${e.pattern.replace(/ /g, '\\s+')})`);
  const list: PhraseList<E> = {
    entries,
    pattern: new RegExp(`${WORD_START}(?:${alternatives.join('|')})${WORD_END}`, 'gi'),
    scan: (parsed, fields) => fields.filter(isProse).flatMap((field) => findPhrases(parsed, field, list)),
  };
  return list;
}

export interface PhraseHit<E> {
  readonly entry: E;
  readonly text: string;
  readonly span: Span;
}

/** Every hit of a phrase list in a field, with the entry that matched. */
function findPhrases<E extends { pattern: string }>(parsed: ParsedBlueprint, field: TextField, list: PhraseList<E>): PhraseHit<E>[] {
  // Entry patterns use only non-capturing groups, so capture group i is entry i.
  return matchSpans(parsed, field, list.pattern).map((m) => ({ entry: list.entries[m.groups.findIndex((g) => g !== undefined)], text: m.text, span: m.span }));
}

/** Every hit of the phrase list in the prose of the file, in file order (scanned per section, see scanSections). */
export function phraseHits<E extends { pattern: string }>(parsed: ParsedBlueprint, list: PhraseList<E>): PhraseHit<E>[] {
  return scanSections(parsed, list.scan);
}

export interface ExclusionaryEntry {
  readonly pattern: string;
  readonly kind: string;
  readonly suggestion?: string;
  readonly why: string;
}

export interface JargonEntry {
  readonly pattern: string;
  readonly suggestion: string;
}

export const EXCLUSIONARY: PhraseList<ExclusionaryEntry> = compilePhrases(exclusionaryData.entries as ExclusionaryEntry[]);
export const JARGON: PhraseList<JargonEntry> = compilePhrases(jargonData.entries as JargonEntry[]);

export type Coding = 'masculine' | 'feminine';

/** Gender-coded stems: one regex, group `m` or `f` tells which list the word's stem is on. */
export const GENDER_CODED = new RegExp(
  `${WORD_START}(?:(?<m>${genderData.masculine.map(escapeRegExp).join('|')})|(?<f>${genderData.feminine.map(escapeRegExp).join('|')}))(?:\\w|-(?=\\w))*`,
  'gi',
);
const GENDER_EXCEPTIONS = new Set(genderData.exceptions.map((w) => w.toLowerCase()));
const GENDER_EXCEPTION_PHRASES = genderData.exceptionPhrases.map((p) => p.toLowerCase());
export const GENDER_SUGGESTIONS: Readonly<Record<string, readonly string[]>> = genderData.suggestions;

export interface CodedWord {
  readonly word: string;
  readonly coding: Coding;
  readonly span: Span;
}

/** The gender-coded words in one section's prose (exceptions removed). */
function scanCoded(parsed: ParsedBlueprint, fields: readonly TextField[]): CodedWord[] {
  const out: CodedWord[] = [];
  for (const field of fields) {
    if (!isProse(field)) continue;
    let lower: string | undefined;
    for (const m of matchSpans(parsed, field, GENDER_CODED)) {
      if (GENDER_EXCEPTIONS.has(m.text.toLowerCase())) continue;
      // The second half of a compound names a technique, not a trait: "data-driven", "event-driven".
      if (m.index > 0 && field.value.charAt(m.index - 1) === '-') continue;
      lower ??= lowerCaseKeepingOffsets(field.value);
      const text = lower;
      if (GENDER_EXCEPTION_PHRASES.some((p) => text.startsWith(p, m.index))) continue;
      out.push({ word: m.text, coding: m.groups[0] !== undefined ? 'masculine' : 'feminine', span: m.span });
    }
  }
  return out;
}

const codedCache = new WeakMap<ParsedBlueprint, readonly CodedWord[]>();

/** Every gender-coded word in the prose of the file (exceptions removed); cached per parse and per section. */
export function codedWords(parsed: ParsedBlueprint): readonly CodedWord[] {
  const cached = codedCache.get(parsed);
  if (cached) return cached;
  const found = scanSections(parsed, scanCoded);
  const role = asRecord(root(parsed).role);
  const title = typeof role?.title === 'string' ? lowerCaseKeepingOffsets(role.title.trim().replace(/\s+/g, ' ')) : '';
  // The role's own name written in its prose ("The Lead MLOps Engineer designs …") is a name,
  // not wording. Filtered here, not in the per-item scan, which is cached by item text alone.
  // Only words the title contains are looked up around: as text, not split at spaces, so that
  // "Engineering Lead, Data Platform" contains "Lead".
  const out = title.includes(' ') ? found.filter((w) => !title.includes(w.word.toLowerCase()) || !withinTitle(parsed.text, w.span, title)) : found;
  codedCache.set(parsed, out);
  return out;
}

/** Whether `span` lies inside an occurrence of `title` (lower case) in `text`. */
function withinTitle(text: string, span: Span, title: string): boolean {
  const from = Math.max(0, span[1] - title.length);
  const around = lowerCaseKeepingOffsets(text.slice(from, span[0] + title.length));
  for (let at = around.indexOf(title); at !== -1; at = around.indexOf(title, at + 1)) {
    if (from + at <= span[0] && from + at + title.length >= span[1]) return true;
  }
  return false;
}

export type BalanceVerdict = 'neutral' | 'masculine-coded' | 'strongly masculine-coded' | 'feminine-coded' | 'strongly feminine-coded';

export interface WordingBalance {
  readonly masculine: number;
  readonly feminine: number;
  readonly verdict: BalanceVerdict;
  /** Most frequent coded words of each kind, for a hover or the preview. */
  readonly topMasculine: readonly string[];
  readonly topFeminine: readonly string[];
}

/** A share of coded words this far from even (0 … 1) makes the file coded … */
const CODED_SHARE = 0.2;
/** … and this far, with at least STRONG_MIN_WORDS coded words on the heavy side, strongly coded. */
const STRONG_SHARE = 0.5;
const STRONG_MIN_WORDS = 5;

function top(words: readonly CodedWord[], coding: Coding): string[] {
  const counts = new Map<string, number>();
  for (const w of words) if (w.coding === coding) counts.set(w.word.toLowerCase(), (counts.get(w.word.toLowerCase()) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([w]) => w);
}

/**
 * The file's gender-coding balance (after gender-decoder): counts of masculine- and
 * feminine-coded words and a verdict from the share of the difference.
 */
export function wordingBalance(parsed: ParsedBlueprint): WordingBalance {
  const words = codedWords(parsed);
  return { ...balanceVerdict(parsed), topMasculine: top(words, 'masculine'), topFeminine: top(words, 'feminine') };
}

/** wordingBalance without the most used words (which need a collator: the first comparison in a process takes ~15 ms). */
export function balanceVerdict(parsed: ParsedBlueprint): Pick<WordingBalance, 'masculine' | 'feminine' | 'verdict'> {
  const words = codedWords(parsed);
  let masculine = 0;
  for (const w of words) if (w.coding === 'masculine') masculine++;
  const feminine = words.length - masculine;
  const total = masculine + feminine;
  const share = total === 0 ? 0 : (masculine - feminine) / total;
  let verdict: BalanceVerdict = 'neutral';
  if (share >= STRONG_SHARE && masculine >= STRONG_MIN_WORDS) verdict = 'strongly masculine-coded';
  else if (share >= CODED_SHARE) verdict = 'masculine-coded';
  else if (-share >= STRONG_SHARE && feminine >= STRONG_MIN_WORDS) verdict = 'strongly feminine-coded';
  else if (-share >= CODED_SHARE) verdict = 'feminine-coded';
  return { masculine, feminine, verdict };
}
