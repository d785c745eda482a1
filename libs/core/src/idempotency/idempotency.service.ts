import { isConnectionError } from '../database/pg-errors';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { PROBLEM_CONTENT_TYPE, ReplayedResponse } from '../errors/problem';
import { completionUpdate, IdempotencyRepository, STALE_AFTER_SECONDS } from './idempotency.repository';
import { stableStringify } from './stable-json';

/**
 * A claimed Idempotency-Key. The use case completes it inside its own transaction
 * ({@link IdempotencyService.complete}), so the money moves and the key records the answer atomically:
 * a crash in between leaves neither.
 */
export interface IdempotencyClaim {
  userId: string;
  route: string;
  key: string;
  token: string;
  status: number;
}

/** Tries to free a claim while the database is away: about as long as a claim takes to go stale. */
const RELEASE_TRIES = STALE_AFTER_SECONDS;

export class IdempotencyKeyReused extends DomainError {
  static readonly code = 'IDEMPOTENCY.KEY_REUSED';
  constructor() {
    super(
      'rule',
      IdempotencyKeyReused.code,
      'idempotency-key-reused',
      'This Idempotency-Key was already used with a different request body',
    );
  }
}

export class IdempotencyInFlight extends DomainError {
  static readonly code = 'IDEMPOTENCY.IN_FLIGHT';
  constructor() {
    super(
      'conflict',
      IdempotencyInFlight.code,
      'idempotency-in-flight',
      'A request with this Idempotency-Key is still being processed',
    );
  }
}

export class IdempotencyClaimLost extends DomainError {
  static readonly code = 'IDEMPOTENCY.CLAIM_LOST';
  constructor() {
    super(
      'conflict',
      IdempotencyClaimLost.code,
      'idempotency-in-flight',
      'The Idempotency-Key claim was lost; retry',
    );
  }
}

@Injectable()
export class IdempotencyService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keys: IdempotencyRepository,
  ) {}

  static hash(body: unknown): string {
    return createHash('sha256')
      .update(stableStringify(body ?? null))
      .digest('hex');
  }

  /**
   * Claims the key, or answers from its record: a replay (same body, finished), 422 (other body), 409 (in
   * flight). The claim is committed on its own, before the use case starts.
   */
  async claim(
    userId: string,
    route: string,
    key: string,
    body: unknown,
    status: number,
  ): Promise<IdempotencyClaim> {
    const hash = IdempotencyService.hash(body);
    const token = randomUUID();
    let inserted: boolean;
    try {
      inserted = await this.keys.insertClaim(this.dataSource.manager, { userId, route, key, token }, hash);
    } catch (error) {
      // The connection dropped: the claim may have committed all the same. Free it (this token's only) once
      // the database answers again, or a retry would be refused as in flight until the claim went stale.
      if (isConnectionError(error)) {
        void this.release({ userId, route, key, token, status }).catch(() => undefined);
      }
      throw error;
    }
    if (inserted) return { userId, route, key, token, status };

    const row = await this.keys.find(this.dataSource.manager, userId, route, key);
    if (!row) return this.claim(userId, route, key, body, status); // released meanwhile: try again
    if (row.requestHash !== hash) throw new IdempotencyKeyReused();
    if (row.state === 'completed') {
      throw new ReplayedResponse(row.statusCode!, JSON.parse(row.responseBody!), row.contentType!);
    }
    if (
      row.stale &&
      (await this.keys.takeOverStale(this.dataSource.manager, { userId, route, key, token }))
    ) {
      return { userId, route, key, token, status };
    }
    throw new IdempotencyInFlight();
  }

  /**
   * Records the answer in the use case's transaction. If the claim was taken over meanwhile, it throws, so
   * the transaction rolls back and nothing moves twice.
   */
  async complete(em: EntityManager, claim: IdempotencyClaim | undefined, body: unknown): Promise<void> {
    if (!claim) return;
    IdempotencyService.assertCompleted(await this.keys.complete(em, claim, body));
  }

  /**
   * The UPDATE that records the answer (returns one row when the claim was still ours), as SQL text and
   * parameters numbered from `$first`, for a use case that writes it in one statement with other rows. The
   * caller must pass the number of rows it returned to {@link IdempotencyService.assertCompleted}.
   */
  static completion(claim: IdempotencyClaim, body: unknown, first = 1): { sql: string; params: unknown[] } {
    return completionUpdate(claim, body, first);
  }

  /** Throws (so the transaction rolls back and nothing moves twice) if the claim was taken over meanwhile. */
  static assertCompleted(rows: number): void {
    if (rows !== 1) throw new IdempotencyClaimLost();
  }

  /** For routes that did not complete in their transaction, and for domain refusals (stored too). */
  async completeOutside(
    claim: IdempotencyClaim,
    status: number,
    body: unknown,
    error = false,
  ): Promise<void> {
    await this.keys.completeWith(
      this.dataSource.manager,
      claim,
      status,
      body,
      error ? PROBLEM_CONTENT_TYPE : 'application/json',
    );
  }

  /** Forgets a claim whose request was refused by validation or failed unexpectedly, so it can be retried. */
  async release(claim: IdempotencyClaim, attempt = 0): Promise<void> {
    try {
      await this.keys.release(this.dataSource.manager, claim);
    } catch (error) {
      // The database went away (a restart): the request failed as a whole, so free its key within a second of
      // the database coming back (tries at most a second apart, for as long as a claim takes to go stale)
      // rather than answer a retry with 409 until then. The timer never holds the process open, and the
      // DELETE takes only this claim (its token), never a later retry's.
      if (attempt >= RELEASE_TRIES || !isConnectionError(error)) throw error;
      const wait = Math.min(250 * 2 ** attempt, 1000);
      setTimeout(() => void this.release(claim, attempt + 1).catch(() => undefined), wait).unref();
      throw error;
    }
  }
}
