/**
 * A report as a flat table, the one shape every export format writes. Money cells are integer minor units
 * (the same numbers as the JSON), ratios plain numbers where 1 means 100%.
 */
export type ColumnType = 'text' | 'integer' | 'money' | 'ratio';

export interface Column<Row> {
  key: keyof Row & string;
  header: string;
  type: ColumnType;
}

export type Cell = string | number | null;

export interface Table<Row> {
  name: string;
  columns: readonly Column<Row>[];
  rows: Iterable<Row>;
}

/**
 * Against formula injection (CSV opened in a spreadsheet): a text cell that begins with `=`, `+`, `-` or
 * `@` (or a tab or carriage return, which some spreadsheets strip first) is prefixed with `'`. Only text
 * cells are touched: money and counts are written as numbers, so a negative amount stays `-1500`, a number
 * a spreadsheet reads as a number and never as a formula.
 */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function cellOf(value: unknown, type: ColumnType): Cell {
  if (value === null || value === undefined) return null;
  if (type === 'text') return neutralise(String(value));
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`not a number: ${String(value)}`);
  return value;
}
