import { isMap, isPair, isScalar, isSeq, type Pair, type ParsedNode } from 'yaml';
import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver-types';
import type { ParsedBlueprint } from './parse';
import { pairSpan, trimmedSpan } from './symbols';
import type { ITextDocument } from './types';

/**
 * Folding ranges: every entry (section, group, row, multi-line text) that spans more than one
 * line folds from its first line to its last, and runs of two or more comment lines fold as
 * comments. Computed from the YAML tree, so a fold never cuts an entry in half.
 */

export function foldingRanges(parsed: ParsedBlueprint, doc: ITextDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const text = parsed.text;
  const lineOf = (offset: number) => doc.positionAt(offset).line;
  const add = (span: readonly [number, number]) => {
    const startLine = lineOf(span[0]);
    const endLine = lineOf(span[1]);
    if (endLine > startLine) ranges.push({ startLine, endLine });
  };

  const visit = (node: ParsedNode | null, base: number): void => {
    if (isMap(node)) {
      for (const item of node.items) {
        const pair = item as Pair<ParsedNode, ParsedNode | null>;
        if (!pair.key) continue;
        add(pairSpan(text, pair, base));
        visit(pair.value, base);
      }
    } else if (isSeq(node)) {
      for (const item of node.items as ParsedNode[]) {
        if (isPair(item) || isScalar(item) || !item) {
          if (item && !isPair(item)) add(trimmedSpan(text, item, base));
          continue;
        }
        add(trimmedSpan(text, item, base));
        visit(item, base);
      }
    }
  };

  for (const section of parsed.sections) {
    add(pairSpan(text, section.pair, section.base));
    visit(section.valueNode, section.base);
  }
  ranges.push(...commentBlocks(text));
  // One range per start line (the outermost), as editors show one fold marker per line.
  ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
  return ranges.filter((r, i) => i === 0 || r.startLine !== ranges[i - 1].startLine);
}

/** Runs of two or more lines that hold only a comment. */
function commentBlocks(text: string): FoldingRange[] {
  const out: FoldingRange[] = [];
  let runStart = -1;
  let line = 0;
  let last = -1;
  for (const content of text.split('\n')) {
    if (/^\s*#/.test(content)) {
      if (runStart === -1) runStart = line;
      last = line;
    } else if (runStart !== -1) {
      if (last > runStart) out.push({ startLine: runStart, endLine: last, kind: FoldingRangeKind.Comment });
      runStart = -1;
    }
    line++;
  }
  if (runStart !== -1 && last > runStart) out.push({ startLine: runStart, endLine: last, kind: FoldingRangeKind.Comment });
  return out;
}
