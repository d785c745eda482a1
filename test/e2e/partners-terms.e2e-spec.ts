import { INestApplicationContext } from '@nestjs/common';
import { OutboxRelay } from '@app/core';
import { bearer, callIn, createFund, submittedApplication, verifiedNgo } from '../factories/grant-cycle';
import { decide } from '../factories/grants';
import { completeProfile, fillProfile, uploadDocument } from '../factories/partners';
import { Api, registerNgo, startApi, startWorker, unique, userWithRoles, waitFor } from '../setup/harness';

/** Issue 17: what due diligence does to submissions, awards and payments. */
describe('due diligence at submission, decision and payment', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let fm: string;
  let finance: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    fm = (await userWithRoles(api, ['fund_manager'])).token;
    finance = (await userWithRoles(api, ['finance'])).token;
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** A verified NGO with a complete profile and an eligible application in a closed call. */
  async function eligibleApplication(opts: { fundId?: string } = {}) {
    const fundId = opts.fundId ?? (await createFund(api, { available: 10_000_000 }));
    const callId = await callIn(api, fm, fundId, 'open');
    const ngo = await verifiedNgo(api);
    const name = unique('Juniper Aid');
    await fillProfile(api, ngo.organizationId, ngo.token, completeProfile(name));
    const applicationId = await submittedApplication(api, callId, ngo.token);
    expect((await api.http().post(`/api/calls/${callId}/close`).set(bearer(fm))).status).toBe(200);
    const e = await api
      .http()
      .post(`/api/applications/${applicationId}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: true, reason: 'ok' });
    expect(e.status).toBe(200);
    return { fundId, callId, ngo, name, applicationId };
  }

  const HIGH_RISK_ANSWERS = [
    { key: 'governance', score: 2 },
    { key: 'financial_management', score: 1 },
    { key: 'internal_control', score: 1 },
    { key: 'procurement', score: 2 },
    { key: 'human_resources', score: 2 },
    { key: 'psea', score: 2 },
    { key: 'reporting', score: 1 },
  ];

  it('a changed IBAN suspends the next disbursement (409) until a fund manager approves it', async () => {
    const { ngo, name, applicationId } = await eligibleApplication();
    const approved = await decide(api, fm, applicationId, {
      decision: 'approve',
      tranches: [
        { percent: 50, condition: 'on_signature' },
        { percent: 50, condition: 'on_signature' },
      ],
    });
    expect(approved.status).toBe(201);
    const grantId = approved.body.grantId as string;
    expect((await api.http().post(`/api/grants/${grantId}/sign`).set(bearer(fm))).status).toBe(200);
    const disburse = (n: number) =>
      api
        .http()
        .post(`/api/grants/${grantId}/tranches/${n}/disburse`)
        .set(bearer(finance))
        .set('idempotency-key', unique('pay'))
        .send({});
    expect((await disburse(1)).status).toBe(201);

    const changed = await api
      .http()
      .patch(`/api/partners/${ngo.organizationId}/profile`)
      .set(bearer(ngo.token))
      .send({
        bank: {
          holder: name,
          bankName: 'Other Bank',
          bic: 'COBADEFFXXX',
          iban: 'DE44500105175407324931',
          country: 'DE',
        },
      });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ paymentsSuspended: true, bank: { iban: 'DE89370400440532013000' } });
    expect(changed.body.pendingBank.iban).toBe('DE44500105175407324931');

    const suspended = await disburse(2);
    expect(suspended.status).toBe(409);
    expect(suspended.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(suspended.body).toMatchObject({
      code: 'PARTNERS.BANK_CHANGE_PENDING',
      type: expect.stringMatching(/bank-change-pending$/),
      detail: expect.stringMatching(/bank details changed/),
    });
    const tranches: { state: string }[] = await api.db.query(
      `SELECT state FROM grant_tranches WHERE grant_id = $1 ORDER BY n`,
      [grantId],
    );
    expect(tranches.map((t) => t.state)).toEqual(['paid', 'due']);

    // the NGO's members and the fund managers are told
    await worker.get(OutboxRelay).drain();
    const inbox = await waitFor(
      async () =>
        (await api.http().get('/api/me/notifications').set(bearer(ngo.token))).body as { kind: string }[],
      (items) => items.some((n) => n.kind === 'partner_bank_change'),
    );
    expect(inbox.some((n) => n.kind === 'partner_bank_change')).toBe(true);
    const fmInbox = (await api.http().get('/api/me/notifications').set(bearer(fm))).body as {
      kind: string;
    }[];
    expect(fmInbox.some((n) => n.kind === 'partner_bank_change')).toBe(true);

    // only staff decide, with a reason; then payments resume to the new account
    expect(
      (
        await api
          .http()
          .post(`/api/partners/${ngo.organizationId}/bank-change/approve`)
          .set(bearer(ngo.token))
          .send({ reason: 'self' })
      ).status,
    ).toBe(403);
    const ok = await api
      .http()
      .post(`/api/partners/${ngo.organizationId}/bank-change/approve`)
      .set(bearer(fm))
      .send({ reason: 'Bank letter checked by phone with the bank' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      paymentsSuspended: false,
      pendingBank: null,
      bank: { iban: 'DE44500105175407324931' },
    });
    expect((await disburse(2)).status).toBe(201);
    const audit: { action: string }[] = await api.db.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'partner.bank%' ORDER BY id`,
      [ngo.organizationId],
    );
    expect(audit.map((a) => a.action).sort()).toEqual([
      'partner.bank-change-approved',
      'partner.bank-change-requested',
    ]);
  });

  it('a bank change racing disbursements: each payment is made before it or refused (409), never a 500', async () => {
    const { ngo, name, applicationId } = await eligibleApplication();
    const approved = await decide(api, fm, applicationId, {
      decision: 'approve',
      tranches: [
        { percent: 34, condition: 'on_signature' },
        { percent: 33, condition: 'on_signature' },
        { percent: 33, condition: 'on_signature' },
      ],
    });
    expect(approved.status).toBe(201);
    const grantId = approved.body.grantId as string;
    expect((await api.http().post(`/api/grants/${grantId}/sign`).set(bearer(fm))).status).toBe(200);
    const disburse = (n: number) =>
      api
        .http()
        .post(`/api/grants/${grantId}/tranches/${n}/disburse`)
        .set(bearer(finance))
        .set('idempotency-key', unique('pay'))
        .send({});
    const change = api
      .http()
      .patch(`/api/partners/${ngo.organizationId}/profile`)
      .set(bearer(ngo.token))
      .send({
        bank: {
          holder: name,
          bankName: 'Race Bank',
          bic: 'COBADEFFXXX',
          iban: 'DE44500105175407324931',
          country: 'DE',
        },
      });
    const [changed, ...payments] = await Promise.all([change, disburse(1), disburse(2), disburse(3)]);
    expect(changed.status).toBe(200);
    for (const p of payments) {
      expect([201, 409]).toContain(p.status);
      if (p.status === 409) expect(p.body.code).toBe('PARTNERS.BANK_CHANGE_PENDING');
    }
    const paid = payments.filter((p) => p.status === 201).length;
    const rows: { state: string }[] = await api.db.query(
      `SELECT state FROM grant_tranches WHERE grant_id = $1 AND state = 'paid'`,
      [grantId],
    );
    expect(rows).toHaveLength(paid);
    // whatever the order, once the change is recorded nothing more is paid until it is approved
    for (const n of [1, 2, 3]) {
      const again = await disburse(n);
      expect([409]).toContain(again.status);
    }
  });

  it("a high-risk NGO's approval gets four tranches of 25% after reports by default; other terms need a reason", async () => {
    const { ngo, fundId, applicationId } = await eligibleApplication();
    const settings = await api.http().put(`/api/partners/fund-settings/${fundId}`).set(bearer(fm)).send({
      dueDiligenceRequired: false,
      verificationYears: 5,
      lowMin: 75,
      mediumMin: 50,
      highMin: 30,
      maxAwardHigh: 1_000_000,
      reportMonthsLow: 12,
      reportMonthsMedium: 6,
      reportMonthsHigh: 3,
    });
    expect(settings.status).toBe(200);
    const assessed = await api
      .http()
      .post(`/api/partners/${ngo.organizationId}/assessments`)
      .set(bearer(fm))
      .send({ fundId, answers: HIGH_RISK_ANSWERS, note: 'weak controls' });
    expect(assessed.status).toBe(201);
    expect(assessed.body).toMatchObject({ score: 38, level: 'high' });

    // above the high-risk maximum without a reason: refused, nothing written
    const over = await decide(api, fm, applicationId, { decision: 'approve', amount: 1_200_000 });
    expect(over.status).toBe(422);
    expect(over.body.code).toBe('GRANTS.OVERRIDE_REASON_REQUIRED');
    const otherSchedule = await decide(api, fm, applicationId, {
      decision: 'approve',
      amount: 1_000_000,
      tranches: [{ percent: 100, condition: 'on_signature' }],
    });
    expect(otherSchedule.status).toBe(422);
    expect(
      await api.db.query(`SELECT id FROM grants WHERE application_id = $1`, [applicationId]),
    ).toHaveLength(0);

    const approved = await decide(api, fm, applicationId, { decision: 'approve', amount: 1_000_000 });
    expect(approved.status).toBe(201);
    const grant = await api.http().get(`/api/grants/${approved.body.grantId}`).set(bearer(fm));
    expect(
      (grant.body.tranches as { percent: number; condition: string; amount: number }[]).map((t) => [
        t.percent,
        t.condition,
        t.amount,
      ]),
    ).toEqual([
      [25, 'after_report', 250_000],
      [25, 'after_report', 250_000],
      [25, 'after_report', 250_000],
      [25, 'after_report', 250_000],
    ]);
    const [audit]: { summary: Record<string, unknown> }[] = await api.db.query(
      `SELECT summary FROM audit_log WHERE entity_id = $1 AND action = 'grant.approved'`,
      [approved.body.grantId],
    );
    expect(audit.summary).toMatchObject({ riskLevel: 'high', reportEveryMonths: 3, tranches: 4 });
  });

  it('an override of the terms is accepted with a reason, and audited', async () => {
    const { ngo, fundId, applicationId } = await eligibleApplication();
    await api
      .http()
      .post(`/api/partners/${ngo.organizationId}/assessments`)
      .set(bearer(fm))
      .send({ fundId, answers: HIGH_RISK_ANSWERS });
    const approved = await decide(api, fm, applicationId, {
      decision: 'approve',
      tranches: [
        { percent: 50, condition: 'on_signature' },
        { percent: 50, condition: 'after_report' },
      ],
      overrideReason: 'Emergency response: the first half is needed at once',
    });
    expect(approved.status).toBe(201);
    const [audit]: { summary: Record<string, unknown> }[] = await api.db.query(
      `SELECT summary FROM audit_log WHERE entity_id = $1 AND action = 'grant.terms-overridden'`,
      [approved.body.grantId],
    );
    expect(audit.summary).toMatchObject({
      riskLevel: 'high',
      reason: 'Emergency response: the first half is needed at once',
    });
  });

  it('a red flag blocks new awards; resolving it lifts the block (history kept)', async () => {
    const { ngo, applicationId } = await eligibleApplication();
    const yellow = await api
      .http()
      .post(`/api/partners/${ngo.organizationId}/observations`)
      .set(bearer(fm))
      .send({ level: 'yellow', note: 'Audit report late' });
    expect(yellow.status).toBe(201);
    const red = await api
      .http()
      .post(`/api/partners/observations/${yellow.body.id}`)
      .set(bearer(fm))
      .send({ action: 'escalate', note: 'Still no audit after two reminders' });
    expect(red.status).toBe(200);
    expect(red.body).toMatchObject({ level: 'red', status: 'open' });
    const refused = await decide(api, fm, applicationId, { decision: 'approve' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('PARTNERS.RED_FLAG');
    const resolved = await api
      .http()
      .post(`/api/partners/observations/${yellow.body.id}`)
      .set(bearer(fm))
      .send({ action: 'resolve', note: 'Audit received' });
    expect(resolved.status).toBe(200);
    expect((resolved.body.history as { action: string }[]).map((h) => h.action)).toEqual([
      'raised',
      'escalated',
      'resolved',
    ]);
    expect((await decide(api, fm, applicationId, { decision: 'approve' })).status).toBe(201);
  });

  it('an expired required document blocks new submissions; a fund requiring due diligence needs it verified', async () => {
    const fundId = await createFund(api);
    const callId = await callIn(api, fm, fundId, 'open');
    const ngo = await verifiedNgo(api);
    await fillProfile(api, ngo.organizationId, ngo.token, completeProfile(unique('Sorrel Aid')));
    expect(
      (
        await uploadDocument(api, ngo.organizationId, ngo.token, {
          type: 'bank_letter',
          issuedOn: '2020-01-01',
          expiresOn: '2021-01-01',
        })
      ).status,
    ).toBe(201);
    // one current bank letter remains: not every copy has expired, so the NGO may submit
    await submittedApplication(api, callId, ngo.token);

    const other = await verifiedNgo(api);
    expect(
      (
        await uploadDocument(api, other.organizationId, other.token, {
          type: 'psea_policy',
          issuedOn: '2020-01-01',
          expiresOn: '2021-01-01',
        })
      ).status,
    ).toBe(201);
    const created = await api
      .http()
      .post(`/api/calls/${callId}/applications`)
      .set(bearer(other.token))
      .send({
        title: unique('Project'),
        summary: 'Shelter',
        countries: ['NG'],
        services: ['shelter'],
        expectedVictims: 10,
        budget: [{ category: 'shelter', description: 'Rent', amount: 1_500_000 }],
      });
    expect(created.status).toBe(201);
    const refused = await api
      .http()
      .post(`/api/applications/${created.body.id}/submit`)
      .set(bearer(other.token));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({
      code: 'PARTNERS.DOCUMENT_EXPIRED',
      errors: [{ field: 'documents.psea_policy' }],
    });
    expect(
      (await api.http().get(`/api/applications/${created.body.id}`).set(bearer(other.token))).body.status,
    ).toBe('draft');

    // a fund that requires due diligence: the contract's verification alone is not enough
    const ddFund = await createFund(api);
    expect(
      (
        await api.http().put(`/api/partners/fund-settings/${ddFund}`).set(bearer(fm)).send({
          dueDiligenceRequired: true,
          verificationYears: 5,
          lowMin: 75,
          mediumMin: 50,
          highMin: 30,
          reportMonthsLow: 12,
          reportMonthsMedium: 6,
          reportMonthsHigh: 3,
        })
      ).status,
    ).toBe(200);
    const ddCall = await callIn(api, fm, ddFund, 'open');
    const fresh = await registerNgo(api);
    const admin = (await userWithRoles(api, ['admin'])).token;
    await api.http().post(`/api/organizations/${fresh.organizationId}/verify`).set(bearer(admin));
    const draft = await api
      .http()
      .post(`/api/calls/${ddCall}/applications`)
      .set(bearer(fresh.token))
      .send({
        title: unique('Project'),
        summary: 'Shelter',
        countries: ['NG'],
        services: ['shelter'],
        expectedVictims: 10,
        budget: [{ category: 'shelter', description: 'Rent', amount: 1_500_000 }],
      });
    const notYet = await api
      .http()
      .post(`/api/applications/${draft.body.id}/submit`)
      .set(bearer(fresh.token));
    expect(notYet.status).toBe(422);
    expect(notYet.body.code).toBe('PARTNERS.DUE_DILIGENCE_REQUIRED');
    await fillProfile(api, fresh.organizationId, fresh.token, completeProfile(unique('Fresh Aid')));
    expect(
      (await api.http().post(`/api/partners/${fresh.organizationId}/verify`).set(bearer(fm))).status,
    ).toBe(200);
    expect(
      (await api.http().post(`/api/applications/${draft.body.id}/submit`).set(bearer(fresh.token))).status,
    ).toBe(200);
  });
});
