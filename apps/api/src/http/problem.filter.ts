import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  DomainError,
  isConnectionError,
  isPgError,
  PG,
  pgError,
  Problem,
  PROBLEM_CONTENT_TYPE,
  problemOf,
  ReplayedResponse,
  statusTitle,
} from '@app/core';
import { fromStatus } from './problems';

/**
 * The one place errors become HTTP answers: RFC 9457 problem+json. Domain errors keep their code and
 * type; Nest and fastify errors get one by status; anything else is a 500 that names the request id and
 * nothing of its cause (no stack, no SQL), while the log keeps the whole error.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const reply = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();

    if (error instanceof ReplayedResponse) {
      void reply
        .status(error.status)
        .header('content-type', error.contentType)
        .send(JSON.stringify(error.body));
      return;
    }
    const problem = this.toProblem(error, req);
    if (problem.status === 429) void reply.header('retry-after', '60');
    if (problem.status === 503) void reply.header('retry-after', '1');
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify(problem));
  }

  private toProblem(error: unknown, req: FastifyRequest): Problem {
    if (error instanceof DomainError) return problemOf(error);
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const response = error.getResponse();
      const message =
        typeof response === 'object' && response && 'message' in response
          ? [(response as { message: unknown }).message].flat().join('; ')
          : error.message;
      if (status === 404 && /^Cannot \w+ /.test(message)) {
        return fromStatus(404, `No route ${req.method} ${req.url.split('?')[0]}`, 'ROUTE.NOT_FOUND');
      }
      if (status === 429) return fromStatus(429, 'Too many requests; slow down', 'RATE_LIMIT.EXCEEDED');
      if (status < 500) return fromStatus(status, message, `HTTP.${status}`);
      // a 5xx the code chose (terminus's 503 when a health check fails) keeps its status; a 500 stays
      // the opaque internal problem below
      if (status > 500) return this.serverProblem(status, response, error.message, req);
    }
    // fastify's own errors (bad JSON, body too large, wrong content type) carry a 4xx statusCode.
    const fastifyStatus = (error as { statusCode?: number })?.statusCode;
    if (typeof fastifyStatus === 'number' && fastifyStatus >= 400 && fastifyStatus < 500) {
      const detail =
        fastifyStatus === 400 ? 'The request body is not valid JSON' : statusTitle(fastifyStatus);
      return {
        ...fromStatus(fastifyStatus, detail, `HTTP.${fastifyStatus}`),
        ...(fastifyStatus === 400 ? { errors: [{ field: 'body', messages: [detail] }] } : {}),
      };
    }
    const requestId = String(req.id ?? '');
    if (isPgError(error, PG.UNIQUE_VIOLATION)) {
      // A unique violation that no domain rule turned into its own error (EmailTaken, DuplicateApplication,
      // ...) is still a 409 for the client, but it is a gap in the code: the log names the constraint.
      const constraint = pgError(error)?.constraint ?? 'unknown';
      this.logger.warn(
        { err: error, requestId, constraint },
        `unexpected unique violation (${constraint}) in ${req.method} ${req.url}: answered 409`,
      );
      return fromStatus(409, 'This conflicts with something that already exists', 'CONFLICT.DUPLICATE');
    }
    if (isConnectionError(error)) {
      // the database restarted or is out of reach: nothing was done that a retry cannot finish
      this.logger.warn({ err: error, requestId }, `database unavailable in ${req.method} ${req.url}`);
      return fromStatus(503, 'The database is briefly unavailable; retry shortly', 'DATABASE.UNAVAILABLE');
    }
    this.logger.error({ err: error, requestId }, `unexpected error in ${req.method} ${req.url}`);
    return {
      type: '/problems/internal',
      title: statusTitle(500),
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
      code: 'INTERNAL',
    };
  }

  /** A 5xx HttpException other than 500: its status, and for a failed health check the parts that failed. */
  private serverProblem(status: number, response: unknown, message: string, req: FastifyRequest): Problem {
    const failing = (response as { error?: unknown } | null)?.error;
    const parts = failing && typeof failing === 'object' ? Object.keys(failing) : [];
    const detail = parts.length ? `Not ready: ${parts.join(', ')} did not answer` : message;
    this.logger.warn({ status, requestId: String(req.id ?? '') }, `${req.method} ${req.url}: ${detail}`);
    return fromStatus(status, detail, `HTTP.${status}`);
  }
}
