import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { BalanceService } from '@app/funds';
import { formatMinor } from '@app/core';
import { Api, startApi, userWithRoles } from '../setup/harness';
import { binary, pdfText } from '../setup/pdf-text';
import { rawContributions, rawEntries, seedMoney, Seeded } from '../factories/reports';

type Raw = Awaited<ReturnType<typeof rawContributions>>[number];

const GROUPINGS = ['', 'donor', 'donorType', 'year', 'donor,year', 'year,donorType', 'donorType,donor,year'];
const PERIODS: { from?: string; to?: string }[] = [
  {},
  { from: '2012-01-01', to: '2014-06-30' },
  { to: '2013-12-31' },
  { from: '2015-03-01' },
  { from: '2030-01-01', to: '2030-12-31' },
];

/** The contributions report recomputed in plain code from the raw rows. */
function expectedGroups(raw: Raw[], groupBy: string, period: { from?: string; to?: string }) {
  const from = period.from ? Date.parse(`${period.from}T00:00:00Z`) : -Infinity;
  const to = period.to ? Date.parse(`${period.to}T23:59:59.999Z`) : Date.now();
  const keys = groupBy ? groupBy.split(',') : [];
  const standing = raw.filter(
    (c) => c.receivedAt >= from && c.receivedAt <= to && (c.reversedAt === null || c.reversedAt > to),
  );
  const groups = new Map<string, Record<string, unknown> & { amount: number; count: number }>();
  for (const c of standing) {
    const key: Record<string, unknown> = {};
    for (const k of keys) {
      if (k === 'donor') Object.assign(key, { donorId: c.donorId, donorName: c.donorName });
      if (k === 'donorType') key.donorType = c.donorType;
      if (k === 'year') key.year = c.year;
    }
    const id = JSON.stringify(key);
    const g = groups.get(id) ?? { ...key, amount: 0, count: 0 };
    g.amount += c.amount;
    g.count += 1;
    groups.set(id, g);
  }
  const total = standing.reduce((t, c) => t + c.amount, 0);
  const items = [...groups.values()].map((g) => ({ ...g, share: g.amount / total }));
  return { items, total };
}

const sortKey = (r: Record<string, unknown>) =>
  JSON.stringify([r.donorId ?? '', r.donorType ?? '', r.year ?? 0]);
const sorted = <T extends Record<string, unknown>>(rows: T[]) =>
  [...rows].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));

