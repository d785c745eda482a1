import fc from 'fast-check';
import { Actor, Clock, SYSTEM_ACTOR } from '@app/core';
import { ContributionsService, DonorsService } from '@app/donors';
import { FundsService } from '@app/funds';
import { Api, unique } from '../setup/harness';

export const FINANCE: Actor = { ...SYSTEM_ACTOR, roles: ['finance', 'admin'] };

const CURRENCIES: { code: string; rate: string }[] = [
  { code: 'USD', rate: '1' },
  { code: 'NOK', rate: '8.415' },
  { code: 'JPY', rate: '121.37' },
  { code: 'EUR', rate: '0.9215' },
];

export interface Seeded {
  fundIds: string[];
  donorIds: string[];
}

const dayAt = (n: number, ms = 0) => new Date(Date.UTC(2010, 0, 1) + n * 86_400_000 + ms).toISOString();

/**
 * Random money history through the services (several funds, donors of both types, four currencies,
 * dates over 2010-2016): contributions, some reversed later, and fund-level costs. Seeded, so a failure
 * replays.
 */
export async function seedMoney(api: Api, seed: number, options = { funds: 3, donors: 6, ops: 60 }) {
  const funds = api.app.get(FundsService);
  const donors = api.app.get(DonorsService);
  const contributions = api.app.get(ContributionsService);
  const clock = api.app.get(Clock);
  const fundIds: string[] = [];
  for (let i = 0; i < options.funds; i++) {
    const code = unique('R')
      .replace(/[^A-Za-z0-9]/g, '')
      .slice(-14)
      .toUpperCase();
    // The history starts in 2010, and a cost may not predate its fund (issue 11 item 3).
    clock.setNow(new Date(dayAt(0)));
    try {
      fundIds.push(
        (await funds.create({ code, name: `Report fund ${code}`, newCallTarget: 50_000_000 }, FINANCE)).id,
      );
    } finally {
      clock.reset();
    }
  }
  const donorIds: string[] = [];
  for (let i = 0; i < options.donors; i++) {
    const type = i % 3 === 0 ? 'private' : 'member_state';
    const name = i === 1 ? `=HYPERLINK("http://evil.example")${unique('')}` : unique('Report donor');
    donorIds.push(
      (await donors.create({ name, type, ...(type === 'member_state' ? { country: 'NO' } : {}) }, FINANCE))
        .id,
    );
  }
  const ops = fc.sample(
    fc.record({
      kind: fc.constantFrom('contribute', 'contribute', 'contribute', 'reverse', 'cost'),
      fund: fc.nat({ max: options.funds - 1 }),
      donor: fc.nat({ max: options.donors - 1 }),
      currency: fc.nat({ max: CURRENCIES.length - 1 }),
      amount: fc.integer({ min: 100, max: 50_000_000 }),
      day: fc.integer({ min: 0, max: 2400 }),
      ms: fc.integer({ min: 0, max: 86_399_999 }),
      later: fc.integer({ min: 0, max: 400 }),
    }),
    { seed, numRuns: options.ops },
  );
  const live: { id: string; day: number; fund: number }[] = [];
  for (const o of ops) {
    if (o.kind === 'contribute') {
      const cur = CURRENCIES[o.currency];
      const c = await contributions.receive(
        {
          donorId: donorIds[o.donor],
          fundId: fundIds[o.fund],
          amount: o.amount,
          currency: cur.code,
          ...(cur.code === 'USD' ? {} : { usdRate: cur.rate }),
          receivedAt: dayAt(o.day, o.ms),
        },
        FINANCE,
      );
      live.push({ id: c.id, day: o.day, fund: o.fund });
    } else if (o.kind === 'reverse' && live.length) {
      const [c] = live.splice(o.amount % live.length, 1);
      await contributions
        .reverse(
          c.id,
          { reason: 'Entered twice', effectiveAt: dayAt(Math.min(c.day + o.later, 2500), o.ms) },
          FINANCE,
        )
        .catch(() => undefined); // refused when the fund cannot cover it: nothing changes
    } else if (o.kind === 'cost') {
      await funds
        .addCost(
          fundIds[o.fund],
          { amount: Math.ceil(o.amount / 20), description: 'Evaluation', incurredAt: dayAt(o.day, o.ms) },
          FINANCE,
        )
        .catch(() => undefined); // beyond available: refused, nothing changes
    }
  }
  return { fundIds, donorIds };
}

/** Plain recomputation from the raw tables (no SQL grouping): contributions standing at `to`. */
export async function rawContributions(api: Api, fundId: string) {
  const rows: {
    donor_id: string;
    name: string;
    type: string;
    usd_amount: string;
    received_at: Date;
    status: string;
    reversed_at: Date | null;
  }[] = await api.db.query(
    `SELECT c.donor_id, d.name, d.type, c.usd_amount, c.received_at, c.status, c.reversed_at
     FROM contributions c JOIN donors d ON d.id = c.donor_id WHERE c.fund_id = $1`,
    [fundId],
  );
  return rows.map((r) => ({
    donorId: r.donor_id,
    donorName: r.name,
    donorType: r.type,
    year: r.received_at.getUTCFullYear(),
    amount: Number(r.usd_amount),
    receivedAt: r.received_at.getTime(),
    reversedAt: r.status === 'reversed' ? r.reversed_at!.getTime() : null,
  }));
}

export async function rawEntries(api: Api, fundId: string) {
  const rows: { kind: string; account: string; amount: string; effective_at: Date }[] = await api.db.query(
    `SELECT p.kind, e.account, e.amount, e.effective_at FROM ledger_entries e
     JOIN ledger_postings p ON p.id = e.posting_id WHERE e.fund_id = $1`,
    [fundId],
  );
  return rows.map((r) => ({
    kind: r.kind,
    account: r.account,
    amount: Number(r.amount),
    at: r.effective_at.getTime(),
  }));
}
