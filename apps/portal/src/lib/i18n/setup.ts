import i18next from 'i18next';
import ICU from 'i18next-icu';
import { initReactI18next } from 'react-i18next';
import { accessToken } from '../auth';
import { directionOf, LOCALE_STORAGE_KEY, LOCALES, type Locale, resolveLocale } from './locales';

// Each catalog is its own chunk: a reader downloads only the language they read (and English as fallback).
// The signed-in pages' sections (vite.config.ts PAGE_SECTIONS) come in a second chunk per language, loaded
// right after the first, so a public page's first load stays light.
type CatalogModule = { default: Record<string, unknown> };
const catalogs = import.meta.glob<CatalogModule>('../../i18n/*.json', { query: '?core' });
const pageCatalogs = import.meta.glob<CatalogModule>('../../i18n/*.json', { query: '?pages' });
const pagesLoaded = new Map<Locale, Promise<void>>();

async function loadCatalog(locale: Locale): Promise<void> {
  if (i18next.hasResourceBundle(locale, 'translation')) return;
  const load = catalogs[`../../i18n/${locale}.json`];
  if (!load) throw new Error(`no catalog for ${locale}`);
  i18next.addResourceBundle(locale, 'translation', (await load()).default, true, true);
}

/** The signed-in pages' strings of a language (once); pages re-render when they arrive. */
function loadPageCatalog(locale: Locale): Promise<void> {
  const load = pageCatalogs[`../../i18n/${locale}.json`];
  if (!load) return Promise.resolve();
  let loading = pagesLoaded.get(locale);
  if (!loading) {
    loading = load()
      .then((m) => {
        i18next.addResourceBundle(locale, 'translation', m.default, true, true);
      })
      .catch(() => {
        pagesLoaded.delete(locale); // offline: tried again with the next switch
      });
    pagesLoaded.set(locale, loading);
  }
  return loading;
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
      // re-render when the signed-in pages' strings arrive after the first paint
      react: { useSuspense: false, bindI18nStore: 'added' },
    });
  await Promise.all([loadCatalog('en'), loadCatalog(locale)]);
  const pages = Promise.all([loadPageCatalog('en'), loadPageCatalog(locale)]);
  if (accessToken()) await pages; // a signed-in reader lands on their pages: no moment of missing strings
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
  return locale;
}

/** Counts the switches asked for: a slow catalog must not undo a later choice (the last one asked wins). */
let switchesAsked = 0;

/** Switches the language now; `remember` keeps the choice in this browser (the language switch does). */
export async function switchLocale(locale: Locale, remember = true): Promise<void> {
  const asked = ++switchesAsked;
  if (remember) {
    try {
      localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // private mode: the choice lasts for this visit
    }
  }
  await Promise.all([loadCatalog(locale), loadPageCatalog(locale)]);
  if (asked !== switchesAsked) return;
  await i18next.changeLanguage(locale);
  applyToDocument(locale);
}
