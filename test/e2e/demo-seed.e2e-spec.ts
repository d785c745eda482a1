import { seedDemo } from '../../apps/api/src/demo/demo-seed';
import { Api, adminToken, startApi } from '../setup/harness';
import { balance } from '../factories/money';
import { ownDatabase } from '../setup/own-database';

/**
 * The demo history reproduces the fund's 2016 figures (docs/domain.md) through the API's own reports, and a
 * second run changes nothing. It runs on a database of its own: another file of the same jest worker
 * (open-data-demo) enters the demo too, and the seed must be seen entering it, not finding it.
 */
describe('demo seed', () => {
  let api: Api;
  let token: string;
  let fundId: string;
  let dropDatabase: () => Promise<void>;

  beforeAll(async () => {
    dropDatabase = await ownDatabase('demo');
    api = await startApi();
    const result = await seedDemo(api.app);
    expect(result.created).toBe(true);
    fundId = result.fundId;
    token = await adminToken(api);
  }, 120_000);

  afterAll(async () => {
    await api?.close();
    await dropDatabase?.();
  });

  it('shows USD 2,300,000 received, USD 50,000 available and a USD 500,000 target on 31 March 2016', async () => {
    const b = await balance(api, token, fundId, '2016-03-31');
    expect(b.received).toBe(230_000_000);
    expect(b.available).toBe(5_000_000);
    expect(b.target).toBe(50_000_000);
    expect(b.committed + b.disbursed).toBeGreaterThan(0);
    const now = await balance(api, token, fundId);
    expect(now.available).toBe(5_000_000);
    expect(now.received).toBe(230_000_000);
  });

  it('shows USD 357,701 received in 2015', async () => {
    const end2015 = await balance(api, token, fundId, '2015-12-31');
    const end2014 = await balance(api, token, fundId, '2014-12-31');
    expect(end2015.received - end2014.received).toBe(35_770_100);
  });

  it('has 19 member states and at least 30 private donors, private ones giving 30-35%', async () => {
    const rows: { type: string; donors: number; total: string }[] = await api.db.query(
      `SELECT d.type, count(DISTINCT d.id)::int AS donors, sum(c.usd_amount)::bigint AS total
       FROM contributions c JOIN donors d ON d.id = c.donor_id
       WHERE c.fund_id = $1 AND c.status = 'received' GROUP BY d.type`,
      [fundId],
    );
    const by = Object.fromEntries(rows.map((r) => [r.type, { donors: r.donors, total: Number(r.total) }]));
    expect(by.member_state.donors).toBe(19);
    expect(by.private.donors).toBeGreaterThanOrEqual(30);
    const share = by.private.total / (by.private.total + by.member_state.total);
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.35);
  });

  it('has 30 grants in 26 countries committing USD 1,750,000, from calls in 2011 and 2014', async () => {
    const [g]: { grants: number; countries: number; committed: string }[] = await api.db.query(
      `SELECT count(*)::int AS grants, count(DISTINCT c)::int AS countries, sum(amount)::bigint AS committed
       FROM grants LEFT JOIN LATERAL unnest(countries) AS c ON true WHERE fund_id = $1`,
      [fundId],
    );
    expect(g).toEqual({ grants: 30, countries: 26, committed: '175000000' });
    const calls = await api.http().get(`/api/calls?fundId=${fundId}`).set('authorization', `Bearer ${token}`);
    expect(calls.status).toBe(200);
    expect(calls.body.items.map((c: { deadline: string }) => c.deadline.slice(0, 4)).sort()).toEqual([
      '2011',
      '2014',
    ]);
    const reviews: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM review_assignments r JOIN applications a ON a.id = r.application_id
       WHERE a.fund_id = $1 AND r.status = 'submitted'`,
      [fundId],
    );
    expect(reviews[0].n).toBeGreaterThan(60);
  });

  it('reports about 2,000 victims assisted a year across the six services', async () => {
    const rows: { year: number; victims: number; services: number }[] = await api.db.query(
      `SELECT year, sum(count)::int AS victims, count(DISTINCT service)::int AS services
       FROM victims_assisted WHERE fund_id = $1 GROUP BY year ORDER BY year`,
      [fundId],
    );
    expect(rows.map((r) => r.year)).toEqual([2012, 2013, 2014, 2015]);
    for (const r of rows) {
      expect(r.victims).toBeGreaterThanOrEqual(1800);
      expect(r.victims).toBeLessThanOrEqual(2200);
    }
    const services: { n: number }[] = await api.db.query(
      `SELECT count(DISTINCT service)::int AS n FROM victims_assisted WHERE fund_id = $1`,
      [fundId],
    );
    expect(services[0].n).toBe(6);
  });

  it('changes nothing when run a second time', async () => {
    const count = async () =>
      (
        await api.db.query(
          `SELECT (SELECT count(*) FROM funds)::int AS funds, (SELECT count(*) FROM donors)::int AS donors,
             (SELECT count(*) FROM contributions)::int AS contributions, (SELECT count(*) FROM users)::int AS users,
             (SELECT count(*) FROM grants)::int AS grants, (SELECT count(*) FROM ledger_entries)::int AS entries`,
        )
      )[0];
    const before = await count();
    const again = await seedDemo(api.app);
    expect(again).toMatchObject({ created: false, fundId });
    expect(await count()).toEqual(before);
    const b = await balance(api, token, fundId, '2016-03-31');
    expect(b.received).toBe(230_000_000);
  });
});
