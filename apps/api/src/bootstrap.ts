import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { loadConfig, REDIS } from '@app/core';
import { mountQueueBoard } from './admin/queue-board';
import { ApiModule } from './api.module';
import { clientErrorHandler, frameworkErrors, refuseLongUrls } from './http/problems';
import { servePortal, PORTAL_CSP } from './http/portal';
import { publicCache } from './http/public-cache';
import { RedisThrottlerStorage } from './http/redis-throttler.storage';
import { securityHeaders } from './http/security-headers';
import { apiLogger, logRequests } from './http/request-log';
import { validationPipe } from './http/validation';
import { ApiMetrics } from './metrics/metrics.registry';
import { openApiDocument } from './openapi';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Builds the API application exactly as production runs it (main.ts) and as the e2e tests use it:
 * fastify, helmet, multipart, the validation pipe, the problem+json filter, OpenAPI at /api/docs.
 */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const config = loadConfig();
  const adapter = new FastifyAdapter({
    loggerInstance: apiLogger(config.logLevel),
    logController: new LogController({ disableRequestLogging: true }), // one line a request: logRequests
    // X-Forwarded-For is believed only from the balancers named in TRUST_PROXY (addresses or CIDRs):
    // otherwise any client could pick the address its rate limits are counted under.
    trustProxy: config.trustProxy.length ? config.trustProxy : false,
    bodyLimit: 1024 * 1024,
    // fastify's and Node's own refusals (414, 431, bad URL) in the API's problem+json shape
    frameworkErrors,
    clientErrorHandler,
    genReqId: (raw: IncomingMessage) => {
      const given = raw.headers['x-request-id'];
      const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
      raw.headers['x-request-id'] = id;
      return id;
    },
  });
  // bodyParser off: the JSON parser below replaces Nest's, and nothing else but multipart is accepted.
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.useGlobalPipes(validationPipe());
  app.enableShutdownHooks();

  // No inline script: the portal's policy everywhere; Swagger UI's page gets its own (see http/portal.ts).
  const fastify = app.getHttpAdapter().getInstance();
  securityHeaders(fastify, { contentSecurityPolicy: { directives: PORTAL_CSP } });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  // Many clients send `Content-Type: application/json` with no body on action routes (publish, sign):
  // an empty body is taken as no body; anything else goes through fastify's own safe JSON parser.
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    json(request, body.toString(), done);
  });
  // tus bodies (resumable uploads) are left unread here: the uploads controller streams them to disk.
  // Any other route answers 415 to that type, as to every type it does not take.
  fastify.addContentTypeParser('application/offset+octet-stream', (request, _payload, done) => {
    if (request.routeOptions.url?.startsWith('/api/applications/:id/uploads')) return done(null);
    done(Object.assign(new Error('Unsupported Media Type'), { statusCode: 415 }));
  });
  logRequests(fastify);
  app.get(ApiMetrics).observe(fastify);
  refuseLongUrls(fastify);
  const cache = publicCache(fastify, {
    databaseUrl: config.databaseUrl,
    rateLimitPerMinute: config.rateLimitPerMinute,
    log: apiLogger(config.logLevel),
    readReplica: Boolean(config.databaseReadUrl),
    limiter: new RedisThrottlerStorage(app.get(REDIS)),
  });
  await cache.start();
  await servePortal(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  await mountQueueBoard(app);
  await app.init();
  return app;
}
