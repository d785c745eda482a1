/**
 * The six UN languages a document is printed in, and the few words the document kit itself prints (page
 * numbers, the generation footer). Each context keeps its own document's words beside the document.
 */
export const DOCUMENT_LOCALES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type DocumentLocale = (typeof DOCUMENT_LOCALES)[number];

/** A label in every language: a document never falls back to a missing translation. */
export type Labels<K extends string> = Record<DocumentLocale, Record<K, string>>;

/** Fills `{name}` placeholders; an unknown name stays as written so a typo shows. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in values ? String(values[name]) : all));
}

export const KIT_LABELS: Labels<'page' | 'generated'> = {
  en: { page: 'Page {page} of {pages}', generated: 'Generated {at} by {by}' },
  fr: { page: 'Page {page} sur {pages}', generated: 'Établi le {at} par {by}' },
  es: { page: 'Página {page} de {pages}', generated: 'Generado el {at} por {by}' },
  ru: { page: 'Страница {page} из {pages}', generated: 'Сформировано {at}, автор: {by}' },
  zh: { page: '第 {page} 页，共 {pages} 页', generated: '生成时间 {at}，生成人 {by}' },
  ar: { page: 'الصفحة {page} من {pages}', generated: 'أُنشئ في {at} بواسطة {by}' },
};

/**
 * The reader's language: an explicit `lang` parameter first, then the first of the Accept-Language
 * header's languages that is one of the six, then the profile's locale, else English.
 */
export function documentLocale(
  lang?: string | null,
  acceptLanguage?: string | null,
  profile?: string | null,
): DocumentLocale {
  const pick = (tag: string | null | undefined) => {
    const base = (tag ?? '').trim().toLowerCase().split(/[-_;]/)[0];
    return (DOCUMENT_LOCALES as readonly string[]).includes(base) ? (base as DocumentLocale) : null;
  };
  const fromHeader = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q)
    .map((x) => pick(x.tag))
    .find(Boolean);
  return pick(lang) ?? fromHeader ?? pick(profile) ?? 'en';
}
