import { Api, staffTokens, startApi, unique } from '../setup/harness';
import { bearer } from '../factories/grant-cycle';
import { balance, ledgerInvariants } from '../factories/money';
import { approve, fullWorkflowFund, key, member, postAward } from '../factories/post-award';

describe('after the award, under concurrency: accept against withdraw, cost extensions against the cap', () => {
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

  it('an offer is either accepted or withdrawn, never both, and the money follows the winner', async () => {
    const AVAILABLE = 20_000_000;
    const count = 4;
    const { fund, applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: AVAILABLE, count, requested: 1_000_000 },
    );
    const grants: string[] = [];
    for (const id of applicationIds) grants.push(await approve(api, fm, id));
    const ngos = await Promise.all(organizationIds.map((o) => member(api, o)));
    const results = await Promise.all(
      grants.map((g, i) =>
        Promise.all([
          post(`/api/grants/${g}/accept`, ngos[i].token, { language: 'es', signatoryId: ngos[i].id }),
          post(`/api/grants/${g}/withdraw`, fm, { reason: 'race' }, key()),
        ]),
      ),
    );
    let stillCommitted = 0;
    for (const [i, [accepted, withdrawn]] of results.entries()) {
      const statuses = [accepted.status, withdrawn.status].sort();
      // exactly one wins; the loser is told the offer's state
      expect([
        [200, 409],
        [201, 409],
      ]).toContainEqual(statuses);
      const loser = accepted.status === 409 ? accepted : withdrawn;
      expect(loser.body.code).toBe('GRANTS.OFFER_STATE');
      const pa = await postAward(api, fm, grants[i]);
      if (accepted.status === 200) {
        expect(pa).toMatchObject({ status: 'active', offer: { state: 'accepted' } });
        stillCommitted += 1_070_000;
      } else {
        expect(pa).toMatchObject({ status: 'cancelled', offer: { state: 'withdrawn' } });
      }
    }
    expect((await balance(api, finance, fund.id)).available).toBe(AVAILABLE - stillCommitted);
    const inv = await ledgerInvariants(api, fund.id);
    expect(inv).toMatchObject({ unbalanced: 0, drift: 0 });
  });

  it('two approvals of cost extensions that together pass 30% commit one; a repeated key commits once', async () => {
    const { fund, applicationIds, organizationIds } = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: 10_000_000, count: 1, requested: 1_000_000 },
    );
    const g = await approve(api, fm, applicationIds[0]);
    const ngo = await member(api, organizationIds[0]);
    expect(
      (await post(`/api/grants/${g}/accept`, ngo.token, { language: 'en', signatoryId: ngo.id })).status,
    ).toBe(200);
    const ask = async (amount: number) => {
      const r = await post(`/api/grants/${g}/amendments`, ngo.token, {
        kind: 'cost_extension',
        reason: unique('more'),
        amount,
      });
      expect(r.status).toBe(201);
      return r.body.amendments[r.body.amendments.length - 1].id as string;
    };
    const [a, b] = [await ask(200_000), await ask(200_000)];
    const before = (await balance(api, finance, fund.id)).available;
    const k = key();
    const [ra, ra2, rb] = await Promise.all([
      post(`/api/grants/${g}/amendments/${a}/approve`, fm, {}, k),
      post(`/api/grants/${g}/amendments/${a}/approve`, fm, {}, k),
      post(`/api/grants/${g}/amendments/${b}/approve`, fm, {}, key()),
    ]);
    // the same key is one approval (answered twice or refused while in flight), the other extension is capped
    const wins = [ra, rb].filter((r) => r.status === 201);
    expect(wins).toHaveLength(1);
    const capped = [ra, rb].find((r) => r.status !== 201)!;
    expect(capped.status).toBe(422);
    expect(capped.body.code).toBe('GRANTS.EXTENSION_CAP');
    expect([201, 409]).toContain(ra2.status);
    const postings = await api.db.query(
      `SELECT source_id FROM ledger_postings WHERE source_type = 'grant_amendment' AND source_id = ANY($1::text[])`,
      [[a, b]],
    );
    expect(postings).toHaveLength(1);
    expect((await balance(api, finance, fund.id)).available).toBe(before - 200_000 - 14_000);
    const pa = await postAward(api, fm, g);
    expect(pa).toMatchObject({ amount: 1_200_000, originalAmount: 1_000_000 });

    // insufficient funds: the approval's own 409 with the figures, and nothing changes
    const poor = await fullWorkflowFund(
      api,
      { admin, fm, finance },
      { available: 1_100_000, count: 1, requested: 1_000_000 },
    );
    const pg = await approve(api, fm, poor.applicationIds[0]);
    const pngo = await member(api, poor.organizationIds[0]);
    await post(`/api/grants/${pg}/accept`, pngo.token, { language: 'en', signatoryId: pngo.id });
    const ext = await post(`/api/grants/${pg}/amendments`, pngo.token, {
      kind: 'cost_extension',
      reason: 'more',
      amount: 250_000,
    });
    const id = ext.body.amendments[0].id;
    const refused = await post(`/api/grants/${pg}/amendments/${id}/approve`, fm, {}, key());
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('FUNDS.INSUFFICIENT');
    expect(refused.body.detail).toContain('30000');
    const unchanged = await postAward(api, fm, pg);
    expect(unchanged).toMatchObject({ amount: 1_000_000, psc: 70_000 });
    expect(unchanged.amendments[0].state).toBe('requested');
    expect(await ledgerInvariants(api, poor.fund.id)).toMatchObject({ unbalanced: 0, drift: 0 });
  });
});
