import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { switchLocale } from './i18n/setup';
import { localeOf } from './i18n/locales';
import { meQuery } from './queries';
import { useAccessToken } from './session';

/**
 * When signed in, the user's saved `locale` (a field `GET /api/me` may carry) becomes the language, once
 * per sign-in; the language switch can still change it afterwards.
 */
export function useProfileLocale(): void {
  const token = useAccessToken();
  const me = useQuery({ ...meQuery(), enabled: Boolean(token) });
  const applied = useRef<string | null>(null);
  const saved = localeOf((me.data as { locale?: string } | undefined)?.locale);
  useEffect(() => {
    if (!token || !saved || applied.current === token) return;
    applied.current = token;
    void switchLocale(saved);
  }, [token, saved]);
}
