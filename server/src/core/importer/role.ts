/** The `role` header: title from the page title, level and family guessed from the title words. */

export type Level =
  | 'intern' | 'entry' | 'associate' | 'mid' | 'senior' | 'staff' | 'principal' | 'lead'
  | 'manager' | 'senior_manager' | 'director' | 'vp' | 'executive';

/** "Associate MLOps Consultant: Role Blueprint, Responsibilities, …" → "Associate MLOps Consultant". */
export function roleTitle(pageTitle: string): string {
  const text = pageTitle.replace(/\s+/g, ' ').trim();
  const cut = /\s*(?::|\||\s[–—-]\s)\s*/.exec(text);
  if (cut && cut.index > 0) return text.slice(0, cut.index).trim();
  return text.replace(/\s+(role\s+)?blueprint$/i, '').trim();
}

/** Ordered: the first rule that fits wins ("Senior Engineering Manager" is senior_manager, not senior). */
const LEVEL_RULES: readonly (readonly [Level, RegExp])[] = [
  ['intern', /\b(intern|internship|trainee|apprentice)\b/],
  ['executive', /\b(chief|ceo|cto|cio|cfo|coo|ciso|cdo|cpo|president|founder|c-level)\b/],
  ['vp', /\b(vp|svp|evp|vice president)\b/],
  ['director', /\b(director|head of)\b/],
  ['senior_manager', /\b(senior|sr\.?)\s+(\w+\s+){0,2}manager\b/],
  ['manager', /\bmanager\b/],
  ['principal', /\bprincipal\b/],
  ['staff', /\bstaff\b/],
  ['lead', /\b(lead|team lead|tech lead)\b/],
  ['senior', /\b(senior|sr\.?)\b/],
  ['associate', /\bassociate\b/],
  ['entry', /\b(junior|jr\.?|entry[- ]level|graduate|new grad)\b/],
];

/** Role nouns that, with no level word, describe a fully independent (mid-level) practitioner. */
const ROLE_NOUN = /\b(engineer|developer|consultant|analyst|scientist|architect|specialist|designer|administrator|programmer|researcher|technician|strategist|advisor|officer|accountant|writer|tester|coordinator)\b/;

export function guessLevel(title: string): Level | undefined {
  const lower = title.toLowerCase();
  const rule = LEVEL_RULES.find(([, pattern]) => pattern.test(lower));
  if (rule) return rule[0];
  return ROLE_NOUN.test(lower) ? 'mid' : undefined;
}

const LEVEL_WORDS = /\b(intern|trainee|apprentice|chief|vp|svp|evp|vice president|director|head of|senior|sr\.?|principal|staff|lead|associate|junior|jr\.?|entry[- ]level|graduate|team|tech|i{1,3}|iv)\b/gi;
const FAMILY_NOUN = new RegExp(`${ROLE_NOUN.source}|\\b(manager|lead|director)\\b`, 'i');

/** "Lead MLOps Engineer" → "MLOps": the title without level words and the trailing role noun. */
export function guessFamily(title: string): string | undefined {
  const words = title.replace(LEVEL_WORDS, ' ').replace(/\s+/g, ' ').trim().split(' ');
  const last = words[words.length - 1];
  if (!last || !FAMILY_NOUN.test(last)) return undefined;
  const family = words.slice(0, -1).join(' ').replace(/^(of|for|the)\s+/i, '').trim();
  if (!family || family.split(' ').length > 3 || !/^[A-Z0-9]/.test(family)) return undefined;
  return family;
}
