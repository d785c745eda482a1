import type { DocumentLocale } from '@app/core';

export type PartnerNotice =
  'documentExpiring' | 'documentExpired' | 'bankRequested' | 'bankApproved' | 'bankRejected';

type T = { subject: string; body: string };

/**
 * The partners' notices in the six UN languages: `{type}` a document type's code, `{filename}`, `{date}` a
 * day; `{organization}` the organization's id.
 */
export const PARTNER_NOTICE_TEXTS: Record<DocumentLocale, Record<PartnerNotice, T>> = {
  en: {
    documentExpiring: {
      subject: 'Your {type} document expires on {date}',
      body: 'The document "{filename}" ({type}) expires on {date}. Upload a current one in your organization\'s profile; an expired required document blocks new submissions.',
    },
    documentExpired: {
      subject: 'Your {type} document has expired',
      body: 'The document "{filename}" ({type}) expired on {date}. Upload a current one in your organization\'s profile; an expired required document blocks new submissions.',
    },
    bankRequested: {
      subject: 'Bank details changed: payments suspended until approved',
      body: 'The bank details of your organization were changed after verification. Payments are suspended until a fund manager approves the change. If you did not make this change, tell the fund at once. (organization {organization})',
    },
    bankApproved: {
      subject: 'Bank details change approved',
      body: 'A fund manager approved the change of bank details; payments go to the new account. (organization {organization})',
    },
    bankRejected: {
      subject: 'Bank details change rejected',
      body: 'A fund manager rejected the change of bank details; payments go to the account approved before. (organization {organization})',
    },
  },
  fr: {
    documentExpiring: {
      subject: 'Votre document {type} expire le {date}',
      body: 'Le document « {filename} » ({type}) expire le {date}. Déposez-en un à jour dans le profil de votre organisation ; un document obligatoire expiré bloque les nouvelles soumissions.',
    },
    documentExpired: {
      subject: 'Votre document {type} a expiré',
      body: 'Le document « {filename} » ({type}) a expiré le {date}. Déposez-en un à jour dans le profil de votre organisation ; un document obligatoire expiré bloque les nouvelles soumissions.',
    },
    bankRequested: {
      subject: "Coordonnées bancaires modifiées : paiements suspendus jusqu'à approbation",
      body: "Les coordonnées bancaires de votre organisation ont été modifiées après la vérification. Les paiements sont suspendus jusqu'à ce qu'un gestionnaire de fonds approuve la modification. Si vous n'êtes pas à l'origine de ce changement, prévenez le fonds immédiatement. (organisation {organization})",
    },
    bankApproved: {
      subject: 'Modification des coordonnées bancaires approuvée',
      body: 'Un gestionnaire de fonds a approuvé la modification des coordonnées bancaires ; les paiements vont au nouveau compte. (organisation {organization})',
    },
    bankRejected: {
      subject: 'Modification des coordonnées bancaires refusée',
      body: 'Un gestionnaire de fonds a refusé la modification des coordonnées bancaires ; les paiements vont au compte approuvé auparavant. (organisation {organization})',
    },
  },
  es: {
    documentExpiring: {
      subject: 'Su documento {type} vence el {date}',
      body: 'El documento «{filename}» ({type}) vence el {date}. Cargue uno vigente en el perfil de su organización; un documento obligatorio vencido impide nuevas presentaciones.',
    },
    documentExpired: {
      subject: 'Su documento {type} ha vencido',
      body: 'El documento «{filename}» ({type}) venció el {date}. Cargue uno vigente en el perfil de su organización; un documento obligatorio vencido impide nuevas presentaciones.',
    },
    bankRequested: {
      subject: 'Datos bancarios modificados: pagos suspendidos hasta su aprobación',
      body: 'Los datos bancarios de su organización se modificaron después de la verificación. Los pagos quedan suspendidos hasta que un gestor del fondo apruebe el cambio. Si usted no hizo este cambio, avise al fondo de inmediato. (organización {organization})',
    },
    bankApproved: {
      subject: 'Cambio de datos bancarios aprobado',
      body: 'Un gestor del fondo aprobó el cambio de datos bancarios; los pagos van a la nueva cuenta. (organización {organization})',
    },
    bankRejected: {
      subject: 'Cambio de datos bancarios rechazado',
      body: 'Un gestor del fondo rechazó el cambio de datos bancarios; los pagos van a la cuenta aprobada anteriormente. (organización {organization})',
    },
  },
  ru: {
    documentExpiring: {
      subject: 'Срок действия документа {type} истекает {date}',
      body: 'Срок действия документа «{filename}» ({type}) истекает {date}. Загрузите действующий документ в профиль организации: просроченный обязательный документ блокирует новые заявки.',
    },
    documentExpired: {
      subject: 'Срок действия документа {type} истёк',
      body: 'Срок действия документа «{filename}» ({type}) истёк {date}. Загрузите действующий документ в профиль организации: просроченный обязательный документ блокирует новые заявки.',
    },
    bankRequested: {
      subject: 'Банковские реквизиты изменены: выплаты приостановлены до утверждения',
      body: 'Банковские реквизиты вашей организации были изменены после проверки. Выплаты приостановлены, пока менеджер фонда не утвердит изменение. Если вы не вносили это изменение, немедленно сообщите фонду. (организация {organization})',
    },
    bankApproved: {
      subject: 'Изменение банковских реквизитов утверждено',
      body: 'Менеджер фонда утвердил изменение банковских реквизитов; выплаты поступают на новый счёт. (организация {organization})',
    },
    bankRejected: {
      subject: 'Изменение банковских реквизитов отклонено',
      body: 'Менеджер фонда отклонил изменение банковских реквизитов; выплаты поступают на ранее утверждённый счёт. (организация {organization})',
    },
  },
  zh: {
    documentExpiring: {
      subject: '您的 {type} 文件将于 {date} 到期',
      body: '文件“{filename}”（{type}）将于 {date} 到期。请在贵组织的资料中上传有效文件；必需文件过期将阻止新的提交。',
    },
    documentExpired: {
      subject: '您的 {type} 文件已过期',
      body: '文件“{filename}”（{type}）已于 {date} 过期。请在贵组织的资料中上传有效文件；必需文件过期将阻止新的提交。',
    },
    bankRequested: {
      subject: '银行信息已更改：付款暂停，等待批准',
      body: '贵组织的银行信息在核实后被更改。在基金经理批准该更改之前，付款暂停。如果这不是您所做的更改，请立即通知基金。（组织 {organization}）',
    },
    bankApproved: {
      subject: '银行信息更改已批准',
      body: '基金经理已批准银行信息更改；付款将转入新账户。（组织 {organization}）',
    },
    bankRejected: {
      subject: '银行信息更改被拒绝',
      body: '基金经理拒绝了银行信息更改；付款将转入此前批准的账户。（组织 {organization}）',
    },
  },
  ar: {
    documentExpiring: {
      subject: 'تنتهي صلاحية مستندك {type} في {date}',
      body: 'تنتهي صلاحية المستند «{filename}» ({type}) في {date}. ارفع نسخة سارية في ملف منظمتك؛ فالمستند الإلزامي المنتهي الصلاحية يمنع تقديم طلبات جديدة.',
    },
    documentExpired: {
      subject: 'انتهت صلاحية مستندك {type}',
      body: 'انتهت صلاحية المستند «{filename}» ({type}) في {date}. ارفع نسخة سارية في ملف منظمتك؛ فالمستند الإلزامي المنتهي الصلاحية يمنع تقديم طلبات جديدة.',
    },
    bankRequested: {
      subject: 'تغيّرت البيانات المصرفية: الدفعات معلّقة حتى الموافقة',
      body: 'تغيّرت البيانات المصرفية لمنظمتك بعد التحقق. الدفعات معلّقة حتى يوافق مدير الصندوق على التغيير. إذا لم تُجرِ هذا التغيير فأبلغ الصندوق فوراً. (المنظمة {organization})',
    },
    bankApproved: {
      subject: 'تمت الموافقة على تغيير البيانات المصرفية',
      body: 'وافق مدير الصندوق على تغيير البيانات المصرفية؛ تُحوَّل الدفعات إلى الحساب الجديد. (المنظمة {organization})',
    },
    bankRejected: {
      subject: 'رُفض تغيير البيانات المصرفية',
      body: 'رفض مدير الصندوق تغيير البيانات المصرفية؛ تُحوَّل الدفعات إلى الحساب المعتمد سابقاً. (المنظمة {organization})',
    },
  },
};

export function partnerNoticeTemplates(n: PartnerNotice): Record<DocumentLocale, T> {
  return Object.fromEntries(Object.entries(PARTNER_NOTICE_TEXTS).map(([l, t]) => [l, t[n]])) as Record<
    DocumentLocale,
    T
  >;
}
