import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { switchLocale } from './i18n/setup';
import { localeOf } from './i18n/locales';
import { meQuery, updateMe } from './queries';
import { useAccessToken } from './session';

/** Set when the reader picks a language while signed in: the profile's (maybe older) locale must not undo it. */
let chosenWhileSignedIn = false;

export function markLocaleChosen(): void {
  chosenWhileSignedIn = true;
}

/**
 * When signed in, the user's saved `locale` (a field `GET /api/me` may carry) becomes the language, once
 * per sign-in (not again when the access token is refreshed), and not at all if the reader already picked
 * one with the switch since signing in; the language switch can still change it afterwards.
 */
export function useProfileLocale(): void {
  const token = useAccessToken();
  const signedIn = Boolean(token);
  const me = useQuery({ ...meQuery(), enabled: signedIn });
  const applied = useRef(false);
  const saved = localeOf((me.data as { locale?: string } | undefined)?.locale);
  useEffect(() => {
    if (!signedIn) {
      applied.current = false;
      chosenWhileSignedIn = false;
      return;
    }
    if (!saved || applied.current) return;
    applied.current = true;
    if (!chosenWhileSignedIn) void switchLocale(saved);
  }, [signedIn, saved]);
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
