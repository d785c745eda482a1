import type { DocumentLocale } from '@app/core';

export type ReminderKey =
  | 'offerReminder'
  | 'offerLapsed'
  | 'reportDue'
  | 'progressDue'
  | 'finalDue'
  | 'progressOverdue'
  | 'finalOverdue';

type Texts = Record<ReminderKey, { subject: string; body: string }>;

/** The grants' reminders in the six UN languages (`{title}` the grant, `{date}` a YYYY-MM-DD day). */
export const REMINDER_TEXTS: Record<DocumentLocale, Texts> = {
  en: {
    offerReminder: {
      subject: 'Please answer the award for "{title}"',
      body: 'The award for "{title}" awaits your acceptance until {date}.',
    },
    offerLapsed: {
      subject: 'The offer for "{title}" lapsed',
      body: 'The grantee did not answer the award for "{title}" in time: withdraw it or extend the talks.',
    },
    reportDue: {
      subject: 'Report due for "{title}"',
      body: 'Your progress and financial report for "{title}" is due on {date}.',
    },
    progressDue: {
      subject: 'Report due for "{title}"',
      body: 'Your progress report on "{title}" is due on {date}.',
    },
    finalDue: {
      subject: 'Report due for "{title}"',
      body: 'Your final report on "{title}" is due on {date}.',
    },
    progressOverdue: {
      subject: 'Report overdue for "{title}"',
      body: 'Your progress report on "{title}" was due on {date}.',
    },
    finalOverdue: {
      subject: 'Report overdue for "{title}"',
      body: 'Your final report on "{title}" was due on {date}.',
    },
  },
  fr: {
    offerReminder: {
      subject: 'Merci de répondre à la subvention « {title} »',
      body: "La subvention « {title} » attend votre acceptation jusqu'au {date}.",
    },
    offerLapsed: {
      subject: "L'offre pour « {title} » est échue",
      body: "Le bénéficiaire n'a pas répondu à temps à la subvention « {title} » : retirez-la ou prolongez les discussions.",
    },
    reportDue: {
      subject: 'Rapport attendu pour « {title} »',
      body: "Votre rapport d'activité et financier sur « {title} » est attendu le {date}.",
    },
    progressDue: {
      subject: 'Rapport attendu pour « {title} »',
      body: 'Votre rapport intermédiaire sur « {title} » est attendu le {date}.',
    },
    finalDue: {
      subject: 'Rapport attendu pour « {title} »',
      body: 'Votre rapport final sur « {title} » est attendu le {date}.',
    },
    progressOverdue: {
      subject: 'Rapport en retard pour « {title} »',
      body: 'Votre rapport intermédiaire sur « {title} » était attendu le {date}.',
    },
    finalOverdue: {
      subject: 'Rapport en retard pour « {title} »',
      body: 'Votre rapport final sur « {title} » était attendu le {date}.',
    },
  },
  es: {
    offerReminder: {
      subject: 'Responda a la subvención «{title}»',
      body: 'La subvención «{title}» espera su aceptación hasta el {date}.',
    },
    offerLapsed: {
      subject: 'La oferta de «{title}» venció',
      body: 'El beneficiario no respondió a tiempo a la subvención «{title}»: retírela o prolongue las conversaciones.',
    },
    reportDue: {
      subject: 'Informe pendiente de «{title}»',
      body: 'Su informe de actividades y financiero sobre «{title}» vence el {date}.',
    },
    progressDue: {
      subject: 'Informe pendiente de «{title}»',
      body: 'Su informe de avance sobre «{title}» vence el {date}.',
    },
    finalDue: {
      subject: 'Informe pendiente de «{title}»',
      body: 'Su informe final sobre «{title}» vence el {date}.',
    },
    progressOverdue: {
      subject: 'Informe atrasado de «{title}»',
      body: 'Su informe de avance sobre «{title}» venció el {date}.',
    },
    finalOverdue: {
      subject: 'Informe atrasado de «{title}»',
      body: 'Su informe final sobre «{title}» venció el {date}.',
    },
  },
  ru: {
    offerReminder: {
      subject: 'Ответьте на предложение гранта «{title}»',
      body: 'Предложение гранта «{title}» ждёт вашего согласия до {date}.',
    },
    offerLapsed: {
      subject: 'Срок предложения по гранту «{title}» истёк',
      body: 'Получатель не ответил вовремя на предложение гранта «{title}»: отзовите его или продлите переговоры.',
    },
    reportDue: {
      subject: 'Срок отчёта по гранту «{title}»',
      body: 'Ваш отчёт о ходе работ и финансовый отчёт по гранту «{title}» нужно сдать {date}.',
    },
    progressDue: {
      subject: 'Срок отчёта по гранту «{title}»',
      body: 'Ваш промежуточный отчёт по гранту «{title}» нужно сдать {date}.',
    },
    finalDue: {
      subject: 'Срок отчёта по гранту «{title}»',
      body: 'Ваш итоговый отчёт по гранту «{title}» нужно сдать {date}.',
    },
    progressOverdue: {
      subject: 'Просрочен отчёт по гранту «{title}»',
      body: 'Ваш промежуточный отчёт по гранту «{title}» нужно было сдать {date}.',
    },
    finalOverdue: {
      subject: 'Просрочен отчёт по гранту «{title}»',
      body: 'Ваш итоговый отчёт по гранту «{title}» нужно было сдать {date}.',
    },
  },
  zh: {
    offerReminder: { subject: '请答复赠款“{title}”', body: '赠款“{title}”等待您在 {date} 前接受。' },
    offerLapsed: {
      subject: '“{title}”的赠款要约已过期',
      body: '受赠方未在期限内答复赠款“{title}”：请撤回要约或延长协商。',
    },
    reportDue: {
      subject: '“{title}”的报告即将到期',
      body: '您关于“{title}”的进展和财务报告应于 {date} 提交。',
    },
    progressDue: { subject: '“{title}”的报告即将到期', body: '您关于“{title}”的进展报告应于 {date} 提交。' },
    finalDue: { subject: '“{title}”的报告即将到期', body: '您关于“{title}”的最终报告应于 {date} 提交。' },
    progressOverdue: {
      subject: '“{title}”的报告已逾期',
      body: '您关于“{title}”的进展报告原定于 {date} 提交。',
    },
    finalOverdue: { subject: '“{title}”的报告已逾期', body: '您关于“{title}”的最终报告原定于 {date} 提交。' },
  },
  ar: {
    offerReminder: {
      subject: 'يرجى الرد على المنحة «{title}»',
      body: 'تنتظر المنحة «{title}» قبولك حتى {date}.',
    },
    offerLapsed: {
      subject: 'انقضى عرض المنحة «{title}»',
      body: 'لم يرد المستفيد على المنحة «{title}» في الوقت المحدد: اسحبها أو مدّد المناقشات.',
    },
    reportDue: {
      subject: 'موعد تقرير «{title}»',
      body: 'تقريرك المرحلي والمالي عن «{title}» مستحق في {date}.',
    },
    progressDue: { subject: 'موعد تقرير «{title}»', body: 'تقريرك المرحلي عن «{title}» مستحق في {date}.' },
    finalDue: { subject: 'موعد تقرير «{title}»', body: 'تقريرك النهائي عن «{title}» مستحق في {date}.' },
    progressOverdue: {
      subject: 'تأخر تقرير «{title}»',
      body: 'كان تقريرك المرحلي عن «{title}» مستحقاً في {date}.',
    },
    finalOverdue: {
      subject: 'تأخر تقرير «{title}»',
      body: 'كان تقريرك النهائي عن «{title}» مستحقاً في {date}.',
    },
  },
};

/** One reminder's templates in each language, for `noticeTexts` (identity). */
export function reminderTemplates(
  key: ReminderKey,
): Record<DocumentLocale, { subject: string; body: string }> {
  return Object.fromEntries(Object.entries(REMINDER_TEXTS).map(([l, t]) => [l, t[key]])) as Record<
    DocumentLocale,
    { subject: string; body: string }
  >;
}
