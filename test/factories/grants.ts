import { Api, unique } from '../setup/harness';
import { bearer, callBody } from './grant-cycle';

/**
 * A closed call of a fund (created and opened over HTTP, closed by hand) with `count` eligible applications
 * of `requested` minor units each, inserted directly: the tests using it are about decisions, not intake.
 * Still an exception to ADR 0008 (factories go through the owning context): through the API each organization
 * needs a registration and a sign-in, two password hashes, and 100 of them took the 100-approval test past its
 * time limit on 2 cores. It goes once identity has a door that creates a verified organization.
 */
export async function closedCallWithEligible(
  api: Api,
  fm: string,
  fundId: string,
  count: number,
  requested: number,
  over: Record<string, unknown> = {},
): Promise<{ callId: string; applicationIds: string[]; organizationIds: string[] }> {
  const body = callBody(fundId, {
    minAward: Math.min(requested, 10_000),
    maxAward: requested,
    envelope: requested * count,
    ...over,
  });
  const created = await api.http().post('/api/calls').set(bearer(fm)).send(body);
  if (created.status !== 201) throw new Error(`call: ${created.status} ${JSON.stringify(created.body)}`);
  const callId = created.body.id as string;
  for (const step of ['publish', 'open', 'close']) {
    const r = await api.http().post(`/api/calls/${callId}/${step}`).set(bearer(fm));
    if (r.status !== 200) throw new Error(`${step}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const orgs: { id: string }[] = await api.db.query(
    `INSERT INTO organizations (name, country, registration_number, verified_at)
     SELECT $1 || '-' || i, 'NG', 'R-' || i, now() FROM generate_series(1, $2) AS i RETURNING id`,
    [unique('Org'), count],
  );
  const apps: { id: string }[] = await api.db.query(
    `INSERT INTO applications (call_id, fund_id, organization_id, title, summary, countries, services, expected_victims,
       requested, currency, status, submitted_at, screened_at)
     SELECT $1, $2, o, 'Project ' || o, 'Shelter', ARRAY['NG'], ARRAY['shelter'], 10, $3, 'USD', 'eligible', now(), now()
     FROM unnest($4::uuid[]) AS o RETURNING id`,
    [callId, fundId, requested, orgs.map((o) => o.id)],
  );
  return { callId, applicationIds: apps.map((a) => a.id), organizationIds: orgs.map((o) => o.id) };
}

export function decide(
  api: Api,
  fm: string,
  applicationId: string,
  body: Record<string, unknown>,
  key = unique('dec'),
) {
  return api
    .http()
    .post(`/api/applications/${applicationId}/decision`)
    .set(bearer(fm))
    .set('idempotency-key', key)
    .send({ note: 'decided in a test', ...body });
}

/** The NGO submits a progress report and the fund manager accepts it; returns the report's id. */
export async function acceptedReport(
  api: Api,
  grantId: string,
  tokens: { ngo: string; fm: string },
  report: { periodEnd: string; spent: number; narrative: string; count: number },
): Promise<string> {
  const submitted = await api
    .http()
    .post(`/api/grants/${grantId}/reports`)
    .set(bearer(tokens.ngo))
    .send({
      periodEnd: report.periodEnd,
      spent: report.spent,
      narrative: report.narrative,
      victimsAssisted: [{ service: 'shelter', country: 'NG', count: report.count }],
    });
  if (submitted.status !== 201)
    throw new Error(`report: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  const accepted = await api
    .http()
    .post(`/api/grants/${grantId}/reports/${submitted.body.id}/accept`)
    .set(bearer(tokens.fm))
    .send({});
  if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return submitted.body.id as string;
}
