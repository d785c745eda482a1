import { Api, staffTokens, startApi } from '../setup/harness';
import { bearer } from '../factories/grant-cycle';
import { approve, fullWorkflowFund, member, postAward } from '../factories/post-award';
import { binary, pdfText } from '../setup/pdf-text';

const today = () => new Date().toISOString().slice(0, 10);
const addMonths = (d: string, n: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCMonth(x.getUTCMonth() + n);
  return x.toISOString().slice(0, 10);
};
const addDays = (d: string, n: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
};

/** Capacity answers (0..4 each) that score 100 (low), 50 (medium) and 38 (high) with the default thresholds. */
const KEYS = [
  'governance',
  'financial_management',
  'internal_control',
  'procurement',
  'human_resources',
  'psea',
  'reporting',
];
const ANSWERS = {
  low: KEYS.map((key) => ({ key, score: 4 })),
  medium: KEYS.map((key) => ({ key, score: 2 })),
  high: KEYS.map((key) => ({
    key,
    score: ['financial_management', 'internal_control', 'reporting'].includes(key) ? 1 : 2,
  })),
};

interface Entry {
  n: number;
  final: boolean;
  dueOn: string;
  state: string;
}
interface Activity {
  kind: string;
  plannedOn: string;
  assignee: string;
  state: string;
}

