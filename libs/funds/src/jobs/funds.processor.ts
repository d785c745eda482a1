import { Processor } from '@nestjs/bullmq';
import { Job, Queue, UnrecoverableError } from 'bullmq';
import { InjectQueue } from '@nestjs/bullmq';
import { JOB, JobHandlers, JobOf, JobPayload, JobsHost, WORKER_OPTIONS } from '@app/core';
import { ForecastTrackingService } from '../forecast/forecast-tracking.service';
import { BalanceTrackingService, SnapshotReason } from './balance-tracking.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidField(job: Job, field: string): string {
  const value = (job.data as Record<string, unknown>)[field];
  if (typeof value !== 'string' || !UUID.test(value))
    throw new UnrecoverableError(`${job.name}: ${field} missing or not a uuid`);
  return value;
}

@Processor('funds', WORKER_OPTIONS)
export class FundsProcessor extends JobsHost {
  constructor(
    private readonly tracking: BalanceTrackingService,
    private readonly forecasts: ForecastTrackingService,
    @InjectQueue('funds') private readonly queue: Queue,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.BALANCE_CHANGED]: (job) => this.balanceChanged(job),
    [JOB.RECALCULATE_BALANCE]: (job) => this.recalculate(job),
    [JOB.DAILY_SNAPSHOTS]: (job) => this.dailySnapshots(job),
    [JOB.RECONCILE]: (job) => this.tracking.reconcile(job.id ?? `run-${job.timestamp}`),
    [JOB.FORECAST]: (job) => this.forecast(job),
  };

  /** A posting committed: recalculate unless a recalculation already covered it (bursts coalesce). */
  private async balanceChanged(job: JobOf<typeof JOB.BALANCE_CHANGED>) {
    const fundId = uuidField(job, 'fundId');
    const postingId = uuidField(job, 'postingId');
    const result = await this.tracking.onPosting(fundId, postingId);
    if (!result) throw new UnrecoverableError(`posting ${postingId} of fund ${fundId} not found`);
    return result;
  }

  private async recalculate(job: JobOf<typeof JOB.RECALCULATE_BALANCE>) {
    const fundId = uuidField(job, 'fundId');
    const reason: string = job.data.reason ?? 'manual';
    if (!['change', 'daily', 'manual'].includes(reason)) throw new UnrecoverableError(`bad reason ${reason}`);
    return this.tracking.recalculate(fundId, reason as SnapshotReason);
  }

  /** Recomputes the fund's forecast (coalesced by fund in the outbox relay); a missing fund never succeeds. */
  private async forecast(job: JobOf<typeof JOB.FORECAST>) {
    const fundId = uuidField(job, 'fundId');
    const result = await this.forecasts.refresh(fundId);
    if (!result) throw new UnrecoverableError(`fund ${fundId} not found`);
    return result;
  }

  /** The daily scheduler's run: one recalculate-balance job per fund, one per fund and day. */
  private async dailySnapshots(job: JobOf<typeof JOB.DAILY_SNAPSHOTS>): Promise<number> {
    const day = new Date(job.timestamp).toISOString().slice(0, 10);
    const funds = await this.tracking.fundIds();
    await this.queue.addBulk(
      funds.map((fundId) => ({
        name: JOB.RECALCULATE_BALANCE,
        data: { fundId, reason: 'daily' } satisfies JobPayload<typeof JOB.RECALCULATE_BALANCE>,
        opts: { jobId: `daily:${fundId}:${day}` },
      })),
    );
    return funds.length;
  }
}
