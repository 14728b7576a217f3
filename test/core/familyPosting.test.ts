import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { jobPosting, jsonForScript, postingDiagnostics, postingJsonLd, postingToHtml } from '../../server/src/core/family/posting';
import { BlueprintParser } from '../../server/src/core/parse';
import { docOf } from './testUtil';

/**
 * The structured-data rules for a schema.org JobPosting as Google's job search documents them:
 * required properties (title, description, datePosted, hiringOrganization, jobLocation — or,
 * for a fully remote job, jobLocationType TELECOMMUTE with applicantLocationRequirements) and
 * recommended ones (baseSalary, employmentType, validThrough), each with its expected shape.
 */
interface Report {
  readonly errors: string[];
  readonly warnings: string[];
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?)?$/;
const EMPLOYMENT_TYPES = new Set(['FULL_TIME', 'PART_TIME', 'CONTRACTOR', 'TEMPORARY', 'INTERN', 'VOLUNTEER', 'PER_DIEM', 'OTHER']);
const UNITS = new Set(['HOUR', 'DAY', 'WEEK', 'MONTH', 'YEAR']);
const AREA_TYPES = new Set(['Country', 'State', 'AdministrativeArea', 'City']);

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const nonEmpty = (v: unknown) => typeof v === 'string' && v.trim() !== '';
const many = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

function validateJobPosting(ld: Obj): Report {
  const errors: string[] = [];
  const warnings: string[] = [];
  if (ld['@context'] !== 'https://schema.org') errors.push('@context');
  if (ld['@type'] !== 'JobPosting') errors.push('@type');
  if (!nonEmpty(ld.title)) errors.push('title');
  if (!nonEmpty(ld.description)) errors.push('description');
  if (!(typeof ld.datePosted === 'string' && ISO_DATE.test(ld.datePosted))) errors.push('datePosted');
  const org = ld.hiringOrganization;
  if (!(isObj(org) && org['@type'] === 'Organization' && nonEmpty(org.name))) errors.push('hiringOrganization');
  else for (const key of ['sameAs', 'logo']) if (org[key] !== undefined && !/^https?:\/\/\S+$/.test(String(org[key]))) errors.push(`hiringOrganization.${key}`);
  const remote = ld.jobLocationType === 'TELECOMMUTE';
  if (ld.jobLocationType !== undefined && !remote) errors.push('jobLocationType');
  if (ld.jobLocation !== undefined) {
    const placesOk = many(ld.jobLocation).every((place) => isObj(place) && place['@type'] === 'Place' && isObj(place.address) && place.address['@type'] === 'PostalAddress' && ['addressLocality', 'addressRegion', 'addressCountry', 'streetAddress'].some((k) => nonEmpty((place.address as Obj)[k])));
    if (!placesOk) errors.push('jobLocation');
  }
  if (remote) {
    const areas = ld.applicantLocationRequirements;
    if (areas === undefined || !many(areas).every((a) => isObj(a) && AREA_TYPES.has(String(a['@type'])) && nonEmpty(a.name))) errors.push('applicantLocationRequirements');
  } else if (ld.jobLocation === undefined) {
    errors.push('jobLocation');
  }
  const salary = ld.baseSalary;
  if (salary === undefined) warnings.push('baseSalary');
  else {
    const value = isObj(salary) ? salary.value : undefined;
    const numbersOk = isObj(value) && (typeof value.value === 'number' || (typeof value.minValue === 'number' && typeof value.maxValue === 'number' && value.minValue <= value.maxValue));
    if (!(isObj(salary) && salary['@type'] === 'MonetaryAmount' && typeof salary.currency === 'string' && /^[A-Z]{3}$/.test(salary.currency) && isObj(value) && value['@type'] === 'QuantitativeValue' && numbersOk && UNITS.has(String(value.unitText)))) errors.push('baseSalary');
  }
  if (ld.employmentType === undefined) warnings.push('employmentType');
  else if (!many(ld.employmentType).every((t) => EMPLOYMENT_TYPES.has(String(t)))) errors.push('employmentType');
  if (ld.validThrough === undefined) warnings.push('validThrough');
  else if (!(typeof ld.validThrough === 'string' && ISO_DATE.test(ld.validThrough))) errors.push('validThrough');
  return { errors, warnings };
}