/** ADR 0017: the partner's risk rating sets the agreement's special conditions, the schedule and the assurance. */
describe("terms after the award follow the partner's risk level", () => {
  let api: Api;
  let admin: string;
  let fm: string;
  let finance: string;
  beforeAll(async () => {
    api = await startApi();
    [admin, fm, finance] = await staffTokens(api);
  });
  afterAll(async () => {
    await api.close();
  });

  /** A full-workflow fund's eligible application whose organization is rated `level` for the fund (or not). */
  async function ratedApplication(level: keyof typeof ANSWERS | null) {
    const { fund, applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: 100_000_000, count: 1, requested: 1_000_000 },
    );
    if (level) {
      const rated = await api
        .http()
        .post(`/api/partners/${organizationIds[0]}/assessments`)
        .set(bearer(fm))
        .send({ fundId: fund.id, answers: ANSWERS[level] });
      expect(rated.status).toBe(201);
      expect(rated.body.level).toBe(level);
    }
    return { fundId: fund.id, applicationId: applicationIds[0], organizationId: organizationIds[0] };
  }

  it("a high-risk partner's agreement prints its special conditions; quarterly reports, a spot check and a visit per tranche are planned", async () => {
    const { applicationId, organizationId } = await ratedApplication('high');
    const g = await approve(api, fm, applicationId, { amount: 1_000_000 });
    const start = today();
    const ngo = await member(api, organizationId);
    let pa = await postAward(api, ngo.token, g);

    // four tranches after reports (issue 17's default), so four quarterly progress reports and the final one
    const quarters = [3, 6, 9, 12].map((m) => addMonths(start, m));
    expect((pa.reportSchedule as Entry[]).map((e) => [e.final, e.dueOn, e.state])).toEqual([
      ...quarters.map((d) => [false, d, 'due']),
      [true, addDays(addMonths(start, 12), 30), 'due'],
    ]);
    // a spot check before the second tranche (before the first report), then a monitoring visit per tranche
    const plan = pa.assurance as Activity[];
    expect(plan.map((a) => [a.kind, a.state])).toEqual([
      ['spot_check', 'planned'],
      ...quarters.map(() => ['monitoring_visit', 'planned']),
    ]);
    expect(plan[0].plannedOn > start && plan[0].plannedOn < quarters[0]).toBe(true);
    expect(plan.slice(1).map((a) => a.plannedOn)).toEqual(quarters);
    expect(plan.every((a) => a.assignee.length > 0)).toBe(true);
    // planned activities are not open items: nothing about them blocks the close-out
    expect((pa.open as { kind: string }[]).map((o) => o.kind)).not.toContain('audit');

    // the grantee accepts in French: the agreement prints the conditions in French with English after each
    const accepted = await api
      .http()
      .post(`/api/grants/${g}/accept`)
      .set(bearer(ngo.token))
      .send({ language: 'fr', signatoryId: ngo.id });
    expect(accepted.status).toBe(200);
    const pdf = await api
      .http()
      .get(`/api/grants/${g}/agreement`)
      .set(bearer(ngo.token))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    const text = pdfText(pdf.body).replace(/\s+/g, ' ');
    expect(text).toContain('Conditions particulières / Special conditions');
    for (const s of [
      'Des rapports narratifs et financiers sont dus tous les 3 mois',
      'Narrative and financial reports are due every 3 months',
      'Une vérification ponctuelle a lieu avant le versement de la deuxième tranche',
      'A spot check takes place before the second tranche is paid.',
      'The fund makes a monitoring visit for each tranche.',
      'Receipts for every purchase above 5% of the award are sent with the financial report.',
    ])
      expect(text).toContain(s);
    pa = await postAward(api, ngo.token, g);
    expect(pa.assurance).toHaveLength(5);
  });

  it.each([
    ['low', [12], ['spot_check'], 'Narrative and financial reports are due every 12 months'],
    [
      'medium',
      [6, 12],
      ['spot_check', 'spot_check'],
      'Narrative and financial reports are due every 6 months',
    ],
  ] as const)(
    'a %s-risk partner reports on its interval and gets its spot checks',
    async (level, months, kinds, condition) => {
      const { applicationId, organizationId } = await ratedApplication(level);
      const g = await approve(api, fm, applicationId, { amount: 1_000_000 });
      const start = today();
      const ngo = await member(api, organizationId);
      const pa = await postAward(api, ngo.token, g);
      expect((pa.reportSchedule as Entry[]).filter((e) => !e.final).map((e) => e.dueOn)).toEqual(
        months.map((m) => addMonths(start, m)),
      );
      const plan = pa.assurance as Activity[];
      expect(plan.map((a) => a.kind)).toEqual(kinds);
      // spread over the period: mid-term for one, a third and two thirds for two
      for (const a of plan) expect(a.plannedOn > start && a.plannedOn < addMonths(start, 12)).toBe(true);
      const accepted = await api
        .http()
        .post(`/api/grants/${g}/accept`)
        .set(bearer(ngo.token))
        .send({ language: 'en', signatoryId: ngo.id });
      expect(accepted.status).toBe(200);
      const pdf = await api
        .http()
        .get(`/api/grants/${g}/agreement`)
        .set(bearer(ngo.token))
        .buffer(true)
        .parse(binary);
      const text = pdfText(pdf.body).replace(/\s+/g, ' ');
      expect(text).toContain(condition);
      expect(text).not.toContain('Receipts for every purchase');
    },
  );

  it('without a rating: one report per tranche, nothing planned, no special conditions', async () => {
    const { applicationId, organizationId } = await ratedApplication(null);
    const g = await approve(api, fm, applicationId, {
      amount: 1_000_000,
      tranches: [
        { percent: 50, condition: 'on_signature' },
        { percent: 50, condition: 'after_report' },
      ],
    });
    const ngo = await member(api, organizationId);
    const pa = await postAward(api, ngo.token, g);
    expect(pa.reportSchedule).toHaveLength(3);
    expect(pa.assurance).toEqual([]);
    await api
      .http()
      .post(`/api/grants/${g}/accept`)
      .set(bearer(ngo.token))
      .send({ language: 'en', signatoryId: ngo.id });
    const pdf = await api
      .http()
      .get(`/api/grants/${g}/agreement`)
      .set(bearer(ngo.token))
      .buffer(true)
      .parse(binary);
    const text = pdfText(pdf.body).replace(/\s+/g, ' ');
    expect(text).not.toContain('Narrative and financial reports are due');
  });
});
