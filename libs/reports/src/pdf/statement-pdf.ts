import { pdfText, unicodePdf } from '@app/core';
import { formatMinor } from '@app/donors';
import { day } from '../domain/period';
import { FundStatement, statementLines } from '../domain/statement';
import { DonorStatement } from '../donor-statement.service';

const periodText = (from: string | null, to: string) =>
  `${from ? day(new Date(from)) : 'the beginning'} to ${day(new Date(to))}`;

/** The fund's balance statement as a PDF stream (pdfkit), text only so it can be read back. */
export function fundStatementPdf(s: FundStatement): PDFKit.PDFDocument {
  const doc = unicodePdf({ size: 'A4', margin: 56, info: { Title: `Balance statement ${s.fundCode}` } });
  pdfText(doc.fontSize(16), s.fundName);
  pdfText(doc.moveDown(0.3).fontSize(13), `Balance statement, ${periodText(s.from, s.to)}`);
  doc.moveDown().fontSize(10);
  let section = '';
  for (const line of statementLines(s)) {
    if (line.section !== section) {
      section = line.section;
      const title =
        {
          opening: 'At the opening of the period',
          movement: 'Movements in the period',
          closing: 'At the close of the period',
          target: 'Progress toward a new call',
        }[section] ?? section;
      pdfText(doc.moveDown(0.5), title, { bold: true });
    }
    pdfText(
      doc,
      `${line.label.replace(/^(Opening|Closing): /, '')}: ${formatMinor(line.amount, s.currency)}`,
    );
  }
  pdfText(doc, `Progress toward the target: ${(s.progress * 100).toFixed(1)}%`);
  doc.end();
  return doc;
}

/** A donor's statement as a PDF stream: one line per receipt, void ones marked, totals per currency. */
export function donorStatementPdf(s: DonorStatement): PDFKit.PDFDocument {
  const doc = unicodePdf({ size: 'A4', margin: 56, info: { Title: `Statement ${s.donorName}` } });
  pdfText(doc.fontSize(16), `Statement of contributions`);
  pdfText(
    doc.moveDown(0.3).fontSize(12),
    `${s.donorName} (${s.donorType === 'member_state' ? 'member state' : 'private sector'})`,
  );
  pdfText(doc, `Period: ${periodText(s.from, s.to)}`);
  doc.moveDown().fontSize(10);
  if (!s.lines.length) pdfText(doc, 'No contributions were received in this period.');
  for (const l of s.lines) {
    const original =
      l.currency === l.fundCurrency
        ? ''
        : ` (${formatMinor(l.amount, l.currency)} at ${l.usdRate} per 1 ${l.fundCurrency})`;
    pdfText(
      doc,
      `${l.receiptNumber}  ${day(new Date(l.receivedAt))}  ${l.fundCode}  ${formatMinor(l.fundAmount, l.fundCurrency)}${original}` +
        (l.void ? `  VOID (reversed ${day(new Date(l.reversedAt ?? l.receivedAt))})` : ''),
    );
  }
  doc.moveDown();
  for (const t of s.totals) {
    pdfText(doc, `Total received: ${formatMinor(t.amount, t.currency)} (${t.count} contributions)`, {
      bold: true,
    });
  }
  pdfText(doc.moveDown(2).fontSize(9), 'Void receipts are listed for the record and not counted.');
  doc.end();
  return doc;
}
