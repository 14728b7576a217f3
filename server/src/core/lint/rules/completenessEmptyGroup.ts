import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from '../../diagnosticUtil';
import type { ParsedBlueprint, Section } from '../../parse';
import { quickFix, lineEnd, lineIndent, sectionFindings } from '../fields';
import type { LintRule } from '../rule';

/** True for `[]`, `""`, `{}` and `{note, items: []}`; null (`key:`) is the schema's to report. */
function isEmpty(node: Node | null): boolean {
  if (isSeq(node) || (isMap(node) && node.items.length === 0)) return node.items.length === 0;
  if (isScalar(node)) return typeof node.value === 'string' && node.value.trim() === '';
  if (isMap(node)) {
    const items = node.items.find((p) => isScalar(p.key) && p.key.value === 'items');
    return node.items.length <= 2 && items !== undefined && isSeq(items.value) && items.value.items.length === 0;
  }
  return false;
}

/** An empty section or group: its key's span, its dotted name, and the line span that removes it (when it is one line). */
interface EmptyGroup {
  readonly span: Span;
  readonly where: string;
  /** Where the removal starts and ends, relative to span[0]. */
  readonly removal: readonly [number, number] | undefined;
}

/** The empty groups of one section (the section itself, or its groups one level down). */
function emptyGroups(parsed: ParsedBlueprint, section: Section): EmptyGroup[] {
  const text = parsed.text;
  const out: EmptyGroup[] = [];
  const visit = (pair: Pair, base: number, where: string, depth: number) => {
    const value = pair.value as Node | null;
    const key = pair.key as Node;
    if (!key?.range) return;
    if (isEmpty(value)) {
      const span: Span = [base + key.range[0], base + key.range[1]];
      // One-line entries (`daily: []`) can be removed whole.
      const start = lineIndent(text, span[0]).lineStart;
      const end = lineEnd(text, value?.range ? base + value.range[1] : span[1]);
      const oneLine = !text.slice(span[1], end).trimEnd().includes('\n');
      out.push({ span, where, removal: oneLine ? [start - span[0], end - span[0]] : undefined });
      return;
    }
    // Groups sit one level down (responsibilities.strategic); rows and items are not groups.
    if (depth === 0 && isMap(value)) for (const child of value.items) if (isScalar(child.key)) visit(child, base, `${where}.${String(child.key.value)}`, 1);
  };
  visit(section.pair, section.base, section.key, 0);
  return out;
}

export const completenessEmptyGroup: LintRule = {
  codes: ['completeness.empty-group'],
  defaultSeverity: 'warning',
  description: 'A section or group is present but empty.',
  check({ parsed, doc, report }) {
    for (const section of parsed.sections) {
      for (const { span, where, removal } of sectionFindings(parsed, section.key, emptyGroups)) {
        const fixes = removal ? [quickFix(doc, `Remove the empty "${where}"`, [{ span: [span[0] + removal[0], span[0] + removal[1]], newText: '' }])] : [];
        report({ span, message: `"${where}" is empty: fill it in or remove it.`, data: { fixes } });
      }
    }
  },
};
