import { INestApplicationContext } from '@nestjs/common';
import SwaggerParser from '@apidevtools/swagger-parser';
import { Queue } from 'bullmq';
import { OutboxRelay } from '@app/core';
import { OrganizationsService } from '@app/identity';
import { QueryFailedError } from 'typeorm';
import { TEST_REDIS_PREFIX } from '../setup/test-env';
import { Api, registerNgo, startApi, startWorker, userWithRoles, waitFor } from '../setup/harness';

describe('platform: audit log, outbox relay, OpenAPI, health, errors', () => {
  let api: Api;
  beforeAll(async () => {
    api = await startApi();
  });
  afterAll(async () => {
    await api.close();
  });

  it('the database refuses UPDATE, DELETE and TRUNCATE on audit_log', async () => {
    await registerNgo(api); // writes an audit row
    const [{ id }] = await api.db.query(`SELECT id FROM audit_log ORDER BY at DESC LIMIT 1`);
    await expect(
      api.db.query(`UPDATE audit_log SET action = 'tampered' WHERE id = $1`, [id]),
    ).rejects.toThrow(/append-only/);
    await expect(api.db.query(`DELETE FROM audit_log WHERE id = $1`, [id])).rejects.toThrow(/append-only/);
    await expect(api.db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    const [row] = await api.db.query(`SELECT action FROM audit_log WHERE id = $1`, [id]);
    expect(row.action).toBe('organization.registered');
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
        prefix: `${TEST_REDIS_PREFIX}:bull`,
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
    for (const path of ['/api/auth/register', '/api/auth/login', '/api/me', '/api/users', '/api/health']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    const ui = await api.http().get('/api/docs');
    expect([200, 301, 302]).toContain(ui.status);
  });

  it('reports health of the database and Redis', async () => {
    const res = await api.http().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

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
