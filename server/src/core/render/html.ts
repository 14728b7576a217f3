import type { Diagnostic } from 'vscode-languageserver-types';
import { isMap, isPair, isScalar, isSeq, type ParsedNode } from 'yaml';
import type { ParsedBlueprint, Section } from '../parse';
import { SECTIONS, TOP_LEVEL_ORDER, type SectionInfo } from '../sections';
import type { ITextDocument } from '../types';
import { computeCompleteness, type Completeness } from './completeness';
import { escapeHtml, safeUrl } from './escape';
import {
  IMPORTANCE_LABELS,
  KPI_COLUMNS,
  POSTING_LABELS,
  PREVALENCE_LABELS,
  SCORECARD_COLUMNS,
  SKILL_COLUMNS,
  TOOL_COLUMNS,
  enumLabel,
  groupLabel,
  humanize,
  inlineText,
  isRecord,
  noteOrigin,
  orderedKeys,
  proseBlocks,
  readGroup,
  readItem,
  readRole,
  salaryText,
  sectionValue,
  tableColumns,
  weightLabel,
  type Column,
  type ProseLine,
} from './model';

/**
 * The blueprint as an HTML fragment: the one renderer behind the CLI, the export commands and
 * the live preview.
 *
 * Source map: every section, group, row and list item carries `class="code-line"` and
 * `data-line` (0-based line of its YAML node), and a sentinel at `doc.lineCount` closes the
 * page, as the Markdown preview does; scroll sync and double-click-to-source read them.
 * Diagnostics are shown next to the innermost such element at or above their line.
 */

export interface RenderHtmlOptions {
  /** LSP diagnostics of the document, shown as callouts next to the elements they concern. */
  readonly diagnostics?: readonly Diagnostic[];
}

/** A position in the value tree together with the YAML node it came from. */
interface Cursor {
  readonly value: unknown;
  readonly node: ParsedNode | null | undefined;
  /** Line of the node (or of its key, for a mapping entry); the parent's when unknown. */
  readonly line: number;
  readonly base: number;
}

/** A place where callouts for diagnostics on `line` may be inserted. */
interface Anchor {
  readonly line: number;
  readonly section: string;
  /** Index of the placeholder in the output array. */
  readonly slot: number;
  /** Table rows take callouts in a following row spanning `colspan` cells. */
  readonly colspan?: number;
}

const MAX_GENERIC_DEPTH = 8;
// Short values that read badly when broken mid-word ("Weekly/Mont hly").
const TIGHT_COLUMNS = new Set(['frequency', 'weight', 'importance', 'prevalence']);
const SECTION_ID_PREFIX = 'section-';

function keyText(node: unknown): string | undefined {
  return isScalar(node) && (typeof node.value === 'string' || typeof node.value === 'number') ? String(node.value) : undefined;
}

function severityClass(severity: Diagnostic['severity']): 'error' | 'warning' | 'info' {
  return severity === 1 ? 'error' : severity === 2 ? 'warning' : 'info';
}

const SEVERITY_LABEL = { error: 'Error', warning: 'Warning', info: 'Info' } as const;

function calloutHtml(d: Diagnostic, withLine: boolean): string {
  const sev = severityClass(d.severity);
  const code = d.code === undefined ? '' : ` <code class="bp-callout-code">${escapeHtml(String(d.code))}</code>`;
  const where = withLine ? `<span class="bp-callout-line">Line ${d.range.start.line + 1}</span> ` : '';
  return `<div class="bp-callout bp-callout-${sev}" role="note"><span class="bp-callout-sev">${SEVERITY_LABEL[sev]}</span> ${where}<span class="bp-callout-msg">${escapeHtml(String(d.message))}</span>${code}</div>`;
}

/** Text with minimal, safe formatting: paragraphs, line breaks, lead-ins, `**bold**`, bullet runs. */
function proseHtml(text: string): string {
  return proseBlocks(text)
    .map((block) => (block.kind === 'ul' ? `<ul class="bp-list">${block.items.map((item) => `<li>${inlineHtml(item.text)}</li>`).join('')}</ul>` : `<p>${paragraphHtml(block.lines)}</p>`))
    .join('');
}

