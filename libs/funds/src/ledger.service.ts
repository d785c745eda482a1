import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, isPgError, JOB, OutboxService, PG } from '@app/core';
import { Account, ACCOUNTS, assertBalanced, availableDelta, PostingRequest } from './domain/accounts';
import { AlreadyPosted, InsufficientFunds } from './funds.errors';

export interface PostedEntry {
  postingId: string;
  available: number;
}

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
  constructor(private readonly outbox: OutboxService) {}

  /** Locks the fund's available row and returns the available balance (minor units). */
  async lockAvailable(em: EntityManager, fundId: string): Promise<number> {
    const rows: { available: string }[] = await em.query(
      `SELECT available FROM fund_balances WHERE fund_id = $1 FOR UPDATE`,
      [fundId],
    );
    if (!rows.length) throw new Error(`fund ${fundId} has no balance row`);
    return Number(rows[0].available);
  }

  async post(
    em: EntityManager,
    request: PostingRequest,
    actor: Actor,
    currency = 'USD',
  ): Promise<PostedEntry> {
    assertBalanced(request.lines);
    const available = await this.lockAvailable(em, request.fundId);
    const delta = availableDelta(request.lines);
    if (available + delta < 0) throw new InsufficientFunds(available, -delta, currency);

    let postingId: string;
    try {
      const rows: { id: string }[] = await em.query(
        `INSERT INTO ledger_postings (fund_id, kind, source_type, source_id, description, effective_at, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
        [
          request.fundId,
          request.kind,
          request.sourceType,
          request.sourceId,
          request.description,
          request.effectiveAt,
          actor.userId,
        ],
      );
      postingId = rows[0].id;
    } catch (error) {
      if (isPgError(error, PG.UNIQUE_VIOLATION, 'ledger_postings_source_key')) {
        throw new AlreadyPosted(request.sourceType, request.sourceId);
      }
      throw error;
    }

    // Merge lines per account, then write entries and move the account balances in a fixed order.
    const byAccount = new Map<Account, number>();
    for (const line of request.lines)
      byAccount.set(line.account, (byAccount.get(line.account) ?? 0) + line.amount);
    const accounts = ACCOUNTS.filter((a) => byAccount.has(a));
    const params: unknown[] = [postingId, request.fundId, request.effectiveAt];
    const values = request.lines.map((line) => {
      params.push(line.account, line.amount);
      return `($1, $2, $${params.length - 1}, $${params.length}, $3)`;
    });
    await em.query(
      `INSERT INTO ledger_entries (posting_id, fund_id, account, amount, effective_at) VALUES ${values.join(', ')}`,
      params,
    );
    const moves = accounts.filter((a) => byAccount.get(a) !== 0);
    if (moves.length) {
      await em.query(
        `UPDATE ledger_balances b SET balance = b.balance + m.delta
         FROM unnest($2::text[], $3::bigint[]) AS m(account, delta)
         WHERE b.fund_id = $1 AND b.account = m.account`,
        [request.fundId, moves, moves.map((a) => byAccount.get(a))],
      );
    }
    const after = available + delta;
    if (delta !== 0) {
      await em.query(`UPDATE fund_balances SET available = $2, updated_at = now() WHERE fund_id = $1`, [
        request.fundId,
        after,
      ]);
    }
    await this.outbox.add(em, JOB.BALANCE_CHANGED, { fundId: request.fundId, postingId });
    return { postingId, available: after };
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
