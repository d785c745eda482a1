import type { FastifyInstance } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';

/**
 * helmet's headers on every response (CSP, HSTS, frame and MIME-sniffing rules...), from one middleware
 * built at start. @fastify/helmet built helmet's middleware again for every request (parsing the CSP
 * directives each time): 5% of the API's CPU in the deadline rush benchmark (issue 20).
 */
export function securityHeaders(fastify: FastifyInstance, options: HelmetOptions): void {
  const apply = helmet(options);
  fastify.addHook('onRequest', (request, reply, done) => {
    apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}
