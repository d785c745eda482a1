import type { DocumentLocale } from '@app/core';

const STATUSES = ['draft', 'published', 'open', 'closed', 'under_review', 'decided'] as const;
export type CallNoticeStatus = (typeof STATUSES)[number];

interface Words {
  subject: string;
  body: string;
  status: Record<CallNoticeStatus, string>;
}

/** A call's move to another status, told to the fund's managers, in the six UN languages. */
export const CALL_NOTICE_TEXTS: Record<DocumentLocale, Words> = {
  en: {
    subject: 'Call "{title}" is now {status}',
    body: 'The call for proposals "{title}" moved to {status}.',
    status: {
      draft: 'draft',
      published: 'published',
      open: 'open',
      closed: 'closed',
      under_review: 'under review',
      decided: 'decided',
    },
  },
  fr: {
    subject: "L'appel « {title} » est maintenant : {status}",
    body: "L'appel à propositions « {title} » est passé à l'état : {status}.",
    status: {
      draft: 'brouillon',
      published: 'publié',
      open: 'ouvert',
      closed: 'clos',
      under_review: 'en évaluation',
      decided: 'décidé',
    },
  },
  es: {
    subject: 'La convocatoria «{title}» está ahora: {status}',
    body: 'La convocatoria de propuestas «{title}» pasó al estado: {status}.',
    status: {
      draft: 'borrador',
      published: 'publicada',
      open: 'abierta',
      closed: 'cerrada',
      under_review: 'en revisión',
      decided: 'decidida',
    },
  },
  ru: {
    subject: 'Конкурс «{title}»: статус «{status}»',
    body: 'Конкурс заявок «{title}» перешёл в статус «{status}».',
    status: {
      draft: 'черновик',
      published: 'опубликован',
      open: 'открыт',
      closed: 'закрыт',
      under_review: 'на рассмотрении',
      decided: 'решение принято',
    },
  },
  zh: {
    subject: '征集“{title}”现为：{status}',
    body: '项目征集“{title}”的状态已变为：{status}。',
    status: {
      draft: '草稿',
      published: '已发布',
      open: '开放',
      closed: '已截止',
      under_review: '评审中',
      decided: '已决定',
    },
  },
  ar: {
    subject: 'الدعوة «{title}» الآن: {status}',
    body: 'انتقلت الدعوة لتقديم المقترحات «{title}» إلى الحالة: {status}.',
    status: {
      draft: 'مسودة',
      published: 'منشورة',
      open: 'مفتوحة',
      closed: 'مغلقة',
      under_review: 'قيد الاستعراض',
      decided: 'تقرّر',
    },
  },
};

/** The templates of a call's move, the status named in each language (an unknown one as it is). */
export function callNoticeTemplates(
  status: string,
): Record<DocumentLocale, { subject: string; body: string }> {
  const known = (STATUSES as readonly string[]).includes(status);
  return Object.fromEntries(
    Object.entries(CALL_NOTICE_TEXTS).map(([l, w]) => {
      const label = known ? w.status[status as CallNoticeStatus] : status.replace('_', ' ');
      return [l, { subject: w.subject.replace('{status}', label), body: w.body.replace('{status}', label) }];
    }),
  ) as Record<DocumentLocale, { subject: string; body: string }>;
}
