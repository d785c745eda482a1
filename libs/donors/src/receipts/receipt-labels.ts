import type { Labels } from '@app/core';

/** The receipt's words in the six UN languages; English is printed beside the others (see receipt-pdf). */
export type ReceiptLabel =
  | 'title'
  | 'receipt'
  | 'donor'
  | 'country'
  | 'dateReceived'
  | 'amount'
  | 'rate'
  | 'equivalent'
  | 'ratePer'
  | 'purpose'
  | 'purposeText'
  | 'thanks'
  | 'verify'
  | 'verifyHelp'
  | 'void'
  | 'voidNote'
  | 'notReused'
  | 'memberState'
  | 'private'
  | 'qrAlt';

export const RECEIPT_LABELS: Labels<ReceiptLabel> = {
  en: {
    title: 'Receipt of contribution',
    receipt: 'Receipt',
    donor: 'Donor',
    country: 'Country',
    dateReceived: 'Date received',
    amount: 'Amount received',
    rate: 'UN operational rate of exchange',
    equivalent: 'Equivalent in {currency}',
    ratePer: '{rate} {currency} per 1 {fundCurrency}',
    purpose: 'Purpose',
    purposeText:
      'A contribution to {fund}, for the grants it makes under its mandate to the survivors it serves.',
    thanks: 'The fund acknowledges with thanks the receipt of this contribution.',
    verify: 'Verify this receipt',
    verifyHelp:
      'Scan the code or open the address to confirm the number, date, amount and status of this receipt.',
    void: 'VOID',
    voidNote: 'VOID: this contribution was reversed ({reason}).',
    notReused: 'This receipt number is not reused.',
    memberState: 'member state',
    private: 'private sector',
    qrAlt: 'QR code of the verification address',
  },
  fr: {
    title: 'Reçu de contribution',
    receipt: 'Reçu',
    donor: 'Donateur',
    country: 'Pays',
    dateReceived: 'Date de réception',
    amount: 'Montant reçu',
    rate: 'Taux de change opérationnel de l’ONU',
    equivalent: 'Équivalent en {currency}',
    ratePer: '{rate} {currency} pour 1 {fundCurrency}',
    purpose: 'Objet',
    purposeText:
      'Contribution au {fund}, pour les subventions qu’il accorde, selon son mandat, aux survivantes et survivants qu’il sert.',
    thanks: 'Le fonds accuse réception de cette contribution avec ses remerciements.',
    verify: 'Vérifier ce reçu',
    verifyHelp:
      'Scannez le code ou ouvrez l’adresse pour confirmer le numéro, la date, le montant et le statut de ce reçu.',
    void: 'ANNULÉ',
    voidNote: 'ANNULÉ : cette contribution a été contrepassée ({reason}).',
    notReused: 'Ce numéro de reçu n’est pas réutilisé.',
    memberState: 'État membre',
    private: 'secteur privé',
    qrAlt: 'Code QR de l’adresse de vérification',
  },
  es: {
    title: 'Recibo de contribución',
    receipt: 'Recibo',
    donor: 'Donante',
    country: 'País',
    dateReceived: 'Fecha de recepción',
    amount: 'Importe recibido',
    rate: 'Tipo de cambio operacional de las Naciones Unidas',
    equivalent: 'Equivalente en {currency}',
    ratePer: '{rate} {currency} por 1 {fundCurrency}',
    purpose: 'Finalidad',
    purposeText:
      'Contribución al {fund}, para las subvenciones que otorga, conforme a su mandato, a las personas sobrevivientes a las que sirve.',
    thanks: 'El fondo acusa recibo de esta contribución y la agradece.',
    verify: 'Verificar este recibo',
    verifyHelp:
      'Escanee el código o abra la dirección para confirmar el número, la fecha, el importe y el estado de este recibo.',
    void: 'ANULADO',
    voidNote: 'ANULADO: esta contribución fue revertida ({reason}).',
    notReused: 'Este número de recibo no se reutiliza.',
    memberState: 'Estado Miembro',
    private: 'sector privado',
    qrAlt: 'Código QR de la dirección de verificación',
  },
  ru: {
    title: 'Квитанция о взносе',
    receipt: 'Квитанция',
    donor: 'Донор',
    country: 'Страна',
    dateReceived: 'Дата получения',
    amount: 'Полученная сумма',
    rate: 'Операционный обменный курс ООН',
    equivalent: 'Эквивалент в {currency}',
    ratePer: '{rate} {currency} за 1 {fundCurrency}',
    purpose: 'Назначение',
    purposeText:
      'Взнос в {fund} на гранты, которые он предоставляет в соответствии со своим мандатом пострадавшим, которым он служит.',
    thanks: 'Фонд с благодарностью подтверждает получение этого взноса.',
    verify: 'Проверить квитанцию',
    verifyHelp:
      'Отсканируйте код или откройте адрес, чтобы подтвердить номер, дату, сумму и статус квитанции.',
    void: 'АННУЛИРОВАНО',
    voidNote: 'АННУЛИРОВАНО: этот взнос сторнирован ({reason}).',
    notReused: 'Номер этой квитанции повторно не используется.',
    memberState: 'государство-член',
    private: 'частный сектор',
    qrAlt: 'QR-код адреса проверки',
  },
  zh: {
    title: '捐款收据',
    receipt: '收据',
    donor: '捐助方',
    country: '国家',
    dateReceived: '收款日期',
    amount: '收到金额',
    rate: '联合国业务汇率',
    equivalent: '折合{currency}',
    ratePer: '{rate} {currency} 兑 1 {fundCurrency}',
    purpose: '用途',
    purposeText: '向{fund}的捐款，用于该基金根据其任务授权向其服务的幸存者提供的赠款。',
    thanks: '本基金谨此确认收到这笔捐款，并致谢意。',
    verify: '核验本收据',
    verifyHelp: '扫描二维码或打开网址，即可核实本收据的编号、日期、金额和状态。',
    void: '作废',
    voidNote: '作废：这笔捐款已被冲销（{reason}）。',
    notReused: '本收据编号不再重复使用。',
    memberState: '会员国',
    private: '私营部门',
    qrAlt: '核验网址的二维码',
  },
  ar: {
    title: 'إيصال استلام مساهمة',
    receipt: 'إيصال',
    donor: 'الجهة المانحة',
    country: 'البلد',
    dateReceived: 'تاريخ الاستلام',
    amount: 'المبلغ المستلم',
    rate: 'سعر الصرف التشغيلي للأمم المتحدة',
    equivalent: 'المعادل بعملة {currency}',
    ratePer: '{rate} {currency} لكل 1 {fundCurrency}',
    purpose: 'الغرض',
    purposeText: 'مساهمة في {fund}، للمنح التي يقدمها وفقا لولايته إلى الناجيات والناجين الذين يخدمهم.',
    thanks: 'يقر الصندوق مع الشكر باستلام هذه المساهمة.',
    verify: 'التحقق من هذا الإيصال',
    verifyHelp: 'امسح الرمز أو افتح العنوان للتأكد من رقم هذا الإيصال وتاريخه ومبلغه وحالته.',
    void: 'ملغى',
    voidNote: 'ملغى: عُكست هذه المساهمة ({reason}).',
    notReused: 'لا يعاد استخدام رقم هذا الإيصال.',
    memberState: 'دولة عضو',
    private: 'القطاع الخاص',
    qrAlt: 'رمز الاستجابة السريعة لعنوان التحقق',
  },
};
