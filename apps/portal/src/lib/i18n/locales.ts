/** The six UN languages the portal speaks, and how the active one is chosen. */
export const LOCALES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';
export const LOCALE_STORAGE_KEY = 'tfg.locale';

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** `fr-CA` -> `fr`; `zh-Hant-TW` -> `zh`; anything else -> undefined. */
export function localeOf(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return isLocale(primary) ? primary : undefined;
}

export interface LocaleSources {
  /** The signed-in user's saved `locale` (from `GET /api/me`), when the API has it. */
  profile?: string | null;
  /** The choice made with the language switch on this browser. */
  stored?: string | null;
  /** `navigator.languages`, best first. */
  browser?: readonly string[];
}

/** The user's saved locale, else the choice stored in this browser, else the browser's languages, else English. */
export function resolveLocale({ profile, stored, browser = [] }: LocaleSources): Locale {
  return localeOf(profile) ?? localeOf(stored) ?? browser.map(localeOf).find(isLocale) ?? DEFAULT_LOCALE;
}

export function directionOf(locale: Locale): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** A language's own name in that language ("العربية", "中文", "Русский"...), from Intl. */
export function nativeName(locale: Locale): string {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return name.charAt(0).toLocaleUpperCase(locale) + name.slice(1);
}
