import type { DocumentLocale, GrantEvent } from '@app/core';

interface GrantNoticeWords {
  /** `{title}` and `{event}` (the event's label below). */
  subject: string;
  events: Record<GrantEvent, { label: string; body: string }>;
}

/** What the grantee's members are told of their grant, in the six UN languages (`{title}` filled). */
export const GRANT_NOTICE_TEXTS: Record<DocumentLocale, GrantNoticeWords> = {
  en: {
    subject: 'Grant "{title}": {event}',
    events: {
      approved: {
        label: 'approved',
        body: 'Your application "{title}" was approved: a grant agreement is ready to sign.',
      },
      signed: {
        label: 'signed',
        body: 'The grant agreement for "{title}" is signed; the first tranche is due.',
      },
      disbursed: { label: 'disbursed', body: 'A tranche of "{title}" was paid.' },
      cancelled: { label: 'cancelled', body: 'The undisbursed tranches of "{title}" were cancelled.' },
      returned: { label: 'returned', body: 'Your return of unspent funds for "{title}" was recorded.' },
      'report-submitted': { label: 'report submitted', body: 'We received your report on "{title}".' },
      'report-accepted': { label: 'report accepted', body: 'Your report on "{title}" was accepted.' },
      'report-returned': {
        label: 'report returned',
        body: 'Your report on "{title}" was returned with comments.',
      },
      closed: { label: 'closed', body: 'The grant "{title}" is closed. Thank you.' },
      accepted: {
        label: 'accepted',
        body: 'You accepted the grant "{title}": its agreement is ready for your signatory.',
      },
      amended: {
        label: 'amended',
        body: 'An amendment to "{title}" took effect; a changed agreement is signed again.',
      },
      'amendment-rejected': {
        label: 'amendment rejected',
        body: 'An amendment you asked for on "{title}" was not approved.',
      },
      'refund-owed': {
        label: 'refund owed',
        body: 'An assurance check of "{title}" found ineligible costs: a refund is owed.',
      },
    },
  },
  fr: {
    subject: 'Subvention « {title} » : {event}',
    events: {
      approved: {
        label: 'approuvée',
        body: 'Votre demande « {title} » a été approuvée : un accord de subvention est prêt à être signé.',
      },
      signed: {
        label: 'signée',
        body: "L'accord de subvention de « {title} » est signé ; la première tranche est exigible.",
      },
      disbursed: { label: 'versement', body: 'Une tranche de « {title} » a été versée.' },
      cancelled: { label: 'annulation', body: 'Les tranches non versées de « {title} » ont été annulées.' },
      returned: {
        label: 'restitution',
        body: 'La restitution des fonds non dépensés de « {title} » a été enregistrée.',
      },
      'report-submitted': { label: 'rapport reçu', body: 'Nous avons reçu votre rapport sur « {title} ».' },
      'report-accepted': { label: 'rapport accepté', body: 'Votre rapport sur « {title} » a été accepté.' },
      'report-returned': {
        label: 'rapport renvoyé',
        body: 'Votre rapport sur « {title} » vous a été renvoyé avec des commentaires.',
      },
      closed: { label: 'clôturée', body: 'La subvention « {title} » est clôturée. Merci.' },
      accepted: {
        label: 'acceptée',
        body: 'Vous avez accepté la subvention « {title} » : son accord attend la signature de votre signataire.',
      },
      amended: {
        label: 'modifiée',
        body: "Une modification de « {title} » a pris effet ; l'accord modifié est signé à nouveau.",
      },
      'amendment-rejected': {
        label: 'modification refusée',
        body: "Une modification que vous avez demandée pour « {title} » n'a pas été approuvée.",
      },
      'refund-owed': {
        label: 'remboursement dû',
        body: 'Un contrôle de « {title} » a relevé des dépenses inéligibles : un remboursement est dû.',
      },
    },
  },
  es: {
    subject: 'Subvención «{title}»: {event}',
    events: {
      approved: {
        label: 'aprobada',
        body: 'Su solicitud «{title}» fue aprobada: hay un acuerdo de subvención listo para firmar.',
      },
      signed: {
        label: 'firmada',
        body: 'El acuerdo de subvención de «{title}» está firmado; el primer tramo es exigible.',
      },
      disbursed: { label: 'pago', body: 'Se pagó un tramo de «{title}».' },
      cancelled: { label: 'cancelación', body: 'Se cancelaron los tramos no desembolsados de «{title}».' },
      returned: {
        label: 'devolución',
        body: 'Se registró su devolución de fondos no gastados de «{title}».',
      },
      'report-submitted': { label: 'informe recibido', body: 'Hemos recibido su informe sobre «{title}».' },
      'report-accepted': { label: 'informe aceptado', body: 'Su informe sobre «{title}» fue aceptado.' },
      'report-returned': {
        label: 'informe devuelto',
        body: 'Su informe sobre «{title}» fue devuelto con comentarios.',
      },
      closed: { label: 'cerrada', body: 'La subvención «{title}» está cerrada. Gracias.' },
      accepted: {
        label: 'aceptada',
        body: 'Aceptó la subvención «{title}»: su acuerdo está listo para su signatario.',
      },
      amended: {
        label: 'modificada',
        body: 'Entró en vigor una modificación de «{title}»; el acuerdo modificado se firma de nuevo.',
      },
      'amendment-rejected': {
        label: 'modificación rechazada',
        body: 'No se aprobó una modificación que solicitó para «{title}».',
      },
      'refund-owed': {
        label: 'reembolso pendiente',
        body: 'Una verificación de «{title}» detectó gastos no admisibles: se debe un reembolso.',
      },
    },
  },
  ru: {
    subject: 'Грант «{title}»: {event}',
    events: {
      approved: {
        label: 'одобрен',
        body: 'Ваша заявка «{title}» одобрена: соглашение о гранте готово к подписанию.',
      },
      signed: {
        label: 'подписан',
        body: 'Соглашение о гранте «{title}» подписано; первый транш подлежит выплате.',
      },
      disbursed: { label: 'выплата', body: 'Выплачен транш по гранту «{title}».' },
      cancelled: { label: 'отмена', body: 'Невыплаченные транши по гранту «{title}» отменены.' },
      returned: {
        label: 'возврат',
        body: 'Ваш возврат неизрасходованных средств по гранту «{title}» учтён.',
      },
      'report-submitted': { label: 'отчёт получен', body: 'Мы получили ваш отчёт по гранту «{title}».' },
      'report-accepted': { label: 'отчёт принят', body: 'Ваш отчёт по гранту «{title}» принят.' },
      'report-returned': {
        label: 'отчёт возвращён',
        body: 'Ваш отчёт по гранту «{title}» возвращён с замечаниями.',
      },
      closed: { label: 'закрыт', body: 'Грант «{title}» закрыт. Спасибо.' },
      accepted: {
        label: 'принят',
        body: 'Вы приняли грант «{title}»: соглашение ждёт подписи вашего подписанта.',
      },
      amended: {
        label: 'изменён',
        body: 'Изменение гранта «{title}» вступило в силу; изменённое соглашение подписывается заново.',
      },
      'amendment-rejected': {
        label: 'изменение отклонено',
        body: 'Запрошенное вами изменение гранта «{title}» не одобрено.',
      },
      'refund-owed': {
        label: 'требуется возврат',
        body: 'Проверка гранта «{title}» выявила неприемлемые расходы: требуется возврат средств.',
      },
    },
  },
  zh: {
    subject: '赠款“{title}”：{event}',
    events: {
      approved: { label: '已批准', body: '您的申请“{title}”已获批准：赠款协议已可签署。' },
      signed: { label: '已签署', body: '“{title}”的赠款协议已签署；第一笔分期款已到期应付。' },
      disbursed: { label: '已付款', body: '“{title}”的一笔分期款已支付。' },
      cancelled: { label: '已取消', body: '“{title}”尚未拨付的分期款已取消。' },
      returned: { label: '已退还', body: '您退还的“{title}”未用资金已入账。' },
      'report-submitted': { label: '已收到报告', body: '我们已收到您关于“{title}”的报告。' },
      'report-accepted': { label: '报告已接受', body: '您关于“{title}”的报告已被接受。' },
      'report-returned': { label: '报告已退回', body: '您关于“{title}”的报告已附意见退回。' },
      closed: { label: '已结束', body: '赠款“{title}”已结束。谢谢。' },
      accepted: { label: '已接受', body: '您已接受赠款“{title}”：协议正等待贵方签署人签署。' },
      amended: { label: '已修订', body: '对“{title}”的修订已生效；修订后的协议需重新签署。' },
      'amendment-rejected': { label: '修订未获批准', body: '您为“{title}”申请的修订未获批准。' },
      'refund-owed': { label: '应退款', body: '对“{title}”的核查发现不合规费用：需退还款项。' },
    },
  },
  ar: {
    subject: 'المنحة «{title}»: {event}',
    events: {
      approved: {
        label: 'تمت الموافقة',
        body: 'تمت الموافقة على طلبك «{title}»: اتفاق المنحة جاهز للتوقيع.',
      },
      signed: { label: 'تم التوقيع', body: 'تم توقيع اتفاق المنحة «{title}»؛ الدفعة الأولى مستحقة.' },
      disbursed: { label: 'تم الصرف', body: 'تم صرف دفعة من المنحة «{title}».' },
      cancelled: { label: 'تم الإلغاء', body: 'أُلغيت الدفعات غير المصروفة من المنحة «{title}».' },
      returned: { label: 'تم الرد', body: 'سُجّل ردّك للأموال غير المنفقة من المنحة «{title}».' },
      'report-submitted': { label: 'تم استلام التقرير', body: 'تسلّمنا تقريرك عن «{title}».' },
      'report-accepted': { label: 'تم قبول التقرير', body: 'تم قبول تقريرك عن «{title}».' },
      'report-returned': { label: 'أُعيد التقرير', body: 'أُعيد إليك تقريرك عن «{title}» مع ملاحظات.' },
      closed: { label: 'أُغلقت', body: 'أُغلقت المنحة «{title}». شكراً لك.' },
      accepted: {
        label: 'تم القبول',
        body: 'قبلت المنحة «{title}»: اتفاقها جاهز لتوقيع الموقِّع المفوَّض عنكم.',
      },
      amended: {
        label: 'تم التعديل',
        body: 'دخل تعديل على «{title}» حيز النفاذ؛ ويُوقَّع الاتفاق المعدَّل من جديد.',
      },
      'amendment-rejected': { label: 'رُفض التعديل', body: 'لم تتم الموافقة على تعديل طلبته بشأن «{title}».' },
      'refund-owed': {
        label: 'استرداد مستحق',
        body: 'وجد فحص ضمان للمنحة «{title}» تكاليف غير مؤهلة: يُستحق استرداد مبلغ.',
      },
    },
  },
};

/** One event's subject and body templates in each language, for `noticeTexts` (identity). */
export function grantNoticeTemplates(
  event: GrantEvent,
): Record<DocumentLocale, { subject: string; body: string }> {
  return Object.fromEntries(
    Object.entries(GRANT_NOTICE_TEXTS).map(([l, w]) => [
      l,
      { subject: w.subject.replace('{event}', w.events[event].label), body: w.events[event].body },
    ]),
  ) as Record<DocumentLocale, { subject: string; body: string }>;
}
