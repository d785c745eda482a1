import type { RiskLevel } from '@app/core';

/** The six languages an agreement may be written in (the UN's official languages). */
export type ConditionLanguage = 'ar' | 'zh' | 'en' | 'fr' | 'ru' | 'es';

type Text = Record<ConditionLanguage, string>;

/** Russian months after a number (1 месяц, 3 месяца, 6 месяцев), by the CLDR plural categories. */
function ruMonths(n: number): string {
  const form = new Intl.PluralRules('ru').select(n);
  return form === 'one' ? 'месяц' : form === 'few' ? 'месяца' : 'месяцев';
}

/** The reports' interval, stated in each language with its plural forms. */
function reportsEvery(months: number): Text {
  return {
    en: `Narrative and financial reports are due every ${months === 1 ? 'month' : `${months} months`}, on the report schedule.`,
    fr: `Des rapports narratifs et financiers sont dus ${months === 1 ? 'chaque mois' : `tous les ${months} mois`}, selon le calendrier des rapports.`,
    es: `Se presentan informes narrativos y financieros ${months === 1 ? 'cada mes' : `cada ${months} meses`}, según el calendario de informes.`,
    ru: `Описательные и финансовые отчёты представляются ${months === 1 ? 'ежемесячно' : `каждые ${months} ${ruMonths(months)}`} по графику отчётности.`,
    zh: `按照报告时间表，每${months}个月提交一次叙述和财务报告。`,
    ar: `تُقدَّم التقارير السردية والمالية كل ${months === 1 ? 'شهر' : `${months} أشهر`}، وفق جدول التقارير.`,
  };
}

const SPOT_CHECK_MID_TERM: Text = {
  en: 'The fund carries out a spot check of the grant at mid-term.',
  fr: 'Le fonds effectue une vérification ponctuelle de la subvention à mi-parcours.',
  es: 'El fondo realiza una verificación puntual de la subvención a mitad del período.',
  ru: 'Фонд проводит выборочную проверку гранта в середине срока.',
  zh: '基金在赠款期中期对赠款进行一次抽查。',
  ar: 'يُجري الصندوق فحصاً مفاجئاً للمنحة في منتصف المدة.',
};

const TWO_SPOT_CHECKS: Text = {
  en: 'The fund carries out two spot checks of the grant during its period.',
  fr: 'Le fonds effectue deux vérifications ponctuelles de la subvention pendant sa durée.',
  es: 'El fondo realiza dos verificaciones puntuales de la subvención durante su período.',
  ru: 'Фонд проводит две выборочные проверки гранта в течение срока его действия.',
  zh: '基金在赠款期内对赠款进行两次抽查。',
  ar: 'يُجري الصندوق فحصين مفاجئين للمنحة خلال مدتها.',
};

const SPOT_CHECK_BEFORE_SECOND: Text = {
  en: 'A spot check takes place before the second tranche is paid.',
  fr: 'Une vérification ponctuelle a lieu avant le versement de la deuxième tranche.',
  es: 'Se realiza una verificación puntual antes del pago del segundo tramo.',
  ru: 'Перед выплатой второго транша проводится выборочная проверка.',
  zh: '在支付第二笔分期款之前进行一次抽查。',
  ar: 'يُجرى فحص مفاجئ قبل دفع الشريحة الثانية.',
};

const VISIT_PER_TRANCHE: Text = {
  en: 'The fund makes a monitoring visit for each tranche.',
  fr: 'Le fonds effectue une visite de suivi pour chaque tranche.',
  es: 'El fondo realiza una visita de seguimiento por cada tramo.',
  ru: 'Фонд проводит мониторинговый визит по каждому траншу.',
  zh: '基金针对每一笔分期款进行一次监测访问。',
  ar: 'يقوم الصندوق بزيارة رصد لكل شريحة.',
};

const RECEIPTS: Text = {
  en: 'Receipts for every purchase above 5% of the award are sent with the financial report.',
  fr: 'Les justificatifs de tout achat supérieur à 5 % du montant octroyé sont joints au rapport financier.',
  es: 'Los recibos de toda compra superior al 5 % de la subvención se envían con el informe financiero.',
  ru: 'Квитанции по каждой покупке на сумму свыше 5 % гранта прилагаются к финансовому отчёту.',
  zh: '凡金额超过赠款额5%的采购，其收据须随财务报告一并提交。',
  ar: 'تُرسَل إيصالات كل عملية شراء تزيد على 5% من مبلغ المنحة مع التقرير المالي.',
};

/**
 * The special conditions a risk level brings to the grant agreement (issue 17; ADR 0017), matching what the
 * grants context plans at approval: the report interval of the fund's setting for the level, and the
 * assurance (low: a spot check at mid-term; medium: two spot checks; high: a spot check before the second
 * tranche, a monitoring visit per tranche, receipts above 5% of the award).
 */
export function specialConditions(level: RiskLevel, reportMonths: number): Text[] {
  if (level === 'low') return [reportsEvery(reportMonths), SPOT_CHECK_MID_TERM];
  if (level === 'medium') return [reportsEvery(reportMonths), TWO_SPOT_CHECKS];
  return [reportsEvery(reportMonths), SPOT_CHECK_BEFORE_SECOND, VISIT_PER_TRANCHE, RECEIPTS];
}

/** The conditions as the agreement prints them: each in its language, then in English when that is another. */
export function conditionLines(texts: readonly Text[], language: ConditionLanguage): string[] {
  return texts.flatMap((t) => (language === 'en' ? [t.en] : [t[language], t.en]));
}
