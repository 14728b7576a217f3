import type { Diagnostic } from 'vscode-languageserver-types';
import { makeDiagnostic, type SeverityName, type Span } from '../diagnosticUtil';
import { asRecord, root, sectionEntries, skillEntries, spanOf } from '../lint/fields';
import type { ParsedBlueprint } from '../parse';
import { escapeHtml, safeUrl } from '../render/escape';
import { enumLabel, inlineText, proseBlocks, readRole, salaryText } from '../render/model';
import type { ITextDocument } from '../types';
import { yearsRange } from './diff';
import { familyPage, type FamilyPageOptions } from './page';

/**
 * A candidate-facing job posting made from a blueprint: the role's title and summary, its
 * main responsibilities and skills, plus the `posting:` section (where, what contract, when,
 * who, how much, where to apply). Output as schema.org `JobPosting` JSON-LD (what job search
 * engines read) and as an HTML page that embeds it.
 */

export interface PostingSalary {
  readonly currency?: string;
  readonly min?: number;
  readonly max?: number;
  readonly unit?: string;
}

export interface PostingOrganization {
  readonly name: string;
  readonly url?: string;
  readonly logo?: string;
}

export interface JobPosting {
  readonly title: string;
  /** The role summary as written (paragraphs and bullets). */
  readonly summary: string;
  /** Flattened responsibilities, the first `maxResponsibilities`. */
  readonly responsibilities: readonly string[];
  readonly mustHave: readonly string[];
  /** The good-to-have skills. */
  readonly niceToHave: readonly string[];
  /** `experience.years` lines. */
  readonly experience: readonly string[];
  /** Education and certifications. */
  readonly qualifications: readonly string[];
  readonly locations: readonly string[];
  readonly employmentType?: string;
  readonly datePosted?: string;
  readonly validThrough?: string;
  readonly hiringOrganization?: PostingOrganization;
  readonly remote: boolean;
  readonly salary?: PostingSalary;
  readonly applyUrl?: string;
}

export const DEFAULT_MAX_RESPONSIBILITIES = 8;

const str = (value: unknown): string | undefined => {
  const text = inlineText(value).trim();
  return text === '' ? undefined : text;
};
const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function texts(value: unknown): string[] {
  const list = Array.isArray(value) ? value : asRecord(value) && Array.isArray(asRecord(value)?.items) ? (asRecord(value)?.items as unknown[]) : value === undefined || value === null ? [] : [value];
  return list.map((item) => {
    const record = asRecord(item);
    if (!record) return str(item);
    const name = str(record.name);
    const description = str(record.description);
    return name && description ? `${name}: ${description}` : (name ?? description);
  }).filter((t): t is string => t !== undefined);
}

/** The posting a blueprint makes; never throws on any shape of the file. */
export function jobPosting(parsed: ParsedBlueprint, options: { maxResponsibilities?: number } = {}): JobPosting {
  const value = root(parsed);
  const posting = asRecord(value.posting) ?? {};
  const experience = asRecord(value.experience) ?? {};
  const organization = asRecord(posting.hiring_organization);
  const orgName = organization ? str(organization.name) : str(posting.hiring_organization);
  const salary = asRecord(posting.salary);
  const responsibilities = sectionEntries(parsed, 'responsibilities').map((entry) => {
    const description = str(entry.record?.description);
    return description ? `${entry.name.trim()}: ${description}` : entry.name.trim();
  });
  return {
    title: readRole(parsed.value).title,
    summary: typeof value.summary === 'string' ? value.summary.trim() : (str(value.summary) ?? ''),
    responsibilities: responsibilities.slice(0, options.maxResponsibilities ?? DEFAULT_MAX_RESPONSIBILITIES),
    mustHave: skillEntries(parsed, ['must_have']).map((e) => e.name.trim()),
    niceToHave: skillEntries(parsed, ['good_to_have']).map((e) => e.name.trim()),
    experience: texts(experience.years),
    qualifications: [...texts(experience.education), ...texts(experience.certifications)],
    locations: texts(posting.location),
    ...(str(posting.employment_type) ? { employmentType: str(posting.employment_type) } : {}),
    ...(str(posting.date_posted) ? { datePosted: str(posting.date_posted) } : {}),
    ...(str(posting.valid_through) ? { validThrough: str(posting.valid_through) } : {}),
    ...(orgName ? { hiringOrganization: { name: orgName, ...(organization && str(organization.url) ? { url: str(organization.url) } : {}), ...(organization && str(organization.logo) ? { logo: str(organization.logo) } : {}) } } : {}),
    remote: posting.remote === true,
    ...(salary
      ? {
          salary: {
            ...(str(salary.currency) ? { currency: str(salary.currency) } : {}),
            ...(num(salary.min) !== undefined ? { min: num(salary.min) } : {}),
            ...(num(salary.max) !== undefined ? { max: num(salary.max) } : {}),
            ...(str(salary.unit) ? { unit: str(salary.unit) } : {}),
          },
        }
      : {}),
    ...(str(posting.apply_url) ? { applyUrl: str(posting.apply_url) } : {}),
  };
}

