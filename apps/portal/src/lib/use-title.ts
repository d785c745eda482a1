import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's title in the active language, followed by the fund's name. */
export function useTitle(key: string): string {
  const { t } = useTranslation();
  const title = t(key);
  useEffect(() => {
    document.title = `${title} · ${t('app.fundName')}`;
  }, [title, t]);
  return title;
}
