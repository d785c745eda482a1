import { INestApplicationContext } from '@nestjs/common';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Queue } from 'bullmq';
import { OutboxRelay } from '@app/core';
import { OrganizationsService } from '@app/identity';
import { QueryFailedError } from 'typeorm';
import { Api, freePort, registerNgo, startApi, startWorker, userWithRoles, waitFor } from '../setup/harness';

interface OpenApiOperation {
  tags?: string[];
  summary?: string;
  description?: string;
  operationId?: string;
  responses?: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}

describe('platform: audit log, outbox relay, OpenAPI, health, errors', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    await registerNgo(api); // writes audit rows (the registration, then the e-mail confirmation)
    const [{ id }] = await api.db.query(
      `SELECT id FROM audit_log WHERE action = 'organization.registered' ORDER BY at DESC LIMIT 1`,
    );
    await expect(
      api.db.query(`UPDATE audit_log SET action = 'tampered' WHERE id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(api.db.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(api.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [row] = await api.db.query(`SELECT action FROM audit_log WHERE id = $1`, [id]);
    expect(row.action).toBe('organization.registered');
  });

  it('serves the audit log to admins only, newest first, filtered by entity', async () => {
    const ngo = await registerNgo(api);
    const admin = await userWithRoles(api, ['admin']);
    const res = await api
      .http()
      .get(`/api/audit?entity=organization&entityId=${ngo.organizationId}`)
      .set('authorization', `Bearer ${admin.token}`);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ action: 'organization.registered', entity: 'organization' }),
    ]);
    const page = await api.http().get('/api/audit?limit=2').set('authorization', `Bearer ${admin.token}`);
    expect(page.body.items).toHaveLength(2);
    expect(Date.parse(page.body.items[0].at)).toBeGreaterThanOrEqual(Date.parse(page.body.items[1].at));
    expect(page.body.nextCursor).toEqual(expect.any(String));
    expect((await api.http().get('/api/audit').set('authorization', `Bearer ${ngo.token}`)).status).toBe(403);
  });

  it('writes the audit row in the same transaction as the change, with the request id', async () => {
    const res = await api
      .http()
      .post('/api/auth/register')
      .set('x-request-id', 'req-audit-check-1')
      .send({
        organization: { name: 'Audit Check Org', country: 'UG', registrationNumber: 'AC-1' },
        user: { email: `audit-${Date.now()}@ngo.example.org`, password: 'password-123', name: 'A' },
      });
    expect(res.status).toBe(201);
    expect(res.headers['x-request-id']).toBe('req-audit-check-1');
    const rows = await api.db.query(
      `SELECT actor_id, request_id, entity FROM audit_log WHERE entity_id = $1`,
      [res.body.organization.id],
    );
    expect(rows).toEqual([
      { actor_id: res.body.user.id, request_id: 'req-audit-check-1', entity: 'organization' },
    ]);
  });

  it('keeps a write when Redis is unreachable for the relay, then runs its job exactly once', async () => {
    const manager = await userWithRoles(api, ['fund_manager']);
    const worker: INestApplicationContext = await startWorker();
    const relay = worker.get(OutboxRelay);
    await relay.stop(); // drive the relay by hand in this test
    const dead = new Queue('identity', {
      connection: { host: '127.0.0.1', port: 1, maxRetriesPerRequest: null, retryStrategy: () => null },
    });
    dead.on('error', () => undefined);
    try {
      const ngo = await registerNgo(api); // the business write succeeds whatever Redis does
      const outboxRow = async () =>
        (
          await api.db.query(`SELECT id, sent_at FROM outbox WHERE payload->>'organizationId' = $1`, [
            ngo.organizationId,
          ])
        )[0] as { id: string; sent_at: Date | null };
      expect(await outboxRow()).toMatchObject({ sent_at: null });

      expect(await relay.drain(() => dead)).toBe(0); // Redis "down": nothing sent, nothing lost
      expect((await outboxRow()).sent_at).toBeNull();

      await relay.drain(); // Redis back
      const row = await outboxRow();
      expect(row.sent_at).not.toBeNull();
      await relay.drain(); // a second pass finds nothing to resend

      const notified = await waitFor(
        async () =>
          (
            await api.db.query(`SELECT user_id FROM notifications WHERE event_id = $1`, [
              `organization-registered:${ngo.organizationId}`,
            ])
          ).map((r: { user_id: string }) => r.user_id),
        (ids) => ids.includes(manager.id),
      );
      expect(notified.filter((id: string) => id === manager.id)).toHaveLength(1);
      const identity = new Queue('identity', {
        connection: { host: '127.0.0.1', port: 6379 },
        prefix: `${process.env.REDIS_PREFIX}:bull`,
      });
      const job = await identity.getJob(row.id);
      expect(job?.name).toBe('identity.organization-registered');
      expect(job?.attemptsMade).toBe(1);
      await identity.close();
    } finally {
      await dead.close().catch(() => undefined);
      await worker.close();
    }
  });

  it('serves an OpenAPI document that passes a validator and describes every route', async () => {
    const res = await api.http().get('/api/docs-json');
    expect(res.status).toBe(200);
    const doc = res.body;
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
    // Every route of docs/api.md built so far, with its method.
    const contract = [
      'post /api/auth/register',
      'post /api/auth/login',
      'get /api/me',
      'post /api/users',
      'get /api/users',
      'patch /api/users/{id}',
      'get /api/organizations',
      'post /api/organizations/{id}/verify',
      'post /api/funds',
      'get /api/funds',
      'get /api/funds/{id}',
      'get /api/funds/{id}/balance',
      'post /api/funds/{id}/costs',
      'post /api/calls',
      'patch /api/calls/{id}',
      'post /api/calls/{id}/publish',
      'post /api/calls/{id}/open',
      'post /api/calls/{id}/close',
      'get /api/calls',
      'get /api/calls/{id}',
      'post /api/calls/{id}/applications',
      'patch /api/applications/{id}',
      'post /api/applications/{id}/submit',
      'post /api/applications/{id}/withdraw',
      'post /api/applications/{id}/attachments',
      'get /api/applications/{id}/attachments/{attachmentId}',
      'get /api/applications',
      'get /api/applications/{id}',
      'post /api/applications/{id}/eligibility',
      'post /api/applications/{id}/assignments',
      'get /api/assignments',
      'post /api/assignments/{id}/conflict',
      'put /api/assignments/{id}/scores',
      'post /api/assignments/{id}/submit',
      'get /api/calls/{id}/ranking',
      'post /api/applications/{id}/decision',
      'get /api/grants',
      'get /api/grants/{id}',
      'post /api/grants/{id}/sign',
      'post /api/grants/{id}/tranches/{n}/disburse',
      'post /api/grants/{id}/cancel',
      'post /api/grants/{id}/reports',
      'post /api/grants/{id}/reports/{reportId}/accept',
      'post /api/grants/{id}/reports/{reportId}/return',
      'post /api/grants/{id}/returns',
      'post /api/donors',
      'get /api/donors',
      'post /api/pledges',
      'get /api/pledges',
      'post /api/exchange-rates',
      'get /api/exchange-rates',
      'post /api/contributions',
      'post /api/contributions/{id}/reverse',
      'get /api/contributions',
      'get /api/contributions/{id}',
      'get /api/contributions/{id}/receipt',
      'get /api/funds/{id}/statement',
      'get /api/donors/{id}/statement',
      'get /api/reports/contributions',
      'get /api/reports/grants',
      'get /api/reports/impact',
      'get /api/public/impact',
      'get /api/audit',
      'get /api/health',
    ];
    const missing = contract.filter((route) => {
      const [method, path] = route.split(' ');
      return !doc.paths[path]?.[method];
    });
    expect(missing).toEqual([]);
    // Every operation: tags, a summary, a unique operationId, a success body with a schema (except 204),
    // and 4xx answers as application/problem+json with the shared Problem schema.
    const problems: string[] = [];
    const operationIds: string[] = [];
    for (const [path, item] of Object.entries(
      doc.paths as Record<string, Record<string, OpenApiOperation>>,
    )) {
      for (const [method, op] of Object.entries(item)) {
        const name = `${method} ${path}`;
        if (!op.tags?.length) problems.push(`${name}: no tags`);
        if (!op.summary) problems.push(`${name}: no summary`);
        if (!op.description) problems.push(`${name}: no description`);
        if (!op.operationId || !/^[a-z][A-Za-z]+$/.test(op.operationId))
          problems.push(`${name}: operationId`);
        operationIds.push(op.operationId ?? '');
        const success = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        if (!success.length) problems.push(`${name}: no 2xx response`);
        for (const [code, response] of success) {
          if (code === '204') continue;
          const media = Object.values(response.content ?? {});
          if (!media.length || media.some((m) => !m.schema)) problems.push(`${name}: ${code} has no schema`);
        }
        for (const status of ['401', '429']) {
          if (!op.responses?.[status]) problems.push(`${name}: no ${status}`);
        }
        for (const [code, response] of Object.entries(op.responses ?? {})) {
          if (Number(code) < 400 || Number(code) >= 500) continue;
          const schema = response.content?.['application/problem+json']?.schema;
          if (schema?.$ref !== '#/components/schemas/Problem')
            problems.push(`${name}: ${code} is not a Problem`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(new Set(operationIds).size).toBe(operationIds.length);
    expect(doc.components.schemas.Problem.required).toEqual(
      expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
    );
    const ui = await api.http().get('/api/docs');
    expect([200, 301, 302]).toContain(ui.status);
  });

  it('serves the queue board to admins only', async () => {
    const admin = await userWithRoles(api, ['admin']);
    const fm = await userWithRoles(api, ['fund_manager']);
    expect((await api.http().get('/api/admin/queues')).status).toBe(401);
    expect(
      (await api.http().get('/api/admin/queues').set('authorization', `Bearer ${fm.token}`)).status,
    ).toBe(403);
    const page = await api.http().get('/api/admin/queues').set('authorization', `Bearer ${admin.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const queues = await api
      .http()
      .get('/api/admin/queues/api/queues')
      .set('authorization', `Bearer ${admin.token}`);
    expect(queues.status).toBe(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name)).toEqual(
      expect.arrayContaining(['funds', 'identity']),
    );
    // a browser: a one-time code once in the address (issue 11 item 12), then the board's own cookie
    const { url } = (
      await api.http().post('/api/admin/board-codes').set('authorization', `Bearer ${admin.token}`)
    ).body as { url: string };
    const entry = await api.http().get(url);
    expect(entry.status).toBe(303);
    const cookie = String(entry.headers['set-cookie']).split(';')[0];
    expect(cookie).toMatch(/^tfg_queue_board=/);
    expect((await api.http().get('/api/admin/queues/api/queues').set('cookie', cookie)).status).toBe(200);
    expect(
      (await api.http().post('/api/admin/board-codes').set('authorization', `Bearer ${fm.token}`)).status,
    ).toBe(403);
    // an access token in the address is no longer accepted, an admin's or not
    expect((await api.http().get(`/api/admin/queues?token=${admin.token}`)).status).toBe(401);
    expect((await api.http().get(`/api/admin/queues?token=${fm.token}`)).status).not.toBe(200);
  });

  it('reports health of the database and Redis', async () => {
    const res = await api.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('answers 503 problem+json naming the part down when Redis does not answer (not a 500)', async () => {
    // a second API whose Redis is a port nothing listens on
    const mainRedis = process.env.REDIS_URL;
    process.env.REDIS_URL = `redis://127.0.0.1:${await freePort()}`;
    const quiet = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    let down: Api | null = null;
    try {
      down = await startApi();
      const res = await down.http().get('/api/health');
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.headers['retry-after']).toBe('1');
      expect(res.body).toMatchObject({ status: 503, type: '/problems/unavailable', code: 'HTTP.503' });
      expect(res.body.detail).toMatch(/redis/);
      expect(res.body.detail).not.toMatch(/database/);
    } finally {
      await down?.close();
      process.env.REDIS_URL = mainRedis;
      quiet.mockRestore();
    }
  }, 30_000);

  it('answers an unexpected failure with a 500 problem that leaks no stack or SQL', async () => {
    const admin = await userWithRoles(api, ['admin']);
    const failure = new QueryFailedError(
      'SELECT secret FROM users WHERE x = $1',
      ['y'],
      new Error('relation broke'),
    );
    const spy = jest.spyOn(api.app.get(OrganizationsService), 'list').mockRejectedValueOnce(failure);
    try {
      const res = await api.http().get('/api/organizations').set('authorization', `Bearer ${admin.token}`);
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 500, type: '/problems/internal', code: 'INTERNAL' });
      expect(res.body.detail).toContain(res.headers['x-request-id']);
      expect(JSON.stringify(res.body)).not.toMatch(/SELECT|secret|relation broke|\.ts:/i);
    } finally {
      spy.mockRestore();
    }
  });

  it('answers a tampered list cursor with 400, not 500', async () => {
    const admin = await userWithRoles(api, ['admin']);
    const cursor = Buffer.from(JSON.stringify(['not-a-date', 'x'])).toString('base64url');
    const res = await api
      .http()
      .get(`/api/users?cursor=${cursor}`)
      .set('authorization', `Bearer ${admin.token}`);
    expect(res.status).toBe(400);
  });
});
