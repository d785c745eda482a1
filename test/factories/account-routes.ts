import { Secret, TOTP } from 'otpauth';
import type { Response } from 'supertest';
import { AccountLinks } from '@app/identity';
import { Api, confirmationToken, unique } from '../setup/harness';
import { bearer } from './grant-cycle';

/** Checks an answer's status and that the OpenAPI document describes it (openapi-responses.e2e-spec.ts). */
export type Answer = (status: number, res: Response) => Response;

const PASSWORD = 'doc-password-123';
const REFUSED_TOKEN = 'a'.repeat(43);

/** A POST /api/auth/register body: a new NGO in Kenya and its first member. */
export function registration(email: string, password: string) {
  return {
    organization: { name: unique('Org'), country: 'KE', registrationNumber: unique('R') },
    user: { email, password, name: 'Doc NGO' },
  };
}

/** The token of the latest link mailed for an invitation, as the worker writes it into the mail. */
async function invitationToken(api: Api, invitationId: string): Promise<string> {
  const [row]: { id: string }[] = await api.db.query(
    `SELECT id FROM account_tokens WHERE invitation_id = $1 AND purpose = 'invitation'
     ORDER BY created_at DESC LIMIT 1`,
    [invitationId],
  );
  if (!row) throw new Error(`no invitation link for ${invitationId}`);
  return api.app.get(AccountLinks).tokenFor(row.id);
}

/**
 * The account routes through their real flows, each answer checked against the document: registration and
 * its mailed confirmation, sessions (sign-in, refresh, list, end, sign-out), the profile and notification
 * preferences, password change and reset, two-factor enrolment and its second sign-in step, invitations and
 * the organization admin's team. Routes that need a mailed secret the test cannot read (a reset link) are
 * reached with a refused token: a described problem answer.
 */
export async function reachAccountRoutes(api: Api, ok: Answer, admin: string): Promise<void> {
  const http = () => api.http();
  const email = `${unique('acct')}@ngo.example.org`;
  const reg = ok(201, await http().post('/api/auth/register').send(registration(email, PASSWORD)));
  const userId = reg.body.user.id as string;
  ok(400, await http().post('/api/auth/confirm-email').send({ token: REFUSED_TOKEN }));
  const token = await confirmationToken(api, userId);
  ok(200, await http().post('/api/auth/confirm-email').send({ token }));

  // sessions
  const signIn = () => http().post('/api/auth/login').send({ email, password: PASSWORD });
  const first = ok(200, await signIn());
  const main = ok(200, await signIn());
  const ngo = main.body.accessToken as string;
  ok(401, await http().post('/api/auth/refresh').send({ refreshToken: REFUSED_TOKEN }));
  ok(200, await http().post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken }));
  ok(200, await http().get('/api/me/sessions').set(bearer(ngo)));
  ok(204, await http().delete(`/api/me/sessions/${first.body.sessionId}`).set(bearer(ngo)));
  ok(404, await http().delete(`/api/me/sessions/${first.body.sessionId}`).set(bearer(ngo)));

  // profile and notification preferences
  ok(200, await http().patch('/api/me').set(bearer(ngo)).send({ name: 'Doc Admin 2', locale: 'fr' }));
  ok(400, await http().patch('/api/me').set(bearer(ngo)).send({ locale: 'xx' }));
  const prefs = ok(200, await http().get('/api/me/notification-preferences').set(bearer(ngo)));
  const kind = (prefs.body.items as { kind: string }[])[0].kind;
  ok(
    200,
    await http()
      .put('/api/me/notification-preferences')
      .set(bearer(ngo))
      .send({ items: [{ kind, channel: 'digest' }] }),
  );

  // the team: an invited member accepts, then the organization admin manages them
  const invite = (to: string) =>
    http()
      .post('/api/invitations')
      .set(bearer(ngo))
      .send({ email: to, roles: ['ngo'] });
  const invited = ok(201, await invite(`${unique('inv')}@ngo.example.org`));
  ok(409, await invite(invited.body.email));
  ok(200, await http().get('/api/invitations').set(bearer(admin)));
  ok(200, await http().post(`/api/invitations/${invited.body.id}/resend`).set(bearer(ngo)));
  const accepted = ok(
    200,
    await http()
      .post('/api/auth/invitations/accept')
      .send({ token: await invitationToken(api, invited.body.id), password: PASSWORD, name: 'Member' }),
  );
  ok(409, await http().post(`/api/invitations/${invited.body.id}/revoke`).set(bearer(ngo)));
  const other = ok(201, await invite(`${unique('inv')}@ngo.example.org`));
  ok(200, await http().post(`/api/invitations/${other.body.id}/revoke`).set(bearer(ngo)));
  const team = ok(200, await http().get('/api/team/members').set(bearer(ngo)));
  const member = (team.body.items as { id: string }[]).find((m) => m.id !== userId)!.id;
  ok(403, await http().get('/api/team/members').set(bearer(accepted.body.accessToken)));
  ok(200, await http().post(`/api/team/members/${member}/deactivate`).set(bearer(ngo)));
  ok(200, await http().post(`/api/team/members/${member}/reactivate`).set(bearer(ngo)));
  ok(422, await http().post(`/api/team/members/${userId}/hand-admin`).set(bearer(ngo)));
  ok(200, await http().post(`/api/team/members/${member}/hand-admin`).set(bearer(ngo)));

  // passwords: a change (the other sessions end), a reset request, a refused reset link
  ok(
    422,
    await http()
      .post('/api/me/password')
      .set(bearer(ngo))
      .send({ currentPassword: 'not-the-password', newPassword: 'another-password-123' }),
  );
  ok(
    204,
    await http()
      .post('/api/me/password')
      .set(bearer(ngo))
      .send({ currentPassword: PASSWORD, newPassword: PASSWORD }),
  );
  ok(202, await http().post('/api/auth/password-reset').send({ email }));
  ok(
    401,
    await http()
      .post('/api/auth/password-reset/confirm')
      .send({ token: REFUSED_TOKEN, password: 'a-new-password-123' }),
  );

  // two-factor: enrol, confirm, sign in in two steps, an admin resets it
  const enrol = ok(200, await http().post('/api/me/mfa/enrol').set(bearer(ngo)));
  const code = new TOTP({ secret: Secret.fromBase32(enrol.body.secret), digits: 6, period: 30 }).generate();
  const codes = ok(200, await http().post('/api/me/mfa/confirm').set(bearer(ngo)).send({ code }));
  ok(409, await http().post('/api/me/mfa/enrol').set(bearer(ngo)));
  const step = ok(200, await signIn());
  ok(401, await http().post('/api/auth/mfa').send({ stepToken: REFUSED_TOKEN, code: '000000' }));
  const done = ok(
    200,
    await http()
      .post('/api/auth/mfa')
      .send({ stepToken: step.body.stepToken, recoveryCode: codes.body.recoveryCodes[0] }),
  );

  // sign-out: every session, then (two-factor reset by an admin) a one-step sign-in and its sign-out
  ok(200, await http().post('/api/auth/logout-all').set(bearer(done.body.accessToken)));
  ok(200, await http().delete(`/api/users/${userId}/mfa`).set(bearer(admin)));
  const again = ok(200, await signIn());
  ok(204, await http().post('/api/auth/logout').set(bearer(again.body.accessToken)));
}
