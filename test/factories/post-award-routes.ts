import type { Response } from 'supertest';
import { Api, unique } from '../setup/harness';
import { binary } from '../setup/pdf-text';
import { bearer } from './grant-cycle';
import { staffTokens } from './money';
import { approve, fullWorkflowFund, key, member } from './post-award';

/**
 * Reaches every post-award operation (ADR 0012) once with a real answer, each checked by `ok` against the
 * OpenAPI document (openapi-responses.e2e-spec.ts).
 */
export async function reachPostAwardRoutes(
  api: Api,
  ok: (status: number, res: Response) => Response,
): Promise<void> {
  const tokens = await staffTokens(api);
  const { fm, finance } = tokens;
  const { fund, applicationIds, organizationIds } = await fullWorkflowFund(api, tokens, {
    available: 10_000_000,
    count: 2,
    requested: 1_000_000,
    lines: [600_000, 400_000],
  });
  const http = () => api.http();
  ok(200, await http().get(`/api/funds/${fund.id}/post-award-settings`).set(bearer(finance)));
  ok(
    200,
    await http()
      .put(`/api/funds/${fund.id}/post-award-settings`)
      .set(bearer(fm))
      .send({ workflow: 'full', acceptanceDays: 20 }),
  );
  const g = await approve(api, fm, applicationIds[0]);
  const other = await approve(api, fm, applicationIds[1]);
  const ngo = await member(api, organizationIds[0]);
  const post = (path: string, token: string, body: object = {}, headers: Record<string, string> = {}) =>
    http().post(path).set(bearer(token)).set(headers).send(body);

  ok(201, await post(`/api/grants/${other}/withdraw`, fm, { reason: 'withdrawn' }, key()));
  const ngo2 = await member(api, organizationIds[1]);
  ok(409, await post(`/api/grants/${other}/decline`, ngo2.token, { reason: 'too late' }, key()));
  const accepted = ok(
    200,
    await post(`/api/grants/${g}/accept`, ngo.token, { language: 'ru', signatoryId: ngo.id }),
  );
  const v = accepted.body.agreement.current;
  ok(200, await http().get(`/api/grants/${g}/agreement`).set(bearer(ngo.token)).buffer(true).parse(binary));
  ok(200, await post(`/api/grants/${g}/agreement/sign`, ngo.token, { version: v.version, sha256: v.sha256 }));
  const ext = ok(
    201,
    await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'cost_extension',
      reason: 'more',
      amount: 100_000,
    }),
  );
  ok(
    422,
    await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'cost_extension',
      reason: 'x',
      amount: 400_000,
    }),
  );
  ok(201, await post(`/api/grants/${g}/amendments/${ext.body.amendments[0].id}/approve`, fm, {}, key()));
  const move = ok(
    201,
    await post(`/api/grants/${g}/amendments`, ngo.token, {
      kind: 'budget_revision',
      reason: 'shift',
      moves: [{ from: 2, to: 1, amount: 200_000 }],
    }),
  );
  ok(200, await post(`/api/grants/${g}/amendments/${move.body.amendments[1].id}/reject`, fm, { note: 'no' }));
  const planned = ok(
    201,
    await post(`/api/grants/${g}/assurance`, fm, {
      kind: 'monitoring_visit',
      plannedOn: '2026-12-20',
      assignee: 'M&E',
    }),
  );
  const done = ok(
    200,
    await post(`/api/grants/${g}/assurance/${planned.body.assurance[0].id}/complete`, fm, {
      findings: [
        {
          severity: 'low',
          text: 'Signage missing',
          actionPoints: [{ text: 'Put up signs', owner: 'Grantee', dueOn: '2027-01-15' }],
        },
      ],
    }),
  );
  ok(200, await post(`/api/grants/${g}/action-points/${done.body.actionPoints[0].id}/close`, fm));
  ok(409, await post(`/api/grants/${g}/close`, fm));
  ok(200, await http().get(`/api/grants/${g}/post-award`).set(bearer(ngo.token)));

  // a refund owed and received needs money paid: the countersignature makes the tranches due
  const signedAgain = ok(200, await http().get(`/api/grants/${g}/post-award`).set(bearer(ngo.token)));
  const cur = signedAgain.body.agreement.current;
  ok(
    200,
    await post(`/api/grants/${g}/agreement/sign`, ngo.token, { version: cur.version, sha256: cur.sha256 }),
  );
  await post(`/api/grants/${g}/sign`, fm);
  await post(`/api/grants/${g}/tranches/1/disburse`, finance, {}, key());
  const spot = ok(
    201,
    await post(`/api/grants/${g}/assurance`, fm, {
      kind: 'spot_check',
      plannedOn: '2026-12-21',
      assignee: 'Audit',
    }),
  );
  const found = ok(
    200,
    await post(`/api/grants/${g}/assurance/${spot.body.assurance[1].id}/complete`, fm, {
      findings: [{ severity: 'medium', text: 'Ineligible travel', ineligibleAmount: 10_000 }],
    }),
  );
  ok(
    201,
    await post(
      `/api/grants/${g}/refunds/${found.body.refunds[0].id}/receive`,
      finance,
      { note: unique('r') },
      key(),
    ),
  );
}
