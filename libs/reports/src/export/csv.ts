import { stringify } from 'csv-stringify';
import { Readable } from 'node:stream';
import { cellOf, Table } from './table';

/**
 * The table as a CSV stream (csv-stringify): a header row, then one row per record, written as the consumer
 * reads, so the file is never held whole in memory. Text cells are neutralised (see `neutralise`).
 */
export function csvStream<Row>(table: Table<Row>): Readable {
  const out = stringify({
    header: true,
    columns: table.columns.map((c) => ({ key: c.key, header: c.header })),
    cast: { number: (n) => String(n) },
  });
  const rows = table.rows[Symbol.iterator]();
  const pump = (): void => {
    for (;;) {
      const next = rows.next();
      if (next.done) {
        out.end();
        return;
      }
      const record = Object.fromEntries(
        table.columns.map((c) => [c.key, cellOf((next.value as Record<string, unknown>)[c.key], c.type)]),
      );
      if (!out.write(record)) {
        out.once('drain', pump);
        return;
      }
    }
  };
  process.nextTick(pump);
  return out;
}
