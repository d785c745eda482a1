import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { Problem, PROBLEM_CONTENT_TYPE, statusTitle } from '@app/core';

const SLUGS: Record<number, string> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  408: 'request-timeout',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'too-many-requests',
  431: 'header-fields-too-large',
  503: 'unavailable',
};

/** A problem named by its HTTP status (for errors that are not domain errors). */
export function fromStatus(status: number, detail: string, code: string): Problem {
  return {
    type: `/problems/${SLUGS[status] ?? 'error'}`,
    title: statusTitle(status),
    status,
    detail,
    code,
  };
}

/** The longest request target (path and query) the API reads; longer is 414 before any routing. */
export const MAX_URL_LENGTH = 4096;

const DETAILS: Record<string, string> = {
  FST_ERR_MAX_PARAM_LENGTH: 'A path parameter is longer than 100 characters',
  FST_ERR_BAD_URL: 'The URL is not valid (bad percent-encoding)',
};

function sendProblem(reply: FastifyReply, problem: Problem): void {
  void reply
    .status(problem.status)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify(problem));
}

/**
 * fastify's own refusals before routing (a path parameter over 100 characters: 414; a bad URL: 400), as
 * problem+json like every other error (fastify's `frameworkErrors` option).
 */
export function frameworkErrors(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const detail = DETAILS[error.code] ?? statusTitle(status);
  sendProblem(reply, fromStatus(status, detail, `HTTP.${status}`));
}

/**
 * Node's refusals of a request it could not parse (headers over the size limit: 431; a request that took
 * too long: 408; anything else: 400), written on the socket as problem+json; fastify's `clientErrorHandler`.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const detail =
    status === 431
      ? 'The request headers are larger than the server accepts'
      : status === 408
        ? 'The request took too long to arrive'
        : 'The request could not be parsed';
  const body = JSON.stringify(fromStatus(status, detail, `HTTP.${status}`));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  }
  socket.destroy(error);
}

/** A request target longer than {@link MAX_URL_LENGTH} is 414 problem+json, before routing and auth. */
export function refuseLongUrls(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    if (request.url.length > MAX_URL_LENGTH) {
      sendProblem(reply, fromStatus(414, `The URL is longer than ${MAX_URL_LENGTH} characters`, 'HTTP.414'));
      return reply;
    }
  });
}
