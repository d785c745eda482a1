import { currencyExponent, pdfText, unicodePdf } from '@app/core';

/** Formats minor units as a decimal amount with thousands separators, without floating point. */
export function formatMinor(amount: number, currency: string): string {
  const e = currencyExponent(currency);
  const negative = amount < 0;
  const digits = String(Math.abs(amount)).padStart(e + 1, '0');
  const whole = digits.slice(0, digits.length - e).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = e > 0 ? `.${digits.slice(-e)}` : '';
  return `${negative ? '-' : ''}${whole}${fraction} ${currency}`;
}

export interface ReceiptData {
  receiptNumber: string;
  fundName: string;
  fundCode: string;
  donorName: string;
  donorType: string;
  receivedAt: string;
  amount: number;
  currency: string;
  usdRate: string | null;
  usdAmount: number;
  fundCurrency: string;
  void: boolean;
  reversalReason: string | null;
}

/** The donor's receipt as a PDF stream (pdfkit, embedded Noto fonts), text only so it can be read back. */
export function receiptPdf(r: ReceiptData): PDFKit.PDFDocument {
  const doc = unicodePdf({ size: 'A4', margin: 56, info: { Title: `Receipt ${r.receiptNumber}` } });
  pdfText(doc.fontSize(18), r.fundName);
  pdfText(doc.moveDown(0.5).fontSize(14), `Receipt ${r.receiptNumber}${r.void ? ' - VOID' : ''}`);
  doc.moveDown().fontSize(11);
  const line = (label: string, value: string) => pdfText(doc, `${label}: ${value}`);
  line('Receipt number', r.receiptNumber);
  line('Fund', `${r.fundName} (${r.fundCode})`);
  line('Donor', `${r.donorName} (${r.donorType === 'member_state' ? 'member state' : 'private sector'})`);
  line('Date received', r.receivedAt.slice(0, 10));
  line('Amount received', formatMinor(r.amount, r.currency));
  if (r.usdRate)
    line('UN operational rate of exchange', `${r.usdRate} ${r.currency} per 1 ${r.fundCurrency}`);
  line(`Amount in ${r.fundCurrency}`, formatMinor(r.usdAmount, r.fundCurrency));
  if (r.void) {
    pdfText(
      doc.moveDown().fillColor('red'),
      `VOID: this contribution was reversed (${r.reversalReason ?? 'no reason given'}).`,
    );
    pdfText(doc, 'This receipt number is not reused.').fillColor('black');
  }
  pdfText(doc.moveDown(2).fontSize(9), 'With the thanks of the fund and of the survivors it serves.');
  doc.end();
  return doc;
}
