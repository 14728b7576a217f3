import { isMap, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Span } from '../../diagnosticUtil';
import { quickFix, lineEnd, lineIndent } from '../fields';
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

export const completenessEmptyGroup: LintRule = {
  codes: ['completeness.empty-group'],
  defaultSeverity: 'warning',
  description: 'A section or group is present but empty.',
  check({ parsed, doc, report }) {
    const text = parsed.text;
    const visit = (pair: Pair, base: number, where: string, depth: number) => {
      const value = pair.value as Node | null;
      const key = pair.key as Node;
      if (!key?.range) return;
      if (isEmpty(value)) {
        const span: Span = [base + key.range[0], base + key.range[1]];
        const fixes = [];
        // One-line entries (`daily: []`) can be removed whole.
        const start = lineIndent(text, span[0]).lineStart;
        const end = lineEnd(text, value?.range ? base + value.range[1] : span[1]);
        if (!text.slice(span[1], end).trimEnd().includes('\n')) fixes.push(quickFix(doc, `Remove the empty "${where}"`, [{ span: [start, end], newText: '' }]));
        report({ span, message: `"${where}" is empty: fill it in or remove it.`, data: { fixes } });
        return;
      }
      // Groups sit one level down (responsibilities.strategic); rows and items are not groups.
      if (depth === 0 && isMap(value)) for (const child of value.items) if (isScalar(child.key)) visit(child, base, `${where}.${String(child.key.value)}`, 1);
    };
    for (const section of parsed.sections) visit(section.pair, section.base, section.key, 0);
  },
};
