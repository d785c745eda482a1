import { client } from '../api/client.gen';
import { logout, refreshSession } from '../api/sdk.gen';
import { accessToken, refreshAccessToken, setAccessToken, setRefresher } from './auth';

/**
 * The generated client, configured once: same origin, errors thrown (the problem+json body itself, or
 * the fetch TypeError when the network fails), the bearer token on every request, and one refresh
 * attempt after a 401 when the session has a refresher (reads are repeated with the new token).
 */
export function configureApiClient(): void {
  client.setConfig({ baseUrl: '', throwOnError: true });
  // The refresh token lives in an HttpOnly cookie for /api/auth: the browser sends it, the portal never sees it.
  setRefresher(async () => (await refreshSession({ body: {} })).data?.accessToken ?? null);
  client.interceptors.request.use((request) => {
    const token = accessToken();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    return request;
  });
  client.interceptors.response.use(async (response, request) => {
    if (response.status !== 401 || !request.headers.has('authorization')) return response;
    const next = await refreshAccessToken();
    if (!next) {
      setAccessToken(null);
      return response;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') return response;
    const retry = new Request(request);
    retry.headers.set('authorization', `Bearer ${next}`);
    return fetch(retry);
  });
}

/** Ends the session on the server (which clears the refresh cookie) and forgets the access token. */
export async function signOut(): Promise<void> {
  try {
    await logout();
  } catch {
    // already ended, or offline: the token is forgotten all the same
  }
  setAccessToken(null);
}
