import type { DocumentLocale } from '@app/core';

export type FundNotice = 'targetUp' | 'targetDown' | 'forecastMoved';
type T = { subject: string; body: string };

/**
 * The fund managers' notices of the new-call target in the six UN languages: `{code}` and `{name}` the
 * fund's, `{currency}` its code before the amounts `{available}` and `{target}` (each in the language's
 * form); for the forecast `{when}`, `{before}`, `{low}`, `{high}` months (YYYY-MM) or the language's `never`.
 */
export const FUND_NOTICE_TEXTS: Record<DocumentLocale, Record<FundNotice, T> & { never: string }> = {
  en: {
    targetUp: {
      subject: '{code}: the available balance reached the new-call target',
      body: '{name}: available {currency} {available}, new-call target {currency} {target} (at or above the target).',
    },
    targetDown: {
      subject: '{code}: the available balance fell below the new-call target',
      body: '{name}: available {currency} {available}, new-call target {currency} {target} (below the target).',
    },
    forecastMoved: {
      subject: '{code}: the new-call target is now expected {when}',
      body: '{name}: the month the available balance is expected to reach the new-call target moved from {before} to {when} (low {low}, high {high}).',
    },
    never: 'not within 24 months',
  },
  fr: {
    targetUp: {
      subject: "{code} : le solde disponible a atteint l'objectif de nouvel appel",
      body: '{name} : disponible {currency} {available}, objectif de nouvel appel {currency} {target} (atteint ou dépassé).',
    },
    targetDown: {
      subject: "{code} : le solde disponible est passé sous l'objectif de nouvel appel",
      body: "{name} : disponible {currency} {available}, objectif de nouvel appel {currency} {target} (en dessous de l'objectif).",
    },
    forecastMoved: {
      subject: '{code} : objectif de nouvel appel attendu : {when}',
      body: "{name} : le mois où le solde disponible devrait atteindre l'objectif de nouvel appel passe de {before} à {when} (bas {low}, haut {high}).",
    },
    never: 'pas dans les 24 mois',
  },
  es: {
    targetUp: {
      subject: '{code}: el saldo disponible alcanzó la meta de nueva convocatoria',
      body: '{name}: disponible {currency} {available}, meta de nueva convocatoria {currency} {target} (alcanzada o superada).',
    },
    targetDown: {
      subject: '{code}: el saldo disponible quedó por debajo de la meta de nueva convocatoria',
      body: '{name}: disponible {currency} {available}, meta de nueva convocatoria {currency} {target} (por debajo de la meta).',
    },
    forecastMoved: {
      subject: '{code}: meta de nueva convocatoria prevista: {when}',
      body: '{name}: el mes en que se prevé que el saldo disponible alcance la meta de nueva convocatoria pasó de {before} a {when} (bajo {low}, alto {high}).',
    },
    never: 'no en los próximos 24 meses',
  },
  ru: {
    targetUp: {
      subject: '{code}: доступный остаток достиг целевого уровня для нового конкурса',
      body: '{name}: доступно {currency} {available}, целевой уровень для нового конкурса {currency} {target} (достигнут или превышен).',
    },
    targetDown: {
      subject: '{code}: доступный остаток опустился ниже целевого уровня для нового конкурса',
      body: '{name}: доступно {currency} {available}, целевой уровень для нового конкурса {currency} {target} (ниже целевого уровня).',
    },
    forecastMoved: {
      subject: '{code}: целевой уровень для нового конкурса ожидается: {when}',
      body: '{name}: месяц, когда доступный остаток должен достичь целевого уровня для нового конкурса, сдвинулся с {before} на {when} (низкий вариант {low}, высокий {high}).',
    },
    never: 'не в ближайшие 24 месяца',
  },
  zh: {
    targetUp: {
      subject: '{code}：可用余额已达到新征集目标',
      body: '{name}：可用 {currency} {available}，新征集目标 {currency} {target}（已达到或超过目标）。',
    },
    targetDown: {
      subject: '{code}：可用余额已低于新征集目标',
      body: '{name}：可用 {currency} {available}，新征集目标 {currency} {target}（低于目标）。',
    },
    forecastMoved: {
      subject: '{code}：新征集目标预计达成时间：{when}',
      body: '{name}：可用余额预计达到新征集目标的月份已从 {before} 变为 {when}（低 {low}，高 {high}）。',
    },
    never: '24 个月内不会',
  },
  ar: {
    targetUp: {
      subject: '{code}: بلغ الرصيد المتاح هدف الدعوة الجديدة',
      body: '{name}: المتاح {currency} {available}، وهدف الدعوة الجديدة {currency} {target} (بلغ الهدف أو تجاوزه).',
    },
    targetDown: {
      subject: '{code}: انخفض الرصيد المتاح دون هدف الدعوة الجديدة',
      body: '{name}: المتاح {currency} {available}، وهدف الدعوة الجديدة {currency} {target} (دون الهدف).',
    },
    forecastMoved: {
      subject: '{code}: الموعد المتوقع لبلوغ هدف الدعوة الجديدة: {when}',
      body: '{name}: تغيّر الشهر المتوقع لبلوغ الرصيد المتاح هدف الدعوة الجديدة من {before} إلى {when} (الأدنى {low}، الأعلى {high}).',
    },
    never: 'ليس خلال 24 شهراً',
  },
};

export function fundNoticeTemplates(n: FundNotice): Record<DocumentLocale, T> {
  return Object.fromEntries(Object.entries(FUND_NOTICE_TEXTS).map(([l, t]) => [l, t[n]])) as Record<
    DocumentLocale,
    T
  >;
}
