import { DocumentKit, DocumentLocale, fill, formatMinor } from '@app/core';
import { RECEIPT_LABELS, ReceiptLabel } from './receipt-labels';

export interface ReceiptData {
  receiptNumber: string;
  fundName: string;
  fundCode: string;
  donorName: string;
  donorType: string;
  /** ISO 3166 alpha-2, printed as the country's name in the reader's language. */
  donorCountry?: string | null;
  receivedAt: string;
  amount: number;
  currency: string;
  usdRate: string | null;
  usdAmount: number;
  fundCurrency: string;
  void: boolean;
  reversalReason: string | null;
  /** The reader's language (English when absent); English stands beside the others. */
  locale?: DocumentLocale;
  /** The public address that confirms the receipt (printed and as a QR code); none: no verification block. */
  verifyUrl?: string;
  /** The fund's logo (PNG or JPEG bytes, as uploaded to the fund), on the letterhead. */
  logo?: Buffer;
  generatedAt?: Date;
  generatedBy?: string;
}

/** A country's name in the reader's language, from ICU (Node ships it in full); the code if unknown. */
function countryName(code: string, locale: DocumentLocale): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/**
 * The donor's receipt (issue 22): the fund's letterhead, the receipt number prominent, the donor, a table
 * of what was received (date, amount, the UN operational rate, the equivalent in the fund's currency), the
 * purpose, an acknowledgement, and a verification code as a QR code and a short address. A reversed
 * contribution's receipt says VOID across the page. Labels are in the reader's language with English
 * beside them ("Reçu / Receipt"); figures keep one format in every language so they read alike.
 */
export function receiptPdf(r: ReceiptData): PDFKit.PDFDocument {
  const locale = r.locale ?? 'en';
  const own = RECEIPT_LABELS[locale];
  const en = RECEIPT_LABELS.en;
  const both = (key: ReceiptLabel, values: Record<string, string> = {}) =>
    locale === 'en' ? fill(en[key], values) : `${fill(own[key], values)} / ${fill(en[key], values)}`;
  const at = r.generatedAt ?? new Date(r.receivedAt);
  const kit = new DocumentKit({
    locale,
    title: `Receipt ${r.receiptNumber}`,
    subject: `${own.title}: ${r.fundName}`,
    author: r.fundName,
    generatedAt: at,
    generatedBy: r.generatedBy ?? r.fundName,
    keywords: `receipt ${r.receiptNumber} ${r.fundCode}`,
  });
  kit.letterhead(r.fundName, locale === 'en' ? en.title : `${own.title} / ${en.title}`, r.logo);
  kit.heading(`${both('receipt')} ${r.receiptNumber}${r.void ? ` - ${en.void}` : ''}`, 1, 18);
  const donorType = r.donorType === 'member_state' ? 'memberState' : 'private';
  kit.paragraph(`${both('donor')}: ${r.donorName} (${own[donorType]})`, { size: 11, bold: true });
  if (r.donorCountry) kit.paragraph(`${both('country')}: ${countryName(r.donorCountry, locale)}`);
  kit.space();
  const rate = r.usdRate
    ? fill(own.ratePer, { rate: r.usdRate, currency: r.currency, fundCurrency: r.fundCurrency })
    : '-';
  kit.table({
    summary: own.title,
    columns: [
      { header: both('dateReceived'), width: 0.22 },
      { header: both('amount'), width: 0.26, align: 'decimal' },
      { header: both('rate'), width: 0.26 },
      { header: both('equivalent', { currency: r.fundCurrency }), width: 0.26, align: 'decimal' },
    ],
    rows: [
      [
        r.receivedAt.slice(0, 10),
        formatMinor(r.amount, r.currency),
        rate,
        formatMinor(r.usdAmount, r.fundCurrency),
      ],
    ],
  });
  if (r.void) {
    kit.stamp(own.void, fill(own.voidNote, { reason: r.reversalReason ?? '-' }));
    if (locale !== 'en')
      kit.paragraph(fill(en.voidNote, { reason: r.reversalReason ?? '-' }), { lang: 'en' });
    kit.paragraph(own.notReused);
  }
  kit.heading(both('purpose'), 2, 11);
  kit.paragraph(fill(own.purposeText, { fund: r.fundName }));
  if (locale !== 'en') kit.paragraph(fill(en.purposeText, { fund: r.fundName }), { size: 9, lang: 'en' });
  kit.space();
  kit.paragraph(own.thanks, { size: 11 });
  if (locale !== 'en') kit.paragraph(en.thanks, { size: 9, lang: 'en' });
  kit.paragraph('With the thanks of the fund and of the survivors it serves.', { size: 9, lang: 'en' });
  if (r.verifyUrl) {
    kit.space();
    kit.ensure(110);
    const top = kit.doc.y;
    const side = 96;
    kit.qr(r.verifyUrl, kit.rtl ? kit.left + kit.width - side : kit.left, top, side, own.qrAlt);
    const inset = side + 14;
    const margins = kit.doc.page.margins;
    if (kit.rtl) margins.right += inset;
    else margins.left += inset;
    kit.doc.y = top + 8;
    kit.heading(both('verify'), 2, 11);
    kit.paragraph(own.verifyHelp, { size: 9 });
    kit.paragraph(r.verifyUrl, { size: 9, lang: 'en' });
    if (kit.rtl) margins.right -= inset;
    else margins.left -= inset;
    kit.doc.y = Math.max(kit.doc.y, top + side + 8);
  }
  return kit.end();
}
