import type { EntityManager } from 'typeorm';
import { OutboxService } from '../outbox/outbox.service';
import { JobHandlers, JobsHost } from './jobs-host';
import { ALL_JOBS, JOB, JobPayload, JobPayloads } from './jobs';

/**
 * The payload types are checked by the compiler (`npm run typecheck` covers this file): each
 * `@ts-expect-error` below must stay an error, or the type check fails. At run time the spec checks what
 * the outbox writes and that the map names every job.
 */
describe('typed job payloads', () => {
  const em = {
    query: jest.fn(async (_sql: string, params: unknown[]) => [{ id: 'outbox-1', params }]),
  } as unknown as EntityManager;
  const outbox = new OutboxService({
    insert: async (m: EntityManager, name: string, payload: unknown) => {
      await m.query('INSERT', [name, JSON.stringify(payload)]);
      return 'outbox-1';
    },
  } as never);

  it('adds a payload that matches its job name as JSON', async () => {
    await outbox.add(em, JOB.GRANT_CHANGED, { grantId: 'g', event: 'disbursed', n: 2 });
    expect(em.query).toHaveBeenLastCalledWith('INSERT', [
      'grants.changed',
      JSON.stringify({ grantId: 'g', event: 'disbursed', n: 2 }),
    ]);
  });

  it('refuses, at compile time, a payload of another job or a missing field', () => {
    const wrong = async () => {
      // @ts-expect-error a grant event the grants processor has no message for
      await outbox.add(em, JOB.GRANT_CHANGED, { grantId: 'g', event: 'paid' });
      // @ts-expect-error the balance job needs the posting too
      await outbox.add(em, JOB.BALANCE_CHANGED, { fundId: 'f' });
      // @ts-expect-error an application's payload under a call's job name
      OutboxService.insert(JOB.CALL_STATUS_CHANGED, { applicationId: 'a', status: 'open' });
    };
    expect(typeof wrong).toBe('function');
  });

  it('hands each handler its own job payload type', () => {
    class Host extends JobsHost {
      readonly handlers: JobHandlers = {
        [JOB.SEND_MAIL]: async (job) => job.data.notificationId,
        // @ts-expect-error a send-digest job carries no fundId
        [JOB.SEND_DIGEST]: async (job) => job.data.fundId,
      };
    }
    expect(Object.keys(new Host().handlers)).toEqual([JOB.SEND_MAIL, JOB.SEND_DIGEST]);
  });

  it('has a payload type for every job name', () => {
    // A job name missing from JobPayloads makes JobPayload<N> a compile error here.
    const everyName: { [N in (typeof ALL_JOBS)[number]]: (p: JobPayload<N>) => JobPayloads[N] } =
      Object.fromEntries(ALL_JOBS.map((n) => [n, (p: unknown) => p])) as never;
    expect(Object.keys(everyName).sort()).toEqual([...ALL_JOBS].sort());
  });
});
