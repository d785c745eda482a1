import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { switchLocale } from './i18n/setup';
import { localeOf } from './i18n/locales';
import { meQuery, updateMe } from './queries';
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

const REGISTERED_KEY = 'tfg.registeredLocale.';

/**
 * Registration saves no language (the account starts in English), so the language a person registered in
 * is kept in this browser until their first sign-in, which saves it to their profile.
 */
export function rememberRegistrationLocale(email: string, locale: string): void {
  try {
    localStorage.setItem(REGISTERED_KEY + email.trim().toLowerCase(), locale);
  } catch {
    // storage refused: the person chooses the language again after signing in
  }
}

/** At sign-in, before the session is used: the registration's language becomes the saved one (once). */
export async function adoptRegistrationLocale(email: string, token: string): Promise<void> {
  const key = REGISTERED_KEY + email.trim().toLowerCase();
  let locale: string | null;
  try {
    locale = localStorage.getItem(key);
  } catch {
    return;
  }
  const chosen = localeOf(locale);
  if (!chosen) return;
  try {
    await updateMe({
      body: { locale: chosen },
      headers: { authorization: `Bearer ${token}` },
      throwOnError: true,
    });
    localStorage.removeItem(key);
  } catch {
    // kept for the next sign-in
  }
}