const EXAMPLE = readFileSync(path.join(__dirname, '..', '..', 'examples', 'associate-mlops-consultant.role.yaml'), 'utf8');
const POSTING = `
posting:
  location: Berlin, Germany
  employment_type: FULL_TIME
  date_posted: 2025-03-01
  valid_through: 2025-04-30
  hiring_organization:
    name: Example Corp
    url: https://example.com
    logo: https://example.com/logo.png
  salary:
    currency: EUR
    min: 55000
    max: 70000
    unit: YEAR
  apply_url: https://example.com/careers/associate-mlops-consultant
`;
const parser = new BlueprintParser();

suite('family: job posting (schema.org JobPosting)', () => {
  test('the validator itself rejects what Google rejects', () => {
    assert.deepEqual(validateJobPosting({ '@context': 'https://schema.org', '@type': 'JobPosting' }).errors, ['title', 'description', 'datePosted', 'hiringOrganization', 'jobLocation']);
    const remoteWithoutArea = validateJobPosting({ '@context': 'https://schema.org', '@type': 'JobPosting', title: 't', description: 'd', datePosted: '2025-01-01', hiringOrganization: { '@type': 'Organization', name: 'X' }, jobLocationType: 'TELECOMMUTE' });
    assert.deepEqual(remoteWithoutArea.errors, ['applicantLocationRequirements']);
    assert.deepEqual(remoteWithoutArea.warnings, ['baseSalary', 'employmentType', 'validThrough']);
    assert.deepEqual(validateJobPosting({ baseSalary: { '@type': 'MonetaryAmount', currency: 'euro', value: { '@type': 'QuantitativeValue', minValue: 9, maxValue: 1, unitText: 'YEAR' } } }).errors.includes('baseSalary'), true);
  });

  test('a blueprint with a full posting section: every required and recommended property, valid', () => {
    const ld = postingJsonLd(parser.parse(EXAMPLE + POSTING));
    assert.deepEqual(validateJobPosting(ld), { errors: [], warnings: [] });
    assert.equal(ld.title, 'Associate MLOps Consultant');
    assert.deepEqual(ld.jobLocation, { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Berlin', addressCountry: 'Germany' } });
    assert.deepEqual(ld.baseSalary, { '@type': 'MonetaryAmount', currency: 'EUR', value: { '@type': 'QuantitativeValue', minValue: 55000, maxValue: 70000, unitText: 'YEAR' } });
    assert.deepEqual(ld.hiringOrganization, { '@type': 'Organization', name: 'Example Corp', sameAs: 'https://example.com', url: 'https://example.com', logo: 'https://example.com/logo.png' });
    assert.deepEqual(ld.experienceRequirements, { '@type': 'OccupationalExperienceRequirements', monthsOfExperience: 0, description: '0–2 years in software engineering, data engineering, ML engineering, DevOps, or cloud engineering; or equivalent internship/project experience plus strong fundamentals.' });
    assert.match(String(ld.skills), /^Python for production ML workflows, /);
    assert.equal(ld.url, 'https://example.com/careers/associate-mlops-consultant');
  });

  test('the posting: title, summary, top responsibilities, must-have and nice-to-have skills', () => {
    const posting = jobPosting(parser.parse(EXAMPLE + POSTING), { maxResponsibilities: 3 });
    assert.equal(posting.responsibilities.length, 3);
    assert.match(posting.responsibilities[0], /^Contribute to MLOps delivery plans/);
    assert.equal(posting.mustHave.length, 7);
    assert.equal(posting.niceToHave.length, 7);
    assert.deepEqual(posting.locations, ['Berlin, Germany']);
    assert.equal(posting.remote, false);
  });

  test('a remote job: TELECOMMUTE with applicant location requirements, valid without a place', () => {
    const remote = POSTING.replace('location: Berlin, Germany', 'location: Remote (Germany)\n  remote: true');
    const ld = postingJsonLd(parser.parse(EXAMPLE + remote));
    assert.equal(ld.jobLocationType, 'TELECOMMUTE');
    assert.deepEqual(ld.applicantLocationRequirements, [{ '@type': 'Country', name: 'Germany' }]);
    assert.equal(ld.jobLocation, undefined);
    assert.deepEqual(validateJobPosting(ld), { errors: [], warnings: [] });
  });

  test('several locations become several places; "City, Region, Country" fills the region', () => {
    const ld = postingJsonLd(parser.parse(EXAMPLE + POSTING.replace('location: Berlin, Germany', 'location: ["Berlin, Germany", "Austin, TX, USA"]')));
    assert.deepEqual(ld.jobLocation, [
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Berlin', addressCountry: 'Germany' } },
      { '@type': 'Place', address: { '@type': 'PostalAddress', addressLocality: 'Austin', addressRegion: 'TX', addressCountry: 'USA' } },
    ]);
    assert.deepEqual(validateJobPosting(ld).errors, []);
  });

  test('what the validator finds missing is what the diagnostics report', () => {
    const partial = 'blueprint: 1\nrole:\n  title: Data Analyst\nsummary: Analyses sales.\nposting:\n  location: Berlin, Germany\n  hiring_organization:\n    name: Example Corp\n';
    const parsed = parser.parse(partial);
    assert.deepEqual(validateJobPosting(postingJsonLd(parsed)).errors, ['datePosted']);
    const diagnostics = postingDiagnostics(parsed, docOf(partial));
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range.start.line, (d.data as { field: string }).field, d.severity]),
      [
        ['posting.missing-field', 4, 'employment_type', 2],
        ['posting.missing-field', 4, 'date_posted', 2],
      ],
    );
    const none = 'blueprint: 1\nrole:\n  title: Data Analyst\n';
    assert.deepEqual(
      postingDiagnostics(parser.parse(none), docOf(none)).map((d) => [d.code, d.range.start.line, d.severity]),
      [['posting.no-section', 2, 4]],
    );
  });

  test('wrong shapes never throw', () => {
    for (const text of ['', '- x', 'posting: 3', 'posting:\n  salary: lots\n  location: [1, null]\n  hiring_organization: [x]\n  remote: yes', 'role: [\n']) {
      const parsed = parser.parse(text);
      assert.equal(typeof postingJsonLd(parsed), 'object');
      assert.equal(typeof postingToHtml(parsed), 'string');
      assert.ok(Array.isArray(postingDiagnostics(parsed, docOf(text))));
    }
  });
});

