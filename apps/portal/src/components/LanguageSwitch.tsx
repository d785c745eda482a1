import { NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { switchLocale } from '../lib/i18n/setup';
import { isLocale, LOCALES, nativeName } from '../lib/i18n/locales';
import { meQuery, updateMe } from '../lib/queries';
import { markLocaleChosen } from '../lib/profile-locale';
import { useAccessToken } from '../lib/session';
import { useLocale } from '../lib/use-locale';

/**
 * On every page: each language listed by its own name; the choice is remembered in this browser and, when
 * signed in, saved to the profile (PATCH /api/me), so it follows the reader to another browser and the mail.
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const locale = useLocale();
  const token = useAccessToken();
  const queryClient = useQueryClient();
  return (
    <NativeSelect
      label={t('app.language')}
      value={locale}
      size="sm"
      data-testid="language-switch"
      onChange={(event) => {
        const next = event.currentTarget.value;
        if (!isLocale(next)) return;
        void switchLocale(next);
        if (token) markLocaleChosen();
        if (token)
          void updateMe({ body: { locale: next }, throwOnError: true })
            .then(({ data }) => queryClient.setQueryData(meQuery().queryKey, data))
            .catch(() => undefined); // offline: kept in this browser; saved with the next change
      }}
      data={LOCALES.map((l) => ({ value: l, label: nativeName(l) }))}
    />
  );
}
