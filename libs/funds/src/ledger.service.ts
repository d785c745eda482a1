import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, isPgError, JOB, minor, PG, pgError } from '@app/core';
import { Account, ACCOUNTS, assertBalanced, availableDelta, PostingRequest } from './domain/accounts';
import { AlreadyPosted, InsufficientFunds, PeriodClosed } from './funds.errors';

export interface PostedEntry {
  postingId: string;
  available: number;
  /** For each `alsoWrite` part marked `counted`, in order: the number of rows its RETURNING gave. */
  counts: number[];
}

/**
 * A caller's own write (an INSERT or UPDATE, parameters numbered from `first`) to run in the posting's
 * statement, so it costs no round trip of its own under the fund's lock. `counted`: it has a RETURNING
 * clause and the caller wants the number of rows.
 */
export type AlsoWrite = (first: number) => { sql: string; params: unknown[]; counted?: boolean };

/**
 * The one way money moves. It runs inside the caller's transaction (the caller owns the boundary), so a
 * grant approval, a disbursement or a contribution commits with its posting or not at all.
 *
 * Locking: the fund's hot row (`fund_balances`) is locked first, for every posting, so all postings of a
 * fund are serialised in one order and cannot deadlock on the account rows; the caller locks its own
 * business rows (grant, application, contribution) before calling. See docs/adr/0004-locking.md.
 */
@Injectable()
export class LedgerService {
  /** Locks the fund's available row and returns the available balance (minor units). */
  async lockAvailable(em: EntityManager, fundId: string): Promise<number> {
    const rows: { available: string }[] = await em.query(
      `SELECT available FROM fund_balances WHERE fund_id = $1 FOR UPDATE`,
      [fundId],
    );
    if (!rows.length) throw new Error(`fund ${fundId} has no balance row`);
    return minor(rows[0].available, 'available');
  }

  /**
   * Posts in one statement: the posting, its entries, the account balances, the available row and the
   * balance-changed outbox row (plus the caller's `alsoWrite` rows). A posting that lowers the available
   * balance first locks and reads the available row (to refuse with InsufficientFunds); one that raises it
   * locks the row by updating it, in the same statement, before any account row (the account rows' UPDATE
   * joins the available row's), so the lock order stays the same.
   */
  async post(
    em: EntityManager,
    request: PostingRequest,
    actor: Actor,
    currency = 'USD',
    alsoWrite: AlsoWrite[] = [],
  ): Promise<PostedEntry> {
    assertBalanced(request.lines);
    const delta = availableDelta(request.lines);
    let available: number | null = null;
    if (delta <= 0) {
      available = await this.lockAvailable(em, request.fundId);
      if (available + delta < 0) throw new InsufficientFunds(available, -delta, currency);
    }

    const byAccount = new Map<Account, number>();
    for (const line of request.lines)
      byAccount.set(line.account, (byAccount.get(line.account) ?? 0) + line.amount);
    const moves = ACCOUNTS.filter((a) => byAccount.has(a) && byAccount.get(a) !== 0);
    const params: unknown[] = [
      request.fundId,
      request.kind,
      request.sourceType,
      request.sourceId,
      request.description,
      request.effectiveAt,
      actor.userId,
      request.lines.map((l) => l.account),
      request.lines.map((l) => l.amount),
      moves,
      moves.map((a) => byAccount.get(a)),
      JOB.BALANCE_CHANGED,
      delta,
    ];
    // The fund's available row is locked before the posting row (and its seq) exists, for every delta: p
    // inserts FROM f, so its seq is drawn only once f holds the lock, and seq order is commit order within
    // a fund. delta > 0: f updates (and so locks) the row here; delta <= 0: lockAvailable locked it already
    // and f only reads it (a delta of 0 leaves the row as it is).
    const ctes = [
      delta !== 0
        ? `f AS (UPDATE fund_balances SET available = available + $13::bigint, updated_at = now()
                 WHERE fund_id = $1 RETURNING available)`
        : `f AS (SELECT available FROM fund_balances WHERE fund_id = $1 AND $13::bigint = 0)`,
      `p AS (
         INSERT INTO ledger_postings (fund_id, kind, source_type, source_id, description, effective_at, created_by)
         SELECT $1, $2, $3, $4, $5, $6, $7 FROM f RETURNING id)`,
      `e AS (
         INSERT INTO ledger_entries (posting_id, fund_id, account, amount, effective_at)
         SELECT p.id, $1, l.account, l.amount, $6
         FROM p, unnest($8::text[], $9::bigint[]) WITH ORDINALITY AS l(account, amount, n) ORDER BY l.n)`,
      `b AS (
         UPDATE ledger_balances b SET balance = b.balance + m.delta
         FROM unnest($10::text[], $11::bigint[]) AS m(account, delta)
         WHERE b.fund_id = $1 AND b.account = m.account AND EXISTS (SELECT FROM p))`,
      `o AS (
         INSERT INTO outbox (name, payload)
         SELECT $12, jsonb_build_object('fundId', $1::uuid, 'postingId', p.id) FROM p)`,
    ];
    const counted: string[] = [];
    alsoWrite.forEach((write, i) => {
      const part = write(params.length + 1);
      params.push(...part.params);
      ctes.push(`w${i} AS (${part.sql})`);
      if (part.counted) counted.push(`(SELECT count(*) FROM w${i})::int AS w${i}`);
    });
    let row: Record<string, unknown> & { id: string; available: string | null };
    try {
      [row] = await em.query(
        `WITH ${ctes.join(',\n')}
         SELECT p.id, (SELECT available FROM f)::text AS available${counted.map((c) => `, ${c}`).join('')}
         FROM p`,
        params,
      );
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'ledger_postings_source_key')) {
        throw new AlreadyPosted(request.sourceType, request.sourceId);
      }
      if (isPgError(error, PG.CHECK_VIOLATION, 'ledger_postings_period_open')) {
        throw new PeriodClosed(pgError(error)?.detail ?? 'an earlier day');
      }
      throw error;
    }
    if (!row || row.available === null) throw new Error(`fund ${request.fundId} has no balance row`);
    return {
      postingId: row.id,
      available: delta > 0 ? minor(row.available, 'available') : available! + delta,
      counts: alsoWrite.flatMap((_, i) => (`w${i}` in row ? [Number(row[`w${i}`])] : [])),
    };
  }

  /** Creates the account rows and the available row of a new fund. */
  async openFund(em: EntityManager, fundId: string): Promise<void> {
    await em.query(`INSERT INTO ledger_balances (fund_id, account) SELECT $1, unnest($2::text[])`, [
      fundId,
      [...ACCOUNTS],
    ]);
    await em.query(`INSERT INTO fund_balances (fund_id) VALUES ($1)`, [fundId]);
  }
}
