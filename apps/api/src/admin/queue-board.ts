import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, hasRole, PROBLEM_CONTENT_TYPE, problemOf, QUEUES, UnauthorizedError } from '@app/core';
import { AuthService } from '@app/identity';

export const QUEUE_BOARD_PATH = '/api/admin/queues';

const COOKIE = 'tfg_queue_board';

function tokenOf(req: FastifyRequest): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (bearer) return bearer[1];
  const query = (req.query as Record<string, unknown> | undefined)?.token;
  if (typeof query === 'string' && query) return query;
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('='));
  return cookie.find(([name]) => name === COOKIE)?.[1] ?? null;
}

/**
 * bull-board at /api/admin/queues, for admins only. Every request carries an admin's access token: as a
 * bearer header, or, for a browser, once as `?token=` which the board keeps in an HttpOnly, SameSite=Strict
 * cookie limited to its path (the token itself expires as usual). Anything else gets problem+json 401/403.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const board = new BoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: board,
  });
  const auth = app.get(AuthService);
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        try {
          const token = tokenOf(req);
          if (!token) throw new UnauthorizedError();
          const actor = await auth.actorFromToken(token, String(req.id));
          if (!hasRole(actor, 'admin')) {
            throw new DomainError(
              'forbidden',
              'AUTH.FORBIDDEN',
              'forbidden',
              'The queue board is for admins',
            );
          }
          if ((req.query as Record<string, unknown> | undefined)?.token) {
            void reply.header(
              'set-cookie',
              `${COOKIE}=${token}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=900`,
            );
          }
        } catch (error) {
          const problem = problemOf(
            error instanceof DomainError
              ? error
              : new UnauthorizedError('The access token is invalid or expired'),
          );
          return reply
            .status(problem.status)
            .header('content-type', PROBLEM_CONTENT_TYPE)
            .send(JSON.stringify(problem));
        }
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
