import type { Language } from './offers.repository';

/** The agreement's headings in the six UN languages; the document prints the chosen one beside English. */
export interface AgreementLabels {
  title: string;
  version: string;
  parties: string;
  fund: string;
  grantee: string;
  amount: string;
  psc: string;
  pscNote: string;
  tranches: string;
  onSignature: string;
  afterReport: string;
  schedule: string;
  progressReport: string;
  finalReport: string;
  budget: string;
  period: string;
  specialConditions: string;
  none: string;
  signatures: string;
}

export const AGREEMENT_LABELS: Record<Language, AgreementLabels> = {
  en: {
    title: 'Grant agreement',
    version: 'Version',
    parties: 'Parties',
    fund: 'Fund',
    grantee: 'Grantee',
    amount: 'Amount of the grant',
    psc: 'Programme support costs',
    pscNote: 'charged by the fund on each payment, in addition to the grant, at the rate of',
    tranches: 'Tranches and their conditions',
    onSignature: 'on signature',
    afterReport: 'after an accepted report',
    schedule: 'Report schedule',
    progressReport: 'progress report due',
    finalReport: 'final report due',
    budget: 'Budget',
    period: 'Grant period ends',
    specialConditions: 'Special conditions',
    none: 'none',
    signatures: 'Signatures: the grantee signs first, then the fund manager countersigns.',
  },
  fr: {
    title: 'Accord de subvention',
    version: 'Version',
    parties: 'Parties',
    fund: 'Fonds',
    grantee: 'Bénéficiaire',
    amount: 'Montant de la subvention',
    psc: "Coûts d'appui aux programmes",
    pscNote: 'prélevés par le fonds sur chaque paiement, en sus de la subvention, au taux de',
    tranches: 'Tranches et leurs conditions',
    onSignature: 'à la signature',
    afterReport: 'après un rapport accepté',
    schedule: 'Calendrier des rapports',
    progressReport: "rapport d'étape attendu le",
    finalReport: 'rapport final attendu le',
    budget: 'Budget',
    period: 'Fin de la période de subvention',
    specialConditions: 'Conditions particulières',
    none: 'aucune',
    signatures: 'Signatures : le bénéficiaire signe en premier, puis le gestionnaire du fonds contresigne.',
  },
  es: {
    title: 'Acuerdo de subvención',
    version: 'Versión',
    parties: 'Partes',
    fund: 'Fondo',
    grantee: 'Beneficiario',
    amount: 'Importe de la subvención',
    psc: 'Gastos de apoyo a los programas',
    pscNote: 'cobrados por el fondo en cada pago, además de la subvención, a la tasa de',
    tranches: 'Tramos y sus condiciones',
    onSignature: 'a la firma',
    afterReport: 'tras un informe aceptado',
    schedule: 'Calendario de informes',
    progressReport: 'informe de avance previsto el',
    finalReport: 'informe final previsto el',
    budget: 'Presupuesto',
    period: 'Fin del período de la subvención',
    specialConditions: 'Condiciones especiales',
    none: 'ninguna',
    signatures: 'Firmas: el beneficiario firma primero y luego el gestor del fondo refrenda.',
  },
  ru: {
    title: 'Соглашение о гранте',
    version: 'Версия',
    parties: 'Стороны',
    fund: 'Фонд',
    grantee: 'Получатель гранта',
    amount: 'Сумма гранта',
    psc: 'Расходы на поддержку программ',
    pscNote: 'удерживаются фондом с каждой выплаты сверх гранта по ставке',
    tranches: 'Транши и их условия',
    onSignature: 'при подписании',
    afterReport: 'после принятого отчёта',
    schedule: 'График отчётов',
    progressReport: 'промежуточный отчёт к',
    finalReport: 'итоговый отчёт к',
    budget: 'Бюджет',
    period: 'Окончание периода гранта',
    specialConditions: 'Особые условия',
    none: 'нет',
    signatures: 'Подписи: сначала подписывает получатель, затем управляющий фондом скрепляет подписью.',
  },
  zh: {
    title: '赠款协议',
    version: '版本',
    parties: '各方',
    fund: '基金',
    grantee: '受赠方',
    amount: '赠款金额',
    psc: '方案支助费用',
    pscNote: '由基金在每次付款时另行收取，费率为',
    tranches: '分期付款及其条件',
    onSignature: '签署时',
    afterReport: '报告被接受后',
    schedule: '报告时间表',
    progressReport: '进度报告截止日期',
    finalReport: '最终报告截止日期',
    budget: '预算',
    period: '赠款期结束',
    specialConditions: '特别条件',
    none: '无',
    signatures: '签署：受赠方先签署，然后由基金管理人会签。',
  },
  ar: {
    title: 'اتفاق المنحة',
    version: 'الإصدار',
    parties: 'الأطراف',
    fund: 'الصندوق',
    grantee: 'المستفيد من المنحة',
    amount: 'مبلغ المنحة',
    psc: 'تكاليف دعم البرامج',
    pscNote: 'يقتطعها الصندوق من كل دفعة إضافة إلى المنحة بنسبة',
    tranches: 'الدفعات وشروطها',
    onSignature: 'عند التوقيع',
    afterReport: 'بعد قبول تقرير',
    schedule: 'جدول التقارير',
    progressReport: 'موعد التقرير المرحلي',
    finalReport: 'موعد التقرير النهائي',
    budget: 'الميزانية',
    period: 'نهاية فترة المنحة',
    specialConditions: 'شروط خاصة',
    none: 'لا يوجد',
    signatures: 'التوقيعات: يوقع المستفيد أولاً ثم يوقع مدير الصندوق بالتصديق.',
  },
};
