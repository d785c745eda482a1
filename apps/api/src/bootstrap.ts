import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { LogController } from 'fastify';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { loadConfig } from '@app/core';
import { mountQueueBoard } from './admin/queue-board';
import { ApiModule } from './api.module';
import { servePortal, PORTAL_CSP } from './http/portal';
import { apiLogger, logRequests } from './http/request-log';
import { validationPipe } from './http/validation';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;

export function openApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Trust Fund Grants API')
    .setDescription(
      'Grant management for UN trust funds: calls for proposals, applications, reviews, grants and tranches, ' +
        'donors, contributions and a double-entry ledger. Errors are application/problem+json (RFC 9457). ' +
        'Money is integer minor units.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, config);
}

/**
 * The OpenAPI document without a server, a database or Redis: the module graph is scanned in Nest's preview
 * mode (no provider is instantiated, nothing connects), which is all the document needs. The portal's typed
 * client is generated from it (`npm run openapi:write`).
 */
export async function buildOpenApiDocument(): Promise<OpenAPIObject> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  const document = openApiDocument(app);
  await app.close();
  return document;
}

/**
 * Builds the API application exactly as production runs it (main.ts) and as the e2e tests use it:
 * fastify, helmet, multipart, the validation pipe, the problem+json filter, OpenAPI at /api/docs.
 */
export async function createApiApp(): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: apiLogger(loadConfig().logLevel),
    logController: new LogController({ disableRequestLogging: true }), // one line a request: logRequests
    trustProxy: false, // the per-address limit must not trust a client-sent X-Forwarded-For
    bodyLimit: 1024 * 1024,
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
  await app.register(helmet, { contentSecurityPolicy: { directives: PORTAL_CSP } });
  await app.register(multipart, { limits: { fileSize: 10 * 1024 * 1024, files: 1, fields: 10 } });
  const fastify = app.getHttpAdapter().getInstance();
  // Many clients send `Content-Type: application/json` with no body on action routes (publish, sign):
  // an empty body is taken as no body; anything else goes through fastify's own safe JSON parser.
  const json = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (typeof body === 'string' && body.trim() === '') return done(null, undefined);
    json(request, body.toString(), done);
  });
  logRequests(fastify);
  await servePortal(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  SwaggerModule.setup('api/docs', app, openApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  await mountQueueBoard(app);
  await app.init();
  return app;
}
