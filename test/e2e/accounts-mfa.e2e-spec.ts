import { Secret, TOTP } from 'otpauth';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '@app/core';
import { MfaService } from '@app/identity';
import { Api, adminToken, startApi, userWithRoles } from '../setup/harness';

const PASSWORD = 'a-good-password-1'; // what userWithRoles sets
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** The authenticator app: the code of a secret for a moment (now by default). */
function codeAt(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at });
}

describe('accounts: two-factor sign-in (TOTP) for the roles in MFA_REQUIRED_ROLES', () => {
  let api: Api;
  let admin: string;

  beforeAll(async () => {
    process.env.MFA_REQUIRED_ROLES = 'fund_manager';
    try {
      api = await startApi();
    } finally {
      process.env.MFA_REQUIRED_ROLES = '';
    }
    admin = await adminToken(api); // admin is not in MFA_REQUIRED_ROLES here
  });
  afterAll(async () => {
    await api?.close();
  });

  const login = (email: string, password = PASSWORD) =>
    api.http().post('/api/auth/login').send({ email, password });

  /** A fund manager who enrolled: their secret and recovery codes. */
  async function enrolled(): Promise<{ id: string; email: string; secret: string; recoveryCodes: string[] }> {
    const fm = await userWithRoles(api, ['fund_manager']);
    const enrol = await api.http().post('/api/me/mfa/enrol').set(bearer(fm.token));
    expect(enrol.status).toBe(200);
    const confirm = await api
      .http()
      .post('/api/me/mfa/confirm')
      .set(bearer(fm.token))
      .send({ code: codeAt(enrol.body.secret) });
    expect(confirm.status).toBe(200);
    return {
      id: fm.id,
      email: fm.email,
      secret: enrol.body.secret,
      recoveryCodes: confirm.body.recoveryCodes,
    };
  }

  it('a required role without enrolment signs in restricted: only /me, enrolment and sign-out until it enrols', async () => {
    const fm = await userWithRoles(api, ['fund_manager']);
    const res = await login(fm.email);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'signed_in', mfaEnrolmentRequired: true });
    const token = res.body.accessToken as string;
    const funds = await api.http().get('/api/funds').set(bearer(token));
    expect(funds.status).toBe(403);
    expect(funds.body.type).toBe('/problems/mfa-enrolment-required');
    expect((await api.http().get('/api/me').set(bearer(token))).status).toBe(200);

    const enrol = await api.http().post('/api/me/mfa/enrol').set(bearer(token));
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=[A-Z2-7]+/);
    expect(enrol.body.otpauthUri).toContain('issuer=Trust%20Fund%20Grants');
    expect(enrol.body.qrCode).toMatch(/^data:image\/png;base64,/);

    const bad = await api.http().post('/api/me/mfa/confirm').set(bearer(token)).send({ code: '000000' });
    expect(bad.status).toBe(422);
    expect(bad.body.type).toBe('/problems/mfa-code-invalid');
    const confirm = await api
      .http()
      .post('/api/me/mfa/confirm')
      .set(bearer(token))
      .send({ code: codeAt(enrol.body.secret) });
    expect(confirm.status).toBe(200);
    expect(confirm.body.recoveryCodes).toHaveLength(10);
    expect(new Set(confirm.body.recoveryCodes).size).toBe(10);
    const stored: { code_hash: Buffer }[] = await api.db.query(
      `SELECT code_hash FROM mfa_recovery_codes WHERE user_id = $1`,
      [fm.id],
    );
    expect(stored).toHaveLength(10); // hashes only
    expect(JSON.stringify(stored)).not.toContain(confirm.body.recoveryCodes[0]);
    // the same session is no longer restricted
    expect((await api.http().get('/api/funds').set(bearer(token))).status).toBe(200);
    const again = await api.http().post('/api/me/mfa/enrol').set(bearer(token));
    expect(again.status).toBe(409);
  });

  it('an enrolled user signs in in two steps; a TOTP code is refused the second time', async () => {
    const u = await enrolled();
    const first = await login(u.email);
    expect(first.body).toEqual({ status: 'mfa_required', stepToken: expect.any(String), expiresIn: 300 });
    expect(first.body).not.toHaveProperty('accessToken');

    const wrong = await api
      .http()
      .post('/api/auth/mfa')
      .send({ stepToken: first.body.stepToken, code: '000000' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.type).toBe('/problems/mfa-code-invalid');

    // the enrolment used the code of this step: a code of the next step (one step either side is accepted)
    const code = codeAt(u.secret, Date.now() + 30_000);
    const ok = await api.http().post('/api/auth/mfa').send({ stepToken: first.body.stepToken, code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ status: 'signed_in', mfaEnrolmentRequired: false });
    expect((await api.http().get('/api/funds').set(bearer(ok.body.accessToken))).status).toBe(200);

    const usedStep = await api.http().post('/api/auth/mfa').send({ stepToken: first.body.stepToken, code });
    expect(usedStep.status).toBe(401);
    expect(usedStep.body.type).toBe('/problems/token-invalid');

    const second = await login(u.email);
    const replay = await api.http().post('/api/auth/mfa').send({ stepToken: second.body.stepToken, code });
    expect(replay.status).toBe(422);
    expect(replay.body.type).toBe('/problems/mfa-code-invalid');
    // the step token survives a wrong code: a recovery code still works with it, once
    const recovery = u.recoveryCodes[0];
    const viaRecovery = await api
      .http()
      .post('/api/auth/mfa')
      .send({ stepToken: second.body.stepToken, recoveryCode: recovery.toUpperCase() });
    expect(viaRecovery.status).toBe(200);
    const third = await login(u.email);
    const recoveryAgain = await api
      .http()
      .post('/api/auth/mfa')
      .send({ stepToken: third.body.stepToken, recoveryCode: recovery });
    expect(recoveryAgain.status).toBe(422);
  });

  it('refuses an unknown step token (token-invalid) and a step without a code (400)', async () => {
    const res = await api
      .http()
      .post('/api/auth/mfa')
      .send({ stepToken: 'C'.repeat(43), code: '123456' });
    expect(res.status).toBe(401);
    expect(res.body.type).toBe('/problems/token-invalid');
    const neither = await api
      .http()
      .post('/api/auth/mfa')
      .send({ stepToken: 'C'.repeat(43) });
    expect(neither.status).toBe(400);
  });

  it('an admin resets a user’s enrolment (audited): the user’s sessions end and the next sign-in must enrol again', async () => {
    const u = await enrolled();
    const step = (await login(u.email)).body.stepToken;
    const session = await api
      .http()
      .post('/api/auth/mfa')
      .send({ stepToken: step, code: codeAt(u.secret, Date.now() + 30_000) });
    expect(session.status).toBe(200);

    const notAdmin = await api.http().delete(`/api/users/${u.id}/mfa`).set(bearer(session.body.accessToken));
    expect(notAdmin.status).toBe(403);
    const reset = await api.http().delete(`/api/users/${u.id}/mfa`).set(bearer(admin));
    expect(reset.status).toBe(200);
    expect(reset.body).toEqual({ reset: true });
    expect((await api.http().get('/api/me').set(bearer(session.body.accessToken))).status).toBe(401);
    const audit: { action: string; actor_id: string; summary: Record<string, unknown> }[] =
      await api.db.query(
        `SELECT action, actor_id, summary FROM audit_log WHERE entity_id = $1 AND action = 'mfa.reset'`,
        [u.id],
      );
    expect(audit).toHaveLength(1);
    expect(audit[0].summary).toMatchObject({ hadEnrolment: true, address: '127.0.0.1' });
    expect(JSON.stringify(audit)).not.toContain(u.secret);

    const next = await login(u.email);
    expect(next.body).toMatchObject({ status: 'signed_in', mfaEnrolmentRequired: true });
    const unknownUser = await api
      .http()
      .delete(`/api/users/00000000-0000-4000-8000-000000000000/mfa`)
      .set(bearer(admin));
    expect(unknownUser.status).toBe(404);
  });

  it('the demo seed can enrol a known secret through the service: sign-in then asks for its codes', async () => {
    const fm = await userWithRoles(api, ['fund_manager']);
    const secret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
    await api.app
      .get(DataSource)
      .transaction((em) => api.app.get(MfaService).enrolKnownSecret(em, SYSTEM_ACTOR, fm.id, secret));
    const first = await login(fm.email);
    expect(first.body.status).toBe('mfa_required');
    const ok = await api
      .http()
      .post('/api/auth/mfa')
      .send({ stepToken: first.body.stepToken, code: codeAt(secret) });
    expect(ok.status).toBe(200);
    expect(ok.body.mfaEnrolmentRequired).toBe(false);
  });

  it('keeps the TOTP secrets sealed in the database; one stored before sealing is sealed at its next use', async () => {
    const u = await enrolled();
    const stored = async (): Promise<string> =>
      (
        (await api.db.query(`SELECT secret FROM user_mfa WHERE user_id = $1`, [u.id])) as { secret: string }[]
      )[0].secret;
    expect(await stored()).toMatch(/^v1\./);
    expect(await stored()).not.toContain(u.secret);

    // As an enrolment written before sealing existed left it: the secret itself.
    await api.db.query(`UPDATE user_mfa SET secret = $2 WHERE user_id = $1`, [u.id, u.secret]);
    const first = await login(u.email);
    const ok = await api
      .http()
      .post('/api/auth/mfa')
      .send({ stepToken: first.body.stepToken, code: codeAt(u.secret, Date.now() + 30_000) });
    expect(ok.status).toBe(200);
    expect(await stored()).toMatch(/^v1\./);
    expect(await stored()).not.toContain(u.secret);
  });
});
