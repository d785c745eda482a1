import { Injectable } from '@nestjs/common';
import { Clock, ReadDatabase, SYSTEM_ACTOR } from '@app/core';
import { BalanceService, FundsService } from '@app/funds';
import { GrantsReportService } from '../grants-report.service';
import type { PublicSummaryView } from './public-summary.view';

/**
 * The public summary of the home page. Money comes from the funds' balances (the ledger's figures, the
 * same as `GET /api/funds/:id/balance`), summed over the funds when none is named (every fund keeps USD);
 * victims assisted is the public impact report's total, so it is rounded and small counts hidden alike.
 * Both are read on the read database (ADR 0015).
 */
@Injectable()
export class PublicSummaryService {
  constructor(
    private readonly funds: FundsService,
    private readonly balances: BalanceService,
    private readonly grantsReports: GrantsReportService,
    private readonly clock: Clock,
    private readonly reads: ReadDatabase,
  ) {}

  async summary(fundId: string | undefined): Promise<PublicSummaryView> {
    const now = this.clock.now();
    const ids = fundId
      ? [(await this.funds.get(fundId, SYSTEM_ACTOR)).id]
      : (await this.funds.list(SYSTEM_ACTOR)).map((f) => f.id);
    const { value: totals, dataAsOf } = await this.reads.read(async (em) => {
      const sums = { received: 0, committed: 0, disbursed: 0 };
      for (const id of ids) {
        const b = await this.balances.nowIn(em, id, now);
        sums.received += b.received;
        sums.committed += b.committed;
        sums.disbursed += b.disbursed;
      }
      return sums;
    });
    for (const [name, value] of Object.entries(totals))
      if (!Number.isSafeInteger(value)) throw new RangeError(`the summary's ${name} is beyond 2^53`);
    const impact = await this.grantsReports.publicImpact(fundId, []);
    return {
      fundId: fundId ?? null,
      currency: 'USD',
      ...totals,
      victimsAssisted: impact.total,
      asOf: now.toISOString(),
      // two snapshots (balances, then impact): the figures are as of the earlier
      dataAsOf: dataAsOf < impact.dataAsOf ? dataAsOf : impact.dataAsOf,
    };
  }
}
