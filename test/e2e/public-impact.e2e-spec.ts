import { Api, startApi, userWithRoles } from '../setup/harness';
import { contribute, createDonor, createFund } from '../factories/money';
import { bearer } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';

type Line = { service: string; country: string; count: number };
/** Two grants, two years: small cells (1 to 4) beside larger ones, so exact margins would give them away. */
const REPORTS: { grant: number; year: number; lines: Line[] }[] = [
  {
    grant: 0,
    year: 2014,
    lines: [
      { service: 'shelter', country: 'NG', count: 3 },
      { service: 'legal_aid', country: 'NG', count: 12 },
      { service: 'shelter', country: 'KE', count: 8 },
    ],
  },
  {
    grant: 1,
    year: 2014,
    lines: [
      { service: 'legal_aid', country: 'KE', count: 2 },
      { service: 'shelter', country: 'PH', count: 21 },
    ],
  },
  {
    grant: 0,
    year: 2015,
    lines: [
      { service: 'shelter', country: 'NG', count: 6 },
      { service: 'health_care', country: 'KE', count: 1 },
    ],
  },
  {
    grant: 1,
    year: 2015,
    lines: [
      { service: 'legal_aid', country: 'NG', count: 4 },
      { service: 'shelter', country: 'KE', count: 33 },
    ],
  },
];
const GROUPINGS: string[][] = [
  [],
  ['year'],
  ['service'],
  ['country'],
  ['year', 'service'],
  ['year', 'country'],
  ['service', 'country'],
  ['year', 'service', 'country'],
];

type Published = number | '<5';
/** The exact values a published figure can stand for. */
const range = (p: Published): [number, number] => (p === '<5' ? [0, 4] : [p - 2, p + 2]);

describe('public impact figures: small-cell suppression', () => {
  let api: Api;
  let fundId: string;
  let fm: string;
  const pub = async (groupBy: string[]) => {
    const res = await api.http().get(`/api/public/impact?fundId=${fundId}&groupBy=${groupBy.join(',')}`);
    expect(res.status).toBe(200);
    return res.body as { items: Record<string, unknown>[]; total: Published };
  };

  beforeAll(async () => {
    api = await startApi();
    const [admin, manager, finance] = await Promise.all([
      userWithRoles(api, ['admin']),
      userWithRoles(api, ['fund_manager']),
      userWithRoles(api, ['finance']),
    ]);
    fm = manager.token;
    fundId = (await createFund(api, admin.token)).id;
    const donor = await createDonor(api, finance.token);
    await contribute(api, finance.token, { donorId: donor.id, fundId, amount: 10_000_000 });
    const { applicationIds, organizationIds } = await closedCallWithEligible(api, fm, fundId, 2, 1_000_000);
    const grants: { id: string; ngo: string }[] = [];
    for (const [i, applicationId] of applicationIds.entries()) {
      const d = await decide(api, fm, applicationId, { decision: 'approve' });
      expect(d.status).toBe(201);
      expect((await api.http().post(`/api/grants/${d.body.grantId}/sign`).set(bearer(fm))).status).toBe(200);
      const ngo = await userWithRoles(api, ['ngo'], { organizationId: organizationIds[i] });
      grants.push({ id: d.body.grantId, ngo: ngo.token });
    }
    for (const r of REPORTS) {
      const g = grants[r.grant];
      const created = await api
        .http()
        .post(`/api/grants/${g.id}/reports`)
        .set(bearer(g.ngo))
        .send({ periodEnd: `${r.year}-06-30`, spent: 0, narrative: 'n', victimsAssisted: r.lines });
      expect(created.status).toBe(201);
      const accepted = await api
        .http()
        .post(`/api/grants/${g.id}/reports/${created.body.id}/accept`)
        .set(bearer(fm))
        .send({});
      expect(accepted.status).toBe(200);
    }
  }, 120_000);
  afterAll(() => api.close());

  it('issue 11 also: public impact shows cells under 5 as "<5", rounds the rest; staff keep exact figures', async () => {
    for (const dims of GROUPINGS) {
      const staff = await api
        .http()
        .get(`/api/reports/impact?fundId=${fundId}&groupBy=${dims.join(',')}`)
        .set(bearer(fm));
      expect(staff.status).toBe(200);
      const open = await pub(dims);
      expect(open.items.map((i) => dims.map((d) => i[d]))).toEqual(
        staff.body.items.map((i: Record<string, unknown>) => dims.map((d) => i[d])),
      );
      const exact = [
        ...staff.body.items.map((i: { victimsAssisted: number }) => i.victimsAssisted),
        staff.body.total,
      ];
      const shown = [...open.items.map((i) => i.victimsAssisted as Published), open.total];
      exact.forEach((e: number, n: number) => {
        const p = shown[n];
        if (e < 5) expect(p).toBe('<5');
        else {
          expect(typeof p).toBe('number');
          expect((p as number) % 5).toBe(0);
          expect(Math.abs((p as number) - e)).toBeLessThanOrEqual(2);
        }
      });
    }
    const small = await pub(['year', 'service', 'country']);
    expect(small.items.filter((i) => i.victimsAssisted === '<5')).toHaveLength(4);
  });

  it('issue 11 also: public impact totals and coarser groupings cannot be used to recover a suppressed cell', async () => {
    const tables = new Map<string, { items: Record<string, unknown>[]; total: Published }>();
    for (const dims of GROUPINGS) tables.set(dims.join(','), await pub(dims));
    let checked = 0;
    for (const fine of GROUPINGS) {
      for (const coarse of GROUPINGS) {
        if (coarse.length >= fine.length || !coarse.every((d) => fine.includes(d))) continue;
        const fineTable = tables.get(fine.join(','))!;
        const coarseTable = tables.get(coarse.join(','))!;
        const margins = coarse.length
          ? coarseTable.items
          : [{ victimsAssisted: coarseTable.total } as Record<string, unknown>];
        for (const margin of margins) {
          const children = fineTable.items.filter((i) => coarse.every((d) => i[d] === margin[d]));
          for (const hidden of children.filter((c) => c.victimsAssisted === '<5')) {
            // every value of the hidden cell that the published margin and its siblings still allow
            const others = children
              .filter((c) => c !== hidden)
              .map((c) => range(c.victimsAssisted as Published));
            const [lo, hi] = others.reduce(([a, b], [x, y]) => [a + x, b + y], [0, 0]);
            const [mlo, mhi] = range(margin.victimsAssisted as Published);
            const candidates = [1, 2, 3, 4].filter((v) => v + lo <= mhi && v + hi >= mlo);
            expect({ fine, coarse, margin, candidates: candidates.length >= 2 }).toEqual({
              fine,
              coarse,
              margin,
              candidates: true,
            });
            checked += 1;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('issue 11 also: the OpenAPI document types a public count as an integer or "<5"', async () => {
    const doc = (await api.http().get('/api/docs-json')).body;
    const op = doc.paths['/api/public/impact'].get;
    const ref = op.responses['200'].content['application/json'].schema.$ref as string;
    const report = doc.components.schemas[ref.split('/').pop()!];
    const row = doc.components.schemas[(report.properties.items.items.$ref as string).split('/').pop()!];
    expect(row.properties.victimsAssisted.oneOf).toEqual([
      { type: 'integer', minimum: 5, multipleOf: 5 },
      { type: 'string', enum: ['<5'] },
    ]);
    expect(report.properties.total.oneOf).toHaveLength(2);
  });
});