function paragraphHtml(lines: readonly ProseLine[]): string {
  return lines.map((l) => (l.lead ? `<strong class="bp-lead">${inlineHtml(l.text)}</strong>` : inlineHtml(l.text))).join('<br>');
}

/** Escaped text; `**x**` becomes bold (after escaping, so nothing else can become markup). */
function inlineHtml(text: string): string {
  return escapeHtml(text).replace(/\*\*(?=\S)(.+?)\*\*/g, '<strong>$1</strong>');
}

function linkOrText(value: unknown, label?: string): string {
  const url = safeUrl(value);
  const text = escapeHtml(label ?? inlineText(value));
  return url ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${text}</a>` : text;
}

function badge(kind: 'importance' | 'prevalence', value: unknown): string {
  const key = typeof value === 'string' ? value.trim().toLowerCase() : '';
  const labels = kind === 'importance' ? IMPORTANCE_LABELS : PREVALENCE_LABELS;
  const known = Object.prototype.hasOwnProperty.call(labels, key);
  const text = known ? labels[key] : inlineText(value);
  if (text === '') return '';
  return `<span class="bp-badge bp-badge-${kind} bp-badge-${known ? key.replace('_', '-') : 'other'}">${escapeHtml(text)}</span>`;
}

class HtmlRenderer {
  readonly #parsed: ParsedBlueprint;
  readonly #doc: ITextDocument;
  readonly #out: string[] = [];
  readonly #anchors: Anchor[] = [];
  #section = '';

  constructor(parsed: ParsedBlueprint, doc: ITextDocument) {
    this.#parsed = parsed;
    this.#doc = doc;
  }

  render(diagnostics: readonly Diagnostic[], completeness: Completeness): string {
    const parsed = this.#parsed;
    const sections = new Map(parsed.sections.map((s) => [s.key, s]));
    const out = this.#out;
    out.push('<article class="bp">');
    this.#header(sections.get('role'));
    const unplacedSlot = out.length;
    out.push('');
    this.#meter(completeness);
    if (parsed.sections.length === 0 && parsed.value !== null && parsed.value !== undefined && !isRecord(parsed.value)) {
      out.push('<div class="bp-notice"><p>This file is not a mapping of sections, so no blueprint can be shown. Its content:</p>');
      this.#generic({ value: parsed.value, node: undefined, line: 0, base: 0 }, 0);
      out.push('</div>');
    }
    for (const info of SECTIONS) this.#section20(info, sections.get(info.key));
    const posting = sections.get('posting');
    if (posting) this.#posting(posting);
    const notes = sections.get('notes');
    if (notes) this.#notes(notes);
    const others = parsed.sections.filter((s) => !TOP_LEVEL_ORDER.includes(s.key));
    if (others.length) this.#others(others);
    out.push(`<div class="code-line bp-sentinel" data-line="${this.#doc.lineCount}"></div>`, '</article>');
    out[unplacedSlot] = this.#placeDiagnostics(diagnostics);
    return out.join('');
  }

  // ---- source lines -------------------------------------------------------------------------

  #lineOf(base: number, node: ParsedNode | null | undefined, fallback: number): number {
    const range = node?.range;
    return range ? this.#doc.positionAt(base + range[0]).line : fallback;
  }

  #sectionCursor(section: Section): Cursor {
    return { value: sectionValue(this.#parsed, section), node: section.valueNode, line: this.#lineOf(section.base, section.keyNode, 0), base: section.base };
  }

  #child(parent: Cursor, key: string | number): Cursor {
    const { value: pv, node: pn, base } = parent;
    const value = Array.isArray(pv) ? (typeof key === 'number' ? pv[key] : undefined) : isRecord(pv) ? pv[String(key)] : undefined;
    if (typeof key === 'number' && isSeq(pn)) {
      const item = pn.items[key] as ParsedNode | undefined;
      if (item && !isPair(item)) return { value, node: item, line: this.#lineOf(base, item, parent.line), base };
    } else if (isMap(pn)) {
      const wanted = String(key);
      for (const pair of pn.items) {
        if (keyText(pair.key) === wanted) {
          const node = (pair.value ?? null) as ParsedNode | null;
          return { value, node, line: this.#lineOf(base, pair.key as ParsedNode, parent.line), base };
        }
      }
    }
    return { value, node: undefined, line: parent.line, base };
  }

  // ---- diagnostics --------------------------------------------------------------------------

  /** A placeholder for callouts on this element; returns nothing, fills in at the end. */
  #anchor(line: number, colspan?: number): void {
    this.#anchors.push({ line, section: this.#section, slot: this.#out.length, colspan });
    this.#out.push('');
  }

  #codeLine(line: number): string {
    return ` data-line="${line}"`;
  }

  /** Fills each diagnostic into its element's slot; returns the block for the rest. */
  #placeDiagnostics(diagnostics: readonly Diagnostic[]): string {
    if (diagnostics.length === 0) return '';
    const starts = this.#parsed.sections
      .map((s) => ({ key: s.key, line: this.#lineOf(s.base, s.keyNode, 0) }))
      .sort((a, b) => a.line - b.line);
    // Each section's anchors by line; among anchors of one line, later ones are nested deeper
    // and the innermost wins: the last of the line in this (stable) order.
    const anchorsBySection = new Map<string, Anchor[]>();
    for (const a of this.#anchors) {
      const list = anchorsBySection.get(a.section);
      if (list) list.push(a);
      else anchorsBySection.set(a.section, [a]);
    }
    for (const list of anchorsBySection.values()) list.sort((a, b) => a.line - b.line);
    const bySlot = new Map<Anchor, Diagnostic[]>();
    const unplaced: Diagnostic[] = [];
    for (const d of diagnostics) {
      const line = d?.range?.start?.line;
      if (typeof line !== 'number') continue;
      let sectionKey: string | undefined;
      for (const s of starts) {
        if (s.line <= line) sectionKey = s.key;
        else break;
      }
      const best = sectionKey === undefined ? undefined : lastAtOrAbove(anchorsBySection.get(sectionKey), line);
      if (!best) unplaced.push(d);
      else {
        const list = bySlot.get(best) ?? [];
        list.push(d);
        bySlot.set(best, list);
      }
    }
    for (const [anchor, list] of bySlot) {
      const callouts = list.map((d) => calloutHtml(d, false)).join('');
      this.#out[anchor.slot] = anchor.colspan ? `<tr class="bp-callout-row"><td colspan="${anchor.colspan}">${callouts}</td></tr>` : callouts;
    }
    if (unplaced.length === 0) return '';
    const count = unplaced.length === 1 ? '1 problem' : `${unplaced.length} problems`;
    return `<div class="bp-diagnostics" role="region" aria-label="Problems"><p class="bp-diagnostics-title">${count} in this file</p>${unplaced.map((d) => calloutHtml(d, true)).join('')}</div>`;
  }

  // ---- page parts ---------------------------------------------------------------------------

  #header(roleSection: Section | undefined): void {
    const role = readRole(this.#parsed.value);
    const out = this.#out;
    this.#section = 'role';
    if (roleSection) {
      const line = this.#lineOf(roleSection.base, roleSection.keyNode, 0);
      out.push(`<header class="bp-header code-line"${this.#codeLine(line)}>`);
    } else {
      out.push('<header class="bp-header">');
    }
    out.push('<p class="bp-kicker">Role blueprint</p>', `<h1 class="bp-title">${escapeHtml(role.title)}</h1>`);
    const meta: string[] = [];
    if (role.level) meta.push(`<span class="bp-chip"><span class="bp-chip-label">Level</span> ${escapeHtml(role.level)}</span>`);
    if (role.family) meta.push(`<span class="bp-chip"><span class="bp-chip-label">Family</span> ${escapeHtml(role.family)}</span>`);
    if (role.source) meta.push(`<span class="bp-source">Source: ${linkOrText(role.source)}</span>`);
    if (meta.length) out.push(`<div class="bp-meta">${meta.join('')}</div>`);
    if (roleSection) this.#anchor(this.#lineOf(roleSection.base, roleSection.keyNode, 0));
    out.push('</header>');
  }

  #meter(completeness: Completeness): void {
    const { complete, thin, missing, total } = completeness;
    const counts = [thin ? `${thin} thin` : '', missing ? `${missing} missing` : ''].filter(Boolean).join(' · ');
    const segments = completeness.sections.map((s) => {
      const detail = s.status === 'missing' ? 'missing' : `${s.status}, ${s.items} ${s.items === 1 ? 'entry' : 'entries'}${s.reason ? ` (${s.reason})` : ''}`;
      return `<li class="bp-seg bp-seg-${s.status}"><a href="#${SECTION_ID_PREFIX}${s.key}" title="${escapeHtml(`${s.number}. ${s.title}: ${detail}`)}">${s.number}</a></li>`;
    });
    this.#out.push(
      `<nav class="bp-meter" aria-label="Section completeness"><div class="bp-meter-head"><span class="bp-meter-score">${complete}/${total}</span> sections complete${counts ? `<span class="bp-meter-counts"> · ${counts}</span>` : ''}</div>`,
      `<ol class="bp-meter-bar">${segments.join('')}</ol></nav>`,
    );
  }

  #section20(info: SectionInfo, section: Section | undefined): void {
    const out = this.#out;
    const heading = `<h2><span class="bp-num">${info.number}.</span> ${escapeHtml(info.title)}</h2>`;
    this.#section = info.key;
    if (!section) {
      out.push(`<section class="bp-section bp-section-missing" id="${SECTION_ID_PREFIX}${info.key}">${heading}<p class="bp-placeholder">Missing: this blueprint has no <code>${info.key}</code> section yet.</p></section>`);
      return;
    }
    const cursor = this.#sectionCursor(section);
    out.push(`<section class="bp-section code-line" id="${SECTION_ID_PREFIX}${info.key}"${this.#codeLine(cursor.line)}>`, heading);
    this.#anchor(cursor.line);
    this.#sectionBody(info, cursor);
    out.push('</section>');
  }

  #sectionBody(info: SectionInfo, cursor: Cursor): void {
    const value = cursor.value;
    switch (info.key) {
      case 'summary':
      case 'mission':
        return this.#prose(cursor);
      case 'deliverables':
        return Array.isArray(value) ? this.#deliverables(cursor) : this.#generic(cursor, 0);
      case 'kpis':
        return this.#table(cursor, tableColumns(asRows(value), KPI_COLUMNS), 'kpis');
      case 'soft_skills':
        return Array.isArray(value) ? this.#list(cursor) : this.#generic(cursor, 0);
      case 'tools':
        return this.#table(cursor, tableColumns(asRows(value), TOOL_COLUMNS), 'tools');
      case 'tech_stack':
        return typeof value === 'string' ? this.#prose(cursor) : this.#groups(info, cursor);
      case 'scorecard_summary':
        return this.#definitions(info, cursor);
      default:
        return this.#groups(info, cursor);
    }
  }

  #prose(cursor: Cursor): void {
    const value = cursor.value;
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return this.#generic(cursor, 0);
    const text = String(value);
    const node = cursor.node;
    // A literal block scalar (`|`) keeps its lines: value line i is source line header + 1 + i,
    // so paragraphs and bullets get their own source lines (scroll sync, diagnostics).
    if (typeof value === 'string' && isScalar(node) && node.type === 'BLOCK_LITERAL' && node.range) {
      const first = this.#lineOf(cursor.base, node, cursor.line) + 1;
      const blocks = proseBlocks(text);
      if (blocks.length === 0) return void this.#out.push('<p class="bp-empty">Empty.</p>');
      const out = this.#out;
      out.push('<div class="bp-prose">');
      for (const block of blocks) {
        if (block.kind === 'p') {
          const line = first + block.lines[0].line;
          out.push(`<p class="code-line"${this.#codeLine(line)}>${paragraphHtml(block.lines)}</p>`);
          this.#anchor(line);
        } else {
          out.push('<ul class="bp-list">');
          for (const item of block.items) {
            out.push(`<li class="code-line"${this.#codeLine(first + item.line)}>${inlineHtml(item.text)}`);
            this.#anchor(first + item.line);
            out.push('</li>');
          }
          out.push('</ul>');
        }
      }
      out.push('</div>');
      return;
    }
    const html = proseHtml(text);
    this.#out.push(html === '' ? '<p class="bp-empty">Empty.</p>' : `<div class="bp-prose">${html}</div>`);
  }

  #groups(info: SectionInfo, cursor: Cursor): void {
    const value = cursor.value;
    if (!isRecord(value)) return this.#generic(cursor, 0);
    const keys = orderedKeys(value, info.groups);
    if (keys.length === 0) {
      this.#out.push('<p class="bp-empty">Empty.</p>');
      return;
    }
    // Responsibilities are numbered straight through their groups, as in the reference blueprints.
    let next = 1;
    for (const key of keys) {
      const group = this.#child(cursor, key);
      const view = readGroup(group.value);
      const note = view.note ? ` <span class="bp-group-note">(${escapeHtml(view.note)})</span>` : '';
      this.#out.push(`<div class="bp-group code-line"${this.#codeLine(group.line)}><h3>${escapeHtml(groupLabel(info.key, key))}${note}</h3>`);
      this.#anchor(group.line);
      const items = view.itemsPath.length ? this.#child(group, 'items') : group;
      if (info.key === 'technical_skills' && view.items) this.#table(items, tableColumns(view.items, SKILL_COLUMNS), 'skills');
      else if (info.key === 'hiring' && key === 'scorecard' && view.items) this.#table(items, tableColumns(view.items, SCORECARD_COLUMNS), 'scorecard');
      else if (view.items) {
        const numbered = info.key === 'responsibilities';
        this.#list(items, numbered ? next : undefined);
        next += view.items.length;
      } else this.#prose(group);
      this.#out.push('</div>');
    }
  }

  /** A list of items; `start` makes it a numbered list. */
  #list(cursor: Cursor, start?: number): void {
    const items = cursor.value as readonly unknown[];
    if (items.length === 0) {
      this.#out.push('<p class="bp-empty">No items.</p>');
      return;
    }
    const out = this.#out;
    out.push(start === undefined ? '<ul class="bp-list">' : `<ol class="bp-list" start="${start}">`);
    for (let i = 0; i < items.length; i++) {
      const item = this.#child(cursor, i);
      out.push(`<li class="code-line"${this.#codeLine(item.line)}>${this.#itemHtml(item.value)}`);
      this.#anchor(item.line);
      out.push('</li>');
    }
    out.push(start === undefined ? '</ul>' : '</ol>');
  }

  #itemHtml(value: unknown): string {
    const item = readItem(value);
    if (item.text !== undefined) return inlineHtml(item.text);
    const parts: string[] = [];
    if (item.name) parts.push(`<strong class="bp-lead">${escapeHtml(item.name)}${item.description ? ':' : ''}</strong>`);
    if (item.description) parts.push(` ${inlineHtml(item.description)}`);
    for (const [key, extra] of item.extra) {
      const text = inlineText(extra);
      if (text === '') continue;
      const label = key === 'shows_up' ? 'How it shows up' : humanize(key);
      parts.push(`<div class="bp-item-extra"><span class="bp-label">${escapeHtml(label)}:</span> ${inlineHtml(text)}</div>`);
    }
    return parts.join('');
  }

  #deliverables(cursor: Cursor): void {
    const entries = cursor.value as readonly unknown[];
    const out = this.#out;
    let openList = false;
    for (let i = 0; i < entries.length; i++) {
      const entry = this.#child(cursor, i);
      const value = entry.value;
      if (isRecord(value) && value.group !== undefined && Array.isArray(value.items)) {
        if (openList) out.push('</ul>');
        openList = false;
        out.push(`<div class="bp-group code-line"${this.#codeLine(entry.line)}><h3>${escapeHtml(inlineText(value.group))}</h3>`);
        this.#anchor(entry.line);
        this.#list(this.#child(entry, 'items'));
        out.push('</div>');
        continue;
      }
      if (!openList) out.push('<ul class="bp-list">');
      openList = true;
      out.push(`<li class="code-line"${this.#codeLine(entry.line)}>${this.#itemHtml(value)}`);
      this.#anchor(entry.line);
      out.push('</li>');
    }
    if (openList) out.push('</ul>');
    if (entries.length === 0) out.push('<p class="bp-empty">No items.</p>');
  }

  #table(cursor: Cursor, columns: readonly Column[], kind: string): void {
    const rows = cursor.value;
    if (!Array.isArray(rows)) return this.#generic(cursor, 0);
    if (rows.length === 0) {
      this.#out.push('<p class="bp-empty">No rows.</p>');
      return;
    }
    const out = this.#out;
    out.push(`<div class="bp-table-wrap"><table class="bp-table bp-table-${kind}"><thead><tr>`);
    for (const c of columns) out.push(`<th scope="col" class="bp-col-${escapeHtml(c.key.replace(/[^\w-]/g, '_'))}">${escapeHtml(c.label)}</th>`);
    out.push('</tr></thead><tbody>');
    for (let i = 0; i < rows.length; i++) {
      const row = this.#child(cursor, i);
      out.push(`<tr class="code-line"${this.#codeLine(row.line)}>`);
      if (isRecord(row.value)) {
        for (const c of columns) out.push(`${TIGHT_COLUMNS.has(c.key) ? '<td class="bp-cell-tight">' : '<td>'}${cellHtml(c.key, row.value[c.key])}</td>`);
      } else {
        out.push(`<td colspan="${columns.length}">${inlineHtml(inlineText(row.value))}</td>`);
      }
      out.push('</tr>');
      this.#anchor(row.line, columns.length);
    }
    out.push('</tbody></table></div>');
  }

  /** Section 20: one row per field, lists as lists. */
  #definitions(info: SectionInfo, cursor: Cursor): void {
    const value = cursor.value;
    if (!isRecord(value)) return this.#generic(cursor, 0);
    const out = this.#out;
    out.push('<div class="bp-table-wrap"><table class="bp-table bp-deftable"><tbody>');
    for (const key of orderedKeys(value, info.groups)) {
      const field = this.#child(cursor, key);
      out.push(`<tr class="code-line"${this.#codeLine(field.line)}><th scope="row">${escapeHtml(groupLabel(info.key, key))}</th><td>`);
      const group = readGroup(field.value);
      if (group.items) this.#list(group.itemsPath.length ? this.#child(field, 'items') : field);
      else out.push(inlineHtml(inlineText(field.value)));
      out.push('</td></tr>');
      this.#anchor(field.line, 2);
    }
    out.push('</tbody></table></div>');
  }

  #posting(section: Section): void {
    const cursor = this.#sectionCursor(section);
    const out = this.#out;
    this.#section = 'posting';
    out.push(`<section class="bp-section bp-posting code-line" id="${SECTION_ID_PREFIX}posting"${this.#codeLine(cursor.line)}><h2>Job posting</h2>`);
    this.#anchor(cursor.line);
    const value = cursor.value;
    if (!isRecord(value)) this.#generic(cursor, 0);
    else {
      out.push('<div class="bp-table-wrap"><table class="bp-table bp-deftable"><tbody>');
      for (const key of orderedKeys(value, Object.keys(POSTING_LABELS))) {
        const field = this.#child(cursor, key);
        out.push(`<tr class="code-line"${this.#codeLine(field.line)}><th scope="row">${escapeHtml(POSTING_LABELS[key] ?? humanize(key))}</th><td>${postingValueHtml(key, field.value)}</td></tr>`);
        this.#anchor(field.line, 2);
      }
      out.push('</tbody></table></div>');
    }
    out.push('</section>');
  }

  #notes(section: Section): void {
    const cursor = this.#sectionCursor(section);
    const out = this.#out;
    this.#section = 'notes';
    out.push(`<section class="bp-section bp-notes code-line" id="${SECTION_ID_PREFIX}notes"${this.#codeLine(cursor.line)}><h2>Notes kept from the source</h2>`);
    this.#anchor(cursor.line);
    const notes = cursor.value;
    if (!Array.isArray(notes)) this.#generic(cursor, 0);
    else {
      for (let i = 0; i < notes.length; i++) {
        const note = this.#child(cursor, i);
        out.push(`<div class="bp-note code-line"${this.#codeLine(note.line)}>`);
        if (isRecord(note.value)) {
          const heading = inlineText(note.value.heading).trim();
          const origin = noteOrigin(note.value.section);
          if (heading) out.push(`<h3>${escapeHtml(heading)}</h3>`);
          if (origin) out.push(`<p class="bp-note-origin">From ${escapeHtml(origin)}</p>`);
          this.#anchor(note.line);
          this.#prose(this.#child(note, 'text'));
        } else {
          this.#anchor(note.line);
          this.#prose(note);
        }
        out.push('</div>');
      }
    }
    out.push('</section>');
  }

  /** Top-level keys the format does not know: shown as they are, so nothing is hidden. */
  #others(sections: readonly Section[]): void {
    const out = this.#out;
    out.push('<section class="bp-section bp-others"><h2>Other fields</h2>');
    for (const section of sections) {
      const cursor = this.#sectionCursor(section);
      this.#section = section.key;
      out.push(`<div class="bp-group code-line"${this.#codeLine(cursor.line)}><h3><code>${escapeHtml(section.key)}</code></h3>`);
      this.#anchor(cursor.line);
      this.#generic(cursor, 0);
      out.push('</div>');
    }
    out.push('</section>');
  }

  /** Any value, shown faithfully: text, a list, or key/value pairs (depth-limited). */
  #generic(cursor: Cursor, depth: number): void {
    const value = cursor.value;
    const out = this.#out;
    if (value === null || value === undefined) {
      out.push('<p class="bp-empty">Empty.</p>');
    } else if (typeof value !== 'object' || value instanceof Date || depth >= MAX_GENERIC_DEPTH) {
      const text = inlineText(value);
      out.push(typeof value === 'string' ? `<div class="bp-prose">${proseHtml(text)}</div>` : `<p>${escapeHtml(text)}</p>`);
    } else if (Array.isArray(value)) {
      if (value.length === 0) out.push('<p class="bp-empty">No items.</p>');
      else {
        out.push('<ul class="bp-list">');
        for (let i = 0; i < value.length; i++) {
          const item = this.#child(cursor, i);
          out.push(`<li class="code-line"${this.#codeLine(item.line)}>`);
          if (typeof item.value === 'object' && item.value !== null) this.#generic(item, depth + 1);
          else out.push(inlineHtml(inlineText(item.value)));
          this.#anchor(item.line);
          out.push('</li>');
        }
        out.push('</ul>');
      }
    } else {
      const entries = Object.keys(value);
      if (entries.length === 0) out.push('<p class="bp-empty">Empty.</p>');
      else {
        out.push('<dl class="bp-generic">');
        for (const key of entries) {
          const field = this.#child(cursor, key);
          out.push(`<div class="code-line"${this.#codeLine(field.line)}><dt>${escapeHtml(humanize(key))}</dt><dd>`);
          if (typeof field.value === 'object' && field.value !== null) this.#generic(field, depth + 1);
          else out.push(inlineHtml(inlineText(field.value)));
          this.#anchor(field.line);
          out.push('</dd></div>');
        }
        out.push('</dl>');
      }
    }
  }
}

