import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Account } from './domain/accounts';
import { BalanceFigures, figuresFrom } from './domain/balance';
import { minor } from '@app/core';

export interface FundBalance extends BalanceFigures {
  fundId: string;
  currency: string;
  asOf: string;
}

interface FundRow {
  currency: string;
  new_call_target: string;
}

/**
 * The balance now reads the account balance rows (nine rows, whatever the ledger's size); a past date
 * adds the monthly sums of the months before it (ledger_month_sums, kept by trigger) and the entries of
 * its own month up to it, through the (fund_id, effective_at) index that carries account and amount.
 */
@Injectable()
export class BalanceService {
  constructor(private readonly dataSource: DataSource) {}

  async now(fundId: string, at: Date, em: EntityManager = this.dataSource.manager): Promise<FundBalance> {
    // One after another: `em` may be a transaction's single connection.
    const fund = await this.fund(em, fundId);
    const rows: { account: Account; balance: string }[] = await em.query(
      `SELECT account, balance FROM ledger_balances WHERE fund_id = $1`,
      [fundId],
    );
    const pledged = await this.pledged(em, fundId, null);
    return this.view(fundId, fund, rows, pledged, at);
  }

  async asOf(fundId: string, at: Date, em: EntityManager = this.dataSource.manager): Promise<FundBalance> {
    const monthStart = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), 1));
    // One after another: `em` may be a transaction's single connection.
    const fund = await this.fund(em, fundId);
    // The whole months before `at` from their sums (ledger_month_sums), then that month's entries.
    const rows: { account: Account; balance: string }[] = await em.query(
      `SELECT account, sum(amount)::bigint AS balance FROM (
         SELECT account, amount FROM ledger_month_sums WHERE fund_id = $1 AND month < $4::date
         UNION ALL
         SELECT account, amount FROM ledger_entries WHERE fund_id = $1 AND effective_at >= $3::timestamptz AND effective_at <= $2
       ) s GROUP BY account`,
      [fundId, at, monthStart, monthStart.toISOString().slice(0, 10)],
    );
    const pledged = await this.pledged(em, fundId, at);
    return this.view(fundId, fund, rows, pledged, at);
  }

  private view(
    fundId: string,
    fund: FundRow,
    rows: { account: Account; balance: string }[],
    pledged: number,
    at: Date,
  ): FundBalance {
    const balances = Object.fromEntries(rows.map((r) => [r.account, minor(r.balance, r.account)])) as Record<
      Account,
      number
    >;
    return {
      fundId,
      currency: fund.currency,
      ...figuresFrom(balances, pledged, minor(fund.new_call_target, 'target')),
      asOf: at.toISOString(),
    };
  }

  private async fund(em: EntityManager, fundId: string): Promise<FundRow> {
    const rows: FundRow[] = await em.query(`SELECT currency, new_call_target FROM funds WHERE id = $1`, [
      fundId,
    ]);
    return rows[0];
  }

  /**
   * Pledges not yet received, in the fund's currency: each pledge's amount less what contributions that
   * settle it have brought (never below zero). As of a date: pledges made and contributions received by then.
   */
  private async pledged(em: EntityManager, fundId: string, at: Date | null): Promise<number> {
    const rows: { pledged: string | null }[] = await em.query(
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
    return minor(rows[0]?.pledged, 'pledged');
  }
}
