import {
  applyDecorators,
  CallHandler,
  createParamDecorator,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  UseInterceptors,
} from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants.js';
import { Reflector } from '@nestjs/core';
import { ApiHeader } from '@nestjs/swagger';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { isConnectionError } from '../database/pg-errors';
import { DomainError } from '../errors/domain-error';
import { problemOf } from '../errors/problem';
import { IdempotencyClaim, IdempotencyService } from './idempotency.service';
import type { Actor } from '../auth/actor';

interface IdemRequest {
  method: string;
  url: string;
  params?: Record<string, string | undefined>;
  routeOptions?: { url?: string };
  body: unknown;
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
  idempotencyClaim?: IdempotencyClaim;
}

export class IdempotencyKeyRequired extends DomainError {
  static readonly code = 'IDEMPOTENCY.KEY_REQUIRED';
  constructor(message = 'This write requires an Idempotency-Key header') {
    super('invalid', IdempotencyKeyRequired.code, 'idempotency-key-required', message, [
      { field: 'Idempotency-Key', messages: [message] },
    ]);
  }
}

/**
 * Makes a money-moving write idempotent (docs/api.md): keys are scoped to the caller and the route; the same
 * key and body answer the first response again; another body is 422; one still in flight is 409.
 * Requests refused by validation (400) or failing unexpectedly (5xx) are forgotten so they can be retried.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly idempotency: IdempotencyService,
    private readonly reflector: Reflector,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const req = context.switchToHttp().getRequest<IdemRequest>();
    const raw = req.headers['idempotency-key'];
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!key || !key.trim()) throw new IdempotencyKeyRequired();
    if (key.length > 200) throw new IdempotencyKeyRequired('Idempotency-Key must be at most 200 characters');
    const userId = req.actor?.userId;
    if (!userId) throw new IdempotencyKeyRequired('Idempotent writes need an authenticated caller');

    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ??
      (req.method === 'POST' ? 201 : 200);
    const route = idempotencyScope(req);
    const claim = await this.idempotency.claim(userId, route, key, req.body, status);
    req.idempotencyClaim = claim;

    return next.handle().pipe(
      mergeMap(async (body) => {
        await this.idempotency.completeOutside(claim, status, body ?? null);
        return body;
      }),
      catchError((error: unknown) =>
        from(this.settleFailure(claim, error)).pipe(mergeMap(() => throwError(() => error))),
      ),
    );
  }

  private async settleFailure(claim: IdempotencyClaim, error: unknown): Promise<void> {
    if (error instanceof DomainError && error.status !== 400 && error.status < 500) {
      try {
        await this.idempotency.completeOutside(claim, error.status, problemOf(error), true);
        return;
      } catch (storing) {
        // The refusal could not be stored (the database went away): forget the claim instead, as for a
        // failure, so a retry is not refused as in flight until the claim goes stale.
        if (!isConnectionError(storing)) throw storing;
      }
    }
    await this.idempotency.release(claim);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A path parameter as the route reads it: a UUID in lower case, a decimal number without leading zeros. */
export function normalizeParam(value: string): string {
  if (UUID.test(value)) return value.toLowerCase();
  if (/^\d{1,15}$/.test(value)) return String(Number(value));
  return value;
}

/**
 * The route a key is scoped to: the method, the route pattern and its normalized parameters
 * (`POST /api/grants/:id/returns id=<uuid>`), never the raw URL, so `/api/grants/ABC…` and
 * `/api/grants/abc…` are one scope.
 */
export function idempotencyScope(
  req: Pick<IdemRequest, 'method' | 'url' | 'params' | 'routeOptions'>,
): string {
  const pattern = req.routeOptions?.url;
  if (!pattern) return `${req.method} ${req.url.split('?')[0]}`;
  const params = Object.entries(req.params ?? {})
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => `${name}=${normalizeParam(value)}`);
  return [`${req.method} ${pattern}`, ...params].join(' ');
}

/** Marks a route as an idempotent write (docs/api.md's (I)). */
export function Idempotent(): MethodDecorator {
  return applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        'Unique per intended operation; a retry with the same key and body is answered, not repeated.',
    }),
    UseInterceptors(IdempotencyInterceptor),
  );
}

/** The claimed key, to complete inside the use case's transaction. */
export const IdempotencyKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): IdempotencyClaim | undefined =>
    ctx.switchToHttp().getRequest<IdemRequest>().idempotencyClaim,
);
