import { Module } from '@nestjs/common';
import { BalanceService } from './balance.service';
import { FundsProcessor } from './jobs/funds.processor';
import { SnapshotsService } from './snapshots.service';

/** The funds context's job handlers; only the worker imports this module. */
@Module({
  providers: [BalanceService, SnapshotsService, FundsProcessor],
})
export class FundsJobsModule {}
