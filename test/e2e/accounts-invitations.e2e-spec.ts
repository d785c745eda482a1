import { createFund } from '../factories/money';
import { Clock } from '@app/core';
import { Api, registerNgo, unique } from '../setup/harness';
import { linkToken, mailJourney } from '../setup/mail';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const HOUR = 3600_000;

describe('invitations: single-use links, 72 hours, resend and revoke', () => {
  const j = mailJourney();
  let api: Api;
  let admin: string;
  const { mailTo } = j;
  beforeAll(() => {
    ({ api, admin } = j);
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

  it('lets exactly one of two concurrent acceptances of one link through', async () => {
    const email = `${unique('race')}@staff.example.org`;
    const inv = await api
      .http()
      .post('/api/invitations')
      .set(bearer(admin))
      .send({ email, roles: ['reviewer'] });
    expect(inv.status).toBe(201);
    const token = linkToken(await mailTo(email, /invited/));
    const answers = await Promise.all(
      ['First', 'Second'].map((name) =>
        api.http().post('/api/auth/invitations/accept').send({ token, password: 'a-racing-password', name }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 400]);
    const users = await api.db.query(`SELECT name FROM users WHERE lower(email) = lower($1)`, [email]);
    expect(users).toHaveLength(1);
  });
});
