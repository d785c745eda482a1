/**
 * The session as the portal holds it: the access token in memory, mirrored in sessionStorage so a reload
 * keeps the reader signed in (the tab's lifetime, never localStorage). A refresher, when one is set, is
 * asked for a new token once after a 401; the accounts work plugs `POST /api/auth/refresh` in here.
 */
const TOKEN_KEY = 'tfg.accessToken';
type Listener = (token: string | null) => void;

let token: string | null = readStored();
const listeners = new Set<Listener>();
let refresher: (() => Promise<string | null>) | null = null;

function readStored(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function accessToken(): string | null {
  return token;
}

export function setAccessToken(next: string | null): void {
  token = next;
  try {
    if (next) sessionStorage.setItem(TOKEN_KEY, next);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // storage refused: the token lives in memory only
  }
  for (const listener of listeners) listener(token);
}

export function onTokenChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Sets how a new access token is obtained after a 401 (null: none, the reader signs in again). */
export function setRefresher(next: (() => Promise<string | null>) | null): void {
  refresher = next;
}

let refreshing: Promise<string | null> | null = null;

/** One refresh at a time, however many requests failed with 401 together. */
export function refreshAccessToken(): Promise<string | null> {
  if (!refresher) return Promise.resolve(null);
  refreshing ??= refresher()
    .catch(() => null)
    .then((next) => {
      setAccessToken(next);
      return next;
    })
    .finally(() => {
      refreshing = null;
    });
  return refreshing;
}
