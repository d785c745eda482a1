import type { DocumentLocale } from '@app/core';

export type ReviewNotice = 'assigned' | 'conflict' | 'submitted';
type T = { subject: string; body: string };

/** Reviewers' and fund managers' notices of assignments, in the six UN languages (`{title}`). */
export const REVIEW_NOTICE_TEXTS: Record<DocumentLocale, Record<ReviewNotice, T>> = {
  en: {
    assigned: {
      subject: 'New application to review: {title}',
      body: 'You were assigned the application "{title}". Declare any conflict of interest before scoring.',
    },
    conflict: {
      subject: 'Conflict of interest declared on "{title}"',
      body: 'A reviewer declared a conflict of interest on "{title}"; consider assigning another reviewer.',
    },
    submitted: {
      subject: 'Review submitted for "{title}"',
      body: 'A reviewer submitted a review of "{title}".',
    },
  },
  fr: {
    assigned: {
      subject: 'Nouvelle demande à évaluer : {title}',
      body: "La demande « {title} » vous a été attribuée. Déclarez tout conflit d'intérêts avant de noter.",
    },
    conflict: {
      subject: "Conflit d'intérêts déclaré sur « {title} »",
      body: "Un évaluateur a déclaré un conflit d'intérêts sur « {title} » ; envisagez d'attribuer un autre évaluateur.",
    },
    submitted: {
      subject: 'Évaluation soumise pour « {title} »',
      body: 'Un évaluateur a soumis une évaluation de « {title} ».',
    },
  },
  es: {
    assigned: {
      subject: 'Nueva solicitud para evaluar: {title}',
      body: 'Se le asignó la solicitud «{title}». Declare cualquier conflicto de intereses antes de puntuar.',
    },
    conflict: {
      subject: 'Conflicto de intereses declarado en «{title}»',
      body: 'Un evaluador declaró un conflicto de intereses en «{title}»; considere asignar a otro evaluador.',
    },
    submitted: {
      subject: 'Evaluación presentada para «{title}»',
      body: 'Un evaluador presentó una evaluación de «{title}».',
    },
  },
  ru: {
    assigned: {
      subject: 'Новая заявка на оценку: {title}',
      body: 'Вам назначена заявка «{title}». Сообщите о любом конфликте интересов до выставления оценок.',
    },
    conflict: {
      subject: 'Заявлен конфликт интересов по заявке «{title}»',
      body: 'Эксперт заявил о конфликте интересов по заявке «{title}»; назначьте другого эксперта.',
    },
    submitted: {
      subject: 'Представлена оценка заявки «{title}»',
      body: 'Эксперт представил оценку заявки «{title}».',
    },
  },
  zh: {
    assigned: {
      subject: '新的待评审申请：{title}',
      body: '您被分配评审申请“{title}”。评分前请申报任何利益冲突。',
    },
    conflict: {
      subject: '“{title}”已申报利益冲突',
      body: '一名评审员就“{title}”申报了利益冲突；请考虑另行分配评审员。',
    },
    submitted: { subject: '“{title}”的评审已提交', body: '一名评审员提交了对“{title}”的评审。' },
  },
  ar: {
    assigned: {
      subject: 'طلب جديد للاستعراض: {title}',
      body: 'أُسند إليك الطلب «{title}». صرّح بأي تضارب في المصالح قبل التقييم.',
    },
    conflict: {
      subject: 'أُعلن تضارب في المصالح بشأن «{title}»',
      body: 'أعلن أحد المستعرضين تضارباً في المصالح بشأن «{title}»؛ فكّر في إسناده إلى مستعرض آخر.',
    },
    submitted: {
      subject: 'قُدّم استعراض للطلب «{title}»',
      body: 'قدّم أحد المستعرضين استعراضاً للطلب «{title}».',
    },
  },
};

export function reviewNoticeTemplates(n: ReviewNotice): Record<DocumentLocale, T> {
  return Object.fromEntries(Object.entries(REVIEW_NOTICE_TEXTS).map(([l, t]) => [l, t[n]])) as Record<
    DocumentLocale,
    T
  >;
}
