import { StreamableFile } from '@nestjs/common';
import { csvStream } from './csv';
import { Table } from './table';
import { xlsxStream } from './xlsx';

export const EXPORT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ExportFormat = keyof typeof EXPORT_TYPES;

/** A streamed download of the table (CSV or XLSX), named `<file>.<format>`. */
export function exportFile<Row>(table: Table<Row>, format: ExportFormat, file: string): StreamableFile {
  const stream = format === 'csv' ? csvStream(table) : xlsxStream(table);
  return new StreamableFile(stream, {
    type: EXPORT_TYPES[format],
    disposition: `attachment; filename="${file}.${format}"`,
  });
}
