import { parseFeed } from '@rowanmanning/feed-parser';
import { parse } from 'csv-parse/sync';
import { Api, startApi } from '../setup/harness';
import { bearer, callIn } from '../factories/grant-cycle';
import { closedCallWithEligible, decide } from '../factories/grants';
import { contribute, createDonor, fundWithAvailable, staffTokens } from '../factories/money';

const MISSING = '00000000-0000-4000-8000-000000000000';
const csv = (text: string): Record<string, string>[] => parse(text, { columns: true });

/**
 * Issue 19, public feeds: the open calls as JSON and as an Atom feed that a feed parser library reads,
 * listing exactly the open calls; the CSV downloads (donors named only as they may be, grants by country
 * and service adding up to the grants report); ETag, Cache-Control and 304 on every public read.
 */
describe('open data: public feeds and downloads', () => {
  let api: Api;
  let fm: string;
  let finance: string;
  let fundId: string;
  let open: string[];
  let notOpen: string[];
  let named: { id: string; name: string };
  let anonymous: { id: string; name: string };
  let state: { id: string; name: string };

  beforeAll(async () => {
    api = await startApi();
    const t = await staffTokens(api);
    fm = t.fm;
    finance = t.finance;
    fundId = (await fundWithAvailable(api, t, 10_000_000)).id;
    open = [
      await callIn(api, fm, fundId, 'open', { deadline: new Date(Date.now() + 7200_000).toISOString() }),
      await callIn(api, fm, fundId, 'open', { title: 'Shelter & <safety> "now"' }),
    ];
    notOpen = [await callIn(api, fm, fundId, 'draft'), await callIn(api, fm, fundId, 'published')];
    const { callId, applicationIds } = await closedCallWithEligible(api, fm, fundId, 2, 1_000_000);
    notOpen.push(callId);
    for (const id of applicationIds)
      expect((await decide(api, fm, id, { decision: 'approve' })).status).toBe(201);

    state = await createDonor(api, finance, 'member_state');
    named = await createDonor(api, finance, 'private');
    anonymous = await createDonor(api, finance, 'private');
    const other = await createDonor(api, finance, 'private');
    for (const [donorId, amount, receivedAt] of [
      [state.id, 500_000, '2015-03-01'],
      [state.id, 250_000, '2016-03-01'],
      [named.id, 100_000, '2015-05-01'],
      [anonymous.id, 70_000, '2015-06-01'],
      [other.id, 30_000, '2015-07-01'],
    ] as const) {
      expect((await contribute(api, finance, { donorId, fundId, amount, receivedAt })).status).toBe(201);
    }
  }, 120_000);
  afterAll(() => api.close());

  it('lists exactly the open calls as JSON, soonest deadline first', async () => {
    const res = await api.http().get(`/api/public/calls?fundId=${fundId}`);
    expect(res.status).toBe(200);
    expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([open[1], open[0]]);
    expect(res.body.items[0]).toMatchObject({
      fundId,
      currency: 'USD',
      url: expect.stringMatching(/\/calls\//),
    });
    const all = await api.http().get('/api/public/calls');
    const ids = all.body.items.map((c: { id: string }) => c.id);
    expect(ids).toEqual(expect.arrayContaining(open));
    for (const id of notOpen) expect(ids).not.toContain(id);
    const statuses: { status: string }[] = await api.db.query(`SELECT status FROM calls WHERE id = ANY($1)`, [
      ids,
    ]);
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['open']));
  });

  it('the Atom feed parses with a feed parser library and lists exactly the open calls', async () => {
    const res = await api.http().get(`/api/public/calls.atom?fundId=${fundId}`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = parseFeed(res.text);
    expect(feed.meta.type).toBe('atom');
    expect(feed.title).toBe('Open calls for proposals');
    expect(feed.items.map((i) => i.id)).toEqual([open[1], open[0]].map((id) => `urn:uuid:${id}`));
    expect(feed.items[0].title).toBe('Shelter & <safety> "now"');
    expect(feed.items.every((i) => /\/calls\/[0-9a-f-]{36}$/.test(i.url ?? ''))).toBe(true);
    const all = parseFeed((await api.http().get('/api/public/calls.atom').buffer(true)).text);
    const json = await api.http().get('/api/public/calls');
    expect(all.items.map((i) => i.id)).toEqual(
      json.body.items.map((c: { id: string }) => `urn:uuid:${c.id}`),
    );
  });

  it('names member states and consenting private donors; the others are summed as "private donors"', async () => {
    const consent = await api
      .http()
      .put(`/api/donors/${named.id}/public-consent`)
      .set(bearer(finance))
      .send({ publicConsent: true });
    expect(consent.status).toBe(200);
    expect(consent.body).toMatchObject({ donorId: named.id, publicConsent: true });
    expect(
      (await api.http().put(`/api/donors/${named.id}/public-consent`).set(bearer(finance)).send({})).status,
    ).toBe(400);
    expect(
      (
        await api
          .http()
          .put(`/api/donors/${MISSING}/public-consent`)
          .set(bearer(finance))
          .send({ publicConsent: true })
      ).status,
    ).toBe(404);
    expect(
      (
        await api
          .http()
          .put(`/api/donors/${named.id}/public-consent`)
          .set(bearer(fm))
          .send({ publicConsent: true })
      ).status,
    ).toBe(403);

    const res = await api.http().get(`/api/public/contributions.csv?fundId=${fundId}`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    // (the fund's first money came from another donor this year: only 2015 and 2016 are this test's)
    expect(csv(res.text).filter((r) => ['2015', '2016'].includes(r.year))).toEqual([
      { year: '2015', donor: state.name, donor_type: 'member_state', amount: '5000.00', currency: 'USD' },
      { year: '2015', donor: named.name, donor_type: 'private', amount: '1000.00', currency: 'USD' },
      { year: '2015', donor: 'private donors', donor_type: 'private', amount: '1000.00', currency: 'USD' },
      { year: '2016', donor: state.name, donor_type: 'member_state', amount: '2500.00', currency: 'USD' },
    ]);
    expect(res.text).not.toContain(anonymous.name);
  });

  it("grants by country and service add up to the grants report's figures", async () => {
    const res = await api.http().get(`/api/public/grants.csv?fundId=${fundId}`).buffer(true);
    expect(res.status).toBe(200);
    const rows = csv(res.text);
    expect(rows).toEqual([
      {
        country: 'NG',
        service: 'shelter',
        grants: '2',
        committed: '20000.00',
        disbursed: '0.00',
        returned: '0.00',
        currency: 'USD',
      },
    ]);
    const report = await api.http().get(`/api/reports/grants?fundId=${fundId}`).set(bearer(fm));
    expect(report.body.total.committed).toBe(2_000_000);
    expect((await api.http().get('/api/public/grants.csv')).status).toBe(400);
    expect((await api.http().get(`/api/public/grants.csv?fundId=${MISSING}`)).status).toBe(404);
  });

  it('every public read has ETag and Cache-Control and answers 304 on a match; bad input is a problem', async () => {
    for (const path of [
      `/api/public/calls?fundId=${fundId}`,
      `/api/public/calls.atom?fundId=${fundId}`,
      `/api/public/contributions.csv?fundId=${fundId}`,
      `/api/public/grants.csv?fundId=${fundId}`,
      `/api/public/impact?fundId=${fundId}`,
      `/api/calls/${open[0]}`,
    ]) {
      const first = await api.http().get(path).buffer(true);
      expect(first.status).toBe(200);
      expect(first.headers.etag).toMatch(/^"[\w-]+"$/);
      expect(first.headers['cache-control']).toMatch(
        path.startsWith('/api/public/') ? /^public, max-age=\d+$/ : /^public, no-cache$/,
      );
      const second = await api.http().get(path).set('if-none-match', first.headers.etag);
      expect([path, second.status]).toEqual([path, 304]);
      expect(second.text ?? '').toBe('');
    }
    // the home page's summary says when it was read (asOf), so each answer has a tag of its own
    const summary = await api.http().get(`/api/public/summary?fundId=${fundId}`);
    expect(summary.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(summary.headers['cache-control']).toMatch(/^public, max-age=\d+$/);
    // a signed-in read of the calls is not a public one: no shared caching
    const staff = await api.http().get(`/api/calls/${open[0]}`).set(bearer(fm));
    expect(staff.headers.etag).toBeUndefined();
    for (const path of ['/api/public/calls?fundId=nope', '/api/public/calls.atom?fundId=nope']) {
      const res = await api.http().get(path);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers.etag).toBeUndefined();
    }
    expect((await api.http().get(`/api/public/calls?fundId=${MISSING}`)).status).toBe(404);
  });
});
