import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CatalogPart, loadCatalogPart } from './setup';

/** True once a staff part of the catalogs is loaded for the active language (it is loaded on first use). */
export function useCatalogPart(part: CatalogPart): boolean {
  const { i18n } = useTranslation();
  const has = () =>
    i18n.getResource(i18n.language, 'translation', part) !== undefined &&
    i18n.getResource('en', 'translation', part) !== undefined;
  const [ready, setReady] = useState(has);
  useEffect(() => {
    let live = true;
    void loadCatalogPart(part).then(() => {
      if (live) setReady(true);
    });
    return () => {
      live = false;
    };
  }, [part, i18n.language]);
  return ready;
}
