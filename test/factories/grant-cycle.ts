import { Api, adminToken, registerNgo, unique, userWithRoles } from '../setup/harness';
import { createDonor, createFund as createFundOverHttp } from './money';

/**
 * A USD fund created through the funds API by an admin; with `available`, a finance officer records a
 * contribution of that amount from a new donor (through the donors API), so the ledger holds what the balance
 * shows. Nothing is written into another context's tables.
 */
export async function createFund(
  api: Api,
  opts: { newCallTarget?: number; available?: number; pscRateBps?: number } = {},
): Promise<string> {
  const admin = await adminToken(api);
  const fund = await createFundOverHttp(api, admin, {
    newCallTarget: opts.newCallTarget ?? 50_000_000,
    pscRateBps: opts.pscRateBps ?? 1300,
  });
  if (opts.available !== undefined && opts.available > 0) {
    const finance = await userWithRoles(api, ['finance']);
    const donor = await createDonor(api, finance.token);
    const res = await api
      .http()
      .post('/api/contributions')
      .set(bearer(finance.token))
      .set('idempotency-key', unique('fund-money'))
      .send({
        donorId: donor.id,
        fundId: fund.id,
        amount: opts.available,
        currency: 'USD',
        receivedAt: new Date().toISOString(),
      });
    if (res.status !== 201) throw new Error(`contribution: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return fund.id;
}

export const RUBRIC = [
  { key: 'relevance', label: 'Relevance', weight: 50, maxScore: 10 },
  { key: 'capacity', label: 'Capacity', weight: 30, maxScore: 5 },
  { key: 'cost', label: 'Value for money', weight: 20, maxScore: 4 },
];

export function callBody(fundId: string, over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    fundId,
    title: unique('Call'),
    description: 'Direct assistance to victims of trafficking',
    themes: ['shelter', 'legal_aid', 'psychological_support'],
    eligibleCountries: ['NG', 'KE', 'PH'],
    minAward: 1_000_000,
    maxAward: 3_000_000,
    envelope: 10_000_000,
    deadline: new Date(Date.now() + 3600_000).toISOString(),
    rubric: RUBRIC,
    ...over,
  };
}

export function applicationBody(over: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: unique('Project'),
    summary: 'Shelter and legal aid for survivors',
    countries: ['NG'],
    services: ['shelter', 'legal_aid'],
    expectedVictims: 120,
    budget: [
      { category: 'shelter', description: 'Rent', amount: 1_200_000 },
      { category: 'legal_aid', description: 'Lawyers', amount: 300_000 },
    ],
    ...over,
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Creates a call and moves it to `to` (published or open); returns its id. */
export async function callIn(
  api: Api,
  fm: string,
  fundId: string,
  to: 'draft' | 'published' | 'open',
  over: Record<string, unknown> = {},
): Promise<string> {
  const res = await api.http().post('/api/calls').set(bearer(fm)).send(callBody(fundId, over));
  if (res.status !== 201) throw new Error(`create call: ${res.status} ${JSON.stringify(res.body)}`);
  const id = res.body.id as string;
  for (const step of to === 'draft' ? [] : to === 'published' ? ['publish'] : ['publish', 'open']) {
    const r = await api.http().post(`/api/calls/${id}/${step}`).set(bearer(fm));
    if (r.status !== 200) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  return id;
}

/** A registered and verified NGO. */
export async function verifiedNgo(api: Api, country = 'NG') {
  const ngo = await registerNgo(api, country);
  const admin = await adminToken(api);
  const res = await api.http().post(`/api/organizations/${ngo.organizationId}/verify`).set(bearer(admin));
  if (res.status !== 200) throw new Error(`verify: ${res.status}`);
  return ngo;
}

/** A new verified NGO's draft on the call: its id, the NGO's token and organization. */
export async function draftApplication(api: Api, callId: string, country = 'NG') {
  const ngo = await verifiedNgo(api, country);
  const res = await api
    .http()
    .post(`/api/calls/${callId}/applications`)
    .set(bearer(ngo.token))
    .send(applicationBody());
  if (res.status !== 201) throw new Error(`create application: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, token: ngo.token, organizationId: ngo.organizationId };
}

/** A verified NGO's submitted application; returns its id. */
export async function submittedApplication(
  api: Api,
  callId: string,
  token: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const res = await api
    .http()
    .post(`/api/calls/${callId}/applications`)
    .set(bearer(token))
    .send(applicationBody(over));
  if (res.status !== 201) throw new Error(`create application: ${res.status} ${JSON.stringify(res.body)}`);
  const sub = await api.http().post(`/api/applications/${res.body.id}/submit`).set(bearer(token));
  if (sub.status !== 200) throw new Error(`submit: ${sub.status} ${JSON.stringify(sub.body)}`);
  return res.body.id as string;
}
