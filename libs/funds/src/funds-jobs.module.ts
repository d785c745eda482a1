import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { BalanceService } from './balance.service';
import { BalanceTrackingService } from './jobs/balance-tracking.service';
import { FundsProcessor } from './jobs/funds.processor';

/** The funds context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [BalanceService, BalanceTrackingService, FundsProcessor],
  exports: [BalanceTrackingService],
})
export class FundsJobsModule {}
