import { useTranslation } from 'react-i18next';

/**
 * The staff pages' strings (screening, ranking, decision, reviewer) are sections of the six catalogs that
 * come with the signed-in pages' part (vite.config.ts PAGE_SECTIONS; lib/i18n/setup.ts loads it right after
 * the first paint), so a public page's first load stays within the low-bandwidth budget. True once they
 * are in for the active language or English; the page re-renders when they arrive (bindI18nStore 'added').
 */
export function useStaffCatalog(): boolean {
  const { i18n } = useTranslation();
  const has = (lng: string) => i18n.getResource(lng, 'translation', 'ranking') !== undefined;
  return has(i18n.language) || has('en');
}
