import { publicCacheOf } from '../../apps/api/src/http/public-cache';
import { Api, startApi, userWithRoles, waitFor } from '../setup/harness';
import { bearer, callIn, createFund } from '../factories/grant-cycle';

/**
 * Issue 20: the public reads come from each API process's versioned cache (ADR 0014). Two API instances on
 * one database, as behind a balancer: a call opened through one is listed by the other within one second
 * (PostgreSQL's NOTIFY reaches the other's LISTEN), an unchanged version answers 304 to its ETag, and the
 * answer between changes comes from memory.
 */
describe('public reads from a versioned cache, across API processes', () => {
  let a: Api;
  let b: Api;
  let fm: string;
  let fundId: string;
  const cacheOf = (api: Api) => publicCacheOf(api.app.getHttpAdapter().getInstance())!;
  const openCalls = (api: Api, etag?: string) => {
    const req = api.http().get('/api/calls?status=open');
    return etag ? req.set('if-none-match', etag) : req;
  };

  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(), startApi()]);
    fm = (await userWithRoles(a, ['fund_manager'])).token;
    fundId = await createFund(a);
    await waitFor(
      async () => cacheOf(a).isListening && cacheOf(b).isListening,
      (ok) => ok,
      5000,
    );
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
  });

  it('lists on one process, within one second, a call opened through the other', async () => {
    const before = await openCalls(b);
    expect(before.status).toBe(200);
    expect(cacheOf(b).size).toBeGreaterThan(0); // kept for the next reader
    const callId = await callIn(a, fm, fundId, 'published');
    // a published call is not in the open list: B's cached list may still be the one before
    const opened = await a.http().post(`/api/calls/${callId}/open`).set(bearer(fm));
    expect(opened.status).toBe(200);
    const t0 = Date.now();
    const seen = await waitFor(
      () => openCalls(b),
      (res) => res.status === 200 && res.body.items.some((c: { id: string }) => c.id === callId),
      1000,
      20,
    );
    const elapsed = Date.now() - t0;
    expect(elapsed).toBeLessThan(1000);
    expect(seen.headers.etag).not.toBe(before.headers.etag);
  });

  it('answers 304 to the ETag of an unchanged version, from either process, and 200 once it changes', async () => {
    const first = await openCalls(a);
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    // served from memory now: same bytes, same tag, on both processes (the tag hashes the answer)
    const again = await openCalls(a);
    expect(again.headers.etag).toBe(etag);
    expect(again.text).toBe(first.text);
    expect((await openCalls(a, etag)).status).toBe(304);
    const fromB = await openCalls(b, etag);
    expect(fromB.status).toBe(304);
    expect(fromB.text).toBe('');

    await callIn(b, fm, fundId, 'open'); // through B this time; A learns it by NOTIFY
    const changed = await waitFor(
      () => openCalls(a, etag),
      (res) => res.status === 200,
      1000,
      20,
    );
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.items.length).toBe(first.body.items.length + 1);
  });

  it('keeps a signed-in reader out of the cache: staff still see drafts', async () => {
    const draftId = await callIn(a, fm, fundId, 'draft');
    await openCalls(b); // fill B's cache
    const staff = await b.http().get('/api/calls?status=draft').set(bearer(fm));
    expect(staff.status).toBe(200);
    expect(staff.body.items.some((c: { id: string }) => c.id === draftId)).toBe(true);
    expect(staff.headers.etag).toBeUndefined();
    const anonymous = await b.http().get(`/api/calls/${draftId}`);
    expect(anonymous.status).toBe(404);
  });

  it('drops every cached answer when a public table changes, even by SQL outside the API', async () => {
    await openCalls(b);
    await openCalls(a);
    expect(cacheOf(a).size).toBeGreaterThan(0);
    expect(cacheOf(b).size).toBeGreaterThan(0);
    await a.db.query(`UPDATE funds SET name = name WHERE id = $1`, [fundId]);
    await waitFor(
      async () => cacheOf(a).size + cacheOf(b).size,
      (n) => n === 0,
      1000,
      10,
    );
  });
});
