import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAccessToken, setRefresher } from './auth';
import { download, DownloadError, fileNameOf, percentOf, type DownloadProgress } from './download';

/** A real HTTP server on 127.0.0.1: the helper is tested against real responses, streams and aborts. */
let server: Server;
let base = '';
const seenTokens: string[] = [];
const BODY = Buffer.alloc(64 * 1024, 7);

beforeAll(async () => {
  server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seenTokens.push(auth);
    if (req.url === '/sized') {
      res.writeHead(200, {
        'content-type': 'application/zip',
        'content-length': String(BODY.length),
        'content-disposition': 'attachment; filename="receipts-2025.zip"',
      });
      // four chunks, so progress is reported on the way
      let i = 0;
      const next = () => {
        if (i === 4) return res.end();
        res.write(BODY.subarray(i * 16384, (i + 1) * 16384));
        i += 1;
        setTimeout(next, 5);
      };
      return next();
    }
    if (req.url === '/chunked') {
      res.writeHead(200, {
        'content-type': 'text/csv',
        'content-disposition': "attachment; filename*=UTF-8''r%C3%A9sum%C3%A9.csv",
      });
      res.write('a,b\n');
      return setTimeout(() => res.end('1,2\n'), 5);
    }
    if (req.url === '/refused') {
      res.writeHead(404, { 'content-type': 'application/problem+json' });
      return res.end(
        JSON.stringify({
          type: '/problems/not-found',
          title: 'Not Found',
          status: 404,
          detail: 'donor x was not found',
          code: 'DONOR.NOT_FOUND',
        }),
      );
    }
    if (req.url === '/broken') {
      res.writeHead(502, { 'content-type': 'text/html' });
      return res.end('<h1>bad gateway</h1>');
    }
    if (req.url === '/needs-fresh') {
      if (auth !== 'Bearer fresh') {
        res.writeHead(401, { 'content-type': 'application/problem+json' });
        return res.end(
          JSON.stringify({ type: '/problems/unauthorized', title: 'Unauthorized', status: 401 }),
        );
      }
      res.writeHead(200, { 'content-type': 'application/pdf' });
      return res.end('%PDF-1.4');
    }
    if (req.url === '/slow') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': '1000000' });
      res.write(Buffer.alloc(1000));
      return; // never ends: the test cancels it
    }
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  setAccessToken(null);
  setRefresher(null);
});

describe('download', () => {
  it('sends the access token, reports progress against Content-Length and names the file', async () => {
    setAccessToken('t-1');
    const seen: DownloadProgress[] = [];
    const file = await download(`${base}/sized`, { onProgress: (p) => seen.push({ ...p }) });
    expect(seenTokens.at(-1)).toBe('Bearer t-1');
    expect(file.name).toBe('receipts-2025.zip');
    expect(file.type).toBe('application/zip');
    expect(Buffer.from(await file.blob.arrayBuffer()).equals(BODY)).toBe(true);
    expect(seen[0]).toEqual({ loaded: 0, total: BODY.length });
    expect(seen.at(-1)).toEqual({ loaded: BODY.length, total: BODY.length });
    expect(seen.length).toBeGreaterThan(2);
    const loaded = seen.map((p) => p.loaded);
    expect([...loaded].sort((a, b) => a - b)).toEqual(loaded);
    expect(seen.map(percentOf).at(-1)).toBe(100);
  });

  it('is indeterminate without a Content-Length, and reads an RFC 6266 UTF-8 name', async () => {
    const seen: DownloadProgress[] = [];
    const file = await download(`${base}/chunked`, { onProgress: (p) => seen.push({ ...p }) });
    expect(file.name).toBe('résumé.csv');
    expect(await file.blob.text()).toBe('a,b\n1,2\n');
    expect(seen.every((p) => p.total === null && percentOf(p) === null)).toBe(true);
  });

  it("says why it failed: the problem's detail and status", async () => {
    const error = await download(`${base}/refused`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect((error as DownloadError).status).toBe(404);
    expect((error as DownloadError).problem?.code).toBe('DONOR.NOT_FOUND');
    expect((error as DownloadError).message).toBe('donor x was not found');
    const broken = await download(`${base}/broken`).catch((e: unknown) => e);
    expect(broken).toMatchObject({ status: 502, problem: null, message: 'HTTP 502' });
    const offline = await download('http://127.0.0.1:1/nothing').catch((e: unknown) => e);
    expect(offline).toMatchObject({ status: null, problem: null });
  });

  it('refreshes the token once after a 401 and repeats the request', async () => {
    setAccessToken('stale');
    setRefresher(() => Promise.resolve('fresh'));
    const file = await download(`${base}/needs-fresh`);
    expect(await file.blob.text()).toBe('%PDF-1.4');
    expect(seenTokens.slice(-2)).toEqual(['Bearer stale', 'Bearer fresh']);
    setRefresher(() => Promise.resolve(null));
    setAccessToken('stale');
    await expect(download(`${base}/needs-fresh`)).rejects.toMatchObject({ status: 401 });
  });

  it('is cancelled by its AbortSignal mid-body', async () => {
    const controller = new AbortController();
    const seen: DownloadProgress[] = [];
    const pending = download(`${base}/slow`, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push({ ...p });
        if (p.loaded > 0) controller.abort();
      },
    });
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.at(-1)?.loaded).toBe(1000);
    expect(percentOf(seen.at(-1)!)).toBe(0);
  });
});

describe('fileNameOf', () => {
  it('reads plain, quoted and starred names, and never a path', () => {
    expect(fileNameOf('inline; filename="receipt-F1-2025-0001.pdf"')).toBe('receipt-F1-2025-0001.pdf');
    expect(fileNameOf('attachment; filename=plain.csv')).toBe('plain.csv');
    expect(fileNameOf(`attachment; filename="x.csv"; filename*=UTF-8''%D8%A8.csv`)).toBe('ب.csv');
    expect(fileNameOf('attachment; filename="../../etc/passwd"')).toBe('.._.._etc_passwd');
    expect(fileNameOf('attachment')).toBeNull();
    expect(fileNameOf(null)).toBeNull();
  });
});
