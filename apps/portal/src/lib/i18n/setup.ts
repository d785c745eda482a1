import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { directionOf, LOCALE_STORAGE_KEY, LOCALES, type Locale, resolveLocale } from './locales';

type CatalogModule = { default: Record<string, unknown> };
// Each catalog is its own chunk: a reader downloads only the language they read (and English as fallback).
// The staff-only keys are parts of their own (apps/portal/scripts/catalog-parts.ts), loaded with their pages.
const catalogs = import.meta.glob<CatalogModule>('../../i18n/*.json', { query: '?part=base' });
const parts = {
  finance: import.meta.glob<CatalogModule>('../../i18n/*.json', { query: '?part=finance' }),
};
export type CatalogPart = keyof typeof parts;
const wantedParts = new Set<CatalogPart>();
const loadedParts = new Set<string>();

async function loadCatalog(locale: Locale): Promise<void> {
  await Promise.all([...wantedParts].map((part) => loadPartFor(part, locale)));
  if (loadedParts.has(`${locale}:base`)) return;
  const load = catalogs[`../../i18n/${locale}.json`];
  if (!load) throw new Error(`no catalog for ${locale}`);
  i18next.addResourceBundle(locale, 'translation', (await load()).default, true, true);
  loadedParts.add(`${locale}:base`);
}

async function loadPartFor(part: CatalogPart, locale: Locale): Promise<void> {
  if (loadedParts.has(`${locale}:${part}`)) return;
  const load = parts[part][`../../i18n/${locale}.json`];
  if (!load) throw new Error(`no ${part} catalog for ${locale}`);
  i18next.addResourceBundle(locale, 'translation', (await load()).default, true, true);
  loadedParts.add(`${locale}:${part}`);
}

/** Loads a staff part of the catalogs (English and the active language), and keeps it on language switches. */
export async function loadCatalogPart(part: CatalogPart): Promise<void> {
  wantedParts.add(part);
  const active = i18next.language;
  const locales = new Set<Locale>(['en', ...(LOCALES.includes(active as Locale) ? [active as Locale] : [])]);
  await Promise.all([...locales].map((locale) => loadPartFor(part, locale)));
}

function storedLocale(): string | null {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** `<html lang dir>` follow the active language, so the browser, screen readers and CSS see it. */
function applyToDocument(locale: Locale): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

export async function initI18n(): Promise<Locale> {
  const locale = resolveLocale({ stored: storedLocale(), browser: navigator.languages });
  await i18next
    .use(ICU)
    .use(initReactI18next)
    .init({
      lng: locale,
      fallbackLng: 'en',
      supportedLngs: [...LOCALES],
      resources: {},
      partialBundledLanguages: true,
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
  await Promise.all([loadCatalog('en'), loadCatalog(locale)]);
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
  return locale;
}

/** Switches the language now; `remember` keeps the choice in this browser (the language switch does). */
export async function switchLocale(locale: Locale, remember = true): Promise<void> {
  if (remember) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // private mode: the choice lasts for this visit
    }
  }
  await loadCatalog(locale);
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
}
