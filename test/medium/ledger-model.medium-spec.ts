import fc from 'fast-check';
import { Actor, Clock, DomainError, SYSTEM_ACTOR } from '@app/core';
import { ContributionsService, DonorsService } from '@app/donors';
import { BalanceService, FundsService } from '@app/funds';
import { Api, startApi, unique } from '../setup/harness';
import { ledgerInvariants } from '../factories/money';

type Op =
  | { kind: 'contribute'; amount: number; pledge: boolean; day: number }
  | { kind: 'reverse'; pick: number }
  | { kind: 'cost'; amount: number; day: number }
  | { kind: 'pledge'; amount: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('contribute' as const),
    amount: fc.integer({ min: 1, max: 5_000_000 }),
    pledge: fc.boolean(),
    day: fc.integer({ min: 0, max: 2000 }),
  }),
  fc.record({ kind: fc.constant('reverse' as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant('cost' as const),
    amount: fc.integer({ min: 1, max: 3_000_000 }),
    day: fc.integer({ min: 0, max: 2000 }),
  }),
  fc.record({ kind: fc.constant('pledge' as const), amount: fc.integer({ min: 1, max: 5_000_000 }) }),
);

const day = (n: number) => new Date(Date.UTC(2010, 0, 1) + n * 86_400_000).toISOString();

