import { createHash } from 'node:crypto';
import { pdfText, unicodePdf } from '@app/core';
import { AGREEMENT_LABELS, AgreementLabels } from './agreement-labels';
import type { Language } from './offers.repository';

/** Everything the agreement prints: the grant as it stands at this version. */
export interface AgreementData {
  grantId: string;
  version: number;
  title: string;
  fundName: string;
  organizationName: string;
  currency: string;
  amount: number;
  psc: number;
  pscRateBps: number;
  tranches: { n: number; amount: number; condition: 'on_signature' | 'after_report' }[];
  schedule: { n: number; final: boolean; dueOn: string }[];
  budget: { n: number; label: string; amount: number }[];
  endDate: string;
  language: Language;
  specialConditions: string[];
  generatedAt: Date;
}

/** Minor units as a plain decimal with the currency (two decimals: the funds' currencies have two). */
export function money(amount: number, currency: string): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')} ${currency}`;
}

/** "Chosen / English" when the NGO chose another language than English, English alone otherwise. */
function both(language: Language, pick: (l: AgreementLabels) => string): string {
  const en = pick(AGREEMENT_LABELS.en);
  return language === 'en' ? en : `${pick(AGREEMENT_LABELS[language])} / ${en}`;
}

/**
 * The agreement as PDF bytes. Deterministic: the same data (with the same generation time, which is the PDF's
 * creation date and its file identifier's seed) gives the same bytes, so its SHA-256 identifies the text.
 */
export async function agreementPdf(d: AgreementData): Promise<Buffer> {
  const doc = unicodePdf({
    size: 'A4',
    margin: 56,
    info: { Title: `Grant agreement ${d.grantId} v${d.version}`, CreationDate: d.generatedAt },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  const L = (pick: (l: AgreementLabels) => string) => both(d.language, pick);
  pdfText(
    doc.fontSize(16),
    L((l) => l.title),
    { bold: true },
  );
  pdfText(doc.fontSize(10), `${L((l) => l.version)}: ${d.version}  ·  ${d.grantId}`);
  pdfText(doc.moveDown(0.5).fontSize(12), d.title, { bold: true });
  doc.fontSize(10);
  pdfText(
    doc.moveDown(0.5),
    L((l) => l.parties),
    { bold: true },
  );
  pdfText(doc, `${L((l) => l.fund)}: ${d.fundName}`);
  pdfText(doc, `${L((l) => l.grantee)}: ${d.organizationName}`);
  pdfText(doc.moveDown(0.5), `${L((l) => l.amount)}: ${money(d.amount, d.currency)}`, { bold: true });
  pdfText(
    doc,
    `${L((l) => l.psc)}: ${money(d.psc, d.currency)} (${L((l) => l.pscNote)} ${(d.pscRateBps / 100).toFixed(2)}%)`,
  );
  pdfText(doc, `${L((l) => l.period)}: ${d.endDate}`);
  pdfText(
    doc.moveDown(0.5),
    L((l) => l.tranches),
    { bold: true },
  );
  for (const t of d.tranches) {
    const cond = L((l) => (t.condition === 'on_signature' ? l.onSignature : l.afterReport));
    pdfText(doc, `${t.n}. ${money(t.amount, d.currency)}: ${cond}`);
  }
  pdfText(
    doc.moveDown(0.5),
    L((l) => l.schedule),
    { bold: true },
  );
  for (const s of d.schedule) {
    pdfText(doc, `${s.n}. ${L((l) => (s.final ? l.finalReport : l.progressReport))} ${s.dueOn}`);
  }
  pdfText(
    doc.moveDown(0.5),
    L((l) => l.budget),
    { bold: true },
  );
  for (const b of d.budget) pdfText(doc, `${b.n}. ${b.label}: ${money(b.amount, d.currency)}`);
  pdfText(
    doc.moveDown(0.5),
    L((l) => l.specialConditions),
    { bold: true },
  );
  if (!d.specialConditions.length)
    pdfText(
      doc,
      L((l) => l.none),
    );
  for (const c of d.specialConditions) pdfText(doc, `- ${c}`);
  pdfText(
    doc.moveDown(),
    L((l) => l.signatures),
  );
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
