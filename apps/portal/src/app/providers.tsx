import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf, isLocale } from '../lib/i18n/locales';
import { queryClient } from './query-client';
import { cssVariables, theme } from './theme';

/** Keeps Mantine's direction in step with the language (Arabic right to left). */
function DirectionFollowsLanguage(): null {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  useEffect(() => {
    setDirection(isLocale(i18n.language) ? directionOf(i18n.language) : 'ltr');
  }, [i18n.language, setDirection]);
  return null;
}

export function Providers({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const initial = isLocale(i18n.language) ? directionOf(i18n.language) : 'ltr';
  return (
    <DirectionProvider initialDirection={initial} detectDirection={false}>
      <DirectionFollowsLanguage />
      <MantineProvider theme={theme} cssVariablesResolver={cssVariables} defaultColorScheme="light">
        <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}