describe('ledger model: random sequences of money operations keep every invariant', () => {
  let api: Api;
  const finance: Actor = { ...SYSTEM_ACTOR, roles: ['finance', 'admin'] };
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });
  /** The operations are dated from 2010 on, and a cost may not predate its fund (issue 11 item 3). */
  async function createdIn2010<T>(create: () => Promise<T>): Promise<T> {
    const clock = api.app.get(Clock);
    clock.setNow(new Date(day(0)));
    try {
      return await create();
    } finally {
      clock.reset();
    }
  }

  it('holds after every step of 1,000 random sequences, and a refused operation changes nothing', async () => {
    const funds = api.app.get(FundsService);
    const donors = api.app.get(DonorsService);
    const contributions = api.app.get(ContributionsService);
    const balances = api.app.get(BalanceService);
    const donor = await donors.create({ name: unique('Model donor'), type: 'private' }, finance);
    const counts = async (fundId: string) =>
      (
        await api.db.query(
          `SELECT (SELECT count(*) FROM ledger_entries WHERE fund_id = $1)::int AS entries,
                  (SELECT count(*) FROM contributions WHERE fund_id = $1)::int AS contributions,
                  (SELECT count(*) FROM fund_costs WHERE fund_id = $1)::int AS costs`,
          [fundId],
        )
      )[0];

    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 5 }), async (ops) => {
        const code = unique('M')
          .replace(/[^A-Za-z0-9]/g, '')
          .slice(-14)
          .toUpperCase();
        const fund = await createdIn2010(() => funds.create({ code, name: code }, finance));
        const model = {
          received: 0,
          costs: 0,
          pledged: 0,
          live: [] as { id: string; usd: number; pledge: boolean }[],
        };
        let pledgeId: string | null = null;
        for (const o of ops) {
          const before = await counts(fund.id);
          let refused = false;
          try {
            if (o.kind === 'contribute') {
              const c = await contributions.receive(
                {
                  donorId: donor.id,
                  fundId: fund.id,
                  amount: o.amount,
                  currency: 'USD',
                  receivedAt: day(o.day),
                  ...(o.pledge && pledgeId ? { pledgeId } : {}),
                },
                finance,
              );
              model.received += o.amount;
              model.live.push({ id: c.id, usd: o.amount, pledge: Boolean(o.pledge && pledgeId) });
            } else if (o.kind === 'reverse') {
              if (!model.live.length) continue;
              const target = model.live[o.pick % model.live.length];
              await contributions.reverse(target.id, { reason: 'model' }, finance);
              model.received -= target.usd;
              model.live = model.live.filter((c) => c !== target);
            } else if (o.kind === 'cost') {
              await funds.addCost(
                fund.id,
                { amount: o.amount, description: 'model', incurredAt: day(o.day) },
                finance,
              );
              model.costs += o.amount;
            } else {
              const p = await donors.pledge(
                {
                  donorId: donor.id,
                  fundId: fund.id,
                  amount: o.amount,
                  currency: 'USD',
                  expectedAt: '2016-12-31',
                },
                finance,
              );
              pledgeId = p.id;
            }
          } catch (error) {
            if (!(error instanceof DomainError) || error.status !== 409) throw error;
            refused = true;
          }
          const inv = await ledgerInvariants(api, fund.id);
          expect(inv.unbalanced).toBe(0);
          expect(inv.drift).toBe(0);
          expect(inv.available).toBeGreaterThanOrEqual(0);
          expect(inv.available).toBe(inv.derivedAvailable);
          if (refused) expect(await counts(fund.id)).toEqual(before);
          const b = await balances.now(fund.id, new Date());
          expect(b.received).toBe(model.received);
          expect(b.costs).toBe(model.costs);
          expect(b.available).toBe(model.received - model.costs);
        }
      }),
      { numRuns: 1000 },
    );
  }, 240_000);

  it('gives balances as of past dates equal to a plain recomputation from contributions, reversals and costs', async () => {
    const funds = api.app.get(FundsService);
    const donors = api.app.get(DonorsService);
    const contributions = api.app.get(ContributionsService);
    const balances = api.app.get(BalanceService);
    const donor = await donors.create({ name: unique('AsOf donor'), type: 'member_state' }, finance);
    const code = unique('A')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-14)
      .toUpperCase();
    const fund = await createdIn2010(() => funds.create({ code, name: code }, finance));
    const rng = fc.sample(
      fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 0, max: 2000 })),
      60,
    );
    const made: { id: string; amount: number; at: string }[] = [];
    for (const [amount, d] of rng) {
      const c = await contributions.receive(
        { donorId: donor.id, fundId: fund.id, amount, currency: 'USD', receivedAt: day(d) },
        finance,
      );
      made.push({ id: c.id, amount, at: day(d) });
    }
    const reversals: { amount: number; at: string }[] = [];
    for (const c of made.filter((_, i) => i % 7 === 0)) {
      const at = day(Math.min(2000, Math.floor((Date.parse(c.at) - Date.UTC(2010, 0, 1)) / 86_400_000) + 30));
      await contributions
        .reverse(c.id, { reason: 'test', effectiveAt: at }, finance)
        .catch((e: DomainError) => {
          if (e.status !== 409) throw e;
        });
      const row = (
        await api.db.query(`SELECT status, reversed_at FROM contributions WHERE id = $1`, [c.id])
      )[0];
      if (row.status === 'reversed')
        reversals.push({ amount: c.amount, at: new Date(row.reversed_at).toISOString() });
    }
    const costs: { amount: number; at: string }[] = [];
    for (const d of [100, 700, 1500]) {
      const amount = 5_000;
      await funds.addCost(fund.id, { amount, description: 'evaluation', incurredAt: day(d) }, finance).then(
        () => costs.push({ amount, at: day(d) }),
        () => undefined,
      );
    }
    for (const d of [0, 50, 365, 800, 1200, 1999, 2100]) {
      const at = new Date(day(d));
      const upTo = (xs: { amount: number; at: string }[]) =>
        xs.filter((x) => Date.parse(x.at) <= at.getTime()).reduce((s, x) => s + x.amount, 0);
      const received = upTo(made) - upTo(reversals);
      const b = await balances.asOf(fund.id, at);
      expect({ received: b.received, costs: b.costs, available: b.available }).toEqual({
        received,
        costs: upTo(costs),
        available: received - upTo(costs),
      });
    }
  });
});
