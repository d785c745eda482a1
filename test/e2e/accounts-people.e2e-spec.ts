import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { Clock } from '@app/core';
import { NotificationsService } from '@app/identity';
import { createFund } from '../factories/money';
import {
  Api,
  adminToken,
  login,
  registerNgo,
  startApi,
  startWorker,
  unique,
  userWithRoles,
  waitFor,
} from '../setup/harness';
import { ReceivedMail, startSmtp } from '../setup/smtp';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const HOUR = 3600_000;

/** The text of a mail as written (quoted-printable soft breaks and escapes undone). */
function textOf(mail: ReceivedMail): string {
  return mail.raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** Q-encoding (RFC 2047): `_` is a space, `=XX` a byte. */
function qDecode(text: string): string {
  const bytes: number[] = [];
  const t = text.replace(/_/g, ' ');
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(t.slice(i + 1, i + 3))) {
      bytes.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(t.charCodeAt(i));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The subject as written: RFC 2047 encoded words (non-ASCII subjects) decoded. */
function subjectOf(mail: ReceivedMail): string {
  return mail.subject
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qDecode(text),
    );
}

function linkToken(mail: ReceivedMail): string {
  const m = /#token=([A-Za-z0-9_-]+)/.exec(textOf(mail));
  if (!m) throw new Error(`no link in mail "${mail.subject}"`);
  return m[1];
}

/** Recursively the keys and value types of a JSON value: the "shape" two answers must share. */
function shapeOf(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shapeOf);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, shapeOf(v)]),
    );
  return value === null ? 'null' : typeof value;
}