// ---- JSON-LD ----

const REMOTE_LOCATION = /^\s*(?:fully\s+)?remote\b/i;

/** A location line as a schema.org PostalAddress: "Berlin, Germany", "Austin, TX, USA". */
function postalAddress(location: string): Record<string, string> {
  const parts = location.split(',').map((p) => p.trim()).filter(Boolean);
  const address: Record<string, string> = { '@type': 'PostalAddress' };
  if (parts.length === 1) address.addressLocality = parts[0];
  else if (parts.length === 2) Object.assign(address, { addressLocality: parts[0], addressCountry: parts[1] });
  else Object.assign(address, { streetAddress: parts.slice(0, -3).join(', ') || undefined, addressLocality: parts[parts.length - 3], addressRegion: parts[parts.length - 2], addressCountry: parts[parts.length - 1] });
  for (const key of Object.keys(address)) if (address[key] === undefined) delete address[key];
  return address;
}

/** Where a remote job's applicants may live: "Remote (EU)" → EU; "Germany" → Germany. */
function applicantAreas(locations: readonly string[]): string[] {
  return locations.map((location) => {
    if (REMOTE_LOCATION.test(location)) return /\(([^)]+)\)/.exec(location)?.[1]?.trim() ?? '';
    const parts = location.split(',').map((p) => p.trim()).filter(Boolean);
    return parts[parts.length - 1] ?? '';
  }).filter((area) => area !== '');
}

