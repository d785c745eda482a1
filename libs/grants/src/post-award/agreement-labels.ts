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
  /** The clauses and tables of the document kit's agreement (issue 22). */
  clauseParties: string;
  clauseAmount: string;
  number: string;
  condition: string;
  due: string;
  report: string;
  line: string;
  atCountersignature: string;
  afterReportN: string;
  reportDueOn: string;
  forGrantee: string;
  forFund: string;
  notSigned: string;
  signedAt: string;
  fromAddress: string;
  versionHash: string;
  signedCopy: string;
  hashNote: string;
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
    clauseParties:
      'This agreement is made between {fund} (the fund) and {grantee} (the grantee) for the project “{title}”.',
    clauseAmount: 'The fund grants the grantee {amount}, paid in the tranches below.',
    number: 'No.',
    condition: 'Condition',
    due: 'Falls due',
    report: 'Report',
    line: 'Budget line',
    atCountersignature: 'at the countersignature',
    afterReportN: 'when report {n} is accepted',
    reportDueOn: 'Due on',
    forGrantee: 'For the grantee',
    forFund: 'For the fund',
    notSigned: 'Not signed yet',
    signedAt: 'Signed {at}',
    fromAddress: 'From {address}',
    versionHash: 'SHA-256 of version {version}:',
    signedCopy: 'Signed copy: the signatures recorded on version {version}.',
    hashNote: 'The SHA-256 identifies the version as generated, before any signature was added.',
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
    clauseParties:
      'Le présent accord est conclu entre {fund} (le fonds) et {grantee} (le bénéficiaire) pour le projet « {title} ».',
    clauseAmount: 'Le fonds accorde au bénéficiaire {amount}, versés selon les tranches ci-dessous.',
    number: 'N°',
    condition: 'Condition',
    due: 'Exigible',
    report: 'Rapport',
    line: 'Ligne budgétaire',
    atCountersignature: 'à la contresignature',
    afterReportN: 'lorsque le rapport {n} est accepté',
    reportDueOn: 'Échéance',
    forGrantee: 'Pour le bénéficiaire',
    forFund: 'Pour le fonds',
    notSigned: 'Pas encore signé',
    signedAt: 'Signé le {at}',
    fromAddress: 'Depuis {address}',
    versionHash: 'SHA-256 de la version {version} :',
    signedCopy: 'Copie signée : les signatures enregistrées sur la version {version}.',
    hashNote:
      "Le SHA-256 identifie la version telle qu'elle a été générée, avant l'ajout de toute signature.",
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
    clauseParties:
      'El presente acuerdo se celebra entre {fund} (el fondo) y {grantee} (el beneficiario) para el proyecto «{title}».',
    clauseAmount: 'El fondo concede al beneficiario {amount}, pagados en los tramos siguientes.',
    number: 'N.º',
    condition: 'Condición',
    due: 'Exigible',
    report: 'Informe',
    line: 'Partida presupuestaria',
    atCountersignature: 'al refrendo',
    afterReportN: 'cuando se acepte el informe {n}',
    reportDueOn: 'Fecha límite',
    forGrantee: 'Por el beneficiario',
    forFund: 'Por el fondo',
    notSigned: 'Aún sin firmar',
    signedAt: 'Firmado el {at}',
    fromAddress: 'Desde {address}',
    versionHash: 'SHA-256 de la versión {version}:',
    signedCopy: 'Copia firmada: las firmas registradas en la versión {version}.',
    hashNote: 'El SHA-256 identifica la versión tal como se generó, antes de añadir ninguna firma.',
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
    clauseParties:
      'Настоящее соглашение заключено между {fund} (фонд) и {grantee} (получатель гранта) в отношении проекта «{title}».',
    clauseAmount:
      'Фонд предоставляет получателю грант в размере {amount}, выплачиваемый траншами, указанными ниже.',
    number: '№',
    condition: 'Условие',
    due: 'Срок выплаты',
    report: 'Отчёт',
    line: 'Статья бюджета',
    atCountersignature: 'при скреплении подписью',
    afterReportN: 'после принятия отчёта {n}',
    reportDueOn: 'Срок',
    forGrantee: 'За получателя гранта',
    forFund: 'За фонд',
    notSigned: 'Ещё не подписано',
    signedAt: 'Подписано {at}',
    fromAddress: 'С адреса {address}',
    versionHash: 'SHA-256 версии {version}:',
    signedCopy: 'Подписанный экземпляр: подписи, зарегистрированные для версии {version}.',
    hashNote: 'SHA-256 указывает на версию в том виде, в каком она была создана, до добавления подписей.',
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
    clauseParties: '本协议由{fund}（基金）与{grantee}（受赠方）就“{title}”项目订立。',
    clauseAmount: '基金向受赠方提供赠款{amount}，按下列分期支付。',
    number: '编号',
    condition: '条件',
    due: '到期',
    report: '报告',
    line: '预算项目',
    atCountersignature: '会签时',
    afterReportN: '第 {n} 份报告被接受时',
    reportDueOn: '截止日期',
    forGrantee: '受赠方代表',
    forFund: '基金代表',
    notSigned: '尚未签署',
    signedAt: '签署于 {at}',
    fromAddress: '来自 {address}',
    versionHash: '第 {version} 版的 SHA-256：',
    signedCopy: '已签署副本：第 {version} 版上记录的签名。',
    hashNote: 'SHA-256 标识生成时的版本，即添加任何签名之前的版本。',
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
    clauseParties: 'أُبرم هذا الاتفاق بين {fund} (الصندوق) و{grantee} (المستفيد) بشأن مشروع «{title}».',
    clauseAmount: 'يمنح الصندوق المستفيد مبلغ {amount} يُدفع على الدفعات المبينة أدناه.',
    number: 'الرقم',
    condition: 'الشرط',
    due: 'موعد الاستحقاق',
    report: 'التقرير',
    line: 'بند الميزانية',
    atCountersignature: 'عند التوقيع بالتصديق',
    afterReportN: 'عند قبول التقرير {n}',
    reportDueOn: 'الموعد',
    forGrantee: 'عن المستفيد',
    forFund: 'عن الصندوق',
    notSigned: 'لم يوقَّع بعد',
    signedAt: 'وُقِّع في {at}',
    fromAddress: 'من العنوان {address}',
    versionHash: 'بصمة SHA-256 للإصدار {version}:',
    signedCopy: 'نسخة موقعة: التوقيعات المسجلة على الإصدار {version}.',
    hashNote: 'تحدد بصمة SHA-256 الإصدار كما أُنشئ قبل إضافة أي توقيع.',
  },
};
