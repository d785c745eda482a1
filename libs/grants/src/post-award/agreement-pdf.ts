import { createHash } from 'node:crypto';
import { decimalSeparator, DocumentKit, fill, formatMinor, pdfBuffer } from '@app/core';
import { AGREEMENT_LABELS, AgreementLabels } from './agreement-labels';
import type { Language } from './offers.repository';

/** A signature recorded on a version: who, when, from which address, and the hash of what was signed. */
export interface AgreementSignature {
  party: 'ngo' | 'fund_manager';
  name: string;
  signedAt: Date;
  address: string | null;
  sha256: string;
}

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
  /** The fund's logo (PNG or JPEG bytes) for the letterhead, when the fund uploaded one. */
  logo?: Buffer;
  /** The grantee's named signatory, printed under the grantee's signature line. */
  signatoryName?: string;
}

/** A signed copy: the version's hash and the signatures recorded on it (none yet: blank signature lines). */
export interface SignedCopy {
  sha256: string;
  signatures: AgreementSignature[];
}

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * The agreement on the document kit (issue 22): the fund's letterhead (its logo when uploaded), numbered
 * clauses in the grantee's chosen language with English beside it, the tranche, report and budget
 * schedules as tables, the special conditions, and signature blocks. A tagged PDF with its title, language
 * and metadata; Arabic is shaped and laid out right to left.
 *
 * Deterministic: the same data (with the same generation time, which is the PDF's creation date and its
 * file identifier's seed) gives the same bytes, so the SHA-256 of a version identifies its text. That
 * version is printed with blank signature lines; `signed` prints a copy of the same version carrying the
 * signatures recorded on it (who, when, from which address, the hash of the version they signed).
 */
export async function agreementPdf(d: AgreementData, signed?: SignedCopy): Promise<Buffer> {
  const own = AGREEMENT_LABELS[d.language];
  const en = AGREEMENT_LABELS.en;
  /** "Chosen / English" when the NGO chose another language than English, English alone otherwise. */
  const L = (pick: (l: AgreementLabels) => string) =>
    d.language === 'en' ? pick(en) : `${pick(own)} / ${pick(en)}`;
  /** A sentence in the chosen language (and English under it, for another language), figures in each one's form. */
  const sentence = (
    kit: DocumentKit,
    key: keyof AgreementLabels,
    values: (lang: Language) => Record<string, string>,
  ) => {
    kit.paragraph(fill(own[key], values(d.language)));
    if (d.language !== 'en') kit.paragraph(fill(en[key], values('en')), { size: 9, lang: 'en' });
  };
  /** An amount in the form of the document's language ("15,000.00 USD", "15 000,00 USD"), exact. */
  const cur = (n: number, lang: Language = d.language) => formatMinor(n, d.currency, lang);
  const decimal = decimalSeparator(d.language);
  const kit = new DocumentKit({
    locale: d.language,
    title: `Grant agreement ${d.grantId} v${d.version}`,
    subject: `${own.title}: ${d.title} (${d.organizationName}, ${d.fundName})`,
    author: d.fundName,
    generatedAt: d.generatedAt,
    generatedBy: d.fundName,
    keywords: `grant agreement ${d.grantId} version ${d.version}`,
  });
  kit.letterhead(d.fundName, `${L((l) => l.version)}: ${d.version}  ·  ${d.grantId}`, d.logo);
  kit.heading(
    L((l) => l.title),
    1,
    16,
  );
  kit.paragraph(d.title, { size: 12, bold: true });
  if (signed) {
    kit.paragraph(fill(own.signedCopy, { version: d.version }), { bold: true });
    if (d.language !== 'en')
      kit.paragraph(fill(en.signedCopy, { version: d.version }), { size: 9, lang: 'en' });
  }

  let clause = 0;
  const clauseHeading = (pick: (l: AgreementLabels) => string) =>
    kit.heading(`${++clause}. ${L(pick)}`, 2, 11);

  clauseHeading((l) => l.parties);
  sentence(kit, 'clauseParties', () => ({ fund: d.fundName, grantee: d.organizationName, title: d.title }));

  clauseHeading((l) => l.amount);
  sentence(kit, 'clauseAmount', (lang) => ({ amount: cur(d.amount, lang) }));
  kit.paragraph(`${L((l) => l.psc)}: ${cur(d.psc)} (${own.pscNote} ${(d.pscRateBps / 100).toFixed(2)}%)`);
  kit.paragraph(`${L((l) => l.period)}: ${d.endDate || '-'}`);

  clauseHeading((l) => l.tranches);
  let afterReport = 0;
  kit.table({
    summary: L((l) => l.tranches),
    columns: [
      { header: L((l) => l.number), width: 0.1 },
      { header: L((l) => l.amount), width: 0.25, align: 'decimal', decimal },
      { header: L((l) => l.condition), width: 0.3 },
      { header: L((l) => l.due), width: 0.35 },
    ],
    rows: d.tranches.map((t) => {
      if (t.condition === 'on_signature')
        return [String(t.n), cur(t.amount), L((l) => l.onSignature), L((l) => l.atCountersignature)];
      const n = ++afterReport;
      const report = d.schedule.find((s) => s.n === n);
      const due = L((l) => fill(l.afterReportN, { n }));
      return [String(t.n), cur(t.amount), L((l) => l.afterReport), report ? `${due} (${report.dueOn})` : due];
    }),
    totals: [['', cur(d.tranches.reduce((a, t) => a + t.amount, 0)), '', '']],
  });

  clauseHeading((l) => l.schedule);
  kit.table({
    summary: L((l) => l.schedule),
    columns: [
      { header: L((l) => l.number), width: 0.1 },
      { header: L((l) => l.report), width: 0.6 },
      { header: L((l) => l.reportDueOn), width: 0.3 },
    ],
    rows: d.schedule.map((s) => [
      String(s.n),
      L((l) => (s.final ? l.finalReport : l.progressReport)),
      s.dueOn,
    ]),
  });

  clauseHeading((l) => l.budget);
  kit.table({
    summary: L((l) => l.budget),
    columns: [
      { header: L((l) => l.number), width: 0.1 },
      { header: L((l) => l.line), width: 0.6 },
      { header: L((l) => l.amount), width: 0.3, align: 'decimal', decimal },
    ],
    rows: d.budget.map((b) => [String(b.n), b.label, cur(b.amount)]),
    totals: [['', '', cur(d.budget.reduce((a, b) => a + b.amount, 0))]],
  });

  clauseHeading((l) => l.specialConditions);
  if (!d.specialConditions.length) kit.paragraph(L((l) => l.none));
  d.specialConditions.forEach((c, i) => kit.paragraph(`${clause}.${i + 1}. ${c}`));

  clauseHeading((l) => l.signatures.split(/[:：]/)[0]);
  kit.paragraph(own.signatures);
  if (d.language !== 'en') kit.paragraph(en.signatures, { size: 9, lang: 'en' });
  const block = (party: AgreementSignature['party'], role: string, name: string) => {
    const s = signed?.signatures.find((x) => x.party === party);
    if (!s) return { role, name, signed: L((l) => l.notSigned) };
    return {
      role,
      name: s.name,
      signed: fill(own.signedAt, { at: utc(s.signedAt) }),
      details: [
        ...(s.address ? [fill(own.fromAddress, { address: s.address })] : []),
        fill(own.versionHash, { version: d.version }),
        s.sha256.slice(0, 32),
        s.sha256.slice(32),
      ],
    };
  };
  kit.signatures([
    block(
      'ngo',
      L((l) => l.forGrantee),
      d.signatoryName ?? d.organizationName,
    ),
    block(
      'fund_manager',
      L((l) => l.forFund),
      d.fundName,
    ),
  ]);
  if (signed) {
    kit.paragraph(`${fill(own.versionHash, { version: d.version })} ${signed.sha256}`, { size: 8 });
    kit.paragraph(own.hashNote, { size: 8 });
  }
  return pdfBuffer(kit.end());
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}
