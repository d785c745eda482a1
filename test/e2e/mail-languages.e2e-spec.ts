import { unique, userWithRoles } from '../setup/harness';
import { mailJourney, subjectOf } from '../setup/mail';
import type { ReceivedMail } from '../setup/smtp';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Quoted-printable undone into UTF-8 (multi-byte characters are escaped byte by byte). */
function unQuote(text: string): string {
  const t = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < t.length; i++) {
    if (t[i] === '=' && /^[0-9A-F]{2}$/i.test(t.slice(i + 1, i + 3))) {
      bytes.push(parseInt(t.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(t[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The mail's parts by type (text/plain, text/html), each decoded from its transfer encoding. */
function partsOf(mail: ReceivedMail): Record<string, string> {
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(mail.raw)?.[1];
  if (!boundary) throw new Error('not a multipart mail');
  const out: Record<string, string> = {};
  for (const chunk of mail.raw.split(`--${boundary}`).slice(1, -1)) {
    const [head, ...rest] = chunk.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const body = rest.join('\n\n');
    const type = /content-type:\s*([^;\r\n]+)/i.exec(head)?.[1].trim().toLowerCase() ?? '';
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(head)?.[1].toLowerCase();
    out[type] =
      encoding === 'base64'
        ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
        : encoding === 'quoted-printable'
          ? unQuote(body)
          : body;
  }
  return out;
}

/**
 * Mails go out in the recipient's language (the locale saved in their profile; English when unknown), with
 * an HTML part in that language's direction: the password reset (a notification), an invitation (the
 * invitation's locale) and a grant notice, through the real SMTP test server.
 */
describe("mails in the recipient's language", () => {
  const j = mailJourney();

  async function userIn(locale: string | null) {
    const u = await userWithRoles(j.api, ['reviewer']);
    if (locale) {
      const res = await j.api.http().patch('/api/me').set(bearer(u.token)).send({ locale });
      expect(res.status).toBe(200);
    }
    return u;
  }
  const resetFor = async (email: string) =>
    expect((await j.api.http().post('/api/auth/password-reset').send({ email })).status).toBe(202);

  it("a French user's reset mail is in French, an Arabic one right to left, an English one unchanged", async () => {
    const [fr, ar, en] = [await userIn('fr'), await userIn('ar'), await userIn(null)];
    for (const u of [fr, ar, en]) await resetFor(u.email);

    const frMail = await j.mailTo(fr.email, /^Choisissez un nouveau mot de passe pour Trust Fund Grants$/);
    const frParts = partsOf(frMail);
    expect(frParts['text/plain']).toContain(
      "Quelqu'un (vous, nous l'espérons) a demandé un nouveau mot de passe pour votre compte Trust Fund Grants.",
    );
    expect(frParts['text/plain']).toMatch(/reset-password\?token=[A-Za-z0-9_-]{43}/);
    expect(frParts['text/plain']).not.toContain('Someone');
    expect(frParts['text/html']).toContain('<html lang="fr" dir="ltr">');
    expect(frParts['text/html']).toContain('votre mot de passe reste inchangé');

    const arMail = await j.mailTo(ar.email, /^عيّن كلمة مرور جديدة لحسابك في Trust Fund Grants$/);
    const arParts = partsOf(arMail);
    expect(arParts['text/plain']).toContain('طلب شخص ما (نأمل أن تكون أنت) تعيين كلمة مرور جديدة');
    expect(arParts['text/html']).toContain('<html lang="ar" dir="rtl">');
    expect(arParts['text/html']).toContain('<body dir="rtl"');
    expect(arParts['text/html']).toContain('تبقى كلمة المرور كما هي');
    // the token in the Arabic mail still works
    const token = /token=([A-Za-z0-9_-]{43})/.exec(arParts['text/plain'])![1];
    const reset = await j.api
      .http()
      .post('/api/auth/password-reset/confirm')
      .send({ token, password: 'a-brand-new-password-7' });
    expect(reset.status).toBe(204);

    const enMail = await j.mailTo(en.email, /^Set a new password for Trust Fund Grants$/);
    expect(partsOf(enMail)['text/plain']).toContain('Someone (we hope you) asked to set a new password');
    expect(partsOf(enMail)['text/html']).toContain('<html lang="en" dir="ltr">');

    // the notification in the portal reads the same as the mail
    const [stored] = await j.api.db.query(
      `SELECT subject FROM notifications WHERE user_id = $1 AND kind = 'account.password-reset'`,
      [ar.id],
    );
    expect(stored.subject).toBe(subjectOf(arMail));
  });

  it('an invitation in Arabic is in Arabic, right to left, its link intact', async () => {
    const email = `${unique('ar-invite')}@tests.example.org`;
    const invited = await j.api
      .http()
      .post('/api/invitations')
      .set(bearer(j.admin))
      .send({ email, roles: ['reviewer'], locale: 'ar' });
    expect(invited.status).toBe(201);
    const mail = await j.mailTo(email, /^دعوة للانضمام إلى Trust Fund Grants$/);
    const parts = partsOf(mail);
    expect(parts['text/plain']).toContain('عيّن كلمة المرور وسجّل الدخول من هنا');
    expect(parts['text/plain']).toMatch(/#token=[A-Za-z0-9_-]+/);
    expect(parts['text/plain']).not.toContain('invited');
    expect(parts['text/html']).toContain('<html lang="ar" dir="rtl">');
    expect(parts['text/html']).toMatch(/<a href="[^"]+#token=[A-Za-z0-9_-]+" dir="ltr">/);
  });
});
