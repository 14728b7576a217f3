import { escapeHtml, escapeMarkdownCell, escapeMarkdownInline } from '../render/escape';
import { humanize } from '../render/model';
import type { BlueprintDiff, ChangeKind, DiffChange, DiffSide, YearsRange } from './diff';
import { familyPage, type FamilyPageOptions } from './page';

/** The diff as Markdown (a table per section) and as an HTML page (side by side per section). */

const KIND_LABELS: Record<ChangeKind, string> = {
  added: 'Added',
  dropped: 'Dropped',
  renamed: 'Renamed',
  raised: 'Raised',
  lowered: 'Lowered',
  moved: 'Moved',
  changed: 'Changed',
};

function kindLabel(change: DiffChange): string {
  return change.renamed && change.kind !== 'renamed' ? `${KIND_LABELS[change.kind]}, renamed` : KIND_LABELS[change.kind];
}

function sideParts(side: DiffSide | undefined): { name: string; meta: string } {
  if (!side) return { name: '', meta: '' };
  return { name: side.name, meta: [side.group ? humanize(side.group) : '', side.detail ?? ''].filter((s) => s !== '').join(' · ') };
}

function yearsText(range: YearsRange | undefined): string {
  if (!range) return 'not stated';
  if (range.max === undefined) return `${range.min}+ years`;
  return range.min === range.max ? `${range.min} years` : `${range.min}–${range.max} years`;
}

const YEARS_CHANGE: Record<BlueprintDiff['years']['change'], string> = { more: 'more experience', less: 'less experience', same: 'the same experience', unknown: 'not comparable' };

function countsLine(diff: BlueprintDiff): string {
  const counts = new Map<ChangeKind, number>();
  for (const section of diff.sections) for (const change of section.changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const parts = (Object.keys(KIND_LABELS) as ChangeKind[]).filter((k) => counts.get(k)).map((k) => `${counts.get(k)} ${KIND_LABELS[k].toLowerCase()}`);
  return parts.length ? parts.join(', ') : 'no differences in the compared sections';
}

export function diffToMarkdown(diff: BlueprintDiff): string {
  const a = escapeMarkdownInline(diff.a.title);
  const b = escapeMarkdownInline(diff.b.title);
  const lines: string[] = [`# ${a} → ${b}`, '', `${countsLine(diff)}.`, ''];
  lines.push(`- **Experience:** ${yearsText(diff.years.a)} → ${yearsText(diff.years.b)} (${YEARS_CHANGE[diff.years.change]})`);
  lines.push(`- **Decision scope gained:** ${diff.scope.gained.length ? diff.scope.gained.map(escapeMarkdownInline).join(', ') : 'none'}`);
  lines.push(`- **Decision scope lost:** ${diff.scope.lost.length ? diff.scope.lost.map(escapeMarkdownInline).join(', ') : 'none'}`);
  for (const section of diff.sections) {
    lines.push('', `## ${escapeMarkdownInline(section.title)}`, '');
    if (section.changes.length === 0) {
      lines.push(`No differences (${section.unchanged} in common).`);
      continue;
    }
    lines.push(`| Change | ${escapeMarkdownCell(diff.a.title)} | ${escapeMarkdownCell(diff.b.title)} |`, '| --- | --- | --- |');
    for (const change of section.changes) {
      const cell = (side: DiffSide | undefined) => {
        const { name, meta } = sideParts(side);
        if (!name) return '';
        return meta ? `${escapeMarkdownCell(name)} (${escapeMarkdownCell(meta)})` : escapeMarkdownCell(name);
      };
      lines.push(`| ${kindLabel(change)} | ${cell(change.a)} | ${cell(change.b)} |`);
    }
    if (section.unchanged) lines.push('', `${section.unchanged} more in common, unchanged.`);
  }
  return lines.join('\n') + '\n';
}

const DIFF_CSS = `
.bp-diff-summary { margin: 0 0 20px; padding: 0; list-style: none; }
.bp-diff-summary li { margin: 3px 0; }
.bp-diff-table { table-layout: fixed; }
.bp-diff-table .bp-diff-kind { width: 9em; }
.bp-diff-cell-empty { color: var(--bp-muted); }
.bp-diff-meta { display: block; color: var(--bp-muted); font-size: 0.9em; }
.bp-diff-added { color: var(--bp-ok); }
.bp-diff-dropped { color: var(--bp-error); }
.bp-diff-raised { color: var(--bp-ok); }
.bp-diff-lowered { color: var(--bp-warning); }
.bp-diff-renamed, .bp-diff-moved, .bp-diff-changed { color: var(--bp-info); }
.bp-diff-word { display: inline-block; margin: 0 4px 4px 0; }
`;

function htmlSide(side: DiffSide | undefined): string {
  const { name, meta } = sideParts(side);
  if (!name) return '<td class="bp-diff-cell-empty">—</td>';
  return `<td>${escapeHtml(name)}${meta ? `<span class="bp-diff-meta">${escapeHtml(meta)}</span>` : ''}</td>`;
}

function chips(words: readonly string[]): string {
  return words.length ? words.map((w) => `<span class="bp-chip bp-diff-word">${escapeHtml(w)}</span>`).join('') : '<span class="bp-empty">none</span>';
}

/** The diff as an HTML page (or a `.bp` fragment for a webview): one side-by-side table per section. */
export function diffToHtml(diff: BlueprintDiff, options: FamilyPageOptions = {}): string {
  const a = escapeHtml(diff.a.title);
  const b = escapeHtml(diff.b.title);
  const parts: string[] = [
    '<div class="bp bp-diff">',
    `<header class="bp-header"><p class="bp-kicker">Blueprint comparison</p><h1 class="bp-title">${a} → ${b}</h1><p class="bp-meta">${escapeHtml(countsLine(diff))}</p></header>`,
    '<ul class="bp-diff-summary">',
    `<li><span class="bp-label">Experience:</span> ${escapeHtml(yearsText(diff.years.a))} → ${escapeHtml(yearsText(diff.years.b))} (${escapeHtml(YEARS_CHANGE[diff.years.change])})</li>`,
    `<li><span class="bp-label">Decision scope gained:</span> ${chips(diff.scope.gained)}</li>`,
    `<li><span class="bp-label">Decision scope lost:</span> ${chips(diff.scope.lost)}</li>`,
    '</ul>',
  ];
  for (const section of diff.sections) {
    parts.push(`<section class="bp-section" id="diff-${escapeHtml(section.key)}"><h2>${escapeHtml(section.title)}</h2>`);
    if (section.changes.length === 0) {
      parts.push(`<p class="bp-empty">No differences (${section.unchanged} in common).</p></section>`);
      continue;
    }
    parts.push(
      '<div class="bp-table-wrap"><table class="bp-table bp-diff-table">',
      `<thead><tr><th class="bp-diff-kind">Change</th><th>${a}</th><th>${b}</th></tr></thead><tbody>`,
      ...section.changes.map((change) => `<tr data-kind="${change.kind}"><td class="bp-diff-kind bp-diff-${change.kind}">${escapeHtml(kindLabel(change))}</td>${htmlSide(change.a)}${htmlSide(change.b)}</tr>`),
      '</tbody></table></div>',
    );
    if (section.unchanged) parts.push(`<p class="bp-empty">${section.unchanged} more in common, unchanged.</p>`);
    parts.push('</section>');
  }
  parts.push('</div>');
  return familyPage(`${diff.a.title} → ${diff.b.title}`, parts.join('\n'), DIFF_CSS, options);
}
