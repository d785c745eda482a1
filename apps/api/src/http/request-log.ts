import type { FastifyInstance } from 'fastify';
import pino, { Logger } from 'pino';
import { redactingStdout } from '@app/core';

let shared: { level: string; logger: Logger } | null = null;

/**
 * The API's one pino instance: fastify's logger (request.log carries the request id as `reqId`) and the
 * root of nestjs-pino's Logger (application and error logs; the problem filter adds `requestId` itself).
 */
export function apiLogger(level: string): Logger {
  if (shared?.level !== level) {
    shared = {
      level,
      logger: pino(
        {
          level,
          base: { pid: process.pid, service: 'api' },
          redact: ['req.headers.authorization', 'req.headers.cookie'],
        },
        redactingStdout,
      ),
    };
  }
  return shared.logger;
}

/**
 * One JSON line per request, written from fastify's onResponse hook with the request's own child logger.
 * This replaces pino-http run as a Nest middleware (through @fastify/middie, with an AsyncLocalStorage
 * context per request, which turns on promise hooks for every promise of the process).
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.url !== '/api/health') {
      const status = reply.statusCode;
      request.log[status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info'](
        // fastify's serializers: req -> method, url, host, remoteAddress, remotePort; res -> statusCode.
        { req: request, res: reply, responseTime: reply.elapsedTime },
        'request completed',
      );
    }
    done();
  });
}
