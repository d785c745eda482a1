import { EntityManager } from 'typeorm';
import { minor } from '@app/core';
import { Account } from '../domain/accounts';

/** What the balance figures need of the fund itself. */
export interface FundTarget {
  currency: string;
  newCallTarget: number;
}

interface FundTargetRow {
  currency: string;
  new_call_target: string;
}

interface AccountBalanceRow {
  account: Account;
  balance: string;
}

const toFundTarget = (r: FundTargetRow): FundTarget => ({
  currency: r.currency,
  newCallTarget: minor(r.new_call_target, 'target'),
});

const toAccountBalances = (rows: AccountBalanceRow[]): Partial<Record<Account, number>> =>
  Object.fromEntries(rows.map((r) => [r.account, minor(r.balance, r.account)]));

/**
 * SQL of the balance reads (funds context). Now: the account balance rows (nine rows, whatever the
 * ledger's size); a past date: the monthly sums of the months before it (ledger_month_sums, kept by
 * trigger) and the entries of its own month up to it, through the (fund_id, effective_at) index.
 */
export class BalanceRepository {
  async fundTarget(em: EntityManager, fundId: string): Promise<FundTarget | undefined> {
    const [row]: FundTargetRow[] = await em.query(
      `SELECT currency, new_call_target FROM funds WHERE id = $1`,
      [fundId],
    );
    return row && toFundTarget(row);
  }

  async accountBalances(em: EntityManager, fundId: string): Promise<Partial<Record<Account, number>>> {
    const rows: AccountBalanceRow[] = await em.query(
      `SELECT account, balance FROM ledger_balances WHERE fund_id = $1`,
      [fundId],
    );
    return toAccountBalances(rows);
  }

  /** The account balances at `at`: whole months before it from their sums, then that month's entries. */
  async accountBalancesAt(
    em: EntityManager,
    fundId: string,
    at: Date,
  ): Promise<Partial<Record<Account, number>>> {
    const monthStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
    const rows: AccountBalanceRow[] = await em.query(
      `SELECT account, sum(amount)::bigint AS balance FROM (
         SELECT account, amount FROM ledger_month_sums WHERE fund_id = $1 AND month < $4::date
         UNION ALL
         SELECT account, amount FROM ledger_entries WHERE fund_id = $1 AND effective_at >= $3::timestamptz AND effective_at <= $2
       ) s GROUP BY account`,
      [fundId, at, monthStart, monthStart.toISOString().slice(0, 10)],
    );
    return toAccountBalances(rows);
  }

  /**
   * Pledges not yet received, in the fund's currency: each pledge's amount less what contributions that
   * settle it have brought (never below zero). As of a date: pledges made and contributions received by then.
   * (It reads the donors context's pledges and contributions: the donors lib depends on funds, so it cannot
   * be called from here without a cycle; this one read stays until donors exposes it through funds.)
   */
  async pledged(em: EntityManager, fundId: string, at: Date | null): Promise<number> {
    const [row]: { pledged: string | null }[] = await em.query(
      `SELECT sum(greatest(p.usd_amount - coalesce(s.settled, 0), 0))::bigint AS pledged
       FROM pledges p
       LEFT JOIN LATERAL (
         SELECT sum(c.usd_amount) AS settled FROM contributions c
         WHERE c.pledge_id = p.id AND ($2::timestamptz IS NULL OR c.received_at <= $2)
           AND (c.status = 'received' OR ($2::timestamptz IS NOT NULL AND c.reversed_at > $2))
       ) s ON true
       WHERE p.fund_id = $1 AND ($2::timestamptz IS NULL OR p.created_at <= $2)`,
      [fundId, at],
    );
    return minor(row?.pledged, 'pledged');
  }
}
