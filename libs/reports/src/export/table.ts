/**
 * A report as a flat table, the one shape every export format writes. Money cells are integer minor units
 * (the same numbers as the JSON), ratios plain numbers where 1 means 100%.
 */
export type ColumnType = 'text' | 'integer' | 'money' | 'ratio';

export interface Column<Row> {
  key: keyof Row & string;
  header: string;
  type: ColumnType;
  /** Money columns: the currency's minor-unit digits (ISO 4217 exponent; 2 when not given). */
  minorDigits?: number;
}

/**
 * The spreadsheet number format of a column. Money cells keep their integer minor units (the JSON's
 * numbers, exact, summable) and are shown in major units by a format that puts the decimal point before
 * the last `minorDigits` digits (`0"."00`: 123456 shows as 1234.56); ratios show as percent (0.4567 as
 * 45.67%), counts and years as plain integers, text as text.
 */
export function numberFormatOf(column: Pick<Column<unknown>, 'type' | 'minorDigits'>): string {
  switch (column.type) {
    case 'text':
      return '@';
    case 'integer':
      return '0';
    case 'ratio':
      return '0.00%';
    case 'money': {
      const digits = column.minorDigits ?? 2;
      return digits > 0 ? `0"."${'0'.repeat(digits)}` : '0';
    }
  }
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
