import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundError } from '@app/core';
import { Account } from './domain/accounts';
import { BalanceFigures, figuresFrom } from './domain/balance';
import { BalanceRepository, FundTarget } from './repositories/balance.repository';

export interface FundBalance extends BalanceFigures {
  fundId: string;
  currency: string;
  asOf: string;
}

/**
 * A fund's balance figures now or as of a past date. `now`/`asOf` read on a connection of their own (for
 * controllers and reports); `nowIn`/`asOfIn` read inside the caller's transaction, `em` first.
 */
@Injectable()
export class BalanceService {
  /** Stateless SQL; built here rather than injected, as the balance bench builds this service by hand. */
  private readonly balances = new BalanceRepository();

  constructor(private readonly dataSource: DataSource) {}

  now(fundId: string, at: Date): Promise<FundBalance> {
    return this.nowIn(this.dataSource.manager, fundId, at);
  }

  asOf(fundId: string, at: Date): Promise<FundBalance> {
    return this.asOfIn(this.dataSource.manager, fundId, at);
  }

  async nowIn(em: EntityManager, fundId: string, at: Date): Promise<FundBalance> {
    // One after another: `em` may be a transaction's single connection.
    const fund = await this.balances.fundTarget(em, fundId);
    const accounts = await this.balances.accountBalances(em, fundId);
    const pledged = await this.balances.pledged(em, fundId, null);
    return view(fundId, fund, accounts, pledged, at);
  }

  async asOfIn(em: EntityManager, fundId: string, at: Date): Promise<FundBalance> {
    // One after another: `em` may be a transaction's single connection.
    const fund = await this.balances.fundTarget(em, fundId);
    const accounts = await this.balances.accountBalancesAt(em, fundId, at);
    const pledged = await this.balances.pledged(em, fundId, at);
    return view(fundId, fund, accounts, pledged, at);
  }
}

function view(
  fundId: string,
  fund: FundTarget | undefined,
  accounts: Partial<Record<Account, number>>,
  pledged: number,
  at: Date,
): FundBalance {
  if (!fund) throw new NotFoundError('fund', fundId);
  return {
    fundId,
    currency: fund.currency,
    ...figuresFrom(accounts, pledged, fund.newCallTarget),
    asOf: at.toISOString(),
  };
}
