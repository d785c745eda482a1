import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, isPgError, PG, pgError } from '@app/core';
import { Account, ACCOUNTS, assertBalanced, availableDelta, PostingRequest } from './domain/accounts';
import { AlreadyPosted, InsufficientFunds, PeriodClosed } from './funds.errors';
import { AlsoWrite, LedgerRepository, PostingRow } from './repositories/ledger.repository';

export interface PostedEntry {
  postingId: string;
  available: number;
  /** For each `alsoWrite` part marked `counted`, in order: the number of rows its RETURNING gave. */
  counts: number[];
}

export type { AlsoWrite } from './repositories/ledger.repository';

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
  constructor(private readonly ledger: LedgerRepository) {}

  /** Locks the fund's available row and returns the available balance (minor units). */
  async lockAvailable(em: EntityManager, fundId: string): Promise<number> {
    const available = await this.ledger.lockAvailable(em, fundId);
    if (available === undefined) throw new Error(`fund ${fundId} has no balance row`);
    return available;
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
    let row: PostingRow | undefined;
    try {
      row = await this.ledger.insertPosting(em, {
        request,
        createdBy: actor.userId,
        moves: moves.map((account) => ({ account, amount: byAccount.get(account)! })),
        delta,
        alsoWrite,
      });
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
      available: delta > 0 ? row.available : available! + delta,
      counts: row.counts,
    };
  }

  /** Creates the account rows and the available row of a new fund. */
  async openFund(em: EntityManager, fundId: string): Promise<void> {
    await this.ledger.openFund(em, fundId);
  }
}
