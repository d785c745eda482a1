import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { OutboxRelay } from '@app/core';
import { SIMILARITY_THRESHOLD, normalizeName } from '@app/partners';
import { bearer } from '../factories/grant-cycle';
import { completeProfile, fillProfile, importList, LIST_V1, LIST_V2 } from '../factories/partners';
import {
  Api,
  adminToken,
  registerNgo,
  startApi,
  startWorker,
  userWithRoles,
  waitFor,
} from '../setup/harness';

interface Hit {
  id: string;
  dataId: string;
  subject: string;
  status: string;
  score: number;
}

/** Issue 17: the UN Security Council list, screening by pg_trgm similarity, clearing and re-screening. */
describe('sanctions screening', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let admin: string;
  let fm: string;

  beforeAll(async () => {
    api = await startApi();
    worker = await startWorker();
    admin = await adminToken(api);
    fm = (await userWithRoles(api, ['fund_manager'])).token;
  });

  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const hitsOf = async (orgId: string): Promise<Hit[]> =>
    (await api.http().get(`/api/partners/${orgId}/due-diligence`).set(bearer(fm))).body.hits as Hit[];

  const waitForHits = async (orgId: string, done: (hits: Hit[]) => boolean) => {
    await worker.get(OutboxRelay).drain();
    return waitFor(() => hitsOf(orgId), done, 20_000, 200);
  };

  it('an alias matching the acronym blocks verification until cleared; the cleared pair stays quiet, a new similar entry is raised', async () => {
    const ngo = await registerNgo(api);
    // The first version is imported before the profile names the acronym: the profile's own screening then
    // runs against it, even where another test file left a later version (with more entries) in this
    // database, which would raise its own hit.
    const imported = await importList(api, admin, LIST_V1);
    expect(imported.status).toBe(201);
    // the list has the alias "AL-NÛR RELIEF FRONT": other diacritics, punctuation and word order
    await fillProfile(
      api,
      ngo.organizationId,
      ngo.token,
      completeProfile('Tamarind Community Services', { acronyms: ['Nur Relief Front (Al)'] }),
    );
    expect(imported.body).toMatchObject({
      source: 'upload',
      entries: 5,
      dateGenerated: '2026-11-01T00:00:00.000Z',
    });

    const hits = await waitForHits(ngo.organizationId, (h) => h.some((x) => x.dataId === '6908101'));
    const hit = hits.find((x) => x.dataId === '6908101')!;
    expect(hit).toMatchObject({ subject: 'Nur Relief Front (Al)', status: 'open', score: 1 });

    // blocked: the due-diligence verification and the contract's verification alike, with a clear problem
    const dd = await api.http().post(`/api/partners/${ngo.organizationId}/verify`).set(bearer(fm));
    expect(dd.status).toBe(409);
    expect(dd.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(dd.body).toMatchObject({
      code: 'PARTNERS.SANCTIONS_HIT',
      type: expect.stringMatching(/sanctions-hit$/),
    });
    const legacy = await api
      .http()
      .post(`/api/organizations/${ngo.organizationId}/verify`)
      .set(bearer(admin));
    expect(legacy.status).toBe(409);
    expect(legacy.body.code).toBe('PARTNERS.SANCTIONS_HIT');
    expect(
      (await api.http().get(`/api/organizations/${ngo.organizationId}`).set(bearer(admin))).body.verified,
    ).toBe(false);

    // clearing needs a reason
    const noReason = await api.http().post(`/api/partners/hits/${hit.id}/clear`).set(bearer(fm)).send({});
    expect(noReason.status).toBe(400);
    const cleared = await api
      .http()
      .post(`/api/partners/hits/${hit.id}/clear`)
      .set(bearer(fm))
      .send({ reason: 'Different organization: registered in Nigeria in 2012, other founders' });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({ status: 'cleared' });
    expect(
      (await api.http().post(`/api/partners/hits/${hit.id}/clear`).set(bearer(fm)).send({ reason: 'x' }))
        .status,
    ).toBe(409);
    expect((await api.http().post(`/api/partners/${ngo.organizationId}/verify`).set(bearer(fm))).status).toBe(
      200,
    );

    // a new list version re-screens everyone: the cleared pair is not raised again, the new entry is
    const v2 = await importList(api, admin, LIST_V2);
    expect(v2.status).toBe(201);
    const after = await waitForHits(ngo.organizationId, (h) => h.some((x) => x.dataId === '6908104'));
    expect(after.filter((x) => x.dataId === '6908101')).toEqual([
      expect.objectContaining({ status: 'cleared' }),
    ]);
    expect(after.find((x) => x.dataId === '6908104')).toMatchObject({
      status: 'open',
      subject: 'Nur Relief Front (Al)',
    });
    const lists: unknown[] = (await api.http().get('/api/sanctions-lists').set(bearer(fm))).body;
    expect(lists.length).toBeGreaterThanOrEqual(2); // every version is kept

    // the nightly run (the same job, for everyone) raises nothing new
    const queue = worker.get<Queue>(getQueueToken('partners'), { strict: false });
    const nightly = await queue.add('partners.screen', {}, { jobId: `nightly-${Date.now()}` });
    await waitFor(
      () => nightly.getState(),
      (s) => s === 'completed' || s === 'failed',
      20_000,
      100,
    );
    expect((await queue.getJob(nightly.id!))?.returnvalue).toBe(0);
    expect((await hitsOf(ngo.organizationId)).length).toBe(after.length);

    // confirming a hit blocks the organization
    const newHit = after.find((x) => x.dataId === '6908104')!;
    const confirmed = await api
      .http()
      .post(`/api/partners/hits/${newHit.id}/confirm`)
      .set(bearer(fm))
      .send({ reason: 'Same organization: address and officers match' });
    expect(confirmed.status).toBe(200);
    const blocked = await api
      .http()
      .post(`/api/organizations/${ngo.organizationId}/verify`)
      .set(bearer(admin));
    expect(blocked.status).toBe(409);
    expect(blocked.body.code).toBe('PARTNERS.ORGANIZATION_BLOCKED');
    const audit: { action: string }[] = await api.db.query(
      `SELECT action FROM audit_log WHERE entity_id = $1 AND action LIKE 'partner.sanctions%'`,
      [ngo.organizationId],
    );
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'partner.sanctions-hit',
        'partner.sanctions-hit-cleared',
        'partner.sanctions-hit-confirmed',
      ]),
    );
  });

  it(`the similarity threshold (${SIMILARITY_THRESHOLD}) is tested on both sides; Cyrillic names are transliterated`, async () => {
    const subject = 'Water Aid Kestrel Trust';
    const [row]: { above: number; below: number }[] = await api.db.query(
      `SELECT similarity($1, $2) AS above, similarity($1, $3) AS below`,
      [
        normalizeName(subject),
        normalizeName('AID KESTREL TRUST WALL'),
        normalizeName('AID KESTREL FUND WATER'),
      ],
    );
    expect(row.above).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
    expect(row.above).toBeLessThan(0.75);
    expect(row.below).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(row.below).toBeGreaterThan(0.6);

    const ngo = await registerNgo(api);
    if (!(await api.http().get('/api/sanctions-lists').set(bearer(fm))).body.length)
      expect((await importList(api, admin, LIST_V1)).status).toBe(201);
    await fillProfile(
      api,
      ngo.organizationId,
      ngo.token,
      completeProfile(subject, { keyPeople: [{ name: 'Иван Сидоров', role: 'Treasurer' }] }),
    );
    const hits = await waitForHits(ngo.organizationId, (h) => h.length >= 2);
    expect(hits.map((h) => [h.dataId, h.subject]).sort()).toEqual([
      ['6908001', 'Иван Сидоров'], // the alias "Ivan Sidorov"
      ['6908102', subject], // AID KESTREL TRUST WALL, just above
    ]);
    expect(hits.some((h) => h.dataId === '6908103')).toBe(false); // AID KESTREL FUND WATER, just below
  });

  it('refuses a file that is not the list, and keeps no version of it', async () => {
    const before: unknown[] = await api.db.query(`SELECT id FROM sanctions_lists`);
    const res = await api
      .http()
      .post('/api/sanctions-lists')
      .set(bearer(admin))
      .attach('file', Buffer.from('<html><body>not the list</body></html>'), 'list.xml');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('PARTNERS.SANCTIONS_LIST_INVALID');
    const broken = await api
      .http()
      .post('/api/sanctions-lists')
      .set(bearer(admin))
      .attach('file', Buffer.from('<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID>'), 'list.xml');
    expect(broken.status).toBe(422);
    expect(await api.db.query(`SELECT id FROM sanctions_lists`)).toHaveLength(before.length);
    expect(
      (
        await api
          .http()
          .post('/api/sanctions-lists')
          .set(bearer(fm))
          .attach('file', Buffer.from('x'), 'l.xml')
      ).status,
    ).toBe(403);
  });
});
