/** Tables → rows, columns mapped by what their header says rather than by position. */
import type { ImportContext } from './context';
import type { Block } from './html';
import { splitQualifiers } from './items';

type TableBlock = Extract<Block, { kind: 'table' }>;

export type ColumnSpec = readonly (readonly [field: string, pattern: RegExp])[];

export interface MappedTable {
  /** Field of each column, or undefined for a column nothing matched. */
  readonly fields: readonly (string | undefined)[];
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Assigns each header to the first field whose pattern matches and that no earlier column took. */
export function mapColumns(table: TableBlock, spec: ColumnSpec, positional: readonly string[]): MappedTable | undefined {
  if (!table.header.length) {
    // Without a header row, only a table with exactly the expected columns can be read by position.
    const width = Math.max(...table.rows.map((r) => r.length));
    if (width !== positional.length) return undefined;
    return { fields: positional, header: positional, rows: table.rows };
  }
  const taken = new Set<string>();
  const fields = table.header.map((header) => {
    const text = splitQualifiers(header).base.toLowerCase();
    const match = spec.find(([field, pattern]) => !taken.has(field) && pattern.test(text)) ?? spec.find(([field, pattern]) => !taken.has(field) && pattern.test(header.toLowerCase()));
    if (!match) return undefined;
    taken.add(match[0]);
    return match[0];
  });
  return { fields, header: table.header, rows: table.rows };
}

/**
 * Reads every row into an object of its mapped fields; cells of unmapped columns, and any value a
 * `convert` callback declines to keep whole, go to notes under the row's name.
 */
/** How a cell becomes a field value; `keepCell` when the value says less than the cell did. */
export type CellConverter = (field: string, cell: string) => { value: unknown; keepCell: boolean } | undefined;

export function readRows(
  mapped: MappedTable,
  ctx: ImportContext,
  section: string,
  keys: { readonly name: string; readonly order: readonly string[] },
  convert: CellConverter = () => undefined,
): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  mapped.header.forEach((header, index) => {
    const field = mapped.fields[index];
    const { qualifiers } = splitQualifiers(header);
    if (field && qualifiers.length) ctx.note(section, header, `The ${field} column of the source table is headed "${header}".`, 'qualifier in a table header');
  });
  mapped.rows.forEach((cells, rowIndex) => {
    const row: Record<string, unknown> = {};
    const leftovers: string[] = [];
    cells.forEach((value, index) => {
      const field = mapped.fields[index];
      const header = mapped.header[index] ?? `Column ${index + 1}`;
      if (!value) return;
      if (!field) {
        leftovers.push(`${header}: ${value}`);
        return;
      }
      if (row[field] !== undefined) {
        leftovers.push(`${header}: ${value}`);
        return;
      }
      const converted = convert(field, value);
      if (converted === undefined) row[field] = value;
      else {
        if (converted.value !== undefined) row[field] = converted.value;
        if (converted.keepCell) leftovers.push(`${header}: ${value}`);
      }
    });
    const name = row[keys.name];
    if (typeof name !== 'string') {
      // Without a name the row cannot stand as a row: keep all of it as one note.
      if (cells.some(Boolean)) ctx.note(section, undefined, cells.join(' | '), `table row ${rowIndex + 1} without a ${keys.name}`);
      return;
    }
    for (const text of leftovers) ctx.note(section, name, text, 'table cell without a field of its own');
    out.push(Object.fromEntries(keys.order.filter((k) => row[k] !== undefined).map((k) => [k, row[k]])));
  });
  return out;
}
