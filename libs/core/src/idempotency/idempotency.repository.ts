import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A claim older than this whose request never finished (its process died) may be taken over. */
export const STALE_AFTER_SECONDS = 120;

/** The key of one claim: the caller, the route, the Idempotency-Key, and the token of this claim. */
export interface ClaimKey {
  userId: string;
  route: string;
  key: string;
  token: string;
}

/** What is recorded of a key that was claimed before. */
export interface KeyRecord {
  requestHash: string;
  state: 'in_flight' | 'completed';
  statusCode: number | null;
  responseBody: string | null;
  contentType: string | null;
  /** In flight for longer than STALE_AFTER_SECONDS. */
  stale: boolean;
}

interface KeyRow {
  request_hash: string;
  state: 'in_flight' | 'completed';
  status_code: number | null;
  response_body: string | null;
  content_type: string | null;
  stale: boolean;
}

const KEY_COLUMNS = `request_hash, state, status_code, response_body, content_type,
  claimed_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS}) AS stale`;

const toKeyRecord = (r: KeyRow): KeyRecord => ({
  requestHash: r.request_hash,
  state: r.state,
  statusCode: r.status_code,
  responseBody: r.response_body,
  contentType: r.content_type,
  stale: r.stale,
});

/**
 * The UPDATE that records the answer (returns one row when the claim was still ours), as SQL text and
 * parameters numbered from `$first`, for a use case that writes it in one statement with other rows.
 */
export function completionUpdate(
  claim: ClaimKey & { status: number },
  body: unknown,
  first = 1,
): { sql: string; params: unknown[] } {
  const $ = (i: number) => `$${first + i}`;
  return {
    sql: `UPDATE idempotency_keys SET state = 'completed', status_code = ${$(4)}, response_body = ${$(5)},
                 content_type = 'application/json', completed_at = now()
          WHERE user_id = ${$(0)} AND route = ${$(1)} AND key = ${$(2)} AND token = ${$(3)}
            AND state = 'in_flight' RETURNING 1`,
    params: [claim.userId, claim.route, claim.key, claim.token, claim.status, JSON.stringify(body)],
  };
}

/** SQL of the idempotency keys (core). */
@Injectable()
export class IdempotencyRepository {
  /** Inserts the claim unless the key exists; true when this call inserted it. */
  async insertClaim(em: EntityManager, claim: ClaimKey, requestHash: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO idempotency_keys (user_id, route, key, request_hash, state, token)
       VALUES ($1, $2, $3, $4, 'in_flight', $5) ON CONFLICT DO NOTHING RETURNING 1`,
      [claim.userId, claim.route, claim.key, requestHash, claim.token],
    );
    return rows.length === 1;
  }

  async find(em: EntityManager, userId: string, route: string, key: string): Promise<KeyRecord | undefined> {
    const [row]: KeyRow[] = await em.query(
      `SELECT ${KEY_COLUMNS} FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3`,
      [userId, route, key],
    );
    return row && toKeyRecord(row);
  }

  /** Takes over a stale in-flight claim with a new token; true when it did. */
  async takeOverStale(em: EntityManager, claim: ClaimKey): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `WITH taken AS (
         UPDATE idempotency_keys SET token = $4, claimed_at = now()
         WHERE user_id = $1 AND route = $2 AND key = $3 AND state = 'in_flight'
           AND claimed_at < now() - make_interval(secs => ${STALE_AFTER_SECONDS}) RETURNING 1)
       SELECT 1 FROM taken`,
      [claim.userId, claim.route, claim.key, claim.token],
    );
    return rows.length === 1;
  }

  /** Records the answer; returns how many claims it completed (1, or 0 when the claim was lost). */
  async complete(em: EntityManager, claim: ClaimKey & { status: number }, body: unknown): Promise<number> {
    const { sql, params } = completionUpdate(claim, body);
    const done: unknown[] = await em.query(`WITH done AS (${sql}) SELECT 1 FROM done`, params);
    return done.length;
  }

  async completeWith(
    em: EntityManager,
    claim: ClaimKey,
    status: number,
    body: unknown,
    contentType: string,
  ): Promise<void> {
    await em.query(
      `UPDATE idempotency_keys SET state = 'completed', status_code = $5, response_body = $6,
              content_type = $7, completed_at = now()
       WHERE user_id = $1 AND route = $2 AND key = $3 AND token = $4 AND state = 'in_flight'`,
      [claim.userId, claim.route, claim.key, claim.token, status, JSON.stringify(body), contentType],
    );
  }

  /** Deletes the claim if it is still this token's and in flight. */
  async release(em: EntityManager, claim: ClaimKey): Promise<void> {
    await em.query(
      `DELETE FROM idempotency_keys WHERE user_id = $1 AND route = $2 AND key = $3 AND token = $4 AND state = 'in_flight'`,
      [claim.userId, claim.route, claim.key, claim.token],
    );
  }
}
