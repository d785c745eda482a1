import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { NotificationsService, type NoticeKind } from '@app/identity';
import { Api, login, registerNgo, unique, userWithRoles } from '../setup/harness';
import { subjectOf, textOf, mailJourney } from '../setup/mail';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('NGO teams, own profile, notification preferences and the daily digest', () => {
  const j = mailJourney();
  let api: Api;
  let worker: INestApplicationContext;
  const { mailsTo, mailTo } = j;
  beforeAll(() => {
    ({ api, worker } = j);
  });

  it("lets an NGO admin run their team, and never another organization's members (404)", async () => {
    const a = await registerNgo(api);
    const b = await registerNgo(api);
    const member = await userWithRoles(api, ['ngo'], { organizationId: a.organizationId });
    const list = await api.http().get('/api/team/members').set(bearer(a.token));
    expect(list.status).toBe(200);
    expect(list.body.items.map((m: { id: string }) => m.id).sort()).toEqual([a.userId, member.id].sort());

    for (const action of ['deactivate', 'reactivate', 'hand-admin']) {
      const res = await api.http().post(`/api/team/members/${member.id}/${action}`).set(bearer(b.token));
      expect(res.status).toBe(404);
      expect(res.body.type).toBe('/problems/not-found');
    }
    expect(
      (await api.http().post(`/api/team/members/${b.userId}/deactivate`).set(bearer(a.token))).status,
    ).toBe(404);
    expect((await api.http().get('/api/team/members').set(bearer(member.token))).status).toBe(403);

    const off = await api.http().post(`/api/team/members/${member.id}/deactivate`).set(bearer(a.token));
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await api.http().get('/api/me').set(bearer(member.token))).status).toBe(401);
    const on = await api.http().post(`/api/team/members/${member.id}/reactivate`).set(bearer(a.token));
    expect(on.body.active).toBe(true);
    const memberToken = await login(api, member.email, 'a-good-password-1');

    const self = await api.http().post(`/api/team/members/${a.userId}/deactivate`).set(bearer(a.token));
    expect(self.status).toBe(422);
    const handed = await api.http().post(`/api/team/members/${member.id}/hand-admin`).set(bearer(a.token));
    expect(handed.status).toBe(200);
    expect(handed.body.isOrgAdmin).toBe(true);
    expect((await api.http().get('/api/team/members').set(bearer(a.token))).status).toBe(403);
    const now = await api.http().get('/api/team/members').set(bearer(memberToken));
    expect(
      now.body.items.filter((m: { isOrgAdmin: boolean }) => m.isOrgAdmin).map((m: { id: string }) => m.id),
    ).toEqual([member.id]);
  });

  it('shows and changes the own profile; a bad locale is 400 and changes nothing', async () => {
    const u = await userWithRoles(api, ['reviewer']);
    const me = await api.http().get('/api/me').set(bearer(u.token));
    expect(me.body).toMatchObject({ locale: 'en', isOrgAdmin: false });
    const bad = await api
      .http()
      .patch('/api/me')
      .set(bearer(u.token))
      .send({ locale: 'de', name: 'Changed' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['locale']);
    expect((await api.http().patch('/api/me').set(bearer(u.token)).send({ email: 'x@y.org' })).status).toBe(
      400,
    );
    expect((await api.http().get('/api/me').set(bearer(u.token))).body.name).toBe(me.body.name);
    for (const locale of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) {
      const ok = await api
        .http()
        .patch('/api/me')
        .set(bearer(u.token))
        .send({ locale, name: 'Ana Reviewer' });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({ locale, name: 'Ana Reviewer' });
    }
    const audit = await api.db.query(
      `SELECT summary FROM audit_log WHERE action = 'user.profile-updated' AND entity_id = $1`,
      [u.id],
    );
    expect(audit).toHaveLength(6);
  });

  it('honours notification preferences, and the daily digest sends one mail per user per day', async () => {
    const [u1, u2] = await Promise.all([userWithRoles(api, ['reviewer']), userWithRoles(api, ['reviewer'])]);
    const prefs = await api.http().get('/api/me/notification-preferences').set(bearer(u1.token));
    expect(prefs.status).toBe(200);
    expect(prefs.body.items).toEqual(
      expect.arrayContaining([
        { kind: 'review.assigned', description: expect.any(String), channel: 'email' },
      ]),
    );
    const unknown = await api
      .http()
      .put('/api/me/notification-preferences')
      .set(bearer(u1.token))
      .send({ items: [{ kind: 'no.such-kind', channel: 'digest' }] });
    expect(unknown.status).toBe(400);
    for (const u of [u1, u2]) {
      const put = await api
        .http()
        .put('/api/me/notification-preferences')
        .set(bearer(u.token))
        .send({
          items: [
            { kind: 'review.assigned', channel: 'digest' },
            { kind: 'grant.signed', channel: 'portal' },
          ],
        });
      expect(put.status).toBe(200);
      expect(put.body.items).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'review.assigned', channel: 'digest' }),
          expect.objectContaining({ kind: 'grant.signed', channel: 'portal' }),
          expect.objectContaining({ kind: 'grant.closed', channel: 'email' }),
        ]),
      );
    }
    const notifications = worker.get(NotificationsService);
    const tag = unique('n');
    const notice = (kind: NoticeKind, i: number) => ({
      eventId: `${tag}:${kind}:${i}`,
      kind,
      subject: `${tag} ${kind} ${i}`,
      body: `body ${i}`,
    });
    await notifications.notifyUsers([u1.id, u2.id], notice('review.assigned', 1));
    await notifications.notifyUsers([u1.id], notice('review.assigned', 2));
    await notifications.notifyUsers([u1.id], notice('grant.signed', 3));
    await notifications.notifyUsers([u1.id], notice('grant.closed', 4));
    await mailTo(u1.email, new RegExp(`${tag} grant.closed 4`)); // e-mail at once
    const inApp = await api.http().get('/api/me/notifications').set(bearer(u1.token));
    expect(
      inApp.body.map((n: { subject: string }) => n.subject).filter((s: string) => s.startsWith(tag)),
    ).toHaveLength(4);

    const day = new Date().toISOString().slice(0, 10);
    const queue = worker.get<Queue>(getQueueToken('identity'), { strict: false });
    await queue.add('identity.daily-digest', { day }, { jobId: unique('digest') });
    const digest = await mailTo(u1.email, /^Your daily digest/);
    expect(subjectOf(digest)).toBe(`Your daily digest (${day})`);
    expect(textOf(digest)).toContain(`${tag} review.assigned 1`);
    expect(textOf(digest)).toContain(`${tag} review.assigned 2`);
    expect(textOf(digest)).not.toContain(`${tag} grant.signed 3`);
    await mailTo(u2.email, /^Your daily digest/);
    // a second run of the day (a retry, a second scheduler) mails nobody again
    await queue.add('identity.daily-digest', { day }, { jobId: unique('digest') });
    await new Promise((r) => setTimeout(r, 1500));
    expect(mailsTo(u1.email, /^Your daily digest/)).toHaveLength(1);
    expect(mailsTo(u2.email, /^Your daily digest/)).toHaveLength(1);
    // portal-only and digest notices were never mailed one by one
    expect(mailsTo(u1.email, new RegExp(`${tag} (review.assigned|grant.signed)`))).toEqual([]);
  });

  it('describes every new route in the OpenAPI document, with a success schema and problems', async () => {
    const doc = (await api.http().get('/api/docs-json')).body;
    const routes: [string, string, string][] = [
      ['/api/auth/register', 'post', '201'],
      ['/api/auth/confirm-email', 'post', '200'],
      ['/api/auth/invitations/accept', 'post', '200'],
      ['/api/invitations', 'post', '201'],
      ['/api/invitations', 'get', '200'],
      ['/api/invitations/{id}/resend', 'post', '200'],
      ['/api/invitations/{id}/revoke', 'post', '200'],
      ['/api/team/members', 'get', '200'],
      ['/api/team/members/{id}/deactivate', 'post', '200'],
      ['/api/team/members/{id}/reactivate', 'post', '200'],
      ['/api/team/members/{id}/hand-admin', 'post', '200'],
      ['/api/me', 'patch', '200'],
      ['/api/me/notification-preferences', 'get', '200'],
      ['/api/me/notification-preferences', 'put', '200'],
    ];
    for (const [path, method, status] of routes) {
      const op = doc.paths[path]?.[method];
      expect({ path, method, summary: op?.summary, tags: op?.tags?.length }).toEqual({
        path,
        method,
        summary: expect.any(String),
        tags: 1,
      });
      expect(op.responses[status].content['application/json'].schema).toBeDefined();
      const problems = Object.keys(op.responses).filter((s) => s >= '400');
      expect({ path, method, problems: problems.length > 0 }).toEqual({ path, method, problems: true });
    }
  });
});
