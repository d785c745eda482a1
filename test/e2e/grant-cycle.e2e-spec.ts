import { OutboxRelay } from '@app/core';
import { Api, registerNgo, startApi, startWorker, userWithRoles, waitFor } from '../setup/harness';
import { bearer, callIn, createFund, submittedApplication, verifiedNgo } from '../factories/grant-cycle';

const scores = (relevance: number, capacity: number, cost: number) => ({
  scores: [
    { criterion: 'relevance', score: relevance, comment: 'relevance noted' },
    { criterion: 'capacity', score: capacity, comment: 'capacity noted' },
    { criterion: 'cost', score: cost, comment: 'cost noted' },
  ],
});
// The rubric of the factory: relevance w50/10, capacity w30/5, cost w20/4; review = sum(w x s / max).
const byHand = (r: number, c: number, k: number) => (50 * r) / 10 + (30 * c) / 5 + (20 * k) / 4;

describe('grant cycle journey: call, submissions, screening, reviews, ranking', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('runs a blind call from opening to a ranking whose means are the hand-computed ones', async () => {
    const fm = (await userWithRoles(api, ['fund_manager'])).token;
    const fundId = await createFund(api, { newCallTarget: 50_000_000, available: 50_000_000 });
    const callId = await callIn(api, fm, fundId, 'open', { blind: true });

    const [ngoA, ngoB, ngoC, ngoD] = await Promise.all([
      verifiedNgo(api),
      verifiedNgo(api),
      verifiedNgo(api),
      verifiedNgo(api),
    ]);
    const a = await submittedApplication(api, callId, ngoA.token);
    const b = await submittedApplication(api, callId, ngoB.token, { countries: ['KE'] });
    const c = await submittedApplication(api, callId, ngoC.token);
    const d = await submittedApplication(api, callId, ngoD.token);

    // screening waits for the call to close
    const early = await api
      .http()
      .post(`/api/applications/${a}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: true, reason: 'ok' });
    expect(early.status).toBe(422);
    expect(early.body.type).toBe('/problems/call-not-closed');
    expect((await api.http().post(`/api/calls/${callId}/close`).set(bearer(fm))).status).toBe(200);

    for (const id of [a, b, d]) {
      const res = await api
        .http()
        .post(`/api/applications/${id}/eligibility`)
        .set(bearer(fm))
        .send({ eligible: true, reason: 'fits the call' });
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('eligible');
    }
    const out = await api
      .http()
      .post(`/api/applications/${c}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: false, reason: 'no registration papers' });
    expect(out.body).toMatchObject({ status: 'ineligible', eligibilityReason: 'no registration papers' });
    const again = await api
      .http()
      .post(`/api/applications/${c}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: true, reason: 'changed mind' });
    expect(again.status).toBe(409);
    const ngoScreens = await api
      .http()
      .post(`/api/applications/${a}/eligibility`)
      .set(bearer(ngoA.token))
      .send({ eligible: true, reason: 'x' });
    expect(ngoScreens.status).toBe(403);

    const [r1, r2, r3] = await Promise.all([
      userWithRoles(api, ['reviewer']),
      userWithRoles(api, ['reviewer']),
      userWithRoles(api, ['reviewer']),
    ]);
    const assign = (app: string, reviewerId: string) =>
      api.http().post(`/api/applications/${app}/assignments`).set(bearer(fm)).send({ reviewerId });

    // an ineligible application, a non-reviewer and a duplicate are refused
    expect((await assign(c, r1.id)).status).toBe(422);
    const notReviewer = await assign(a, (await userWithRoles(api, ['finance'])).id);
    expect(notReviewer.status).toBe(422);
    expect(notReviewer.body.code).toBe('REVIEWS.NOT_A_REVIEWER');

    const a1 = await assign(a, r1.id);
    expect(a1.status).toBe(201);
    expect((await api.http().get(`/api/calls/${callId}`).set(bearer(fm))).body.status).toBe('under_review');
    expect((await assign(a, r1.id)).status).toBe(409);
    const a2 = (await assign(a, r2.id)).body.id as string;
    const a3 = (await assign(a, r3.id)).body.id as string;
    const b1 = (await assign(b, r1.id)).body.id as string;
    const b2 = (await assign(b, r2.id)).body.id as string;
    const b3 = (await assign(b, r3.id)).body.id as string;

    // reviewers see only the applications assigned to them, without the organization (blind call)
    const seen = await api.http().get(`/api/applications?callId=${callId}`).set(bearer(r1.token));
    expect(seen.body.items.map((x: { id: string }) => x.id).sort()).toEqual([a, b].sort());
    expect(seen.body.items[0]).not.toHaveProperty('organizationId');
    expect(seen.body.items[0]).not.toHaveProperty('organizationName');
    expect((await api.http().get(`/api/applications/${d}`).set(bearer(r1.token))).status).toBe(404);
    expect((await api.http().get(`/api/applications/${a}`).set(bearer(fm))).body.organizationId).toBe(
      ngoA.organizationId,
    );
    const stranger = await userWithRoles(api, ['reviewer']);
    expect((await api.http().get(`/api/applications/${a}`).set(bearer(stranger.token))).status).toBe(404);

    // r3 declares a conflict on A: it can no longer score
    const conflict = await api
      .http()
      .post(`/api/assignments/${a3}/conflict`)
      .set(bearer(r3.token))
      .send({ reason: 'former employer' });
    expect(conflict.status).toBe(200);
    expect(conflict.body.status).toBe('conflict');
    const blocked = await api
      .http()
      .put(`/api/assignments/${a3}/scores`)
      .set(bearer(r3.token))
      .send(scores(10, 5, 4));
    expect(blocked.status).toBe(409);
    expect(blocked.body.type).toBe('/problems/review-conflict');
    // another reviewer's assignment does not exist for r1
    expect(
      (
        await api
          .http()
          .put(`/api/assignments/${a2}/scores`)
          .set(bearer(r1.token))
          .send(scores(1, 1, 1))
      ).status,
    ).toBe(404);

    // bad scores are 400; submitting before scoring is 422
    const tooHigh = await api
      .http()
      .put(`/api/assignments/${a1.body.id}/scores`)
      .set(bearer(r1.token))
      .send(scores(11, 4, 3));
    expect(tooHigh.status).toBe(400);
    expect(tooHigh.body.code).toBe('REVIEWS.INVALID_SCORES');
    const missing = await api
      .http()
      .put(`/api/assignments/${a1.body.id}/scores`)
      .set(bearer(r1.token))
      .send({ scores: scores(8, 4, 3).scores.slice(0, 2) });
    expect(missing.status).toBe(400);
    const fraction = await api
      .http()
      .put(`/api/assignments/${a1.body.id}/scores`)
      .set(bearer(r1.token))
      .send(scores(7.5, 4, 3));
    expect(fraction.status).toBe(400);
    const noComment = await api
      .http()
      .put(`/api/assignments/${a1.body.id}/scores`)
      .set(bearer(r1.token))
      .send({ scores: scores(8, 4, 3).scores.map((s) => ({ criterion: s.criterion, score: s.score })) });
    expect(noComment.status).toBe(400);
    expect(
      (await api.http().post(`/api/assignments/${a1.body.id}/submit`).set(bearer(r1.token))).status,
    ).toBe(422);

    const review = async (id: string, token: string, s: [number, number, number], submit = true) => {
      const put = await api
        .http()
        .put(`/api/assignments/${id}/scores`)
        .set(bearer(token))
        .send(scores(...s));
      expect(put.status).toBe(200);
      if (submit)
        expect((await api.http().post(`/api/assignments/${id}/submit`).set(bearer(token))).status).toBe(200);
    };
    await review(a1.body.id, r1.token, [8, 4, 3]); // 79
    await review(a2, r2.token, [7, 2, 1]); // 52
    await review(b1, r1.token, [10, 5, 4]); // 100
    await review(b2, r2.token, [9, 4, 3]); // 84
    await review(b3, r3.token, [0, 0, 0], false); // scored, never submitted: left out

    const locked = await api
      .http()
      .put(`/api/assignments/${a1.body.id}/scores`)
      .set(bearer(r1.token))
      .send(scores(1, 1, 1));
    expect(locked.status).toBe(409);
    expect(locked.body.type).toBe('/problems/review-submitted');

    // a reviewer sees only their own assignments and scores
    const mine = await api.http().get('/api/assignments').set(bearer(r1.token));
    expect(mine.body.items.map((x: { id: string }) => x.id).sort()).toEqual([a1.body.id, b1].sort());
    expect(mine.body.items.every((x: { reviewerId: string }) => x.reviewerId === r1.id)).toBe(true);
    expect(mine.body.items.find((x: { id: string }) => x.id === a1.body.id).score).toBe(79);

    const ranking = await api.http().get(`/api/calls/${callId}/ranking`).set(bearer(fm));
    expect(ranking.status).toBe(200);
    const meanA = (byHand(8, 4, 3) + byHand(7, 2, 1)) / 2; // (79 + 52) / 2 = 65.5
    const meanB = (byHand(10, 5, 4) + byHand(9, 4, 3)) / 2; // (100 + 84) / 2 = 92
    expect(ranking.body.items).toEqual([
      { applicationId: b, score: meanB, reviewerCount: 2, spread: 16, flagged: false },
      { applicationId: a, score: meanA, reviewerCount: 2, spread: 27, flagged: true },
      { applicationId: d, score: null, reviewerCount: 0, spread: null, flagged: false },
    ]);
    const strict = await api.http().get(`/api/calls/${callId}/ranking?threshold=10`).set(bearer(fm));
    expect(strict.body.items.map((x: { flagged: boolean }) => x.flagged)).toEqual([true, true, false]);
    expect((await api.http().get(`/api/calls/${callId}/ranking?threshold=abc`).set(bearer(fm))).status).toBe(
      400,
    );
    expect((await api.http().get(`/api/calls/${callId}/ranking`).set(bearer(r1.token))).status).toBe(403);

    const audit: { action: string }[] = await api.db.query(
      `SELECT action FROM audit_log WHERE entity = 'review_assignment' AND entity_id = $1 ORDER BY at`,
      [a3],
    );
    expect(audit.map((x) => x.action)).toEqual(['review.assigned', 'review.conflict_declared']);
  });

  it('lets an NGO withdraw an eligible application but not an ineligible one', async () => {
    const fm = (await userWithRoles(api, ['fund_manager'])).token;
    const fundId = await createFund(api);
    const callId = await callIn(api, fm, fundId, 'open');
    const ngo = await verifiedNgo(api);
    const other = await verifiedNgo(api);
    const id = await submittedApplication(api, callId, ngo.token);
    const id2 = await submittedApplication(api, callId, other.token);
    await api.http().post(`/api/calls/${callId}/close`).set(bearer(fm));
    await api
      .http()
      .post(`/api/applications/${id}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: true, reason: 'ok' });
    await api
      .http()
      .post(`/api/applications/${id2}/eligibility`)
      .set(bearer(fm))
      .send({ eligible: false, reason: 'no' });
    expect((await api.http().post(`/api/applications/${id2}/withdraw`).set(bearer(other.token))).status).toBe(
      409,
    );
    const res = await api.http().post(`/api/applications/${id}/withdraw`).set(bearer(ngo.token));
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('withdrawn');
    const stranger = await registerNgo(api);
    expect((await api.http().get(`/api/applications/${id}`).set(bearer(stranger.token))).status).toBe(404);
  });
});

describe('grant cycle jobs', () => {
  it('tells the NGO members "we received your application" once the worker relays the submission', async () => {
    const api = await startApi();
    const worker = await startWorker();
    try {
      const fm = (await userWithRoles(api, ['fund_manager'])).token;
      const callId = await callIn(api, fm, await createFund(api), 'open');
      const ngo = await verifiedNgo(api);
      const id = await submittedApplication(api, callId, ngo.token);
      const relay = worker.get(OutboxRelay);
      await relay.drain();
      const inbox = await waitFor(
        async () =>
          (await api.http().get('/api/me/notifications').set(bearer(ngo.token))).body as {
            kind: string;
            subject: string;
          }[],
        (items) => items.some((n) => n.kind === 'application.submitted'),
      );
      expect(inbox.filter((n) => n.kind === 'application.submitted')).toHaveLength(1);
      const rows: unknown[] = await api.db.query(`SELECT 1 FROM notifications WHERE event_id = $1`, [
        `application:${id}:submitted`,
      ]);
      expect(rows).toHaveLength(1);
    } finally {
      await worker.close();
      await api.close();
    }
  });
});
