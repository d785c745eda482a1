import { client } from '../api/client.gen';
import { accessToken, refreshAccessToken } from './auth';
import { isProblem, type Problem } from './problems';

/**
 * Files the API sends (receipts, statements, exports), fetched with the reader's access token so the
 * page can show progress, cancel, and say why a download failed: a plain link cannot carry the bearer
 * token, show how far it got, or read the problem+json of a refusal.
 */

/** How far a download has got: bytes received, and the whole size when the server said it (else null). */
export interface DownloadProgress {
  loaded: number;
  total: number | null;
}

export interface DownloadOptions {
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
  /** The name to save under when the server names none. */
  fallbackName?: string;
  /** For tests and other origins: the fetch to use (the page's own by default). */
  fetch?: typeof fetch;
}

export interface DownloadedFile {
  blob: Blob;
  name: string;
  type: string;
}

/** Why a download failed: the server's problem (title, detail) when it sent one, else the status or network. */
export class DownloadError extends Error {
  constructor(
    readonly status: number | null,
    readonly problem: Problem | null,
  ) {
    super(problem?.detail ?? problem?.title ?? (status ? `HTTP ${status}` : 'network error'));
    this.name = 'DownloadError';
  }
}

/** The file name of a Content-Disposition header (RFC 6266: `filename*=UTF-8''…` first, then `filename=`). */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed escape: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;\s]+))/.exec(disposition);
  const name = plain ? (plain[1] ?? plain[2]) : null;
  return name ? name.replace(/[/\\]/g, '_') : null;
}

function contentLength(response: Response): number | null {
  const header = response.headers.get('content-length');
  if (header === null || response.headers.get('content-encoding')) return null;
  const n = Number(header);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

async function problemOf(response: Response): Promise<Problem | null> {
  try {
    const body: unknown = await response.json();
    return isProblem(body) ? body : null;
  } catch {
    return null;
  }
}

async function request(url: string, options: DownloadOptions, token: string | null): Promise<Response> {
  const headers = new Headers();
  if (token) headers.set('authorization', `Bearer ${token}`);
  try {
    return await (options.fetch ?? fetch)(url, {
      headers,
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new DownloadError(null, null);
  }
}

/**
 * Fetches a file with the access token (refreshed once after a 401), reporting progress as bytes arrive;
 * `signal` cancels it (the promise rejects with the AbortError). A refusal rejects with a DownloadError
 * carrying the problem+json the API sent.
 */
export async function download(url: string, options: DownloadOptions = {}): Promise<DownloadedFile> {
  let token = accessToken();
  let response = await request(url, options, token);
  if (response.status === 401 && token) {
    token = await refreshAccessToken();
    if (token) response = await request(url, options, token);
  }
  if (!response.ok) throw new DownloadError(response.status, await problemOf(response));
  const total = contentLength(response);
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  const name = fileNameOf(response.headers.get('content-disposition')) ?? options.fallbackName ?? 'download';
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  options.onProgress?.({ loaded, total });
  if (response.body) {
    const reader = response.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        chunks.push(value);
        loaded += value.byteLength;
        options.onProgress?.({ loaded, total });
      }
    } catch (error) {
      if (options.signal?.aborted) throw error;
      throw new DownloadError(null, null);
    }
  }
  return { blob: new Blob(chunks as BlobPart[], { type }), name, type };
}

/** Hands a downloaded file to the browser to save (or open, for a PDF the browser shows). */
export function saveFile(file: DownloadedFile): void {
  const href = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = file.name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** 0..100 when the size is known, else null (an indeterminate bar). */
export function percentOf(progress: DownloadProgress): number | null {
  if (progress.total === null || progress.total === 0) return null;
  return Math.min(100, Math.round((progress.loaded / progress.total) * 100));
}

/** The API URL of an operation: `/api/funds/{id}/statement` with its path and query filled in. */
export function apiUrl(
  url: string,
  path: Record<string, string> = {},
  query: Record<string, string | undefined> = {},
): string {
  const defined = Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined && v !== ''));
  return client.buildUrl({ url, path, query: defined });
}
