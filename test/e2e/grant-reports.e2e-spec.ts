import fc from 'fast-check';
import { Api, staffTokens, startApi, unique, userWithRoles } from '../setup/harness';
import { contribute, createDonor, createFund } from '../factories/money';
import { bearer } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';
import { binary } from '../setup/pdf-text';

const COUNTRIES = ['NG', 'KE', 'PH', 'NP'];
const SERVICES = ['shelter', 'legal_aid', 'health_care'];

describe('grants and impact reports over random grants', () => {
  let api: Api;
  let admin: string;
  let fm: string;
  let finance: string;
  const funds: string[] = [];

  beforeAll(async () => {
    api = await startApi();
    [admin, fm, finance] = await staffTokens(api);
    const plans = fc.sample(
      fc.record({
        countries: fc.uniqueArray(fc.constantFrom(...COUNTRIES), { minLength: 1, maxLength: 3 }),
        services: fc.uniqueArray(fc.constantFrom(...SERVICES), { minLength: 1, maxLength: 2 }),
        amount: fc.integer({ min: 10_001, max: 3_000_000 }),
        pay: fc.boolean(),
        ret: fc.integer({ min: 0, max: 9_999 }),
        cancelRest: fc.boolean(),
        victims: fc.array(
          fc.record({
            service: fc.constantFrom(...SERVICES),
            country: fc.constantFrom(...COUNTRIES),
            count: fc.integer({ min: 1, max: 90 }),
          }),
          { maxLength: 3 },
        ),
        accept: fc.boolean(),
        year: fc.integer({ min: 2012, max: 2016 }),
      }),
      { numRuns: 14, seed: 20161017 },
    );
    for (const f of [0, 1]) {
      const fund = await createFund(api, admin);
      funds.push(fund.id);
      const donor = await createDonor(api, finance);
      await contribute(api, finance, { donorId: donor.id, fundId: fund.id, amount: 100_000_000 });
      const mine = plans.filter((_, i) => i % 2 === f);
      const { applicationIds, organizationIds } = await closedCallWithEligible(
        api,
        fm,
        fund.id,
        mine.length,
        3_000_000,
      );
      for (const [i, p] of mine.entries()) {
        await api.db.query(`UPDATE applications SET countries = $2, services = $3 WHERE id = $1`, [
          applicationIds[i],
          p.countries,
          p.services,
        ]);
        const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[i] });
        const d = await decide(api, fm, applicationIds[i], {
          decision: 'approve',
          amount: p.amount,
          tranches: [
            { percent: 50, condition: 'on_signature' },
            { percent: 50, condition: 'after_report' },
          ],
        });
        expect(d.status).toBe(201);
        const g = d.body.grantId as string;
        await api.http().post(`/api/grants/${g}/sign`).set(bearer(fm));
        if (p.pay) {
          await api
            .http()
            .post(`/api/grants/${g}/tranches/1/disburse`)
            .set(bearer(finance))
            .set('idempotency-key', unique('p'))
            .send({});
          if (p.ret > 0) {
            await api
              .http()
              .post(`/api/grants/${g}/returns`)
              .set(bearer(finance))
              .set('idempotency-key', unique('r'))
              .send({ amount: p.ret, note: 'unspent' });
          }
        }
        if (p.cancelRest) {
          await api
            .http()
            .post(`/api/grants/${g}/cancel`)
            .set(bearer(fm))
            .set('idempotency-key', unique('c'))
            .send({ note: 'stop' });
        } else if (p.victims.length) {
          const lines = [...new Map(p.victims.map((v) => [`${v.service}/${v.country}`, v])).values()];
          const r = await api
            .http()
            .post(`/api/grants/${g}/reports`)
            .set(bearer(ngo.token))
            .send({ periodEnd: `${p.year}-06-30`, spent: 0, narrative: 'n', victimsAssisted: lines });
          expect(r.status).toBe(201);
          await api
            .http()
            .post(`/api/grants/${g}/reports/${r.body.id}/${p.accept ? 'accept' : 'return'}`)
            .set(bearer(fm))
            .send({});
        }
      }
    }
  }, 120_000);

  afterAll(async () => {
    await api.close();
  });

  /** The plain recomputation: each amount split evenly over a grant's cells, the first cells taking the remainder. */
  async function expectedGrants(fundId: string, dims: string[]) {
    const grants = await api.db.query(
      `SELECT id, call_id, countries, services, amount - cancelled AS committed, paid, returned FROM grants WHERE fund_id = $1`,
      [fundId],
    );
    const out = new Map<string, { count: number; committed: number; disbursed: number; returned: number }>();
    for (const g of grants) {
      const cs = dims.includes('country') ? g.countries : ['-'];
      const ss = dims.includes('service') ? g.services : ['-'];
      const cells: string[][] = cs.flatMap((c: string) => ss.map((s: string) => [c, s]));
      cells.forEach(([c, s], i) => {
        const key = dims.map((d) => (d === 'country' ? c : d === 'service' ? s : g.call_id)).join('|');
        const part = (total: number) => Math.floor(total / cells.length) + (i < total % cells.length ? 1 : 0);
        const row = out.get(key) ?? { count: 0, committed: 0, disbursed: 0, returned: 0 };
        row.count += 1;
        row.committed += part(Number(g.committed));
        row.disbursed += part(Number(g.paid));
        row.returned += part(Number(g.returned));
        out.set(key, row);
      });
    }
    return out;
  }

  it.each([[['country']], [['service']], [['call']], [['country', 'service']], [[]]])(
    'groups grants by %j exactly as a plain recomputation',
    async (dims) => {
      for (const fundId of funds) {
        const res = await api
          .http()
          .get(`/api/reports/grants?fundId=${fundId}${dims.length ? `&groupBy=${dims.join(',')}` : ''}`)
          .set(bearer(finance));
        expect(res.status).toBe(200);
        const expected = await expectedGrants(fundId, dims);
        const got = new Map(
          res.body.items.map((r: Record<string, string | number>) => [
            dims.map((d) => (d === 'call' ? r.callId : r[d])).join('|'),
            { count: r.count, committed: r.committed, disbursed: r.disbursed, returned: r.returned },
          ]),
        );
        expect(got).toEqual(expected);
        for (const r of res.body.items) expect(r.outstanding).toBe(r.committed - r.disbursed);
      }
    },
  );

  it('exports the grants report as CSV with the same figures', async () => {
    const res = await api
      .http()
      .get(`/api/reports/grants?fundId=${funds[0]}&groupBy=country&format=csv`)
      .set(bearer(finance))
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const { parse } = await import('csv-parse/sync');
    const rows = parse(res.body as Buffer, { columns: true }) as Record<string, string>[];
    const json = await api
      .http()
      .get(`/api/reports/grants?fundId=${funds[0]}&groupBy=country`)
      .set(bearer(finance));
    expect(rows.map((r) => [r.country, Number(r.committed)])).toEqual(
      json.body.items.map((r: { country: string; committed: number }) => [r.country, r.committed]),
    );
  });

  it.each([['year'], ['service'], ['country'], ['year,service,country']])(
    'sums victims assisted from accepted reports by %s, the same for staff and the public',
    async (groupBy) => {
      for (const fundId of funds) {
        const raw = await api.db.query(
          `SELECT extract(year FROM r.period_end)::int AS year, v.service, trim(v.country) AS country, v.count
           FROM grant_report_victims v JOIN grant_reports r ON r.id = v.report_id JOIN grants g ON g.id = r.grant_id
           WHERE g.fund_id = $1 AND r.status = 'accepted'`,
          [fundId],
        );
        const dims = groupBy.split(',');
        const expected = new Map<string, number>();
        for (const r of raw) {
          const key = dims.map((d) => String(r[d])).join('|');
          expected.set(key, (expected.get(key) ?? 0) + r.count);
        }
        const staff = await api
          .http()
          .get(`/api/reports/impact?fundId=${fundId}&groupBy=${groupBy}`)
          .set(bearer(fm));
        const pub = await api.http().get(`/api/public/impact?fundId=${fundId}&groupBy=${groupBy}`);
        expect(staff.status).toBe(200);
        expect(pub.status).toBe(200);
        const got = new Map(
          staff.body.items.map((r: Record<string, string | number>) => [
            dims.map((d) => String(r[d])).join('|'),
            r.victimsAssisted,
          ]),
        );
        expect(got).toEqual(expected);
        // the public sees the same cells, small ones suppressed and the rest rounded (issue 11)
        expect(pub.body.items).toEqual(
          staff.body.items.map((i: { victimsAssisted: number }) => ({
            ...i,
            victimsAssisted: i.victimsAssisted < 5 ? '<5' : Math.round(i.victimsAssisted / 5) * 5,
          })),
        );
        for (const item of pub.body.items) {
          expect(Object.keys(item).sort()).toEqual([...dims, 'victimsAssisted'].sort());
        }
      }
    },
  );

  it('keeps NGOs and reviewers out of the staff reports, and refuses unknown groups', async () => {
    const reviewer = await userWithRoles(api, ['reviewer']);
    expect(
      (await api.http().get(`/api/reports/grants?fundId=${funds[0]}`).set(bearer(reviewer.token))).status,
    ).toBe(403);
    expect(
      (await api.http().get(`/api/reports/impact?fundId=${funds[0]}`).set(bearer(reviewer.token))).status,
    ).toBe(403);
    expect(
      (await api.http().get(`/api/reports/grants?fundId=${funds[0]}&groupBy=donor`).set(bearer(fm))).status,
    ).toBe(400);
    expect((await api.http().get(`/api/public/impact?groupBy=organization`)).status).toBe(400);
  });
});