describe('accounts people run themselves: registration, invitations, teams, profile, preferences, digest', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let admin: string;

  const mailsTo = (email: string, subject?: RegExp) =>
    smtp.mails.filter((m) => m.to.includes(email.toLowerCase()) && (!subject || subject.test(subjectOf(m))));
  const mailTo = (email: string, subject: RegExp, count = 1) =>
    waitFor(
      async () => mailsTo(email, subject),
      (ms) => ms.length >= count,
      15_000,
    ).then((ms) => ms[count - 1]);
  const registerBody = (email: string, name = unique('NGO')) => ({
    organization: { name, country: 'KE', registrationNumber: unique('REG') },
    user: { email, password: 'a-long-ngo-password', name: 'Wanjiru Kamau' },
  });

  beforeAll(async () => {
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    api = await startApi();
    worker = await startWorker();
    admin = await adminToken(api);
  });
  afterAll(async () => {
    api?.app.get(Clock).reset();
    await worker?.close();
    await api?.close();
    delete process.env.SMTP_URL;
    await smtp?.close();
  });

  it('keeps an NGO inactive until the mailed link confirms it; fund managers hear of it only then', async () => {
    const email = `${unique('self')}@ngo.example.org`;
    const res = await api.http().post('/api/auth/register').send(registerBody(email));
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ active: false, isOrgAdmin: true, roles: ['ngo'] });
    const orgId = res.body.organization.id;
    const registeredEvents = () =>
      api.db.query(
        `SELECT 1 FROM outbox WHERE name = 'identity.organization-registered' AND payload->>'organizationId' = $1`,
        [orgId],
      );

    const refused = await api.http().post('/api/auth/login').send({ email, password: 'a-long-ngo-password' });
    expect(refused.status).toBe(401);
    expect(await registeredEvents()).toEqual([]);

    const mail = await mailTo(email, /^Confirm your e-mail address$/);
    const token = linkToken(mail);
    const [stored] = await api.db.query(
      `SELECT encode(token_hash, 'hex') AS h FROM account_tokens WHERE user_id = $1`,
      [res.body.user.id],
    );
    expect(stored.h).not.toContain(Buffer.from(token).toString('hex')); // only the hash is stored
    const confirmed = await api.http().post('/api/auth/confirm-email').send({ token });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ id: res.body.user.id, active: true });
    expect(await registeredEvents()).toHaveLength(1);
    await expect(login(api, email, 'a-long-ngo-password')).resolves.toEqual(expect.any(String));

    const again = await api.http().post('/api/auth/confirm-email').send({ token });
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ type: '/problems/token-invalid', code: 'AUTH.TOKEN_INVALID' });
    const audit = await api.db.query(
      `SELECT summary FROM audit_log WHERE action = 'user.email-confirmed' AND entity_id = $1`,
      [res.body.user.id],
    );
    expect(audit).toHaveLength(1);
    expect(audit[0].summary.address).toMatch(/127\.0\.0\.1/);
  });

  it('answers a registration of an existing e-mail (any letter case) exactly as a new one, and warns that address', async () => {
    const ngo = await registerNgo(api); // registered and confirmed
    await api.http().patch('/api/me').set(bearer(ngo.token)).send({ locale: 'fr' }).expect(200);
    const fresh = await api
      .http()
      .post('/api/auth/register')
      .send(registerBody(`${unique('fresh')}@ngo.example.org`));
    const secondName = unique('Copycat NGO');
    const dup = await api
      .http()
      .post('/api/auth/register')
      .send(registerBody(ngo.email.toUpperCase(), secondName));
    expect(dup.status).toBe(fresh.status);
    expect(dup.headers['content-type']).toBe(fresh.headers['content-type']);
    expect(shapeOf(dup.body)).toEqual(shapeOf(fresh.body));
    expect(dup.body.user).toMatchObject({ active: false, isOrgAdmin: true, email: ngo.email.toUpperCase() });
    expect(dup.body.user.id).not.toBe(ngo.userId);
    expect(dup.body.organization.id).not.toBe(ngo.organizationId);
    // nothing was created, and the ids answered name nothing
    expect(await api.db.query(`SELECT 1 FROM organizations WHERE name = $1`, [secondName])).toEqual([]);
    expect(await api.db.query(`SELECT 1 FROM users WHERE id = $1`, [dup.body.user.id])).toEqual([]);
    // the owner of the address hears of it, in their language
    const warning = await mailTo(ngo.email, /^Quelqu'un a essayé de s'inscrire avec votre adresse$/);
    expect(textOf(warning)).toContain('already has an account');
    await expect(login(api, ngo.email, 'ngo-password-123')).resolves.toEqual(expect.any(String));
  });

  it('keeps a malformed registration body a 400 that changes nothing', async () => {
    for (const body of [{}, null, { user: [] }, { organization: 'x', user: 1 }]) {
      const res = await api
        .http()
        .post('/api/auth/register')
        .set('content-type', 'application/json')
        .send(JSON.stringify(body));
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    const short = await api
      .http()
      .post('/api/auth/register')
      .send({
        ...registerBody(`${unique('short')}@ngo.example.org`),
        user: { email: `${unique('s')}@x.org`, password: 'only-11-chr', name: 'A' },
      });
    expect(short.status).toBe(400);
    expect(short.body.errors).toEqual([
      { field: 'user.password', messages: [expect.stringMatching(/12 characters/)] },
    ]);
  });

  it('limits registrations per e-mail and per client address (429), counted in Redis', async () => {
    const email = `${unique('limit')}@ngo.example.org`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await api.http().post('/api/auth/register').send(registerBody(email))).status);
    expect(statuses).toEqual([201, 201, 201, 429]);

    // a second API process with a low per-address limit and a fresh prefix: two pass, the third is refused
    const prefix = unique('tfg-e2-reg').replace(/[^A-Za-z0-9_-]/g, '');
    const saved = { limit: process.env.REGISTRATIONS_PER_HOUR, prefix: process.env.REDIS_PREFIX };
    Object.assign(process.env, { REGISTRATIONS_PER_HOUR: '2', REDIS_PREFIX: prefix });
    const strict = await startApi();
    const other = await startApi();
    Object.assign(process.env, { REGISTRATIONS_PER_HOUR: saved.limit, REDIS_PREFIX: saved.prefix });
    try {
      const codes: number[] = [];
      for (const app of [strict, other, strict]) {
        const res = await app
          .http()
          .post('/api/auth/register')
          .send(registerBody(`${unique('addr')}@ngo.example.org`));
        codes.push(res.status);
        if (res.status === 429) expect(res.body.type).toBe('/problems/too-many-registrations');
      }
      expect(codes).toEqual([201, 201, 429]); // two processes, one count
    } finally {
      await strict.close();
      await other.close();
    }
  });

  it('lets an invited staff member in once with the invited roles and funds; the link dies after use and after 72 hours', async () => {
    const fund = await createFund(api, admin);
    const email = `${unique('fm')}@staff.example.org`;
    const invited = await api
      .http()
      .post('/api/invitations')
      .set(bearer(admin))
      .send({ email, roles: ['fund_manager'], fundIds: [fund.id], locale: 'es' });
    expect(invited.status).toBe(201);
    expect(invited.body).toMatchObject({ email, status: 'pending', fundIds: [fund.id] });
    const mail = await mailTo(email, /^Ha recibido una invitación a Trust Fund Grants$/);
    const token = linkToken(mail);

    const accept = { token, password: 'an-invited-password', name: 'Lucía Pérez' };
    const weak = await api
      .http()
      .post('/api/auth/invitations/accept')
      .send({ ...accept, password: 'too-short' });
    expect(weak.status).toBe(400);
    const accepted = await api.http().post('/api/auth/invitations/accept').send(accept);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ accessToken: expect.any(String), tokenType: 'Bearer' });
    const me = await api.http().get('/api/me').set(bearer(accepted.body.accessToken));
    expect(me.body).toMatchObject({
      email,
      roles: ['fund_manager'],
      fundIds: [fund.id],
      locale: 'es',
      name: 'Lucía Pérez',
    });
    const twice = await api.http().post('/api/auth/invitations/accept').send(accept);
    expect(twice.status).toBe(400);
    expect(twice.body.type).toBe('/problems/token-invalid');

    // a second invitation, opened 72 hours and a second later
    const late = `${unique('late')}@staff.example.org`;
    const inv2 = await api
      .http()
      .post('/api/invitations')
      .set(bearer(admin))
      .send({ email: late, roles: ['reviewer'] });
    expect(inv2.status).toBe(201);
    const lateToken = linkToken(await mailTo(late, /invited/));
    const clock = api.app.get(Clock);
    clock.reset(new Date(Date.now() + 72 * HOUR + 1000));
    try {
      const expired = await api
        .http()
        .post('/api/auth/invitations/accept')
        .send({ token: lateToken, password: 'an-invited-password', name: 'Late' });
      expect(expired.status).toBe(400);
      expect(expired.body.type).toBe('/problems/token-invalid');
      expect(await api.db.query(`SELECT 1 FROM users WHERE lower(email) = lower($1)`, [late])).toEqual([]);
      const listed = await api.http().get('/api/invitations?limit=500').set(bearer(admin));
      expect(listed.body.items.find((i: { id: string }) => i.id === inv2.body.id)).toMatchObject({
        status: 'expired',
      });
      // resent: a new link that works, the old one still dead
      const resent = await api.http().post(`/api/invitations/${inv2.body.id}/resend`).set(bearer(admin));
      expect(resent.status).toBe(200);
      expect(resent.body.status).toBe('pending');
      const newToken = linkToken(await mailTo(late, /invited/, 2));
      expect(newToken).not.toBe(lateToken);
      const body = { password: 'an-invited-password', name: 'Late' };
      expect(
        (
          await api
            .http()
            .post('/api/auth/invitations/accept')
            .send({ ...body, token: lateToken })
        ).status,
      ).toBe(400);
      expect(
        (
          await api
            .http()
            .post('/api/auth/invitations/accept')
            .send({ ...body, token: newToken })
        ).status,
      ).toBe(200);
    } finally {
      clock.reset();
    }
    const audit = await api.db.query(
      `SELECT action, summary::text AS s FROM audit_log WHERE entity = 'invitation' AND entity_id = $1 ORDER BY at`,
      [invited.body.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'invitation.created',
      'invitation.accepted',
    ]);
    for (const a of audit) {
      expect(a.s).toContain('address');
      expect(a.s).not.toContain(token);
      expect(a.s).not.toContain('an-invited-password');
    }
  });

  it("lets an organization admin invite, list, resend and revoke their own organization's invitations only", async () => {
    const a = await registerNgo(api);
    const b = await registerNgo(api);
    const email = `${unique('member')}@ngo.example.org`;
    const inv = await api
      .http()
      .post('/api/invitations')
      .set(bearer(a.token))
      .send({ email, roles: ['ngo'] });
    expect(inv.status).toBe(201);
    expect(inv.body.organizationId).toBe(a.organizationId);
    const token = linkToken(await mailTo(email, /invited/));

    const staff = await api
      .http()
      .post('/api/invitations')
      .set(bearer(a.token))
      .send({ email: `${unique('x')}@x.org`, roles: ['admin'] });
    expect(staff.status).toBe(403);
    const elsewhere = await api
      .http()
      .post('/api/invitations')
      .set(bearer(a.token))
      .send({ email: `${unique('x')}@x.org`, roles: ['ngo'], organizationId: b.organizationId });
    expect(elsewhere.status).toBe(404);
    const dupe = await api
      .http()
      .post('/api/invitations')
      .set(bearer(a.token))
      .send({ email: email.toUpperCase(), roles: ['ngo'] });
    expect(dupe.status).toBe(409);

    const listA = await api.http().get('/api/invitations').set(bearer(a.token));
    expect(listA.body.items.map((i: { id: string }) => i.id)).toEqual([inv.body.id]);
    const listB = await api.http().get('/api/invitations').set(bearer(b.token));
    expect(listB.body.items).toEqual([]);
    expect(
      (await api.http().post(`/api/invitations/${inv.body.id}/resend`).set(bearer(b.token))).status,
    ).toBe(404);
    expect(
      (await api.http().post(`/api/invitations/${inv.body.id}/revoke`).set(bearer(b.token))).status,
    ).toBe(404);

    const revoked = await api.http().post(`/api/invitations/${inv.body.id}/revoke`).set(bearer(a.token));
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    const refused = await api
      .http()
      .post('/api/auth/invitations/accept')
      .send({ token, password: 'a-member-password', name: 'M' });
    expect(refused.status).toBe(400);
    expect(refused.body.type).toBe('/problems/token-invalid');
    expect(
      (await api.http().post(`/api/invitations/${inv.body.id}/revoke`).set(bearer(a.token))).status,
    ).toBe(409);
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
    const notice = (kind: string, i: number) => ({
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
