/**
 * The importer: a role blueprint page (a WordPress REST post as JSON, or a plain HTML page) → a
 * blueprint object and its tidy YAML. Pure: text in, values out.
 */
import { Document, isMap, isScalar } from 'yaml';
import { SECTIONS, TOP_LEVEL_ORDER, sectionInfo } from '../sections';
import {
  mapDeliverables, mapGrouped, mapHiring, mapKpis, mapScorecardSummary, mapSoftSkills, mapTechStack,
  mapTechnicalSkills, mapText, mapTools,
} from './build';
import { ImportContext, ImportReportEntry } from './context';
import { matchSection } from './headings';
import { SourceOutline, SourceSection, htmlToText, parseOutline } from './html';
import { guessFamily, guessLevel, roleTitle } from './role';

export type { BlueprintNote, ImportReportEntry, ImportReportKind } from './context';

export interface ImportOptions {
  /** File name or URL shown in the header comment when the source has no link of its own. */
  readonly sourceName?: string;
}

export interface ImportResult {
  readonly blueprint: Record<string, unknown>;
  readonly yaml: string;
  readonly report: ImportReportEntry[];
}

/** Input that cannot be imported at all. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
}

interface SourcePage {
  readonly html: string;
  readonly title?: string;
  readonly link?: string;
}

/** Tells a WordPress post (JSON) from an HTML page and takes out what the import needs. */
function readSource(source: string): SourcePage {
  const text = source.replace(/^\uFEFF/, '').trim();
  if (!text) throw new ImportError('the input is empty');
  if (text.startsWith('{') || text.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new ImportError(`the input looks like JSON but does not parse: ${(error as Error).message}`);
    }
    // The REST collection endpoint returns a list of posts.
    const post = Array.isArray(json) ? json[0] : json;
    if (!post || typeof post !== 'object') throw new ImportError('the JSON is not a WordPress post object');
    const record = post as Record<string, unknown>;
    const content = rendered(record.content);
    if (content === undefined) throw new ImportError('the JSON has no content.rendered: it is not a WordPress REST post');
    const title = rendered(record.title);
    return {
      html: content,
      title: title === undefined ? undefined : htmlToText(title),
      link: typeof record.link === 'string' && record.link ? record.link : undefined,
    };
  }
  if (!/<[a-z][a-z0-9]*[\s>/]/i.test(text)) throw new ImportError('the input is neither a WordPress post (JSON) nor an HTML page');
  return { html: text };
}

function rendered(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { rendered?: unknown }).rendered === 'string') return (value as { rendered: string }).rendered;
  return undefined;
}

/** Builds the blueprint object; keys come out in canonical order. */
function buildBlueprint(page: SourcePage, outline: SourceOutline, ctx: ImportContext): { blueprint: Record<string, unknown>; headings: Map<string, string> } {
  const headings = new Map<string, string>();
  const values = new Map<string, unknown>();
  for (const block of outline.preamble) ctx.noteBlock('intro', undefined, block, 'text before the first section');

  for (const section of outline.sections) {
    const key = sectionKey(section, values);
    if (!key) {
      ctx.add({ kind: 'unrecognized_section', section: section.heading, message: `section "${section.heading}" matches no blueprint section; its content is kept in notes` });
      keepWholeSection(section, section.heading, ctx);
      continue;
    }
    const label = String(sectionInfo(key)?.number ?? section.heading);
    if (values.has(key)) {
      ctx.add({ kind: 'duplicate_section', section: label, message: `section "${section.heading}" repeats section ${label}; its content is kept in notes` });
      keepWholeSection(section, label, ctx);
      continue;
    }
    const value = mapSection(key, section, ctx, label);
    values.set(key, value);
    headings.set(key, section.heading);
  }

  for (const info of SECTIONS) {
    if (!values.has(info.key)) ctx.add({ kind: 'missing_section', section: String(info.number), message: `section ${info.number} (${info.title}) is not in the source` });
  }

  const blueprint: Record<string, unknown> = { blueprint: 1, role: buildRole(page, outline, values.get('scorecard_summary'), ctx) };
  for (const key of TOP_LEVEL_ORDER) {
    const value = values.get(key);
    if (isEmpty(value)) continue;
    blueprint[key] = value;
  }
  if (ctx.notes.length) blueprint.notes = ctx.notes;
  return { blueprint, headings };
}

function buildRole(page: SourcePage, outline: SourceOutline, summary: unknown, ctx: ImportContext): Record<string, unknown> {
  const pageTitle = page.title ?? outline.pageTitle;
  const summaryTitle = summary && typeof summary === 'object' ? (summary as Record<string, unknown>).title : undefined;
  const title = pageTitle ? roleTitle(pageTitle) : typeof summaryTitle === 'string' ? summaryTitle : '';
  const role: Record<string, unknown> = { title };
  if (title) {
    const level = guessLevel(title);
    if (level) role.level = level;
    const family = guessFamily(title);
    if (family) role.family = family;
  } else ctx.add({ kind: 'warning', message: 'the source has no title; fill in role.title by hand' });
  if (page.link) role.source = page.link;
  return role;
}

