import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { switchLocale } from '../lib/i18n/setup';
import { isLocale, LOCALES, nativeName } from '../lib/i18n/locales';
import { useLocale } from '../lib/use-locale';

/** On every page: each language listed by its own name; the choice is remembered in this browser. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <NativeSelect
      label={t('app.language')}
      value={locale}
      size="sm"
      data-testid="language-switch"
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (isLocale(next)) void switchLocale(next);
      }}
      data={LOCALES.map((l) => ({ value: l, label: nativeName(l) }))}
    />
  );
}
