import { Api, unique, userWithRoles } from '../setup/harness';
import { bearer } from './grant-cycle';
import { closedCallWithEligible, decide } from './grants';
import { fundWithAvailable } from './money';

/**
 * A fund in the full post-award workflow (acceptance, grantee signature, countersignature), set over HTTP,
 * with `count` eligible applications of `requested` each. Budget lines are inserted beside the factory's
 * applications (the same exception as `closedCallWithEligible`: intake is not what these tests are about).
 */
export async function fullWorkflowFund(
  api: Api,
  tokens: { admin: string; fm: string; finance: string },
  opts: { available: number; count: number; requested: number; pscRateBps?: number; lines?: number[] },
) {
  const fund = await fundWithAvailable(api, tokens, opts.available, opts.pscRateBps ?? 700);
  const set = await api
    .http()
    .put(`/api/funds/${fund.id}/post-award-settings`)
    .set(bearer(tokens.fm))
    .send({ workflow: 'full', acceptanceDays: 30 });
  if (set.status !== 200) throw new Error(`settings: ${set.status} ${JSON.stringify(set.body)}`);
  const call = await closedCallWithEligible(api, tokens.fm, fund.id, opts.count, opts.requested);
  const lines = opts.lines ?? [opts.requested];
  for (const applicationId of call.applicationIds) {
    await api.db.query(
      `INSERT INTO application_budget_lines (application_id, n, category, description, amount)
       SELECT $1, i, (ARRAY['shelter','legal_aid','health_care'])[1 + (i - 1) % 3], 'Line ' || i, a
       FROM unnest($2::bigint[]) WITH ORDINALITY AS l(a, i)`,
      [applicationId, lines],
    );
  }
  return { fund, ...call };
}

/** Approves an application and returns its grant's id. */
export async function approve(
  api: Api,
  fm: string,
  applicationId: string,
  body: Record<string, unknown> = {},
): Promise<string> {
  const d = await decide(api, fm, applicationId, { decision: 'approve', ...body });
  if (d.status !== 201) throw new Error(`decision: ${d.status} ${JSON.stringify(d.body)}`);
  return d.body.grantId as string;
}

/** A member of the organization (an NGO user), who can be its signatory. */
export function member(api: Api, organizationId: string) {
  return userWithRoles(api, ['ngo'], { organizationId });
}

export const key = () => ({ 'idempotency-key': unique('pa') });

export async function postAward(api: Api, token: string, grantId: string) {
  const res = await api.http().get(`/api/grants/${grantId}/post-award`).set(bearer(token));
  if (res.status !== 200) throw new Error(`post-award: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
