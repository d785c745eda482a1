import type { DocumentKit, TableSpec } from './document-kit';
import { drawLine, lineWidth, Weight, wrapLines } from './text-line';

const INK = '#1a1a1a';

/**
 * A figure split where its decimal separator stands: "12,345.67 USD" -> ["12,345", ".67 USD"]; "1,000 JPY"
 * -> ["1,000", " JPY"]; in French ("," as `decimal`) "15 000,00 USD" -> ["15 000", ",00 USD"]; text -> [text, ""].
 */
export function splitFigure(text: string, decimal = '.'): [string, string] {
  const m = /^([-+\u2212]?\d(?:[\d.,\s]*\d)?)(.*)$/su.exec(text);
  if (!m) return [text, ''];
  const at = m[1].lastIndexOf(decimal);
  return at > 0 ? [m[1].slice(0, at), m[1].slice(at) + m[2]] : [m[1], m[2]];
}

/**
 * A table of the document kit: a header row, body rows, and totals between rules, tagged Table > TR >
 * TH/TD (the first cell of a row is its header). Text wraps within its column; a `decimal` column puts
 * every figure's decimal point (or the end of its whole part) on one vertical line, whatever its currency
 * code, and all figures of a row stand on the row's first baseline. A row that does not fit starts a new
 * page, which repeats the header row.
 */
export function drawTable(kit: DocumentKit, spec: TableSpec): void {
  const doc = kit.doc;
  const size = 9.5;
  const rowHeight = size * 1.8;
  const pad = 5;
  const widths = spec.columns.map((c) => c.width * kit.width);
  const lefts = widths.map((_, i) => {
    const before = widths.slice(0, i).reduce((a, b) => a + b, 0);
    return kit.rtl ? kit.left + kit.width - before - widths[i] : kit.left + before;
  });
  doc.fontSize(size);
  const all = [...spec.rows, ...(spec.totals ?? [])];
  const anchors = spec.columns.map((c, i) =>
    c.align === 'decimal'
      ? Math.max(0, ...all.map((r) => lineWidth(doc, splitFigure(r[i] ?? '', c.decimal)[1], false, 'bold')))
      : 0,
  );
  const lineHeight = size * 1.25;
  /** A cell's lines: a figure stays on one line, text wraps to the column. */
  const linesOf = (text: string, i: number, weight: Weight, head = false) =>
    spec.columns[i].align === 'decimal' && !head
      ? [text]
      : wrapLines(doc, text, widths[i] - 2 * pad, kit.rtl, weight);
  const heightOf = (values: string[], weight: Weight, head = false) =>
    Math.max(
      rowHeight,
      ...values.map((v, i) => linesOf(v, i, weight, head).length * lineHeight + size * 0.8),
    );
  const cell = (text: string, i: number, y: number, weight: Weight, head = false) => {
    const col = spec.columns[i];
    const left = lefts[i] + pad;
    const inner = widths[i] - 2 * pad;
    if (col.align === 'decimal' && !head) {
      const [whole] = splitFigure(text, col.decimal);
      const x = left + inner - anchors[i] - lineWidth(doc, whole, false, weight);
      drawLine(doc, text, x, y + size * 1.22, false, weight);
      return;
    }
    linesOf(text, i, weight, head).forEach((line, n) => {
      const w = lineWidth(doc, line, kit.rtl, weight);
      const startsLeft = (col.align ?? 'start') === 'start' ? !kit.rtl : kit.rtl;
      drawLine(
        doc,
        line,
        startsLeft ? left : left + inner - w,
        y + size * 1.22 + n * lineHeight,
        kit.rtl,
        weight,
      );
    });
  };
  const table = doc.struct('Table', spec.summary ? { title: spec.summary } : {});
  kit.root.add(table);
  const header = () => {
    const tr = doc.struct('TR');
    table.add(tr);
    const y = doc.y;
    const height = heightOf(
      spec.columns.map((c) => c.header),
      'bold',
      true,
    );
    kit.artifact(() => doc.rect(kit.left, y, kit.width, height).fill('#e8eef5'));
    doc.fillColor(INK);
    spec.columns.forEach((c, i) => {
      const th = doc.struct('TH', { scope: 'Column' } as object);
      tr.add(th);
      th.add(() => cell(c.header, i, y, 'bold', true));
      th.end();
    });
    tr.end();
    doc.y += height;
  };
  const row = (values: string[], weight: Weight, shade: boolean) => {
    const height = heightOf(values, weight);
    if (doc.y + height > kit.bottom) {
      doc.addPage();
      doc.y = doc.page.margins.top;
      header();
    }
    const y = doc.y;
    if (shade) kit.artifact(() => doc.rect(kit.left, y, kit.width, height).fill('#f6f6f6'));
    doc.fillColor(INK).fontSize(size);
    const tr = doc.struct('TR');
    table.add(tr);
    values.forEach((v, i) => {
      const td = doc.struct(i === 0 ? 'TH' : 'TD', i === 0 ? ({ scope: 'Row' } as object) : {});
      tr.add(td);
      td.add(() => cell(v, i, y, weight));
      td.end();
    });
    tr.end();
    doc.y += height;
  };
  kit.ensure(rowHeight * 3);
  header();
  spec.rows.forEach((r, i) => row(r, 'regular', i % 2 === 1));
  if (spec.totals?.length) {
    kit.ensure(rowHeight * spec.totals.length + 4);
    const y = doc.y + 1;
    kit.artifact(() => kit.rule(y, INK, 0.8));
    doc.y += 3;
    spec.totals.forEach((r) => row(r, 'bold', false));
    const y2 = doc.y + 1;
    kit.artifact(() => {
      kit.rule(y2, INK, 0.8);
      kit.rule(y2 + 2.5, INK, 0.8);
    });
    doc.y += 4;
  }
  table.end();
  doc.y += 10;
}
