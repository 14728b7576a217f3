import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { ITextDocument, JsonPath } from './types';

/** Absolute [start, end) offsets in a document. */
export type Span = readonly [number, number];

/** The index of the item whose span holds `offset`, among items in file order whose spans do not overlap (a binary search), or -1. */
export function indexOfSpanAt<T>(items: readonly T[], offset: number, spanOf: (item: T) => Span): number {
  let low = 0;
  let high = items.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const [start, end] = spanOf(items[middle]);
    if (offset < start) high = middle - 1;
    else if (offset >= end) low = middle + 1;
    else return middle;
  }
  return -1;
}

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

export const SEVERITY: Record<SeverityName, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const DIAGNOSTIC_SOURCE = 'role-blueprint';

/** Document order of diagnostics (by start): the order every list of them is given in. */
export function byStart(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function makeDiagnostic(doc: ITextDocument, span: Span, code: string, message: string, severity: SeverityName, data?: unknown): Diagnostic {
  const diagnostic: Diagnostic = {
    range: { start: doc.positionAt(span[0]), end: doc.positionAt(span[1]) },
    severity: SEVERITY[severity],
    code,
    source: DIAGNOSTIC_SOURCE,
    message,
  };
  if (data !== undefined) diagnostic.data = data;
  return diagnostic;
}

const ITEM_LABELS: Record<string, string> = {
  kpis: 'KPI',
  tools: 'tool',
  soft_skills: 'soft skill',
  scorecard: 'scorecard row',
  must_have: 'must-have skill',
  good_to_have: 'good-to-have skill',
  advanced: 'advanced skill',
  emerging: 'emerging skill',
  deliverables: 'deliverable',
  notes: 'note',
};

/** A path as an author reads it: `"target" of KPI #4`, `role`, `the blueprint`. */
export function describePath(path: JsonPath): string {
  if (path.length === 0) return 'the blueprint';
  const last = path[path.length - 1];
  const parent = path.slice(0, -1);
  if (typeof last === 'number') {
    const container = String(parent[parent.length - 1] ?? '');
    const label = ITEM_LABELS[container];
    return label ? `${label} #${last + 1}` : `entry #${last + 1} of "${dotted(parent)}"`;
  }
  if (parent.length === 0) return `"${last}"`;
  return `"${last}" of ${describePath(parent)}`;
}

function dotted(path: JsonPath): string {
  return path.map((s) => (typeof s === 'number' ? `[${s + 1}]` : s)).join('.').replace(/\.\[/g, '[');
}
