import { isConnectionError } from '../database/pg-errors';
import { Injectable } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../errors/domain-error';
import { PROBLEM_CONTENT_TYPE, ReplayedResponse } from '../errors/problem';
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

/** A claim older than this whose request never finished (its process died) may be taken over. */
const STALE_AFTER_SECONDS = 120;
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

export class IdempotencyKeyLost extends DomainError {
  static readonly code = 'IDEMPOTENCY.CLAIM_LOST';
  constructor() {
    super(
      'conflict',
      IdempotencyKeyLost.code,
      'idempotency-in-flight',
      'The Idempotency-Key claim was lost; retry',
    );
  }
}

interface KeyRow {
  request_hash: string;
  state: 'in_flight' | 'completed';
  status_code: number | null;
  response_body: string | null;
  content_type: string | null;
  stale: boolean;
}

@Injectable()
export class IdempotencyService {
  constructor(private readonly dataSource: DataSource) {}

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
    let inserted: unknown[];
    try {
      inserted = await this.dataSource.query(
        `INSERT INTO idempotency_keys (user_id, route, key, request_hash, state, token)
         VALUES ($1, $2, $3, $4, 'in_flight', $5) ON CONFLICT DO NOTHING RETURNING 1`,
        [userId, route, key, hash, token],
      );
    } catch (error) {
      // The connection dropped: the claim may have committed all the same. Free it (this token's only) once
      // the database answers again, or a retry would be refused as in flight until the claim went stale.
      if (isConnectionError(error)) {
        void this.release({ userId, route, key, token, status }).catch(() => undefined);
      }
      throw error;
    }
    if (inserted.length === 1) return { userId, route, key, token, status };

    const rows: KeyRow[] = await this.dataSource.query(
      `SELECT request_hash, state, status_code, response_body, content_type,
              claimed_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS}) AS stale
       FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`,
      [userId, route, key],
    );
    const row = rows[0];
    if (!row) return this.claim(userId, route, key, body, status); // released meanwhile: try again
    if (row.request_hash !== hash) throw new IdempotencyKeyReused();
    if (row.state === 'completed') {
      throw new ReplayedResponse(row.status_code!, JSON.parse(row.response_body!), row.content_type!);
    }
    if (row.stale) {
      const taken: unknown[] = await this.dataSource.query(
        `WITH taken AS (
           UPDATE idempotency_keys SET token = $4, claimed_at = now()
           WHERE user_id = $1 AND route = $2 AND key = $3 AND state = 'in_flight'
             AND claimed_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS}) RETURNING 1)
         SELECT * FROM taken`,
        [userId, route, key, token],
      );
      if (taken.length === 1) return { userId, route, key, token, status };
    }
    throw new IdempotencyInFlight();
  }

  /**
   * Records the answer in the use case's transaction. If the claim was taken over meanwhile, it throws, so
   * the transaction rolls back and nothing moves twice.
   */
  async complete(em: EntityManager, claim: IdempotencyClaim | undefined, body: unknown): Promise<void> {
    if (!claim) return;
    const { sql, params } = IdempotencyService.completion(claim, body);
    const done: unknown[] = await em.query(`WITH done AS (${sql}) SELECT * FROM done`, params);
    IdempotencyService.assertCompleted(done.length);
  }

  /**
   * The UPDATE that records the answer (returns one row when the claim was still ours), as SQL text and
   * parameters numbered from `$first`, for a use case that writes it in one statement with other rows. The
   * caller must pass the number of rows it returned to {@link IdempotencyService.assertCompleted}.
   */
  static completion(claim: IdempotencyClaim, body: unknown, first = 1): { sql: string; params: unknown[] } {
    const $ = (i: number) => `$${first + i}`;
    return {
      sql: `UPDATE idempotency_keys SET state = 'completed', status_code = ${$(4)}, response_body = ${$(5)},
                   content_type = 'application/json', completed_at = now()
            WHERE user_id = ${$(0)} AND route = ${$(1)} AND key = ${$(2)} AND token = ${$(3)}
              AND state = 'in_flight' RETURNING 1`,
      params: [claim.userId, claim.route, claim.key, claim.token, claim.status, JSON.stringify(body)],
    };
  }

  /** Throws (so the transaction rolls back and nothing moves twice) if the claim was taken over meanwhile. */
  static assertCompleted(rows: number): void {
    if (rows !== 1) throw new IdempotencyKeyLost();
  }

  /** For routes that did not complete in their transaction, and for domain refusals (stored too). */
  async completeOutside(
    claim: IdempotencyClaim,
    status: number,
    body: unknown,
    error = false,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE idempotency_keys SET state = 'completed', status_code = $5, response_body = $6,
              content_type = $7, completed_at = now()
       WHERE user_id = $1 AND route = $2 AND key = $3 AND token = $4 AND state = 'in_flight'`,
      [
        claim.userId,
        claim.route,
        claim.key,
        claim.token,
        status,
        JSON.stringify(body),
        error ? PROBLEM_CONTENT_TYPE : 'application/json',
      ],
    );
  }

  /** Forgets a claim whose request was refused by validation or failed unexpectedly, so it can be retried. */
  async release(claim: IdempotencyClaim, attempt = 0): Promise<void> {
    try {
      await this.dataSource.query(
        `DELETE FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3 AND token = $4 AND state = 'in_flight'`,
        [claim.userId, claim.route, claim.key, claim.token],
      );
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
