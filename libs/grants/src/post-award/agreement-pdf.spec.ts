import { agreementPdf, AgreementData, sha256 } from './agreement-pdf';

const data: AgreementData = {
  grantId: '00000000-0000-4000-8000-000000000001',
  version: 1,
  title: 'Shelter in Lagos',
  fundName: 'Trust Fund',
  organizationName: 'Hope',
  currency: 'USD',
  amount: 1_000_000,
  psc: 70_000,
  pscRateBps: 700,
  tranches: [{ n: 1, amount: 1_000_000, condition: 'on_signature' }],
  schedule: [{ n: 1, final: true, dueOn: '2027-01-30' }],
  budget: [{ n: 1, label: 'Total', amount: 1_000_000 }],
  endDate: '2026-12-31',
  language: 'ar',
  specialConditions: [],
  generatedAt: new Date('2026-12-01T10:00:00Z'),
};

describe('the agreement PDF', () => {
  it('has the same bytes (and hash) for the same data and generation time', async () => {
    const a = await agreementPdf(data);
    const b = await agreementPdf({ ...data });
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(sha256(a)).toBe(sha256(b));
    const c = await agreementPdf({ ...data, amount: 1_000_001 });
    expect(sha256(c)).not.toBe(sha256(a));
  });
});
