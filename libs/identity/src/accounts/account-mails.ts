import type { Locale } from './locales';

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

export function invitationMail(a: {
  locale: Locale;
  url: string;
  organizationName: string | null;
  inviterName: string | null;
  expiresAt: Date;
}): { subject: string; text: string } {
  const by = a.inviterName ? `${a.inviterName} invited you` : 'You are invited';
  const to = a.organizationName ? ` to join ${a.organizationName}` : '';
  return {
    subject: accountMailSubject('invitation', a.locale),
    text:
      `${by}${to} on Trust Fund Grants.\n\nSet your password and sign in here (the link works once, ` +
      `until ${a.expiresAt.toISOString()}):\n\n${a.url}\n\nIf you did not expect this, ignore this mail.\n`,
  };
}

export function confirmationMail(a: { locale: Locale; url: string; expiresAt: Date }): {
  subject: string;
  text: string;
} {
  return {
    subject: accountMailSubject('email_confirmation', a.locale),
    text:
      `Thank you for registering your organization on Trust Fund Grants.\n\nConfirm your e-mail address ` +
      `to activate your account (the link works once, until ${a.expiresAt.toISOString()}):\n\n${a.url}\n\n` +
      `If you did not register, ignore this mail: nothing happens without the confirmation.\n`,
  };
}

export function registrationAttemptMail(a: { locale: Locale; signInUrl: string }): {
  subject: string;
  text: string;
} {
  return {
    subject: accountMailSubject('registration_attempt', a.locale),
    text:
      `Someone tried to register an organization on Trust Fund Grants with this e-mail address, which ` +
      `already has an account. Nothing was changed.\n\nIf it was you, sign in instead: ${a.signInUrl}\n` +
      `If it was not you, you can ignore this mail.\n`,
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
    text: `Your notices of ${a.day}:\n\n${lines.join('\n\n')}\n`,
  };
}
