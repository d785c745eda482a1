import type { Labels } from '@app/core';

/**
 * The words of the account mails in the six UN languages, `{name}` placeholders filled with `fill` (the
 * PDFs' mechanism, `@app/core`'s Labels). Product names, addresses and tokens stay as they are.
 */
export type AccountMailText =
  | 'invitedBy'
  | 'invited'
  | 'join'
  | 'invitationLink'
  | 'invitationIgnore'
  | 'thanks'
  | 'confirmLink'
  | 'confirmIgnore'
  | 'attempt'
  | 'attemptSignIn'
  | 'attemptIgnore'
  | 'digestIntro'
  | 'resetSubject'
  | 'resetBody';

export const ACCOUNT_MAIL_TEXTS: Labels<AccountMailText> = {
  en: {
    invitedBy: '{inviter} invited you to Trust Fund Grants.',
    invited: 'You are invited to Trust Fund Grants.',
    join: 'You will join {organization}.',
    invitationLink: 'Set your password and sign in here (the link works once, until {until}):',
    invitationIgnore: 'If you did not expect this, ignore this mail.',
    thanks: 'Thank you for registering your organization on Trust Fund Grants.',
    confirmLink: 'Confirm your e-mail address to activate your account (the link works once, until {until}):',
    confirmIgnore: 'If you did not register, ignore this mail: nothing happens without the confirmation.',
    attempt:
      'Someone tried to register an organization on Trust Fund Grants with this e-mail address, which already has an account. Nothing was changed.',
    attemptSignIn: 'If it was you, sign in instead: {url}',
    attemptIgnore: 'If it was not you, you can ignore this mail.',
    digestIntro: 'Your notices of {day}:',
    resetSubject: 'Set a new password for Trust Fund Grants',
    resetBody:
      'Someone (we hope you) asked to set a new password for your Trust Fund Grants account.\n\n' +
      'Open /reset-password?token={token} in the portal within one hour, or send this token to ' +
      'POST /api/auth/password-reset/confirm: {token}\n\n' +
      'The link works once. If you did not ask for it, ignore this mail: your password stays as it is.',
  },
  fr: {
    invitedBy: '{inviter} vous a invité(e) sur Trust Fund Grants.',
    invited: 'Vous êtes invité(e) sur Trust Fund Grants.',
    join: 'Vous rejoindrez {organization}.',
    invitationLink:
      "Choisissez votre mot de passe et connectez-vous ici (le lien ne fonctionne qu'une fois, jusqu'au {until}) :",
    invitationIgnore: 'Si vous ne vous attendiez pas à ce message, ignorez-le.',
    thanks: "Merci d'avoir inscrit votre organisation sur Trust Fund Grants.",
    confirmLink:
      "Confirmez votre adresse électronique pour activer votre compte (le lien ne fonctionne qu'une fois, jusqu'au {until}) :",
    confirmIgnore:
      'Si vous ne vous êtes pas inscrit(e), ignorez ce message : rien ne se passe sans la confirmation.',
    attempt:
      "Quelqu'un a essayé d'inscrire une organisation sur Trust Fund Grants avec cette adresse électronique, qui a déjà un compte. Rien n'a été modifié.",
    attemptSignIn: "Si c'était vous, connectez-vous plutôt : {url}",
    attemptIgnore: "Si ce n'était pas vous, vous pouvez ignorer ce message.",
    digestIntro: 'Vos avis du {day} :',
    resetSubject: 'Choisissez un nouveau mot de passe pour Trust Fund Grants',
    resetBody:
      "Quelqu'un (vous, nous l'espérons) a demandé un nouveau mot de passe pour votre compte Trust Fund Grants.\n\n" +
      "Ouvrez /reset-password?token={token} dans le portail dans l'heure, ou envoyez ce jeton à " +
      'POST /api/auth/password-reset/confirm : {token}\n\n' +
      "Le lien ne fonctionne qu'une fois. Si vous n'avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.",
  },
  es: {
    invitedBy: '{inviter} le ha invitado a Trust Fund Grants.',
    invited: 'Ha recibido una invitación a Trust Fund Grants.',
    join: 'Se unirá a {organization}.',
    invitationLink:
      'Elija su contraseña e inicie sesión aquí (el enlace funciona una sola vez, hasta el {until}):',
    invitationIgnore: 'Si no esperaba este mensaje, ignórelo.',
    thanks: 'Gracias por registrar su organización en Trust Fund Grants.',
    confirmLink:
      'Confirme su dirección de correo electrónico para activar su cuenta (el enlace funciona una sola vez, hasta el {until}):',
    confirmIgnore: 'Si no se ha registrado, ignore este mensaje: no ocurre nada sin la confirmación.',
    attempt:
      'Alguien intentó registrar una organización en Trust Fund Grants con esta dirección de correo electrónico, que ya tiene una cuenta. No se ha cambiado nada.',
    attemptSignIn: 'Si fue usted, inicie sesión: {url}',
    attemptIgnore: 'Si no fue usted, puede ignorar este mensaje.',
    digestIntro: 'Sus avisos del {day}:',
    resetSubject: 'Elija una nueva contraseña para Trust Fund Grants',
    resetBody:
      'Alguien (esperamos que usted) ha pedido una nueva contraseña para su cuenta de Trust Fund Grants.\n\n' +
      'Abra /reset-password?token={token} en el portal antes de una hora, o envíe este código a ' +
      'POST /api/auth/password-reset/confirm: {token}\n\n' +
      'El enlace funciona una sola vez. Si no lo ha pedido, ignore este mensaje: su contraseña no cambia.',
  },
  ru: {
    invitedBy: '{inviter} приглашает вас в Trust Fund Grants.',
    invited: 'Вас приглашают в Trust Fund Grants.',
    join: 'Вы присоединитесь к организации {organization}.',
    invitationLink: 'Задайте пароль и войдите по этой ссылке (она действует один раз, до {until}):',
    invitationIgnore: 'Если вы не ждали этого письма, просто не обращайте на него внимания.',
    thanks: 'Благодарим вас за регистрацию организации в Trust Fund Grants.',
    confirmLink:
      'Подтвердите адрес электронной почты, чтобы активировать учётную запись (ссылка действует один раз, до {until}):',
    confirmIgnore:
      'Если вы не регистрировались, не обращайте внимания на это письмо: без подтверждения ничего не произойдёт.',
    attempt:
      'Кто-то пытался зарегистрировать организацию в Trust Fund Grants с этим адресом электронной почты, для которого уже есть учётная запись. Ничего не изменилось.',
    attemptSignIn: 'Если это были вы, просто войдите: {url}',
    attemptIgnore: 'Если это были не вы, не обращайте внимания на это письмо.',
    digestIntro: 'Ваши уведомления за {day}:',
    resetSubject: 'Задайте новый пароль для Trust Fund Grants',
    resetBody:
      'Кто-то (надеемся, что вы) запросил новый пароль для вашей учётной записи Trust Fund Grants.\n\n' +
      'Откройте /reset-password?token={token} на портале в течение часа или отправьте этот код на ' +
      'POST /api/auth/password-reset/confirm: {token}\n\n' +
      'Ссылка действует один раз. Если вы ничего не запрашивали, не обращайте внимания на это письмо: ваш пароль остаётся прежним.',
  },
  zh: {
    invitedBy: '{inviter} 邀请您加入 Trust Fund Grants。',
    invited: '您受邀加入 Trust Fund Grants。',
    join: '您将加入 {organization}。',
    invitationLink: '请通过以下链接设置密码并登录（链接仅可使用一次，有效期至 {until}）：',
    invitationIgnore: '如果您并未期待此邮件，请忽略。',
    thanks: '感谢您在 Trust Fund Grants 上注册贵组织。',
    confirmLink: '请确认您的电子邮件地址以激活账户（链接仅可使用一次，有效期至 {until}）：',
    confirmIgnore: '如果您并未注册，请忽略此邮件：未经确认不会有任何变化。',
    attempt: '有人尝试使用此电子邮件地址在 Trust Fund Grants 上注册组织，但该地址已有账户。未作任何更改。',
    attemptSignIn: '如果是您本人，请直接登录：{url}',
    attemptIgnore: '如果不是您，可以忽略此邮件。',
    digestIntro: '您在 {day} 的通知：',
    resetSubject: '为 Trust Fund Grants 设置新密码',
    resetBody:
      '有人（希望是您本人）请求为您的 Trust Fund Grants 账户设置新密码。\n\n' +
      '请在一小时内于门户中打开 /reset-password?token={token}，或将此令牌发送至 ' +
      'POST /api/auth/password-reset/confirm: {token}\n\n' +
      '该链接仅可使用一次。如果您并未提出请求，请忽略此邮件：您的密码保持不变。',
  },
  ar: {
    invitedBy: 'دعاك {inviter} إلى الانضمام إلى Trust Fund Grants.',
    invited: 'أنت مدعو إلى الانضمام إلى Trust Fund Grants.',
    join: 'ستنضم إلى {organization}.',
    invitationLink: 'عيّن كلمة المرور وسجّل الدخول من هنا (يعمل الرابط مرة واحدة حتى {until}):',
    invitationIgnore: 'إذا لم تكن تتوقع هذه الرسالة فتجاهلها.',
    thanks: 'شكراً لتسجيل منظمتك في Trust Fund Grants.',
    confirmLink: 'أكّد عنوان بريدك الإلكتروني لتفعيل حسابك (يعمل الرابط مرة واحدة حتى {until}):',
    confirmIgnore: 'إذا لم تسجّل، فتجاهل هذه الرسالة: لن يحدث شيء دون التأكيد.',
    attempt:
      'حاول شخص ما تسجيل منظمة في Trust Fund Grants باستخدام عنوان البريد الإلكتروني هذا، وله حساب بالفعل. لم يتغير شيء.',
    attemptSignIn: 'إذا كنت أنت، فسجّل الدخول بدلاً من ذلك: {url}',
    attemptIgnore: 'إذا لم تكن أنت، فيمكنك تجاهل هذه الرسالة.',
    digestIntro: 'إشعاراتك ليوم {day}:',
    resetSubject: 'عيّن كلمة مرور جديدة لحسابك في Trust Fund Grants',
    resetBody:
      'طلب شخص ما (نأمل أن تكون أنت) تعيين كلمة مرور جديدة لحسابك في Trust Fund Grants.\n\n' +
      'افتح /reset-password?token={token} في البوابة خلال ساعة واحدة، أو أرسل هذا الرمز إلى ' +
      'POST /api/auth/password-reset/confirm: {token}\n\n' +
      'يعمل الرابط مرة واحدة. إذا لم تطلب ذلك فتجاهل هذه الرسالة: تبقى كلمة المرور كما هي.',
  },
};