/** A section is known by its words; its number decides only when the words say nothing. */
function sectionKey(section: SourceSection, taken: Map<string, unknown>): string | undefined {
  const byWords = matchSection(section.title);
  if (byWords) return byWords;
  const byNumber = SECTIONS.find((s) => s.number === section.number)?.key;
  return byNumber && !taken.has(byNumber) ? byNumber : undefined;
}

function keepWholeSection(section: SourceSection, label: string, ctx: ImportContext): void {
  for (const block of section.intro) ctx.noteBlock(label, undefined, block);
  for (const sub of section.subsections) {
    if (!sub.blocks.length) ctx.note(label, undefined, sub.heading, 'heading');
    for (const block of sub.blocks) ctx.noteBlock(label, sub.heading, block);
  }
}

function mapSection(key: string, section: SourceSection, ctx: ImportContext, label: string): unknown {
  const place = { label };
  switch (key) {
    case 'summary':
    case 'mission':
      return mapText(section);
    case 'deliverables':
      return mapDeliverables(section, ctx, place);
    case 'kpis':
      return mapKpis(section, ctx, place);
    case 'technical_skills':
      return mapTechnicalSkills(section, ctx, place);
    case 'soft_skills':
      return mapSoftSkills(section, ctx, place);
    case 'tools':
      return mapTools(section, ctx, place);
    case 'tech_stack':
      return mapTechStack(section, ctx, place);
    case 'hiring':
      return mapHiring(section, ctx, place);
    case 'scorecard_summary':
      return mapScorecardSummary(section, ctx, place);
    default:
      return mapGrouped(section, key, ctx, place);
  }
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Block-style YAML, 2-space indent, no folding, a comment naming the source of each section. */
function toYaml(blueprint: Record<string, unknown>, headings: Map<string, string>, sourceName: string | undefined): string {
  // Never anchors/aliases: an import is written out in full, as an author would.
  const doc = new Document(blueprint, { aliasDuplicateObjects: false });
  doc.commentBefore = ` Role blueprint imported from ${sourceName ?? 'an HTML page'}`;
  if (isMap(doc.contents)) {
    doc.contents.items.forEach((pair, index) => {
      if (!isScalar(pair.key)) return;
      const key = String(pair.key.value);
      const heading = headings.get(key) ?? (key === 'notes' ? 'Source text that has no field of its own' : undefined);
      if (heading) pair.key.commentBefore = ` ${heading}`;
      if (index > 0 && (heading || key === 'role')) pair.key.spaceBefore = true;
    });
  }
  return doc.toString({ indent: 2, indentSeq: true, lineWidth: 0, minContentWidth: 0 });
}

/** Imports one page. Throws ImportError only for input that has no blueprint in it at all. */
export function importBlueprint(source: string, options: ImportOptions = {}): ImportResult {
  try {
    return importPage(source, options);
  } catch (error) {
    // The HTML walk is recursive; only a pathologically nested page can exhaust the stack.
    if (error instanceof RangeError) throw new ImportError(`the page is nested too deeply to read (${error.message})`);
    throw error;
  }
}

function importPage(source: string, options: ImportOptions): ImportResult {
  const page = readSource(source);
  const outline = parseOutline(page.html);
  if (!outline.sections.length) throw new ImportError('no sections found: the page has no <h2> headings');
  const ctx = new ImportContext();
  const { blueprint, headings } = buildBlueprint(page, outline, ctx);
  const recognised = headings.size;
  if (!recognised) throw new ImportError('no sections found: none of the <h2> headings is a role blueprint section');
  const yaml = toYaml(blueprint, headings, page.link ?? options.sourceName);
  return { blueprint, yaml, report: ctx.report };
}

/** Report lines for a terminal: notes summarised in one line, the rest one line each. */
export function formatReport(report: readonly ImportReportEntry[]): string[] {
  const notes = report.filter((e) => e.kind === 'note');
  const lines: string[] = [];
  if (notes.length) {
    const shown = notes.slice(0, 5).map((e) => e.message);
    const more = notes.length > shown.length ? `, and ${notes.length - shown.length} more` : '';
    lines.push(`note: ${notes.length} item${notes.length === 1 ? '' : 's'} kept in notes (${shown.join('; ')}${more})`);
  }
  for (const entry of report) {
    if (entry.kind === 'note' || entry.kind === 'missing_section') continue;
    lines.push(`warning: ${entry.message}`);
  }
  const missing = report.filter((e) => e.kind === 'missing_section');
  if (missing.length === 1) lines.push(`info: ${missing[0].message}`);
  else if (missing.length > 1) lines.push(`info: ${missing.length} sections are not in the source (${missing.map((e) => e.section).join(', ')})`);
  return lines;
}

