import { SYSTEM_ACTOR } from '@app/core';
import { LedgerService, PeriodClosed, Postings } from '@app/funds';
import { Api, startApi, unique, userWithRoles, waitFor } from '../setup/harness';
import { balance, contribute, createDonor, createFund, staffTokens } from '../factories/money';
import { bearer } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';

const DAY = 86_400_000;
const dayOf = (at: number) => new Date(at).toISOString().slice(0, 10);

describe('money dates: lower bounds, closed periods, PSC on returns (issue 11 items 3 and 4)', () => {
  let api: Api;
  let admin: string;
  let fm: string;
  let finance: string;
  beforeAll(async () => {
    api = await startApi();
    ({ admin, fm, finance } = await staffTokens(api));
  });
  afterAll(() => api.close());

  async function fundWith(amount: number, receivedAt = new Date().toISOString()) {
    const fund = await createFund(api, admin);
    const donor = await createDonor(api, finance);
    const res = await contribute(api, finance, { donorId: donor.id, fundId: fund.id, amount, receivedAt });
    expect(res.status).toBe(201);
    return { fund, donor, contribution: res.body as { id: string } };
  }

  const post = (path: string, body: Record<string, unknown>, token = finance) =>
    api.http().post(path).set(bearer(token)).set('idempotency-key', unique('k')).send(body);

  /** An approved, signed grant with its one tranche paid now; returns its id. */
  async function paidGrant(fundId: string, amount: number): Promise<string> {
    const { applicationIds } = await closedCallWithEligible(api, fm, fundId, 1, amount);
    const approved = await decide(api, fm, applicationIds[0], { decision: 'approve' });
    expect(approved.status).toBe(201);
    const grantId = approved.body.grantId as string;
    expect((await api.http().post(`/api/grants/${grantId}/sign`).set(bearer(fm))).status).toBe(200);
    return grantId;
  }

  it('issue 11 item 3: every effective date is bounded below by its cause, with a 422 naming the field', async () => {
    const { fund, donor } = await fundWith(10_000_000);
    const yearAgo = dayOf(Date.now() - 365 * DAY);

    // a cost before the fund existed
    const cost = await post(`/api/funds/${fund.id}/costs`, {
      amount: 100,
      description: 'x',
      incurredAt: yearAgo,
    });
    expect(cost.status).toBe(422);
    expect(cost.body).toMatchObject({
      type: '/problems/effective-date-too-early',
      code: 'LEDGER.EFFECTIVE_DATE_TOO_EARLY',
    });
    expect(cost.body.errors[0].field).toBe('incurredAt');

    // a reversal before the receipt
    const received = await contribute(api, finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 5_000,
      receivedAt: dayOf(Date.now() - 30 * DAY),
    });
    expect(received.status).toBe(201);
    const early = await post(`/api/contributions/${received.body.id}/reverse`, {
      reason: 'entered twice',
      effectiveAt: dayOf(Date.now() - 31 * DAY),
    });
    expect(early.status).toBe(422);
    expect(early.body.type).toBe('/problems/effective-date-too-early');
    expect(early.body.errors[0].field).toBe('effectiveAt');

    // a tranche paid before the agreement was signed, and a return before the payment
    const grantId = await paidGrant(fund.id, 1_000_000);
    const pay = (effectiveAt?: string) =>
      post(`/api/grants/${grantId}/tranches/1/disburse`, effectiveAt ? { effectiveAt } : {});
    const payEarly = await pay('2011-01-03');
    expect(payEarly.status).toBe(422);
    expect(payEarly.body.type).toBe('/problems/effective-date-too-early');
    expect((await pay()).status).toBe(201);
    const ret = (effectiveAt?: string) =>
      post(`/api/grants/${grantId}/returns`, {
        amount: 100,
        note: 'unspent',
        ...(effectiveAt ? { effectiveAt } : {}),
      });
    const retEarly = await ret(yearAgo);
    expect(retEarly.status).toBe(422);
    expect(retEarly.body.type).toBe('/problems/effective-date-too-early');

    // nothing was written by the refusals; the same writes dated today pass
    expect(
      await api.db.query(`SELECT count(*)::int AS n FROM fund_costs WHERE fund_id = $1`, [fund.id]),
    ).toEqual([{ n: 0 }]);
    expect((await ret()).status).toBe(201);
    expect((await post(`/api/contributions/${received.body.id}/reverse`, { reason: 'twice' })).status).toBe(
      201,
    );
    expect(
      (await post(`/api/funds/${fund.id}/costs`, { amount: 100, description: 'evaluation' })).status,
    ).toBe(201);
  });

  it('issue 11 item 3: finance closes a period (audited, scoped, never backwards, idempotent on the same day), then nothing dated in it is accepted', async () => {
    const { fund, donor, contribution } = await fundWith(1_000_000, '2015-06-01');
    // the fund was created today: for this test its history starts in 2015
    await api.db.query(`UPDATE funds SET created_at = '2015-01-01' WHERE id = $1`, [fund.id]);
    const close = (through: unknown, token = finance) =>
      api.http().post(`/api/funds/${fund.id}/close-period`).set(bearer(token)).send({ through });

    expect((await close('2015-12-31', fm)).status).toBe(403);
    const other = await userWithRoles(api, ['finance'], { fundIds: [(await createFund(api, admin)).id] });
    expect((await close('2015-12-31', other.token)).status).toBe(404);
    expect((await close('31/12/2015')).status).toBe(400);
    const notEnded = await close(dayOf(Date.now()));
    expect(notEnded.status).toBe(422);
    expect(notEnded.body.type).toBe('/problems/period-not-ended');

    const closed = await close('2015-12-31');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({ fundId: fund.id, closedThrough: '2015-12-31' });
    const again = await close('2015-12-31');
    expect(again.status).toBe(200);
    expect(again.body).toEqual(closed.body);
    const back = await close('2015-06-30');
    expect(back.status).toBe(409);
    expect(back.body.type).toBe('/problems/period-cannot-reopen');
    const audit = await api.db.query(
      `SELECT summary FROM audit_log WHERE entity_id = $1 AND action = 'fund.period-closed'`,
      [fund.id],
    );
    expect(audit).toEqual([
      { summary: { through: '2015-12-31', previous: null, address: expect.any(String) } },
    ]);

    const before = await balance(api, finance, fund.id);
    const refused = [
      await contribute(api, finance, {
        donorId: donor.id,
        fundId: fund.id,
        amount: 700,
        receivedAt: '2015-12-31',
      }),
      await post(`/api/funds/${fund.id}/costs`, {
        amount: 100,
        description: 'x',
        incurredAt: '2015-12-31T23:59:59Z',
      }),
      await post(`/api/contributions/${contribution.id}/reverse`, { reason: 'x', effectiveAt: '2015-07-01' }),
    ];
    for (const r of refused) {
      expect(r.status).toBe(422);
      expect(r.body).toMatchObject({ type: '/problems/period-closed', code: 'LEDGER.PERIOD_CLOSED' });
    }
    expect(await balance(api, finance, fund.id)).toEqual({ ...before, asOf: expect.any(String) });
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM contributions WHERE fund_id = $1`, [
      fund.id,
    ]);
    expect(n).toBe(1);

    // the ledger refuses any posting dated in the period, whatever the write (disbursements, returns, decisions ...)
    const ledger = api.app.get(LedgerService);
    const posting = (effectiveAt: Date) => ({
      fundId: fund.id,
      kind: 'cost' as const,
      sourceType: 'test_cost',
      sourceId: unique('c'),
      description: 'test',
      effectiveAt,
      lines: Postings.cost(1),
    });
    await expect(
      api.db.transaction((em) => ledger.post(em, posting(new Date('2015-12-31T12:00:00Z')), SYSTEM_ACTOR)),
    ).rejects.toBeInstanceOf(PeriodClosed);

    // dated after the period: accepted
    const ok = await contribute(api, finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: 700,
      receivedAt: '2016-01-01',
    });
    expect(ok.status).toBe(201);
    expect((await post(`/api/contributions/${contribution.id}/reverse`, { reason: 'twice' })).status).toBe(
      201,
    );
  });

  it('issue 11 item 3: the close-period route is fully described in the OpenAPI document', async () => {
    const doc = (await api.http().get('/api/docs-json')).body;
    const op = doc.paths['/api/funds/{id}/close-period']?.post;
    expect(op).toBeDefined();
    expect(op.tags).toEqual(['funds']);
    expect(op.summary).toMatch(/close/i);
    expect(JSON.stringify(op.requestBody)).toContain('ClosePeriodDto');
    expect(Object.keys(op.responses)).toEqual(
      expect.arrayContaining(['200', '400', '403', '404', '409', '422']),
    );
    expect(JSON.stringify(op.responses['200'])).toContain('ClosedPeriodView');
    for (const status of ['400', '404', '409', '422'])
      expect(op.responses[status].content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
    expect(doc.components.schemas.ClosePeriodDto.required).toEqual(['through']);
  });

  it('issue 11 item 3: a posting dated in the period that waits for the fund lock while the close commits is refused (no race)', async () => {
    const { fund } = await fundWith(1_000_000, '2015-06-01');
    const ledger = api.app.get(LedgerService);
    const closer = api.db.createQueryRunner();
    const poster = api.db.createQueryRunner();
    await closer.connect();
    await poster.connect();
    try {
      const [{ pid }] = await poster.query(`SELECT pg_backend_pid() AS pid`);
      await closer.startTransaction();
      await closer.query(`UPDATE fund_balances SET closed_through = '2015-12-31' WHERE fund_id = $1`, [
        fund.id,
      ]);
      await poster.startTransaction();
      const posted = ledger.post(
        poster.manager,
        {
          fundId: fund.id,
          kind: 'contribution',
          sourceType: 'test_contribution',
          sourceId: unique('c'),
          description: 'late entry',
          effectiveAt: new Date('2015-12-15T00:00:00Z'),
          lines: Postings.contribution(500),
        },
        SYSTEM_ACTOR,
      );
      const outcome = posted.then(
        () => 'posted',
        (e: unknown) => e,
      );
      await waitFor(
        async () =>
          (await api.db.query(`SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1`, [pid]))[0]
            ?.wait_event_type,
        (w) => w === 'Lock',
      );
      await closer.commitTransaction();
      expect(await outcome).toBeInstanceOf(PeriodClosed);
    } finally {
      for (const qr of [poster, closer]) {
        if (qr.isTransactionActive) await qr.rollbackTransaction();
        await qr.release();
      }
    }
  });

  it('issue 11 item 4: two returns of 50 cents at 13% release 7 + 6 cents of PSC, as one return of 100 cents releases 13', async () => {
    const { fund } = await fundWith(10_000_000);
    const twice = await paidGrant(fund.id, 1_000_000);
    const once = await paidGrant(fund.id, 1_000_000);
    for (const g of [twice, once])
      expect((await post(`/api/grants/${g}/tranches/1/disburse`, {})).status).toBe(201);
    const ret = (g: string, amount: number) => post(`/api/grants/${g}/returns`, { amount, note: 'unspent' });

    const first = await ret(twice, 50);
    const second = await ret(twice, 50);
    const single = await ret(once, 100);
    expect([first.status, second.status, single.status]).toEqual([201, 201, 201]);
    expect([first.body.pscReleased, second.body.pscReleased]).toEqual([7, 6]);
    expect(single.body.pscReleased).toBe(13);
    const grants = await api.db.query(
      `SELECT id, returned::int, psc_released::int FROM grants WHERE id = ANY($1) ORDER BY returned`,
      [[twice, once]],
    );
    expect(
      grants.map((g: { returned: number; psc_released: number }) => [g.returned, g.psc_released]),
    ).toEqual([
      [100, 13],
      [100, 13],
    ]);
  });
});