describe('reports: balance statement, contributions report, donor statements', () => {
  let api: Api;
  let seeded: Seeded;
  let staff: string;
  let emptyFund: Seeded;
  beforeAll(async () => {
    api = await startApi();
    seeded = await seedMoney(api, 7, { funds: 3, donors: 6, ops: 90 });
    emptyFund = await seedMoney(api, 8, { funds: 1, donors: 1, ops: 0 });
    staff = (await userWithRoles(api, ['finance'])).token;
  });
  afterAll(async () => {
    await api.close();
  });

  const get = (path: string, token = staff) => api.http().get(path).set('authorization', `Bearer ${token}`);
  const getFile = (path: string, token = staff) => get(path, token).buffer(true).parse(binary);

  it('groups contributions exactly as a plain recomputation from the raw rows, for every grouping and period', async () => {
    for (const fundId of seeded.fundIds) {
      const raw = await rawContributions(api, fundId);
      for (const groupBy of GROUPINGS) {
        for (const period of PERIODS) {
          const qs = new URLSearchParams({ fundId, groupBy, ...period });
          const res = await get(`/api/reports/contributions?${qs}`);
          expect(res.status).toBe(200);
          const want = expectedGroups(raw, groupBy, period);
          expect(res.body.total).toBe(want.total);
          expect(sorted(res.body.items)).toEqual(
            sorted(want.items).map((i) => ({ ...i, share: expect.closeTo(i.share, 12) })),
          );
          expect(res.body.items.every((i: { count: number }) => i.count > 0)).toBe(true);
        }
      }
    }
  });

  it('totals, from the beginning to a date, exactly the balance received as of that date', async () => {
    const balances = api.app.get(BalanceService);
    for (const fundId of seeded.fundIds) {
      for (const to of ['2011-12-31', '2013-06-30', '2016-12-31']) {
        const res = await get(`/api/reports/contributions?fundId=${fundId}&to=${to}`);
        const b = await balances.asOf(fundId, new Date(`${to}T23:59:59.999Z`));
        expect(res.body.total).toBe(b.received);
      }
    }
  });

  it('invents no group: a fund with nothing received answers no items and a zero total', async () => {
    const res = await get(`/api/reports/contributions?fundId=${emptyFund.fundIds[0]}&groupBy=donor,year`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ items: [], total: 0 });
    const csv = await getFile(
      `/api/reports/contributions?fundId=${emptyFund.fundIds[0]}&groupBy=year&format=csv`,
    );
    expect(parse(csv.body as Buffer, { columns: true })).toEqual([]);
  });

  it('exports the same figures as CSV (parsed back), with text cells neutralised against formulas', async () => {
    const fundId = seeded.fundIds[0];
    const json = (await get(`/api/reports/contributions?fundId=${fundId}&groupBy=donor,year`)).body;
    const res = await getFile(`/api/reports/contributions?fundId=${fundId}&groupBy=donor,year&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    const rows: Record<string, string>[] = parse(res.body as Buffer, { columns: true });
    expect(
      rows.map((r) => [r.donorId, Number(r.year), Number(r.amount), Number(r.count), Number(r.share)]),
    ).toEqual(json.items.map((i: Record<string, number>) => [i.donorId, i.year, i.amount, i.count, i.share]));
    let evil = 0;
    for (const id of seeded.fundIds) {
      const all = await getFile(`/api/reports/contributions?fundId=${id}&groupBy=donor&format=csv`);
      for (const r of parse(all.body as Buffer, { columns: true }) as Record<string, string>[]) {
        expect(r.donorName).not.toMatch(/^[=+\-@]/);
        if (r.donorName.startsWith(`'=HYPERLINK`)) evil += 1;
      }
    }
    expect(evil).toBeGreaterThan(0);
  });

  it('exports the same figures as XLSX, numbers as numbers', async () => {
    const fundId = seeded.fundIds[1];
    const json = (await get(`/api/reports/contributions?fundId=${fundId}&groupBy=donorType,year`)).body;
    const res = await getFile(
      `/api/reports/contributions?fundId=${fundId}&groupBy=donorType,year&format=xlsx`,
    );
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['donorType', 'year', 'amount', 'currency', 'count', 'share']);
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      if (n > 1) rows.push((row.values as unknown[]).slice(1));
    });
    expect(rows).toEqual(
      json.items.map((i: Record<string, unknown>) => [
        i.donorType,
        i.year,
        i.amount,
        'USD',
        i.count,
        i.share,
      ]),
    );
    expect(rows.reduce((t, r) => t + (r[2] as number), 0)).toBe(json.total);
  });

  it('states the balance for a period as a plain recomputation from the ledger entries', async () => {
    const periods = [
      { from: '2010-01-01', to: '2016-12-31' },
      { from: '2012-04-01', to: '2013-03-31' },
      { from: '2014-01-01', to: '2014-12-31' },
    ];
    for (const fundId of seeded.fundIds) {
      const entries = await rawEntries(api, fundId);
      for (const p of periods) {
        const res = await get(`/api/funds/${fundId}/statement?from=${p.from}&to=${p.to}`);
        expect(res.status).toBe(200);
        const from = Date.parse(`${p.from}T00:00:00Z`);
        const to = Date.parse(`${p.to}T23:59:59.999Z`);
        const acc = (account: string, until: number, strict: boolean) =>
          entries
            .filter((e) => e.account === account && (strict ? e.at < until : e.at <= until))
            .reduce((t, e) => t + e.amount, 0);
        const within = (kind: string, account: string) =>
          entries
            .filter((e) => e.kind === kind && e.account === account && e.at >= from && e.at <= to)
            .reduce((t, e) => t + e.amount, 0);
        const available = (until: number, strict: boolean) =>
          0 -
          ['contributions', 'returns', 'grants', 'psc', 'costs'].reduce(
            (t, a) => t + acc(a, until, strict),
            0,
          );
        const s = res.body;
        expect(s.opening.received).toBe(-acc('contributions', from, true) || 0);
        expect(s.opening.costs).toBe(acc('costs', from, true));
        expect(s.opening.available).toBe(available(from, true));
        expect(s.closing.received).toBe(-acc('contributions', to, false) || 0);
        expect(s.closing.costs).toBe(acc('costs', to, false));
        expect(s.closing.available).toBe(available(to, false));
        expect(s.movements.contributions).toBe(-within('contribution', 'contributions') || 0);
        expect(s.movements.reversals).toBe(within('contribution_reversal', 'contributions'));
        expect(s.movements.costs).toBe(within('cost', 'costs'));
        const m = s.movements;
        expect(
          s.opening.available +
            m.contributions -
            m.reversals +
            m.returns -
            m.commitments +
            m.cancellations -
            m.pscReserved +
            m.pscReleased -
            m.costs,
        ).toBe(s.closing.available);
        expect(s.progress).toBeCloseTo(s.closing.available / s.target, 12);
      }
    }
  });

  it('exports the statement as CSV, XLSX and PDF holding the same figures', async () => {
    const fundId = seeded.fundIds[2];
    const path = `/api/funds/${fundId}/statement?from=2011-01-01&to=2015-12-31`;
    const s = (await get(path)).body;
    const csv = await getFile(`${path}&format=csv`);
    expect(csv.status).toBe(200);
    const byKey = Object.fromEntries(
      (parse(csv.body as Buffer, { columns: true }) as Record<string, string>[]).map((r) => [
        r.key,
        // the progress ratio has its own column (issue 11: each column its own number format)
        Number(r.key === 'progress' ? r.ratio : r.amount),
      ]),
    );
    expect(byKey['opening.available']).toBe(s.opening.available);
    expect(byKey['movements.contributions']).toBe(s.movements.contributions);
    expect(byKey['movements.costs']).toBe(s.movements.costs);
    expect(byKey['closing.available']).toBe(s.closing.available);
    expect(byKey['closing.received']).toBe(s.closing.received);
    expect(byKey.progress).toBeCloseTo(s.progress, 12);

    const xlsx = await getFile(`${path}&format=xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const cells: Record<string, unknown> = {};
    wb.worksheets[0].eachRow((row, n) => {
      if (n > 1) cells[String(row.getCell(2).value)] = row.getCell(4).value;
    });
    expect(cells['closing.available']).toBe(s.closing.available);
    expect(cells['movements.reversals']).toBe(s.movements.reversals);

    const pdf = await getFile(`${path}&format=pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain(`Available balance: ${formatMinor(s.closing.available, 'USD')}`);
    expect(text).toContain(`Contributions received: ${formatMinor(s.movements.contributions, 'USD')}`);
    expect(text).toContain(`New-call target: ${formatMinor(s.target, 'USD')}`);
  });

  it('lets a donor read only its own statement; finance reads any; other roles are refused', async () => {
    const [donorA, donorB] = seeded.donorIds;
    const userA = await userWithRoles(api, ['donor'], { donorId: donorA });
    const manager = await userWithRoles(api, ['fund_manager']);
    const own = await getFile(`/api/donors/${donorA}/statement?from=2010-01-01&to=2016-12-31`, userA.token);
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    const text = pdfText(own.body as Buffer);
    const raw: { receipt_number: string; usd_amount: string; status: string }[] = await api.db.query(
      `SELECT receipt_number, usd_amount, status FROM contributions WHERE donor_id = $1`,
      [donorA],
    );
    for (const r of raw) expect(text).toContain(r.receipt_number);
    const total = raw.filter((r) => r.status === 'received').reduce((t, r) => t + Number(r.usd_amount), 0);
    expect(text).toContain(`Total received: ${formatMinor(total, 'USD')}`);
    if (raw.some((r) => r.status === 'reversed')) expect(text).toContain('VOID');

    const other = await getFile(`/api/donors/${donorB}/statement`, userA.token);
    expect(other.status).toBe(404);
    expect((await getFile(`/api/donors/${donorB}/statement?year=2013`)).status).toBe(200);
    expect((await get(`/api/donors/${donorA}/statement`, manager.token)).status).toBe(403);
    expect((await api.http().get(`/api/donors/${donorA}/statement`)).status).toBe(401);
  });

  it("states one year for a donor: only that year's receipts", async () => {
    const donorId = seeded.donorIds[2];
    const raw: { receipt_number: string; received_at: Date }[] = await api.db.query(
      `SELECT receipt_number, received_at FROM contributions WHERE donor_id = $1`,
      [donorId],
    );
    const year = raw.length ? raw[0].received_at.getUTCFullYear() : 2014;
    const text = pdfText((await getFile(`/api/donors/${donorId}/statement?year=${year}`)).body as Buffer);
    for (const r of raw) {
      if (r.received_at.getUTCFullYear() === year) expect(text).toContain(r.receipt_number);
      else expect(text).not.toContain(r.receipt_number);
    }
  });

  it('hides another fund from staff limited to some funds (404), refuses non-staff (403) and bad input (400)', async () => {
    const [a, b] = seeded.fundIds;
    const limited = await userWithRoles(api, ['finance'], { fundIds: [a] });
    const ngo = await userWithRoles(api, ['reviewer']);
    expect((await get(`/api/funds/${a}/statement`, limited.token)).status).toBe(200);
    expect((await get(`/api/funds/${b}/statement`, limited.token)).status).toBe(404);
    expect((await get(`/api/reports/contributions?fundId=${b}`, limited.token)).status).toBe(404);
    expect((await get(`/api/reports/contributions?fundId=${a}`, ngo.token)).status).toBe(403);
    const bad = await get(`/api/reports/contributions?fundId=${a}&groupBy=country`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('groupBy');
    expect((await get(`/api/reports/contributions?fundId=${a}&format=pdf`)).status).toBe(400);
    expect((await get(`/api/funds/${a}/statement?from=2015-01-01&to=2014-01-01`)).status).toBe(400);
  });
});
