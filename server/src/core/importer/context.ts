/** What an import keeps aside: notes for text that has no field, and the report about it. */
import type { Block, ListItem } from './html';
import { itemText } from './items';

export interface BlueprintNote {
  /** Canonical section number ("7"), or the source heading of a section that was not recognised. */
  section: string;
  heading?: string;
  text: string;
}

export type ImportReportKind = 'note' | 'unrecognized_section' | 'unrecognized_heading' | 'missing_section' | 'duplicate_section' | 'warning';

export interface ImportReportEntry {
  readonly kind: ImportReportKind;
  /** Canonical section number or source heading the entry is about. */
  readonly section?: string;
  readonly message: string;
}

export class ImportContext {
  readonly notes: BlueprintNote[] = [];
  readonly report: ImportReportEntry[] = [];

  /** Keeps text that has no field of its own; `what` says what it was, for the report. */
  note(section: string, heading: string | undefined, text: string, what: string): void {
    const trimmed = text.trim();
    if (!trimmed) return;
    this.notes.push(heading ? { section, heading, text: trimmed } : { section, text: trimmed });
    this.report.push({ kind: 'note', section, message: `section ${section}${heading ? ` (${heading})` : ''}: ${what}` });
  }

  noteBlock(section: string, heading: string | undefined, block: Block, what?: string): void {
    this.note(section, heading, blockText(block), what ?? describeBlock(block));
  }

  add(entry: ImportReportEntry): void {
    this.report.push(entry);
  }
}

function describeBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.lines.some((l) => l.bullet) ? 'paragraph with a list' : 'paragraph';
    case 'list':
      return `list of ${block.items.length}`;
    case 'table':
      return `table of ${block.rows.length} rows`;
  }
}

function listText(items: readonly ListItem[]): string {
  return items.map((item) => `- ${itemText(item).replace(/\n/g, '\n  ')}`).join('\n');
}

/** A block as readable plain text: paragraphs as lines, lists as "- " lines, tables as rows. */
export function blockText(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
      return block.lines.map((l) => (l.bullet ? `- ${l.text}` : l.text)).join('\n');
    case 'list':
      return listText(block.items);
    case 'table': {
      const rows = block.header.length ? [block.header, ...block.rows] : block.rows;
      return rows.map((row) => row.join(' | ')).join('\n');
    }
  }
}
