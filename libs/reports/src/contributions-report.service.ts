import { Injectable } from '@nestjs/common';
import { Actor, ReadDatabase } from '@app/core';
import { FundsService } from '@app/funds';
import { ContributionGroup, ContributionGroupRow, ContributionsReport } from './domain/contributions';
import { Period } from './domain/period';
import { ContributionsReportRepository } from './repositories/contributions-report.repository';

/**
 * Contributions by donor, donor type and year, in the fund's currency (`usd_amount`).
 *
 * Reversals are netted the way the ledger nets them: a contribution received within the period counts
 * unless it was reversed by the period's end (`status = 'received'` or `reversed_at > to`). So a report
 * from the beginning to a date totals exactly the balance's `received` as of that date, and a group holds
 * only contributions that stand; one whose contributions were all reversed is not listed. Read on the
 * read database (ADR 0015), as of `dataAsOf`.
 */
@Injectable()
export class ContributionsReportService {
  constructor(
    private readonly reads: ReadDatabase,
    private readonly repo: ContributionsReportRepository,
    private readonly funds: FundsService,
  ) {}

  async report(
    fundId: string,
    groupBy: readonly ContributionGroup[],
    period: Period,
    actor: Actor,
  ): Promise<ContributionsReport> {
    const fund = await this.funds.get(fundId, actor);
    const {
      value: { rows, total },
      dataAsOf,
    } = await this.reads.read((em) => this.repo.sums(em, fundId, groupBy, period));
    // shares divide exact integers
    const items: ContributionGroupRow[] = rows.map((r) => ({
      ...r,
      share: total > 0 ? r.amount / total : 0,
    }));
    return {
      fundId,
      currency: fund.currency,
      from: period.from ? period.from.toISOString() : null,
      to: period.to.toISOString(),
      groupBy: [...groupBy],
      items,
      total,
      count: items.reduce((t, r) => t + r.count, 0),
      dataAsOf,
    };
  }
}
