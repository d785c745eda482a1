import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Queue } from 'bullmq';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  Actor,
  DomainError,
  ForbiddenError,
  hasRole,
  PROBLEM_CONTENT_TYPE,
  problemOf,
  QUEUES,
  UnauthorizedError,
} from '@app/core';
import { AuthService } from '@app/identity';
import { BOARD_SESSION_TTL_SECONDS, BoardAccess, QUEUE_BOARD_PATH } from './board-access';

export { QUEUE_BOARD_PATH } from './board-access';

const COOKIE = 'tfg_queue_board';

function cookieOf(req: FastifyRequest): string | null {
  const cookie = (req.headers.cookie ?? '').split(';').map((c) => c.trim().split('='));
  return cookie.find(([name]) => name === COOKIE)?.[1] ?? null;
}

function queryOf(req: FastifyRequest, name: string): string | null {
  const value = (req.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value ? value : null;
}

const expired = () => new UnauthorizedError('The code or session is invalid, used or expired');

/**
 * bull-board at /api/admin/queues, for admins only. Scripts send an admin's bearer token. A browser opens
 * the board once with `?code=` (a one-time code from POST /api/admin/board-codes, valid 60 s): the code is
 * exchanged for a random session in an HttpOnly, SameSite=Strict cookie limited to the board's path, and
 * the browser is redirected to the board without the code. An access token is never accepted in the
 * address (it would reach logs and browser history). Anything else gets problem+json 401/403.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const board = new BoardAdapter();
  board.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: QUEUES.map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter: board,
  });
  const auth = app.get(AuthService);
  const access = app.get(BoardAccess);
  const fastify = app.getHttpAdapter().getInstance();
  const admin = (actor: Actor): Actor => {
    if (hasRole(actor, 'admin')) return actor;
    throw new ForbiddenError('The queue board is for admins');
  };
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
        try {
          const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
          if (bearer) {
            admin(await auth.actorFromToken(bearer[1], String(req.id)));
            return;
          }
          if (queryOf(req, 'token')) {
            throw new UnauthorizedError(
              'An access token is not accepted in the address: open the board with a one-time code ' +
                'from POST /api/admin/board-codes',
            );
          }
          const code = queryOf(req, 'code');
          if (code) {
            const userId = await access.redeemCode(code);
            if (!userId) throw expired();
            const actor = admin(await auth.actorFromUserId(userId, String(req.id)));
            const session = await access.openSession(actor.userId!);
            return reply
              .status(303)
              .header(
                'set-cookie',
                `${COOKIE}=${session}; Path=${QUEUE_BOARD_PATH}; HttpOnly; SameSite=Strict; Max-Age=${BOARD_SESSION_TTL_SECONDS}`,
              )
              .header('location', QUEUE_BOARD_PATH)
              .send();
          }
          const session = cookieOf(req);
          if (!session) throw new UnauthorizedError();
          const userId = await access.sessionUser(session);
          if (!userId) throw expired();
          admin(await auth.actorFromUserId(userId, String(req.id)));
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
