import type { DocumentLocale } from '@app/core';

export type ApplicationNotice =
  'submitted' | 'eligible' | 'ineligible' | 'withdrawn' | 'approved' | 'rejected' | 'draftReminder';

type T = { subject: string; body: string };

/**
 * What an NGO's members are told of their application, in the six UN languages (`{title}` the
 * application, `{call}` its call, `{deadline}` the call's deadline in UTC).
 */
export const APPLICATION_NOTICE_TEXTS: Record<DocumentLocale, Record<ApplicationNotice, T>> = {
  en: {
    submitted: {
      subject: 'We received your application "{title}"',
      body: 'Your application "{title}" to the call "{call}" was submitted. We will tell you when it has been screened.',
    },
    eligible: {
      subject: 'Your application "{title}" is eligible',
      body: 'Your application "{title}" passed the eligibility screening and goes to review.',
    },
    ineligible: {
      subject: 'Your application "{title}" is not eligible',
      body: 'Your application "{title}" did not pass the eligibility screening.',
    },
    withdrawn: {
      subject: 'Application "{title}" withdrawn',
      body: 'Your application "{title}" was withdrawn.',
    },
    approved: { subject: 'Application "{title}" approved', body: 'Your application "{title}" was approved.' },
    rejected: {
      subject: 'Application "{title}" not funded',
      body: 'Your application "{title}" was not funded.',
    },
    draftReminder: {
      subject: 'Reminder: "{title}" is not submitted yet',
      body: 'Your application "{title}" to the call "{call}" is still a draft. The deadline is {deadline} (UTC); after it nothing can be submitted.',
    },
  },
  fr: {
    submitted: {
      subject: 'Nous avons reçu votre demande « {title} »',
      body: "Votre demande « {title} » à l'appel « {call} » a été soumise. Nous vous dirons quand elle aura été examinée.",
    },
    eligible: {
      subject: 'Votre demande « {title} » est recevable',
      body: "Votre demande « {title} » a passé l'examen de recevabilité et part en évaluation.",
    },
    ineligible: {
      subject: "Votre demande « {title} » n'est pas recevable",
      body: "Votre demande « {title} » n'a pas passé l'examen de recevabilité.",
    },
    withdrawn: { subject: 'Demande « {title} » retirée', body: 'Votre demande « {title} » a été retirée.' },
    approved: {
      subject: 'Demande « {title} » approuvée',
      body: 'Votre demande « {title} » a été approuvée.',
    },
    rejected: {
      subject: 'Demande « {title} » non financée',
      body: "Votre demande « {title} » n'a pas été financée.",
    },
    draftReminder: {
      subject: "Rappel : « {title} » n'est pas encore soumise",
      body: "Votre demande « {title} » à l'appel « {call} » est toujours un brouillon. La date limite est le {deadline} (UTC) ; après, plus rien ne peut être soumis.",
    },
  },
  es: {
    submitted: {
      subject: 'Hemos recibido su solicitud «{title}»',
      body: 'Su solicitud «{title}» a la convocatoria «{call}» fue presentada. Le avisaremos cuando haya sido examinada.',
    },
    eligible: {
      subject: 'Su solicitud «{title}» es admisible',
      body: 'Su solicitud «{title}» superó el examen de admisibilidad y pasa a evaluación.',
    },
    ineligible: {
      subject: 'Su solicitud «{title}» no es admisible',
      body: 'Su solicitud «{title}» no superó el examen de admisibilidad.',
    },
    withdrawn: { subject: 'Solicitud «{title}» retirada', body: 'Su solicitud «{title}» fue retirada.' },
    approved: { subject: 'Solicitud «{title}» aprobada', body: 'Su solicitud «{title}» fue aprobada.' },
    rejected: {
      subject: 'Solicitud «{title}» no financiada',
      body: 'Su solicitud «{title}» no fue financiada.',
    },
    draftReminder: {
      subject: 'Recordatorio: «{title}» aún no se ha presentado',
      body: 'Su solicitud «{title}» a la convocatoria «{call}» sigue siendo un borrador. El plazo vence el {deadline} (UTC); después no se puede presentar nada.',
    },
  },
  ru: {
    submitted: {
      subject: 'Мы получили вашу заявку «{title}»',
      body: 'Ваша заявка «{title}» на конкурс «{call}» подана. Мы сообщим вам, когда она будет рассмотрена.',
    },
    eligible: {
      subject: 'Ваша заявка «{title}» допущена',
      body: 'Ваша заявка «{title}» прошла проверку соответствия и передана на оценку.',
    },
    ineligible: {
      subject: 'Ваша заявка «{title}» не допущена',
      body: 'Ваша заявка «{title}» не прошла проверку соответствия.',
    },
    withdrawn: { subject: 'Заявка «{title}» отозвана', body: 'Ваша заявка «{title}» отозвана.' },
    approved: { subject: 'Заявка «{title}» одобрена', body: 'Ваша заявка «{title}» одобрена.' },
    rejected: {
      subject: 'Заявка «{title}» не профинансирована',
      body: 'Ваша заявка «{title}» не получила финансирования.',
    },
    draftReminder: {
      subject: 'Напоминание: заявка «{title}» ещё не подана',
      body: 'Ваша заявка «{title}» на конкурс «{call}» всё ещё черновик. Срок подачи — {deadline} (UTC); после него подать ничего нельзя.',
    },
  },
  zh: {
    submitted: {
      subject: '我们已收到您的申请“{title}”',
      body: '您向征集“{call}”提交的申请“{title}”已提交。审查完成后我们会通知您。',
    },
    eligible: { subject: '您的申请“{title}”符合资格', body: '您的申请“{title}”已通过资格审查，将进入评审。' },
    ineligible: { subject: '您的申请“{title}”不符合资格', body: '您的申请“{title}”未通过资格审查。' },
    withdrawn: { subject: '申请“{title}”已撤回', body: '您的申请“{title}”已撤回。' },
    approved: { subject: '申请“{title}”已获批准', body: '您的申请“{title}”已获批准。' },
    rejected: { subject: '申请“{title}”未获资助', body: '您的申请“{title}”未获资助。' },
    draftReminder: {
      subject: '提醒：“{title}”尚未提交',
      body: '您向征集“{call}”提交的申请“{title}”仍是草稿。截止时间为 {deadline}（UTC）；截止后将无法提交。',
    },
  },
  ar: {
    submitted: {
      subject: 'تسلّمنا طلبك «{title}»',
      body: 'قُدّم طلبك «{title}» إلى الدعوة «{call}». سنخبرك عند الانتهاء من فحصه.',
    },
    eligible: {
      subject: 'طلبك «{title}» مؤهل',
      body: 'اجتاز طلبك «{title}» فحص الأهلية وينتقل إلى الاستعراض.',
    },
    ineligible: { subject: 'طلبك «{title}» غير مؤهل', body: 'لم يجتز طلبك «{title}» فحص الأهلية.' },
    withdrawn: { subject: 'سُحب الطلب «{title}»', body: 'سُحب طلبك «{title}».' },
    approved: { subject: 'تمت الموافقة على الطلب «{title}»', body: 'تمت الموافقة على طلبك «{title}».' },
    rejected: { subject: 'لم يُموَّل الطلب «{title}»', body: 'لم يُموَّل طلبك «{title}».' },
    draftReminder: {
      subject: 'تذكير: لم يُقدَّم «{title}» بعد',
      body: 'ما زال طلبك «{title}» إلى الدعوة «{call}» مسودة. الموعد النهائي {deadline} (بالتوقيت العالمي)؛ ولا يمكن تقديم شيء بعده.',
    },
  },
};

export function applicationNoticeTemplates(n: ApplicationNotice): Record<DocumentLocale, T> {
  return Object.fromEntries(Object.entries(APPLICATION_NOTICE_TEXTS).map(([l, t]) => [l, t[n]])) as Record<
    DocumentLocale,
    T
  >;
}