/** The last anchor of `sorted` (by line) whose line is at or above `line`. */
function lastAtOrAbove(sorted: readonly Anchor[] | undefined, line: number): Anchor | undefined {
  if (!sorted) return undefined;
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid].line <= line) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? undefined : sorted[low - 1];
}

function asRows(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function cellHtml(key: string, value: unknown): string {
  switch (key) {
    case 'name':
    case 'dimension': {
      const text = inlineText(value);
      return text ? `<strong>${escapeHtml(text)}</strong>` : '';
    }
    case 'importance':
      return badge('importance', value);
    case 'prevalence':
      return badge('prevalence', value);
    case 'weight':
      return escapeHtml(weightLabel(value));
    default:
      return inlineHtml(inlineText(value));
  }
}

function postingValueHtml(key: string, value: unknown): string {
  switch (key) {
    case 'location':
      return escapeHtml(Array.isArray(value) ? value.map((v) => inlineText(v)).join(' · ') : inlineText(value));
    case 'employment_type':
      return escapeHtml(typeof value === 'string' ? enumLabel(value) : inlineText(value));
    case 'remote':
      return escapeHtml(typeof value === 'boolean' ? (value ? 'Yes' : 'No') : inlineText(value));
    case 'salary':
      return escapeHtml(salaryText(value));
    case 'hiring_organization':
      return isRecord(value) ? linkOrText(value.url, inlineText(value.name) || inlineText(value.url)) : escapeHtml(inlineText(value));
    case 'apply_url':
      return linkOrText(value);
    default:
      return escapeHtml(inlineText(value));
  }
}

/** The blueprint as an HTML fragment (no `<html>` wrapper); never throws on any input shape. */
export function renderHtmlBody(parsed: ParsedBlueprint, doc: ITextDocument, options: RenderHtmlOptions = {}): string {
  return new HtmlRenderer(parsed, doc).render(options.diagnostics ?? [], computeCompleteness(parsed));
}
