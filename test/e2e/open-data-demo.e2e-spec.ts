import { seedDemo } from '../../apps/api/src/demo/demo-seed';
import { IatiService } from '@app/open-data';
import { Api, adminToken, startApi } from '../setup/harness';
import { bearer } from '../factories/grant-cycle';
import { figuresOf, identifiersOf, transactionsOf, xmllint } from '../setup/iati';

/**
 * Issue 19's "done when" on the demo fund's whole history (2011-2016: two calls, 30 grants in 26
 * countries, tranches, returns): both IATI files validate with xmllint against the official 2.03 schemas,
 * break none of the Standard's own rules, and their transactions add up to the grants report. The demo
 * seed is slow, so this one file seeds (or reuses) it once for every check.
 */
describe('open data on the demo fund', () => {
  let api: Api;
  let token: string;
  let fundId: string;
  let activities: string;
  let organisation: string;

  beforeAll(async () => {
    api = await startApi();
    fundId = (await seedDemo(api.app)).fundId;
    token = await adminToken(api);
    const set = await api
      .http()
      .put(`/api/funds/${fundId}/open-data`)
      .set(bearer(token))
      .send({ iatiOrgRef: 'XM-DAC-41301', sensitivePolicy: 'redact' });
    expect(set.status).toBe(200);
    activities = (await api.http().get(`/api/public/iati/activities.xml?fundId=${fundId}`).buffer(true)).text;
    organisation = (await api.http().get(`/api/public/iati/organisation.xml?fundId=${fundId}`).buffer(true))
      .text;
  }, 300_000);
  afterAll(() => api.close());

  it('the activity file validates against the IATI 2.03 schema, one activity per grant', async () => {
    const lint = xmllint(activities, 'activities');
    expect(lint.output).toMatch(/validates/);
    expect(lint.ok).toBe(true);
    const [{ n }]: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM grants WHERE fund_id = $1`,
      [fundId],
    );
    expect(n).toBe(30);
    expect(identifiersOf(activities)).toHaveLength(30);
  });

  it('the organisation file validates against the IATI 2.03 organisation schema', () => {
    const lint = xmllint(organisation, 'organisation');
    expect(lint.output).toMatch(/validates/);
    expect(lint.ok).toBe(true);
  });

  it("breaks none of the Standard's rules the schema cannot check", async () => {
    expect(await api.app.get(IatiService).problems(fundId)).toEqual([]);
  });

  it("its transactions add up to the grants report's committed, disbursed and returned figures", async () => {
    const report = await api.http().get(`/api/reports/grants?fundId=${fundId}`).set(bearer(token));
    expect(report.status).toBe(200);
    const tx = transactionsOf(activities);
    const sum = (type: string, sign: number) =>
      tx.filter((t) => t.type === type && Math.sign(t.value) === sign).reduce((s, t) => s + t.value, 0);
    expect(sum('2', 1) + sum('2', -1)).toBe(report.body.total.committed);
    expect(sum('3', 1)).toBe(report.body.total.disbursed);
    expect(0 - sum('3', -1)).toBe(report.body.total.returned);
    expect(report.body.total.committed).toBeGreaterThan(0);
    expect(report.body.total.disbursed).toBeGreaterThan(0);
    const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(total(figuresOf(organisation, 'total-budget'))).toBe(report.body.total.committed);
    expect(total(figuresOf(organisation, 'total-expenditure'))).toBe(
      report.body.total.disbursed - report.body.total.returned,
    );
  });
});
