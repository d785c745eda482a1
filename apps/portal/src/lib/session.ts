import { useSyncExternalStore } from 'react';
import { accessToken, onTokenChange } from './auth';

/** The current access token, re-rendering when it changes (sign in, sign out, refresh). */
export function useAccessToken(): string | null {
  return useSyncExternalStore(
    (notify) => onTokenChange(notify),
    accessToken,
    () => null,
  );
}
