import type { DocumentLocale } from '@app/core';

/** The receipt notice to a donor's users in the six UN languages (`{receipt}`, `{amount}`, `{fund}`). */
export const RECEIPT_NOTICE_TEXTS: Record<DocumentLocale, { subject: string; body: string }> = {
  en: {
    subject: 'Receipt {receipt}: thank you for your contribution',
    body: 'We received your contribution of {amount} to {fund}. Receipt number {receipt}; the PDF receipt is available in the portal.',
  },
  fr: {
    subject: 'Reçu {receipt} : merci de votre contribution',
    body: 'Nous avons reçu votre contribution de {amount} destinée à {fund}. Reçu n° {receipt} ; le reçu PDF est disponible dans le portail.',
  },
  es: {
    subject: 'Recibo {receipt}: gracias por su contribución',
    body: 'Hemos recibido su contribución de {amount} a {fund}. Número de recibo {receipt}; el recibo en PDF está disponible en el portal.',
  },
  ru: {
    subject: 'Квитанция {receipt}: благодарим за ваш взнос',
    body: 'Мы получили ваш взнос в размере {amount} для {fund}. Номер квитанции {receipt}; квитанция в формате PDF доступна на портале.',
  },
  zh: {
    subject: '收据 {receipt}：感谢您的捐款',
    body: '我们已收到您向 {fund} 捐出的 {amount}。收据编号 {receipt}；PDF 收据可在门户中查看。',
  },
  ar: {
    subject: 'الإيصال {receipt}: شكراً لمساهمتك',
    body: 'تسلّمنا مساهمتك البالغة {amount} لصالح {fund}. رقم الإيصال {receipt}؛ والإيصال بصيغة PDF متاح في البوابة.',
  },
};
