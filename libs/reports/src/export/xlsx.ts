import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';
import { cellOf, numberFormatOf, Table } from './table';

/**
 * The table as an XLSX stream: exceljs's streaming WorkbookWriter commits each row as it is added and zips
 * into the returned stream, so the workbook is never held whole in memory. Numbers stay numeric cells, each
 * column with its own number format (`numberFormatOf`).
 */
export function xlsxStream<Row>(table: Table<Row>): Readable {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
  const write = async () => {
    const sheet = workbook.addWorksheet(table.name.slice(0, 31));
    sheet.columns = table.columns.map((c) => ({
      key: c.key,
      header: c.header,
      width: Math.max(12, c.header.length + 2),
      style: { numFmt: numberFormatOf(c) },
    }));
    for (const row of table.rows) {
      sheet
        .addRow(
          Object.fromEntries(
            table.columns.map((c) => [c.key, cellOf((row as Record<string, unknown>)[c.key], c.type)]),
          ),
        )
        .commit();
    }
    sheet.commit();
    await workbook.commit();
  };
  write().catch((error: Error) => out.destroy(error));
  return out;
}
