import { Api, unique, userWithRoles } from '../setup/harness';

export interface MoneyActors {
  admin: string;
  finance: string;
}

export async function moneyActors(api: Api): Promise<MoneyActors> {
  const [admin, finance] = await Promise.all([
    userWithRoles(api, ['admin']),
    userWithRoles(api, ['finance']),
  ]);
  return { admin: admin.token, finance: finance.token };
}

/** An admin, a fund manager and a finance officer (unlimited), logged in: their tokens. */
export async function staffTokens(api: Api): Promise<{ admin: string; fm: string; finance: string }> {
  const [admin, fm, finance] = await Promise.all(
    [['admin'], ['fund_manager'], ['finance']].map((roles) => userWithRoles(api, roles)),
  );
  return { admin: admin.token, fm: fm.token, finance: finance.token };
}

export async function createFund(
  api: Api,
  adminToken: string,
  body: Partial<{ newCallTarget: number; pscRateBps: number; currency: string; rateMaxAgeDays: number }> = {},
): Promise<{
  id: string;
  code: string;
  currency: string;
  newCallTarget: number;
  pscRateBps: number;
  rateMaxAgeDays: number;
}> {
  const code = unique('F')
    .replace(/[^A-Za-z0-9]/g, '')
    .slice(-12)
    .toUpperCase();
  const res = await api
    .http()
    .post('/api/funds')
    .set('authorization', `Bearer ${adminToken}`)
    .send({ code, name: `Fund ${code}`, ...body });
  if (res.status !== 201) throw new Error(`fund: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function createDonor(
  api: Api,
  token: string,
  type: 'member_state' | 'private' = 'member_state',
): Promise<{ id: string; name: string }> {
  const res = await api
    .http()
    .post('/api/donors')
    .set('authorization', `Bearer ${token}`)
    .send({ name: unique('Donor'), type, ...(type === 'member_state' ? { country: 'NO' } : {}) });
  if (res.status !== 201) throw new Error(`donor: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export async function contribute(
  api: Api,
  token: string,
  body: { donorId: string; fundId: string; amount: number; currency?: string; receivedAt?: string } & Record<
    string,
    unknown
  >,
  key = unique('key'),
) {
  return api
    .http()
    .post('/api/contributions')
    .set('authorization', `Bearer ${token}`)
    .set('idempotency-key', key)
    .send({ currency: 'USD', receivedAt: new Date().toISOString(), ...body });
}

/** A new fund (PSC rate `pscRateBps`) holding `available` received from a new donor (none when 0). */
export async function fundWithAvailable(
  api: Api,
  tokens: { admin: string; finance: string },
  available: number,
  pscRateBps = 1300,
) {
  const fund = await createFund(api, tokens.admin, { pscRateBps });
  const donor = await createDonor(api, tokens.finance);
  if (available > 0) {
    const res = await contribute(api, tokens.finance, {
      donorId: donor.id,
      fundId: fund.id,
      amount: available,
    });
    if (res.status !== 201) throw new Error(`contribution: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return fund;
}

export async function balance(api: Api, token: string, fundId: string, asOf?: string) {
  const res = await api
    .http()
    .get(`/api/funds/${fundId}/balance${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`)
    .set('authorization', `Bearer ${token}`);
  if (res.status !== 200) throw new Error(`balance: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** The ledger's invariants, read straight from the tables. */
export async function ledgerInvariants(api: Api, fundId: string) {
  const unbalanced = await api.db.query(
    `SELECT posting_id FROM ledger_entries WHERE fund_id = $1 GROUP BY posting_id HAVING sum(amount) <> 0`,
    [fundId],
  );
  const drift = await api.db.query(
    `SELECT b.account FROM ledger_balances b
     LEFT JOIN (SELECT account, sum(amount) AS s FROM ledger_entries WHERE fund_id = $1 GROUP BY account) e
       ON e.account = b.account
     WHERE b.fund_id = $1 AND b.balance <> coalesce(e.s, 0)`,
    [fundId],
  );
  const [fb] = await api.db.query(
    `SELECT f.available,
       -(SELECT coalesce(sum(balance), 0) FROM ledger_balances WHERE fund_id = $1
         AND account IN ('contributions','returns','grants','psc','costs'))::bigint AS derived
     FROM fund_balances f WHERE f.fund_id = $1`,
    [fundId],
  );
  return {
    unbalanced: unbalanced.length,
    drift: drift.length,
    available: Number(fb.available),
    derivedAvailable: Number(fb.derived),
  };
}
