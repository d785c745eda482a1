import { createHash } from 'node:crypto';
import { Api, staffTokens, startApi, unique } from '../setup/harness';
import { bearer } from '../factories/grant-cycle';
import { balance, ledgerInvariants } from '../factories/money';
import { approve, fullWorkflowFund, key, member, postAward } from '../factories/post-award';
import { binary, pdfText } from '../setup/pdf-text';

const today = () => new Date().toISOString().slice(0, 10);
const addDays = (d: string, n: number) => {
  const x = new Date(`${d}T00:00:00Z`);
  x.setUTCDate(x.getUTCDate() + n);
  return x.toISOString().slice(0, 10);
};

describe('after the award: acceptance, agreement, amendments, assurance and the close-out gate', () => {
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

  const post = (path: string, token: string, body: object = {}, headers: Record<string, string> = {}) =>
    api.http().post(path).set(bearer(token)).set(headers).send(body);

  it('runs a grant from approval to a close-out that waits for the refund, the ledger balanced', async () => {
    const AVAILABLE = 100_000_000;
    const { fund, applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: AVAILABLE, count: 1, requested: 1_000_000, lines: [600_000, 400_000] },
    );
    const ngo = await member(api, organizationIds[0]);
    const colleague = await member(api, organizationIds[0]);
    const g = await approve(api, fm, applicationIds[0], {
      amount: 1_000_000,
      tranches: [
        { percent: 50, condition: 'on_signature' },
        { percent: 50, condition: 'after_report' },
      ],
    });
    let pa = await postAward(api, ngo.token, g);
    expect(pa).toMatchObject({
      workflow: 'full',
      offer: { state: 'offered' },
      amount: 1_000_000,
      psc: 70_000,
    });
    expect(pa.budget.map((l: { budget: number }) => l.budget)).toEqual([600_000, 400_000]);
    expect(pa.reportSchedule).toHaveLength(3);
    const finalDue = pa.reportSchedule[2].dueOn as string;
    expect(pa.reportSchedule[2].final).toBe(true);

    // another organization's member sees nothing; the fund manager cannot sign before the grantee accepts
    const stranger = await member(
      api,
      (
        await api.db.query(
          `INSERT INTO organizations (name, country, registration_number, verified_at) VALUES ($1, 'KE', 'R-1', now()) RETURNING id`,
          [unique('O')],
        )
      )[0].id,
    );
    expect((await api.http().get(`/api/grants/${g}/post-award`).set(bearer(stranger.token))).status).toBe(
      404,
    );
    expect(
      (await post(`/api/grants/${g}/accept`, stranger.token, { language: 'fr', signatoryId: stranger.id }))
        .status,
    ).toBe(404);
    const early = await post(`/api/grants/${g}/sign`, fm);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('GRANTS.SIGNATURE_MISSING');

    // bad input changes nothing
    const badSignatory = await post(`/api/grants/${g}/accept`, ngo.token, {
      language: 'fr',
      signatoryId: stranger.id,
    });
    expect(badSignatory.status).toBe(422);
    expect(badSignatory.headers['content-type']).toContain('application/problem+json');
    expect(
      (await post(`/api/grants/${g}/accept`, ngo.token, { language: 'xx', signatoryId: ngo.id })).status,
    ).toBe(400);
    expect((await postAward(api, ngo.token, g)).offer.state).toBe('offered');

    // the grantee accepts in French; the agreement is generated with its hash
    const accepted = await post(`/api/grants/${g}/accept`, ngo.token, {
      language: 'fr',
      signatoryId: ngo.id,
    });
    expect(accepted.status).toBe(200);
    expect(accepted.body.offer).toMatchObject({ state: 'accepted', language: 'fr', signatoryId: ngo.id });
    const v1 = accepted.body.agreement.current;
    expect(v1.version).toBe(1);
    const pdf = await api
      .http()
      .get(`/api/grants/${g}/agreement`)
      .set(bearer(ngo.token))
      .buffer(true)
      .parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(createHash('sha256').update(pdf.body).digest('hex')).toBe(v1.sha256);
    const text = pdfText(pdf.body);
    // amounts in the French form (a narrow no-break space groups the thousands), English under the French
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('10 000,00 USD');
    expect(flat).toContain('10,000.00 USD');
    expect(text).toContain('Accord de subvention / Grant agreement');
    expect(text).toContain(finalDue);
    expect(flat).toContain('700,00 USD');

    // signatures: the named signatory only, of the version read; then the countersignature
    expect(
      (await post(`/api/grants/${g}/agreement/sign`, colleague.token, { version: 1, sha256: v1.sha256 }))
        .status,
    ).toBe(403);
    const stale = await post(`/api/grants/${g}/agreement/sign`, ngo.token, {
      version: 1,
      sha256: 'a'.repeat(64),
    });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('GRANTS.AGREEMENT_CHANGED');
    expect(
      (await post(`/api/grants/${g}/agreement/sign`, ngo.token, { version: 1, sha256: v1.sha256 })).status,
    ).toBe(200);
    const signed = await post(`/api/grants/${g}/sign`, fm);
    expect(signed.status).toBe(200);
    expect(signed.body.tranches[0].state).toBe('due');
    pa = await postAward(api, fm, g);
    expect(pa.agreement.signatures).toHaveLength(2);
    for (const s of pa.agreement.signatures) {
      expect(s.sha256).toBe(v1.sha256);
      expect(s.address).toBeTruthy();
      expect(s.signedAt).toBeTruthy();
    }
    expect(
      pa.agreement.signatures.map((s: { party: string; userId: string }) => [s.party, s.userId]),
    ).toEqual([
      ['ngo', ngo.id],
      ['fund_manager', expect.any(String)],
    ]);
    expect((await post(`/api/grants/${g}/sign`, fm)).status).toBe(409);

    // a no-cost extension moves the final report's due date (and needs new signatures)
    const end = pa.endDate as string;
    const nce = await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'no_cost_extension',
      reason: 'rains',
      endDate: addDays(end, 90),
    });
    expect(nce.status).toBe(201);
    const nceId = nce.body.amendments[0].id;
    expect((await post(`/api/grants/${g}/amendments/${nceId}/approve`, fm, {}, key())).status).toBe(201);
    pa = await postAward(api, fm, g);
    expect(pa.endDate).toBe(addDays(end, 90));
    expect(pa.reportSchedule[2].dueOn).toBe(addDays(finalDue, 90));
    expect(pa.agreement.current.version).toBe(2);
    expect(pa.agreement).toMatchObject({ signedByGrantee: false, countersigned: false });

    // a 25% move waits for approval; a 10% move is recorded at once
    const big = await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'budget_revision',
      reason: 'more legal aid',
      moves: [{ from: 2, to: 1, amount: 100_000 }],
    });
    expect(big.status).toBe(201);
    expect(big.body.amendments[1].state).toBe('requested');
    expect(big.body.budget.map((l: { budget: number }) => l.budget)).toEqual([600_000, 400_000]);
    const small = await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'budget_revision',
      reason: 'shelter repairs',
      moves: [{ from: 1, to: 2, amount: 60_000 }],
    });
    expect(small.status).toBe(201);
    expect(small.body.amendments[2].state).toBe('recorded');
    expect(small.body.budget.map((l: { budget: number }) => l.budget)).toEqual([540_000, 460_000]);
    const tooMuch = await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'budget_revision',
      reason: 'x',
      moves: [{ from: 1, to: 9, amount: 1 }],
    });
    expect(tooMuch.status).toBe(422);
    expect(
      (await post(`/api/grants/${g}/amendments/${big.body.amendments[1].id}/approve`, fm, {}, key())).status,
    ).toBe(201);
    expect((await postAward(api, fm, g)).budget.map((l: { budget: number }) => l.budget)).toEqual([
      640_000, 360_000,
    ]);

    // a cost extension beyond 30% is refused; within it, its money and PSC are committed
    const before = await balance(api, finance, fund.id);
    const over = await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'cost_extension',
      reason: 'more survivors',
      amount: 300_001,
    });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('GRANTS.EXTENSION_CAP');
    const ext = await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'cost_extension',
      reason: 'more survivors',
      amount: 200_000,
    });
    expect(ext.status).toBe(201);
    const extId = ext.body.amendments[ext.body.amendments.length - 1].id;
    const approved = await post(`/api/grants/${g}/amendments/${extId}/approve`, fm, {}, key());
    expect(approved.status).toBe(201);
    expect(approved.body).toMatchObject({ amount: 1_200_000, originalAmount: 1_000_000, psc: 84_000 });
    expect((await balance(api, finance, fund.id)).available).toBe(before.available - 200_000 - 14_000);

    // tranche 1 is paid; a spot check finds ineligible costs: a refund is owed
    const pay = (n: number) => post(`/api/grants/${g}/tranches/${n}/disburse`, finance, {}, key());
    expect((await pay(1)).status).toBe(201);
    const planned = await post(`/api/grants/${g}/assurance`, fm, {
      kind: 'spot_check',
      plannedOn: today(),
      assignee: 'Field office',
    });
    expect(planned.status).toBe(201);
    const activityId = planned.body.assurance[0].id;
    const done = await post(`/api/grants/${g}/assurance/${activityId}/complete`, fm, {
      findings: [
        {
          severity: 'high',
          text: 'Receipts for a vehicle outside the budget',
          ineligibleAmount: 50_000,
          actionPoints: [
            { text: 'Reconcile the cash book', owner: 'Grantee finance', dueOn: addDays(today(), 30) },
          ],
        },
      ],
    });
    expect(done.status).toBe(200);
    expect(done.body.refunds).toMatchObject([{ amount: 50_000, state: 'owed' }]);

    // progress report, tranche 2; the amended agreement signed anew makes the extension's tranche due
    const report = (final: boolean) =>
      post(`/api/grants/${g}/reports`, ngo.token, {
        periodEnd: today(),
        spent: 500_000,
        narrative: final ? 'final' : 'progress',
        final,
        victimsAssisted: [{ service: 'shelter', country: 'NG', count: 12 }],
        lines: [
          { n: 1, spent: 300_000 },
          { n: 2, spent: 200_000 },
        ],
      });
    const progress = await report(false);
    expect(progress.status).toBe(201);
    expect((await post(`/api/grants/${g}/reports/${progress.body.id}/accept`, fm)).status).toBe(200);
    expect((await pay(2)).status).toBe(201);
    const current = (await postAward(api, ngo.token, g)).agreement.current;
    expect(current.version).toBe(5);
    expect(
      (await post(`/api/grants/${g}/agreement/sign`, ngo.token, { version: 5, sha256: current.sha256 }))
        .status,
    ).toBe(200);
    expect((await post(`/api/grants/${g}/sign`, fm)).status).toBe(200);
    expect((await pay(3)).status).toBe(201);
    const final = await report(true);
    expect(final.status).toBe(201);
    pa = await postAward(api, fm, g);
    expect(pa.budget).toEqual([
      expect.objectContaining({ n: 1, budget: 840_000, spent: 600_000, variance: 240_000 }),
      expect.objectContaining({ n: 2, budget: 360_000, spent: 400_000, variance: -40_000 }),
    ]);
    expect((await post(`/api/grants/${g}/reports/${final.body.id}/accept`, fm)).status).toBe(200);
    expect((await postAward(api, fm, g)).status).toBe('active');

    // the gate names what is open
    let closing = await post(`/api/grants/${g}/close`, fm);
    expect(closing.status).toBe(409);
    expect(closing.headers['content-type']).toContain('application/problem+json');
    expect(closing.body.code).toBe('GRANTS.CLOSE_OUT_BLOCKED');
    expect(closing.body.errors.map((e: { field: string }) => e.field)).toEqual(['refund', 'action_point']);
    const point = (await postAward(api, fm, g)).actionPoints[0].id;
    expect((await post(`/api/grants/${g}/action-points/${point}/close`, fm)).status).toBe(200);
    closing = await post(`/api/grants/${g}/close`, fm);
    expect(closing.status).toBe(409);
    expect(closing.body.errors).toEqual([{ field: 'refund', messages: [expect.stringContaining('50000')] }]);

    // the refund received is a return, its PSC released; then the grant closes
    const refundId = (await postAward(api, fm, g)).refunds[0].id;
    const k = key();
    const received = await post(`/api/grants/${g}/refunds/${refundId}/receive`, finance, {}, k);
    expect(received.status).toBe(201);
    const again = await post(`/api/grants/${g}/refunds/${refundId}/receive`, finance, {}, k);
    expect(again.body).toEqual(received.body);
    closing = await post(`/api/grants/${g}/close`, fm);
    expect(closing.status).toBe(200);
    expect(closing.body.status).toBe('closed');
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM grant_returns WHERE grant_id = $1`, [
      g,
    ]);
    expect(n).toBe(1);

    const inv = await ledgerInvariants(api, fund.id);
    expect(inv).toMatchObject({ unbalanced: 0, drift: 0 });
    expect(inv.available).toBe(inv.derivedAvailable);
    const after = await balance(api, finance, fund.id);
    expect(after.available).toBe(AVAILABLE - 1_200_000 - 84_000 + 50_000 + 3_500);
    expect(after.outstanding ?? 0).toBe(0);
  });

  it('a declined award, and a withdrawn one, return their amount plus PSC to available', async () => {
    const AVAILABLE = 10_000_000;
    const { fund, applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: AVAILABLE, count: 2, requested: 1_000_000 },
    );
    const [a, b] = [
      await approve(api, fm, applicationIds[0], { amount: 900_000 }),
      await approve(api, fm, applicationIds[1]),
    ];
    expect((await balance(api, finance, fund.id)).available).toBe(AVAILABLE - 900_000 - 63_000 - 1_070_000);
    const ngo = await member(api, organizationIds[0]);
    expect((await post(`/api/grants/${a}/decline`, ngo.token, { reason: '' }, key())).status).toBe(400);
    const declined = await post(
      `/api/grants/${a}/decline`,
      ngo.token,
      { reason: 'No longer able to run it' },
      key(),
    );
    expect(declined.status).toBe(201);
    expect(declined.body).toMatchObject({ status: 'cancelled', offer: { state: 'declined' } });
    expect((await balance(api, finance, fund.id)).available).toBe(AVAILABLE - 1_070_000);
    const twice = await post(`/api/grants/${a}/decline`, ngo.token, { reason: 'again' }, key());
    expect(twice.status).toBe(409);
    // the other organization's grant is not this NGO's to decline
    expect((await post(`/api/grants/${b}/decline`, ngo.token, { reason: 'x' }, key())).status).toBe(404);
    const withdrawn = await post(
      `/api/grants/${b}/withdraw`,
      fm,
      { reason: 'Partner under investigation' },
      key(),
    );
    expect(withdrawn.status).toBe(201);
    expect(withdrawn.body.offer.state).toBe('withdrawn');
    expect((await balance(api, finance, fund.id)).available).toBe(AVAILABLE);
    const audit = await api.db.query(
      `SELECT action FROM audit_log WHERE entity_id = ANY($1::text[]) AND action LIKE 'grant.offer-%' ORDER BY action`,
      [[a, b]],
    );
    expect(audit.map((r: { action: string }) => r.action)).toEqual([
      'grant.offer-declined',
      'grant.offer-withdrawn',
    ]);
    const inv = await ledgerInvariants(api, fund.id);
    expect(inv).toMatchObject({ unbalanced: 0, drift: 0 });
  });

  it('keeps the contract: a fund created through POST /api/funds signs with one click as before', async () => {
    const { fund, applicationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: 5_000_000, count: 1, requested: 1_000_000 },
    );
    await api.http().put(`/api/funds/${fund.id}/post-award-settings`).set(bearer(fm)).send({
      workflow: 'simple',
      acceptanceDays: 30,
    });
    const g = await approve(api, fm, applicationIds[0]);
    const signed = await post(`/api/grants/${g}/sign`, fm);
    expect(signed.status).toBe(200);
    expect(signed.body.tranches[0].state).toBe('due');
    const pa = await postAward(api, fm, g);
    expect(pa).toMatchObject({ workflow: 'simple', offer: { state: null } });
    const settings = await api.http().get(`/api/funds/${fund.id}/post-award-settings`).set(bearer(finance));
    expect(settings.body).toEqual({ fundId: fund.id, workflow: 'simple', acceptanceDays: 30 });
    const bad = await api.http().put(`/api/funds/${fund.id}/post-award-settings`).set(bearer(fm)).send({
      workflow: 'full',
      acceptanceDays: 0,
    });
    expect(bad.status).toBe(400);
    const [{ organization_id: org }] = await api.db.query(
      `SELECT organization_id FROM grants WHERE id = $1`,
      [g],
    );
    const ngo = await member(api, org);
    const noOffer = await post(`/api/grants/${g}/accept`, ngo.token, { language: 'en', signatoryId: ngo.id });
    expect(noOffer.status).toBe(409);
    expect(noOffer.body.code).toBe('GRANTS.OFFER_STATE');
  });
});
