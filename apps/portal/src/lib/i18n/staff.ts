import i18next from 'i18next';
import { useEffect, useState } from 'react';
import { isLocale, type Locale } from './locales';

/**
 * The staff pages' strings (screening, ranking, decision, reviewer) live in catalogs of their own
 * (`src/i18n/staff/<locale>.json`), loaded by those pages only: a public page's first load stays within
 * the low-bandwidth budget. They join the `translation` namespace, so `t('ranking.title')` works as usual;
 * catalogs.test.ts checks them with the main catalogs (parity, ICU, plurals, translated).
 */
const staffCatalogs = import.meta.glob<{ default: Record<string, unknown> }>('../../i18n/staff/*.json');
const loaded = new Set<string>();

async function loadStaff(locale: Locale): Promise<void> {
  if (loaded.has(locale)) return;
  const load = staffCatalogs[`../../i18n/staff/${locale}.json`];
  if (!load) throw new Error(`no staff catalog for ${locale}`);
  i18next.addResourceBundle(locale, 'translation', (await load()).default, true, false);
  loaded.add(locale);
}

/** Loads the staff strings of English (the fallback) and of the active language; true once both are in. */
export function useStaffCatalog(): boolean {
  const [ready, setReady] = useState(() => loaded.has('en') && loaded.has(i18next.language));
  const [, setVersion] = useState(0);
  useEffect(() => {
    let alive = true;
    const load = (lng: string) => {
      const wanted: Locale[] = ['en', ...(isLocale(lng) && lng !== 'en' ? [lng] : [])];
      void Promise.all(wanted.map(loadStaff)).then(() => {
        if (!alive) return;
        setReady(true);
        // Re-render the page already showing, now that the new language's strings are in.
        setVersion((v) => v + 1);
      });
    };
    load(i18next.language);
    i18next.on('languageChanged', load);
    return () => {
      alive = false;
      i18next.off('languageChanged', load);
    };
  }, []);
  return ready;
}
