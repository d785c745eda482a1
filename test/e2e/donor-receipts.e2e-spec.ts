import { unzipSync } from 'fflate';
import { bearer } from '../factories/grant-cycle';
import { contribute, createDonor, createFund, staffTokens } from '../factories/money';
import { Api, startApi, unique, userWithRoles } from '../setup/harness';
import { binary, pdfText } from '../setup/pdf-text';

/**
 * A year of a donor's receipts in one ZIP (issue 16): one PDF per contribution received that year, named by
 * its receipt number, a reversed one marked VOID; a donor reads its own only (another donor's is 404, as
 * if it did not exist), finance reads any, other roles are refused, bad input is a 400 problem.
 */
describe('a donor downloads a year of receipts', () => {
  let api: Api;
  let finance: string;
  let fm: string;
  let donorA: { id: string; name: string };
  let donorB: { id: string; name: string };
  let userA: { token: string };
  const receiptsA: string[] = [];
  let receiptB = '';
  let otherYear = '';

  beforeAll(async () => {
    api = await startApi();
    const staff = await staffTokens(api);
    finance = staff.finance;
    fm = staff.fm;
    const fund = await createFund(api, staff.admin);
    donorA = await createDonor(api, finance);
    donorB = await createDonor(api, finance, 'private');
    const give = async (donorId: string, amount: number, receivedAt: string) => {
      const res = await contribute(api, finance, { donorId, fundId: fund.id, amount, receivedAt });
      expect(res.status).toBe(201);
      return res.body as { id: string; receiptNumber: string };
    };
    for (const [amount, at] of [
      [120_000, '2025-02-03T10:00:00Z'],
      [250_050, '2025-06-30T23:59:00Z'],
      [99_999, '2025-12-31T23:59:59Z'],
    ] as const) {
      receiptsA.push((await give(donorA.id, amount, at)).receiptNumber);
    }
    otherYear = (await give(donorA.id, 5_000, '2026-01-01T00:00:00Z')).receiptNumber;
    receiptB = (await give(donorB.id, 777_000, '2025-05-05T12:00:00Z')).receiptNumber;
    // the third of A's 2025 contributions is reversed: its receipt stays in the archive, marked VOID
    const [third] = await api.db.query(`SELECT id FROM contributions WHERE receipt_number = $1`, [
      receiptsA[2],
    ]);
    const reversed = await api
      .http()
      .post(`/api/contributions/${third.id}/reverse`)
      .set(bearer(finance))
      .set('idempotency-key', unique('rev'))
      .send({ reason: 'recorded twice' });
    expect(reversed.status).toBe(201);
    userA = await userWithRoles(api, ['donor'], { donorId: donorA.id });
  }, 60_000);

  afterAll(async () => {
    await api?.close();
  });

  const zip = (path: string, token: string) =>
    api.http().get(path).set(bearer(token)).buffer(true).parse(binary);

  it("gives the donor its own year's receipts, one PDF each, named and stating their receipt numbers", async () => {
    const res = await zip(`/api/donors/${donorA.id}/receipts?year=2025`, userA.token);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe('attachment; filename="receipts-2025.zip"');
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    expect(Object.keys(files).sort()).toEqual(receiptsA.map((n) => `receipt-${n}.pdf`).sort());
    for (const n of receiptsA) {
      const text = pdfText(Buffer.from(files[`receipt-${n}.pdf`]));
      expect(text).toContain(`Receipt ${n}`);
      expect(text).toContain(donorA.name);
      expect(text).not.toContain(receiptB);
    }
    expect(pdfText(Buffer.from(files[`receipt-${receiptsA[0]}.pdf`]))).toContain(
      '2025-02-03 1,200.00 USD', // the receipt's table: date received, amount received (issue 22)
    );
    expect(pdfText(Buffer.from(files[`receipt-${receiptsA[2]}.pdf`]))).toContain('VOID');
    expect(pdfText(Buffer.from(files[`receipt-${receiptsA[1]}.pdf`]))).not.toContain('VOID');

    const next = unzipSync(
      new Uint8Array((await zip(`/api/donors/${donorA.id}/receipts?year=2026`, userA.token)).body),
    );
    expect(Object.keys(next)).toEqual([`receipt-${otherYear}.pdf`]);
    const none = await zip(`/api/donors/${donorA.id}/receipts?year=2019`, userA.token);
    expect(none.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(none.body)))).toEqual([]);
  });

  it("never gives a donor another donor's receipts (404), and refuses other roles and no token", async () => {
    const other = await api
      .http()
      .get(`/api/donors/${donorB.id}/receipts?year=2025`)
      .set(bearer(userA.token));
    expect(other.status).toBe(404);
    expect(other.headers['content-type']).toContain('application/problem+json');
    expect(other.body.code).toBe('DONOR.NOT_FOUND');
    expect(JSON.stringify(other.body)).not.toContain(receiptB);

    const byFinance = await zip(`/api/donors/${donorB.id}/receipts?year=2025`, finance);
    expect(byFinance.status).toBe(200);
    expect(Object.keys(unzipSync(new Uint8Array(byFinance.body)))).toEqual([`receipt-${receiptB}.pdf`]);

    expect((await api.http().get(`/api/donors/${donorA.id}/receipts?year=2025`).set(bearer(fm))).status).toBe(
      403,
    );
    expect((await api.http().get(`/api/donors/${donorA.id}/receipts?year=2025`)).status).toBe(401);
    const unknown = await api
      .http()
      .get(`/api/donors/00000000-0000-4000-8000-000000000000/receipts?year=2025`)
      .set(bearer(finance));
    expect(unknown.status).toBe(404);
  });

  it('answers a missing or bad year with a 400 problem', async () => {
    for (const q of ['', '?year=abc', '?year=20255', '?year=1800', '?year=2025.5']) {
      const res = await api.http().get(`/api/donors/${donorA.id}/receipts${q}`).set(bearer(userA.token));
      expect({ q, status: res.status }).toEqual({ q, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // a malformed id names no donor: 404, as every id parameter of the API answers
    const badId = await api.http().get(`/api/donors/not-a-uuid/receipts?year=2025`).set(bearer(finance));
    expect(badId.status).toBe(404);
  });
});
