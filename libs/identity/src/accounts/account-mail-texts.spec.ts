import { ACCOUNT_MAIL_TEXTS, type AccountMailText } from './account-mail-texts';
import { invitationMail, passwordResetTexts } from './account-mails';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('account mails in the reader’s language', () => {
  const keys = Object.keys(ACCOUNT_MAIL_TEXTS.en) as AccountMailText[];
  it.each(keys)('words %s in each language with the placeholders of the English', (key) => {
    for (const [lang, t] of Object.entries(ACCOUNT_MAIL_TEXTS)) {
      expect({ lang, holes: holes(t[key]) }).toEqual({ lang, holes: holes(ACCOUNT_MAIL_TEXTS.en[key]) });
      if (lang !== 'en') expect(t[key]).not.toBe(ACCOUNT_MAIL_TEXTS.en[key]);
    }
  });

  it('fills the invitation and the reset in the language asked for, links and tokens intact', () => {
    const mail = invitationMail({
      locale: 'fr',
      url: 'https://portal.example.org/invitation#token=abc',
      organizationName: 'Hope',
      inviterName: 'Amina',
      expiresAt: new Date('2026-12-08T10:00:00Z'),
    });
    expect(mail.text).toContain('Amina vous a invité(e) sur Trust Fund Grants. Vous rejoindrez Hope.');
    expect(mail.text).toContain('8 décembre 2026');
    expect(mail.text).toContain('https://portal.example.org/invitation#token=abc');
    const reset = passwordResetTexts('T0KEN');
    expect(reset.ar.body).toContain('/reset-password?token=T0KEN');
    expect(reset.zh.subject).toBe('为 Trust Fund Grants 设置新密码');
  });
});
