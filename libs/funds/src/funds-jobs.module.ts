import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { BalanceService } from './balance.service';
import { ForecastTrackingService } from './forecast/forecast-tracking.service';
import { ForecastService } from './forecast/forecast.service';
import { BalanceTrackingService } from './jobs/balance-tracking.service';
import { FundsProcessor } from './jobs/funds.processor';
import { LedgerRepository } from './repositories/ledger.repository';

/** The funds context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [
    BalanceService,
    BalanceTrackingService,
    ForecastService,
    ForecastTrackingService,
    FundsProcessor,
    LedgerRepository,
  ],
  exports: [BalanceTrackingService, ForecastTrackingService],
})
export class FundsJobsModule {}