suite('family: job posting page and escaping', () => {
  const hostile = `blueprint: 1
role:
  title: "Analyst </script><script>alert(1)</script>"
summary: "<img src=x onerror=alert(2)> & more"
technical_skills:
  must_have:
    - name: "<b>SQL</b>"
posting:
  location: "<i>Berlin</i>, Germany"
  employment_type: FULL_TIME
  date_posted: 2025-03-01
  hiring_organization:
    name: "Evil </script> Corp"
    url: "javascript:alert(3)"
    logo: "https://example.com/l.png\\" onerror=\\"alert(4)"
  apply_url: "javascript:alert(5)"
`;

  test('the JSON-LD cannot close its script: < > & are \\u escapes, and it parses back to the same object', () => {
    const parsed = parser.parse(hostile);
    const html = postingToHtml(parsed);
    const root = parseHtml(html);
    const scripts = root.querySelectorAll('script');
    assert.equal(scripts.length, 1, 'exactly one script element: the JSON-LD');
    assert.equal(scripts[0].getAttribute('type'), 'application/ld+json');
    const body = scripts[0].innerHTML;
    assert.ok(!/[<>&]/.test(body), body);
    assert.deepEqual(JSON.parse(body), postingJsonLd(parsed));
    assert.equal(jsonForScript({ a: '</script>\u2028' }, 0), '{"a":"\\u003c/script\\u003e\\u2028"}');
  });

  test('the page shows every field as text; unsafe URLs are neither links nor images', () => {
    const html = postingToHtml(parser.parse(hostile));
    const root = parseHtml(html);
    assert.equal(root.querySelector('h1')?.text, 'Analyst </script><script>alert(1)</script>');
    assert.ok(!html.includes('<img src=x'));
    assert.ok(!html.includes('<b>SQL</b>'));
    assert.ok(root.querySelectorAll('li').some((li) => li.text === '<b>SQL</b>'));
    assert.equal(root.querySelectorAll('a').filter((a) => /javascript:/i.test(a.getAttribute('href') ?? '')).length, 0);
    assert.equal(root.querySelectorAll('img').length, 0, 'a logo URL with a quote is not a safe URL');
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data: https: http:">/);
  });

  test('the JSON-LD description is escaped HTML text', () => {
    const ld = postingJsonLd(parser.parse(hostile));
    assert.equal(String(ld.description).includes('<img'), false);
    assert.ok(String(ld.description).startsWith('<p>&lt;img src=x onerror=alert(2)&gt; &amp; more</p>'));
  });
});
