import { INestApplicationContext } from '@nestjs/common';
import { OutboxRelay } from '@app/core';
import { readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { bearer } from '../factories/grant-cycle';
import { completeProfile, fillProfile, LIST_V2, uploadDocument } from '../factories/partners';
import {
  Api,
  freePort,
  registerNgo,
  runJob,
  startApi,
  startWorker,
  userWithRoles,
  waitFor,
} from '../setup/harness';

/** Issue 17's scheduled jobs: document expiry reminders and the list fetched from its configured URL. */
describe('partners scheduled jobs', () => {
  let api: Api;
  let worker: INestApplicationContext;
  let server: Server;
  let served = 0;

  beforeAll(async () => {
    const port = await freePort();
    server = createServer((_req, res) => {
      served += 1;
      res.writeHead(200, { 'content-type': 'text/xml' });
      // written in chunks, as a large file arrives
      const body = readFileSync(LIST_V2);
      for (let i = 0; i < body.length; i += 512) res.write(body.subarray(i, i + 512));
      res.end();
    });
    await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
    process.env.SANCTIONS_LIST_URL = `http://127.0.0.1:${port}/consolidated.xml`;
    api = await startApi();
    worker = await startWorker();
  });

  afterAll(async () => {
    delete process.env.SANCTIONS_LIST_URL;
    await worker.close();
    await api.close();
    await new Promise((r) => server.close(r));
  });

  it('reminds the NGO once of a document expiring within 30 days', async () => {
    const ngo = await registerNgo(api);
    const soon = new Date(Date.now() + 10 * 86400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 200 * 86400_000).toISOString().slice(0, 10);
    expect(
      (
        await uploadDocument(api, ngo.organizationId, ngo.token, {
          type: 'bank_letter',
          issuedOn: '2025-01-01',
          expiresOn: soon,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await uploadDocument(api, ngo.organizationId, ngo.token, {
          type: 'statutes',
          issuedOn: '2025-01-01',
          expiresOn: later,
        })
      ).status,
    ).toBe(201);
    const inbox = async () =>
      (
        (await api.http().get('/api/me/notifications').set(bearer(ngo.token))).body as {
          kind: string;
          subject: string;
        }[]
      ).filter((n) => n.kind === 'partner_document_expiry');
    await runJob(worker, 'partners.document-reminders');
    const first = await waitFor(inbox, (n) => n.length > 0);
    expect(first).toEqual([
      expect.objectContaining({ subject: `Your bank_letter document expires on ${soon}` }),
    ]);
    const job = await runJob(worker, 'partners.document-reminders');
    await waitFor(
      () => job.getState(),
      (s) => s === 'completed',
      10_000,
      100,
    );
    expect(await inbox()).toHaveLength(1);
  });

  it('fetches the list from the configured URL as a new version, and re-screens', async () => {
    const fm = (await userWithRoles(api, ['fund_manager'])).token;
    const ngo = await registerNgo(api);
    await fillProfile(
      api,
      ngo.organizationId,
      ngo.token,
      completeProfile('Lantern Health Partners', { acronyms: ['Al Nour Relief Front'] }),
    );
    const before = served;
    const job = await runJob(worker, 'partners.fetch-sanctions');
    await waitFor(
      () => job.getState(),
      (s) => s === 'completed' || s === 'failed',
      20_000,
      100,
    );
    expect(await job.getState()).toBe('completed');
    expect(served).toBe(before + 1);
    const [list]: { source: string; entries: number }[] = await api.db.query(
      `SELECT source, entries FROM sanctions_lists ORDER BY imported_at DESC LIMIT 1`,
    );
    expect(list).toEqual({ source: 'url', entries: 6 });
    await worker.get(OutboxRelay).drain();
    const hits = await waitFor(
      async () =>
        (await api.http().get(`/api/partners/${ngo.organizationId}/due-diligence`).set(bearer(fm))).body
          .hits as {
          dataId: string;
        }[],
      (h) => h.some((x) => x.dataId === '6908104'),
      20_000,
      200,
    );
    expect(hits.some((x) => x.dataId === '6908104')).toBe(true);
  });
});
