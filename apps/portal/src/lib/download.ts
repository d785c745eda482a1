import { client } from '../api/client.gen';
import { accessToken, refreshAccessToken } from './auth';
import { isProblem, type Problem } from './problems';

/**
 * Files from the API (exports, statements, receipts): fetched with the session's token, read chunk by chunk
 * so the reader sees how far it got, cancellable with an AbortController, and refused with the server's
 * problem+json (its title says why) rather than a saved error page. The URL is built by the generated
 * client from the operation's path and query, never by hand.
 */
export interface DownloadProgress {
  /** bytes received so far */
  loaded: number;
  /** the whole size when the server said it (Content-Length), else null */
  total: number | null;
}

export interface DownloadedFile {
  blob: Blob;
  filename: string;
}

/** A failed download: the server's problem (status, title) or a network failure. */
export class DownloadError extends Error {
  constructor(
    readonly problem: Problem | null,
    message: string,
  ) {
    super(message);
    this.name = 'DownloadError';
  }
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

/** The file name from a Content-Disposition header, or the fallback. */
export function filenameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // a malformed encoding: the plain name below
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1].trim() : fallback;
}

async function request(url: string, signal?: AbortSignal): Promise<Response> {
  const send = (token: string | null) =>
    fetch(url, { signal, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const first = await send(accessToken());
  if (first.status !== 401 || !accessToken()) return first;
  const next = await refreshAccessToken();
  return next ? send(next) : first;
}

/** Fetches a file, reporting progress; throws DownloadError (with the problem) on a refusal. */
export async function fetchFile(
  url: string,
  options: { signal?: AbortSignal; onProgress?: (p: DownloadProgress) => void; fallbackName: string },
): Promise<DownloadedFile> {
  const response = await request(url, options.signal);
  if (!response.ok) {
    let problem: Problem | null = null;
    try {
      const body: unknown = await response.json();
      if (isProblem(body)) problem = body;
    } catch {
      // not JSON: the status says it all
    }
    throw new DownloadError(problem ?? { type: 'about:blank', status: response.status }, response.statusText);
  }
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: BlobPart[] = [];
  let loaded = 0;
  options.onProgress?.({ loaded, total });
  if (response.body) {
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      options.onProgress?.({ loaded, total });
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks, { type }),
    filename: filenameOf(response.headers.get('content-disposition'), options.fallbackName),
  };
}

/** Hands a file to the browser: saved under its name, or opened in a new tab (a PDF to read). */
export function deliverFile(file: DownloadedFile, mode: 'save' | 'open' = 'save'): void {
  const href = URL.createObjectURL(file.blob);
  const a = document.createElement('a');
  a.href = href;
  if (mode === 'save') a.download = file.filename;
  else {
    a.target = '_blank';
    a.rel = 'noopener';
  }
  document.body.append(a);
  a.click();
  a.remove();
  // The tab or the save has the file by then; the object URL is released a minute later.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}

/** Progress as a whole percent, or null when the size is unknown. */
export function percentOf(p: DownloadProgress): number | null {
  return p.total ? Math.min(100, Math.floor((p.loaded * 100) / p.total)) : null;
}
