import { createHash } from 'node:crypto';
import { pdfBuffer } from '@app/core';
import { receiptPdf } from '@app/donors';
import type { FundStatement } from '../domain/statement';
import type { DonorStatement } from '../donor-statement.service';
import { donorStatementPdf, fundStatementPdf } from './statement-pdf';

/** Issue 22: the same data gives the same bytes; only the generation time changes them. */
const figures = {
  received: 36_245_376,
  pledged: 0,
  committed: 12_000_000,
  disbursed: 8_000_000,
  outstanding: 4_000_000,
  returned: 0,
  psc: 1_560_000,
  costs: 10_000,
  available: 22_675_376,
};
const statement: FundStatement = {
  fundId: 'f',
  fundCode: 'VTF',
  fundName: 'UN Voluntary Trust Fund for Victims of Trafficking in Persons, Especially Women and Children',
  currency: 'USD',
  from: '2015-01-01T00:00:00.000Z',
  to: '2015-12-31T23:59:59.999Z',
  opening: { ...figures, received: 1_000_000, available: 500_000 },
  movements: {
    contributions: 35_245_376,
    reversals: 0,
    commitments: 12_000_000,
    cancellations: 0,
    pscReserved: 1_560_000,
    pscReleased: 0,
    disbursements: 8_000_000,
    returns: 0,
    costs: 10_000,
    availableChange: 22_175_376,
  },
  closing: figures,
  target: 50_000_000,
  progress: 0.4535,
  dataAsOf: '2016-04-01T00:00:00.000Z',
};
const donor: DonorStatement = {
  donorId: 'd',
  donorName: 'Việt Nam',
  donorType: 'member_state',
  from: '2015-01-01T00:00:00.000Z',
  to: '2015-12-31T23:59:59.999Z',
  lines: [
    {
      receiptNumber: 'VTF-2015-0001',
      fundCode: 'VTF',
      fundName: statement.fundName,
      receivedAt: '2015-03-02T10:00:00.000Z',
      amount: 12_345_678,
      currency: 'JPY',
      usdRate: '120.5',
      fundAmount: 10_245_376,
      fundCurrency: 'USD',
      void: false,
      reversedAt: null,
    },
  ],
  totals: [{ currency: 'USD', amount: 10_245_376, count: 1 }],
};
const receipt = (at: Date, locale: 'en' | 'ar') =>
  receiptPdf({
    receiptNumber: 'VTF-2015-0001',
    fundName: statement.fundName,
    fundCode: 'VTF',
    donorName: 'Việt Nam',
    donorType: 'member_state',
    donorCountry: 'VN',
    receivedAt: '2015-03-02T10:00:00.000Z',
    amount: 12_345_678,
    currency: 'JPY',
    usdRate: '120.5',
    usdAmount: 10_245_376,
    fundCurrency: 'USD',
    void: false,
    reversalReason: null,
    locale,
    verifyUrl: 'https://grants.example.org/api/public/receipts/verify/VTF-2015-0001.K7QM3XZ9PA4T6BWD',
    generatedAt: at,
    generatedBy: 'Ana Pérez',
  });

const hash = async (doc: PDFKit.PDFDocument) =>
  createHash('sha256')
    .update(await pdfBuffer(doc))
    .digest('hex');

describe('documents are deterministic (issue 22)', () => {
  const t1 = new Date('2026-12-01T10:00:00Z');
  const t2 = new Date('2026-12-01T10:07:00Z');
  const ctx = (at: Date) => ({ locale: 'fr' as const, generatedBy: 'Ana Pérez', generatedAt: at });

  it.each([
    ['receipt (en)', (at: Date) => receipt(at, 'en')],
    ['receipt (ar)', (at: Date) => receipt(at, 'ar')],
    ['balance statement', (at: Date) => fundStatementPdf(statement, ctx(at))],
    ['donor statement', (at: Date) => donorStatementPdf(donor, ctx(at))],
  ])('%s: same data and time, same bytes; another time, other bytes', async (_name, render) => {
    const a = await hash(render(t1));
    expect(await hash(render(t1))).toBe(a);
    expect(await hash(render(t2))).not.toBe(a);
  });
});
