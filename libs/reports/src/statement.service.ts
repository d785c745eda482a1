import { Injectable } from '@nestjs/common';
import { Actor, Clock, ReadDatabase } from '@app/core';
import { BalanceService, FundBalance, FundsService } from '@app/funds';
import { FundStatement, movementsFrom, StatementFigures } from './domain/statement';
import { Period } from './domain/period';
import { StatementRepository } from './repositories/statement.repository';

function figures(b: FundBalance): StatementFigures {
  return {
    received: b.received,
    pledged: b.pledged,
    committed: b.committed,
    disbursed: b.disbursed,
    outstanding: b.outstanding,
    returned: b.returned,
    psc: b.psc,
    costs: b.costs,
    available: b.available,
  };
}

const ZERO: StatementFigures = {
  received: 0,
  pledged: 0,
  committed: 0,
  disbursed: 0,
  outstanding: 0,
  returned: 0,
  psc: 0,
  costs: 0,
  available: 0,
};

/**
 * The fund's balance statement for a period, from the ledger: the balance just before the period opens
 * and at its end (BalanceService, the same figures as `/balance?asOf=`), and what moved it, by posting
 * kind. Grants' commitments, disbursements, returns and cancellations show as soon as they are posted.
 * The figures are read on the read database (ADR 0015) and say the moment they are as of (`dataAsOf`).
 */
@Injectable()
export class StatementService {
  constructor(
    private readonly reads: ReadDatabase,
    private readonly repo: StatementRepository,
    private readonly funds: FundsService,
    private readonly balances: BalanceService,
    private readonly clock: Clock,
  ) {}

  async statement(fundId: string, period: Period, actor: Actor): Promise<FundStatement> {
    const fund = await this.funds.get(fundId, actor);
    const now = this.clock.now();
    const { from, to } = period;
    // One snapshot of the read database (a replica when configured), one statement after another.
    const {
      value: [opening, closing, sums],
      dataAsOf,
    } = await this.reads.read(
      async (em) =>
        [
          from ? await this.balances.asOfIn(em, fundId, new Date(from.getTime() - 1)) : null,
          to.getTime() >= now.getTime()
            ? await this.balances.nowIn(em, fundId, now)
            : await this.balances.asOfIn(em, fundId, to),
          await this.repo.movements(em, fundId, period),
        ] as const,
    );
    const open = opening ? figures(opening) : ZERO;
    const close = figures(closing);
    return {
      fundId,
      fundCode: fund.code,
      fundName: fund.name,
      currency: fund.currency,
      from: from ? from.toISOString() : null,
      to: to.toISOString(),
      opening: open,
      movements: movementsFrom(sums, open, close),
      closing: close,
      target: closing.target,
      progress: closing.progress,
      dataAsOf,
    };
  }
}
