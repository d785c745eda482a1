import { fill } from '@app/core';
import { ACCOUNT_MAIL_TEXTS } from './account-mail-texts';
import { LOCALES, type Locale } from './locales';

export type AccountMailKind = 'invitation' | 'email_confirmation' | 'registration_attempt' | 'digest';

/** Subjects of the account mails in the six UN languages. */
const SUBJECTS: Record<AccountMailKind, Record<Locale, string>> = {
  invitation: {
    en: 'You are invited to Trust Fund Grants',
    fr: 'Vous êtes invité(e) sur Trust Fund Grants',
    es: 'Ha recibido una invitación a Trust Fund Grants',
    ru: 'Приглашение в Trust Fund Grants',
    zh: '您受邀加入 Trust Fund Grants',
    ar: 'دعوة للانضمام إلى Trust Fund Grants',
  },
  email_confirmation: {
    en: 'Confirm your e-mail address',
    fr: 'Confirmez votre adresse électronique',
    es: 'Confirme su dirección de correo electrónico',
    ru: 'Подтвердите адрес электронной почты',
    zh: '请确认您的电子邮件地址',
    ar: 'يرجى تأكيد عنوان بريدك الإلكتروني',
  },
  registration_attempt: {
    en: 'Someone tried to register with your address',
    fr: "Quelqu'un a essayé de s'inscrire avec votre adresse",
    es: 'Alguien intentó registrarse con su dirección',
    ru: 'Кто-то пытался зарегистрироваться с вашим адресом',
    zh: '有人尝试使用您的地址注册',
    ar: 'حاول شخص ما التسجيل باستخدام عنوانك',
  },
  digest: {
    en: 'Your daily digest',
    fr: 'Votre résumé quotidien',
    es: 'Su resumen diario',
    ru: 'Ваша ежедневная сводка',
    zh: '您的每日摘要',
    ar: 'ملخصك اليومي',
  },
};

export function accountMailSubject(kind: AccountMailKind, locale: Locale): string {
  return SUBJECTS[kind][locale] ?? SUBJECTS[kind].en;
}

/** A moment as the reader's language writes it, in UTC ("1 December 2026 at 10:00 UTC"). */
export function mailTime(at: Date, locale: Locale): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(at);
  return `${text} UTC`;
}

const words = (locale: Locale) => ACCOUNT_MAIL_TEXTS[locale] ?? ACCOUNT_MAIL_TEXTS.en;

export function invitationMail(a: {
  locale: Locale;
  url: string;
  organizationName: string | null;
  inviterName: string | null;
  expiresAt: Date;
}): { subject: string; text: string } {
  const w = words(a.locale);
  const intro = a.inviterName ? fill(w.invitedBy, { inviter: a.inviterName }) : w.invited;
  const join = a.organizationName ? ` ${fill(w.join, { organization: a.organizationName })}` : '';
  const until = mailTime(a.expiresAt, a.locale);
  return {
    subject: accountMailSubject('invitation', a.locale),
    text: `${intro}${join}\n\n${fill(w.invitationLink, { until })}\n\n${a.url}\n\n${w.invitationIgnore}\n`,
  };
}

export function confirmationMail(a: { locale: Locale; url: string; expiresAt: Date }): {
  subject: string;
  text: string;
} {
  const w = words(a.locale);
  const until = mailTime(a.expiresAt, a.locale);
  return {
    subject: accountMailSubject('email_confirmation', a.locale),
    text: `${w.thanks}\n\n${fill(w.confirmLink, { until })}\n\n${a.url}\n\n${w.confirmIgnore}\n`,
  };
}

export function registrationAttemptMail(a: { locale: Locale; signInUrl: string }): {
  subject: string;
  text: string;
} {
  const w = words(a.locale);
  return {
    subject: accountMailSubject('registration_attempt', a.locale),
    text: `${w.attempt}\n\n${fill(w.attemptSignIn, { url: a.signInUrl })}\n${w.attemptIgnore}\n`,
  };
}

export function digestMail(a: {
  locale: Locale;
  day: string;
  notices: readonly { subject: string; body: string; createdAt: Date }[];
}): { subject: string; text: string } {
  const lines = a.notices.map(
    (n) => `- ${n.createdAt.toISOString().slice(11, 16)} UTC  ${n.subject}\n  ${n.body}`,
  );
  return {
    subject: `${accountMailSubject('digest', a.locale)} (${a.day})`,
    text: `${fill(words(a.locale).digestIntro, { day: a.day })}\n\n${lines.join('\n\n')}\n`,
  };
}

/** The password reset mail's subject and body in each language (a notification: the user's is stored). */
export function passwordResetTexts(token: string): Record<Locale, { subject: string; body: string }> {
  return Object.fromEntries(
    LOCALES.map((l) => [l, { subject: words(l).resetSubject, body: fill(words(l).resetBody, { token }) }]),
  ) as Record<Locale, { subject: string; body: string }>;
}
