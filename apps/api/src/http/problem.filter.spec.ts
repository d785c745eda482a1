import { ArgumentsHost, Logger } from '@nestjs/common';
import { PayloadTooLarge } from '@app/core';
import { ProblemFilter } from './problem.filter';

/** The filter alone, with a fake fastify reply: what it answers and what it logs. */
function answer(error: unknown): { status: number; body: Record<string, unknown> } {
  const sent = { status: 0, body: '' };
  const reply = {
    status(code: number) {
      sent.status = code;
      return reply;
    },
    header() {
      return reply;
    },
    send(body: string) {
      sent.body = body;
      return reply;
    },
  };
  const host = {
    switchToHttp: () => ({
      getResponse: () => reply,
      getRequest: () => ({ id: 'req-1', method: 'POST', url: '/api/things' }),
    }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(error, host);
  return { status: sent.status, body: JSON.parse(sent.body) as Record<string, unknown> };
}

describe('ProblemFilter', () => {
  afterEach(() => jest.restoreAllMocks());

  it('logs a unique violation no domain rule translated, naming the constraint, then answers 409', () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const error = Object.assign(
      new Error('duplicate key value violates unique constraint "things_name_key"'),
      {
        code: '23505',
        constraint: 'things_name_key',
      },
    );
    const { status, body } = answer(error);
    expect(status).toBe(409);
    expect(body).toMatchObject({ type: '/problems/conflict', code: 'CONFLICT.DUPLICATE' });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatchObject({ constraint: 'things_name_key', requestId: 'req-1' });
    expect(String(warn.mock.calls[0][1])).toContain('unexpected unique violation (things_name_key)');
  });

  it('answers a PayloadTooLarge with 413, its code and type', () => {
    const { status, body } = answer(new PayloadTooLarge('Attachments are at most 10 MiB'));
    expect(status).toBe(413);
    expect(body).toEqual({
      type: '/problems/payload-too-large',
      title: 'Payload Too Large',
      status: 413,
      detail: 'Attachments are at most 10 MiB',
      code: 'HTTP.413',
    });
  });
});
