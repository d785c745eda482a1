import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, Clock, NotFoundError } from '@app/core';
import { utcDay } from './domain/dates';
import { ClosedPeriodView } from './dto/periods.dto';
import { PeriodCannotReopen, PeriodNotEnded } from './funds.errors';
import { FundsService } from './funds.service';
import { ClosedPeriod, LedgerRepository } from './repositories/ledger.repository';

const toView = (p: ClosedPeriod): ClosedPeriodView => ({
  fundId: p.fundId,
  closedThrough: p.closedThrough,
  closedAt: p.closedAt ? p.closedAt.toISOString() : null,
});

/**
 * A fund's closed period. Closing takes the fund's available row lock, the lock every posting takes before
 * its posting row exists, so no posting dated inside the period can commit after the close (the
 * `ledger_postings_period_open` trigger refuses it).
 */
@Injectable()
export class PeriodsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly funds: FundsService,
    private readonly rows: LedgerRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** Closes the fund's books through `through` (YYYY-MM-DD); the same day again changes nothing. */
  async close(fundId: string, through: string, actor: Actor): Promise<ClosedPeriodView> {
    await this.funds.get(fundId, actor);
    return this.dataSource.transaction((em) => this.closeIn(em, fundId, through, actor));
  }

  async closeIn(em: EntityManager, fundId: string, through: string, actor: Actor): Promise<ClosedPeriodView> {
    const now = this.clock.now();
    const today = utcDay(now);
    if (through >= today) throw new PeriodNotEnded(through, today);
    const current = await this.rows.lockClosedPeriod(em, fundId);
    if (!current) throw new NotFoundError('fund', fundId);
    if (current.closedThrough === through) return toView(current);
    if (current.closedThrough && through < current.closedThrough) {
      throw new PeriodCannotReopen(current.closedThrough, through);
    }
    const closed = await this.rows.setClosedThrough(em, fundId, through, now);
    await this.audit.record(em, actor, {
      action: 'fund.period-closed',
      entity: 'fund',
      entityId: fundId,
      summary: { through, previous: current.closedThrough },
    });
    return toView(closed);
  }
}