function htmlList(items: readonly string[]): string {
  return `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
}

/** The posting's description as (escaped) HTML, the form job search engines accept. */
export function postingDescriptionHtml(posting: JobPosting): string {
  const parts: string[] = [];
  for (const block of proseBlocks(posting.summary)) {
    parts.push(block.kind === 'p' ? `<p>${escapeHtml(block.lines.map((l) => l.text).join(' '))}</p>` : htmlList(block.items.map((i) => i.text)));
  }
  if (posting.responsibilities.length) parts.push('<h3>What you will do</h3>', htmlList(posting.responsibilities));
  if (posting.mustHave.length) parts.push('<h3>What you bring</h3>', htmlList(posting.mustHave));
  if (posting.niceToHave.length) parts.push('<h3>Nice to have</h3>', htmlList(posting.niceToHave));
  if (posting.experience.length) parts.push('<h3>Experience</h3>', htmlList(posting.experience));
  return parts.join('');
}

export type JsonLd = Record<string, unknown>;

/** The blueprint as a schema.org `JobPosting` (fields the blueprint lacks are left out). */
export function postingJsonLd(parsed: ParsedBlueprint, options: { maxResponsibilities?: number } = {}): JsonLd {
  const posting = jobPosting(parsed, options);
  const ld: JsonLd = { '@context': 'https://schema.org', '@type': 'JobPosting', title: posting.title, description: postingDescriptionHtml(posting) };
  if (posting.datePosted) ld.datePosted = posting.datePosted;
  if (posting.validThrough) ld.validThrough = posting.validThrough;
  if (posting.employmentType) ld.employmentType = posting.employmentType;
  if (posting.hiringOrganization) {
    const org = posting.hiringOrganization;
    ld.hiringOrganization = { '@type': 'Organization', name: org.name, ...(org.url ? { sameAs: org.url, url: org.url } : {}), ...(org.logo ? { logo: org.logo } : {}) };
  }
  const places = posting.locations.filter((l) => !REMOTE_LOCATION.test(l));
  if (posting.remote) {
    ld.jobLocationType = 'TELECOMMUTE';
    const areas = applicantAreas(posting.locations);
    if (areas.length) ld.applicantLocationRequirements = areas.map((name) => ({ '@type': 'Country', name }));
  }
  if (places.length) {
    const jobLocation = places.map((location) => ({ '@type': 'Place', address: postalAddress(location) }));
    ld.jobLocation = jobLocation.length === 1 ? jobLocation[0] : jobLocation;
  }
  const salary = posting.salary;
  if (salary && (salary.min !== undefined || salary.max !== undefined)) {
    const value: Record<string, unknown> = { '@type': 'QuantitativeValue' };
    if (salary.min !== undefined && salary.max !== undefined && salary.min !== salary.max) Object.assign(value, { minValue: salary.min, maxValue: salary.max });
    else value.value = salary.min ?? salary.max;
    if (salary.unit) value.unitText = salary.unit;
    ld.baseSalary = { '@type': 'MonetaryAmount', ...(salary.currency ? { currency: salary.currency } : {}), value };
  }
  if (posting.mustHave.length || posting.niceToHave.length) ld.skills = [...posting.mustHave, ...posting.niceToHave].join(', ');
  if (posting.qualifications.length) ld.qualifications = posting.qualifications.join('\n');
  if (posting.responsibilities.length) ld.responsibilities = posting.responsibilities.join('\n');
  const years = yearsRange(parsed);
  if (years) ld.experienceRequirements = { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: Math.round(years.min * 12), description: years.text };
  else if (posting.experience.length) ld.experienceRequirements = posting.experience.join('\n');
  if (posting.applyUrl) ld.url = posting.applyUrl;
  return ld;
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes (so no
 * field can close the script or open a comment), and the two line separators JavaScript
 * parsers stumble on.
 */
export function jsonForScript(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

// ---- the candidate-facing page ----

const POSTING_CSS = `
.bp-posting-org { display: flex; align-items: center; gap: 12px; margin: 0 0 6px; color: var(--bp-muted); font-weight: 600; }
.bp-posting-logo { max-height: 40px; max-width: 160px; }
.bp-posting-apply { display: inline-block; margin: 8px 0 24px; padding: 8px 20px; border-radius: 6px; background: var(--bp-accent); color: var(--bp-bg) !important; font-weight: 600; }
.bp-posting-apply:hover { text-decoration: none !important; filter: brightness(1.1); }
`;

// Logos are the one remote resource a posting page shows (only https/http addresses).
export const POSTING_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https: http:";

function chip(label: string, value: string): string {
  return `<span class="bp-chip"><span class="bp-chip-label">${escapeHtml(label)}</span> ${escapeHtml(value)}</span>`;
}

function section(title: string, items: readonly string[]): string {
  return items.length ? `<section class="bp-section"><h2>${escapeHtml(title)}</h2><ul class="bp-list">${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul></section>` : '';
}

/** A complete candidate-facing HTML page, with the JSON-LD in its head. */
export function postingToHtml(parsed: ParsedBlueprint, options: FamilyPageOptions & { maxResponsibilities?: number } = {}): string {
  const posting = jobPosting(parsed, options);
  const ld = postingJsonLd(parsed, options);
  const org = posting.hiringOrganization;
  const logo = safeUrl(org?.logo);
  const orgUrl = safeUrl(org?.url);
  const apply = safeUrl(posting.applyUrl);
  const meta: string[] = [];
  if (posting.locations.length) meta.push(chip('Location', posting.locations.join(' · ')));
  if (posting.remote) meta.push(chip('Remote', 'Yes'));
  if (posting.employmentType) meta.push(chip('Type', enumLabel(posting.employmentType)));
  if (posting.salary) meta.push(chip('Salary', salaryText(posting.salary)));
  if (posting.validThrough) meta.push(chip('Apply by', posting.validThrough));
  const orgLine = org
    ? `<p class="bp-posting-org">${logo ? `<img class="bp-posting-logo" src="${escapeHtml(logo)}" alt="">` : ''}${orgUrl ? `<a href="${escapeHtml(orgUrl)}">${escapeHtml(org.name)}</a>` : escapeHtml(org.name)}</p>`
    : '';
  const summary = proseBlocks(posting.summary)
    .map((block) => (block.kind === 'p' ? `<p>${escapeHtml(block.lines.map((l) => l.text).join(' '))}</p>` : `<ul class="bp-list">${block.items.map((i) => `<li>${escapeHtml(i.text)}</li>`).join('')}</ul>`))
    .join('');
  const body = [
    '<div class="bp bp-job-posting">',
    `<header class="bp-header">${orgLine}<h1 class="bp-title">${escapeHtml(posting.title)}</h1><div class="bp-meta">${meta.join('')}</div></header>`,
    apply ? `<a class="bp-posting-apply" href="${escapeHtml(apply)}">Apply now</a>` : '',
    summary ? `<section class="bp-section bp-prose"><h2>About the role</h2>${summary}</section>` : '',
    section('What you will do', posting.responsibilities),
    section('What you bring', posting.mustHave),
    section('Nice to have', posting.niceToHave),
    section('Experience', posting.experience),
    section('Qualifications', posting.qualifications),
    posting.datePosted ? `<p class="bp-empty">Posted ${escapeHtml(posting.datePosted)}</p>` : '',
    '</div>',
  ]
    .filter(Boolean)
    .join('\n');
  const nonce = options.cspNonce ? ` nonce="${escapeHtml(options.cspNonce)}"` : '';
  const script = `<script type="application/ld+json"${nonce}>\n${jsonForScript(ld)}\n</script>`;
  return familyPage(posting.title, body, POSTING_CSS, { ...options, csp: options.csp ?? POSTING_CSP }, script);
}

// ---- what the posting lacks ----

/** Posting fields job search engines need, and how to write each. */
const NEEDED_FIELDS: readonly { key: string; label: string; example: string }[] = [
  { key: 'location', label: 'a location', example: 'location: Berlin, Germany' },
  { key: 'employment_type', label: 'an employment type', example: 'employment_type: FULL_TIME' },
  { key: 'date_posted', label: 'the date posted', example: 'date_posted: 2025-03-01' },
  { key: 'hiring_organization', label: 'the hiring organization', example: 'hiring_organization: {name: Example Corp}' },
];

export interface PostingFinding {
  readonly code: 'posting.missing-field' | 'posting.no-section';
  readonly span: Span;
  readonly message: string;
  readonly severity: SeverityName;
  readonly data: { readonly field?: string };
}

/** What a job posting made from this blueprint would lack. */
export function postingFindings(parsed: ParsedBlueprint): PostingFinding[] {
  const value = root(parsed);
  if (!('posting' in value)) {
    const span = spanOf(parsed, ['role', 'title']) ?? spanOf(parsed, ['role'], 'key');
    if (!span) return [];
    return [{ code: 'posting.no-section', span, severity: 'hint', message: 'To publish this role as a job posting, add a `posting:` section with the location, employment type, date posted and hiring organization.', data: {} }];
  }
  const posting = asRecord(value.posting);
  const span = spanOf(parsed, ['posting'], 'key');
  if (!span) return [];
  const findings: PostingFinding[] = [];
  for (const field of NEEDED_FIELDS) {
    const present = posting && str(field.key === 'hiring_organization' ? (asRecord(posting[field.key])?.name ?? posting[field.key]) : posting[field.key]) !== undefined;
    if (present) continue;
    // A remote job still needs `location`: where its applicants may live.
    const remoteNote = field.key === 'location' && posting?.remote === true ? ' (for a remote job: where applicants may live, e.g. "Remote (EU)")' : '';
    findings.push({
      code: 'posting.missing-field',
      span,
      severity: 'warning',
      message: `The job posting has no ${field.key}: job search engines need ${field.label}${remoteNote}. Add \`${field.example}\`.`,
      data: { field: field.key },
    });
  }
  return findings;
}

/** `postingFindings` as diagnostics of `doc`. */
export function postingDiagnostics(parsed: ParsedBlueprint, doc: ITextDocument): Diagnostic[] {
  return postingFindings(parsed).map((f) => makeDiagnostic(doc, f.span, f.code, f.message, f.severity, f.data));
}
