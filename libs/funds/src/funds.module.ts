import { Module } from '@nestjs/common';
import { BalanceHistoryController } from './balance-history.controller';
import { BalanceService } from './balance.service';
import { ExchangeRatesRepository } from './exchange-rates.repository';
import { ExchangeRatesService } from './exchange-rates.service';
import { ExchangeRatesController, FundsController } from './funds.controller';
import { ForecastController } from './forecast/forecast.controller';
import { ForecastService } from './forecast/forecast.service';
import { FundsService } from './funds.service';
import { FundLogoController } from './logo/fund-logo.controller';
import { FundLogoRepository } from './logo/fund-logo.repository';
import { FundLogoService } from './logo/fund-logo.service';
import { LedgerService } from './ledger.service';
import { PeriodsService } from './periods.service';
import { FundsRepository } from './repositories/funds.repository';
import { LedgerRepository } from './repositories/ledger.repository';
import { SnapshotsRepository } from './repositories/snapshots.repository';
import { SnapshotsService } from './snapshots.service';

const services = [
  FundsService,
  LedgerService,
  LedgerRepository,
  PeriodsService,
  BalanceService,
  ExchangeRatesService,
  SnapshotsService,
  ForecastService,
  FundLogoService,
];

@Module({
  controllers: [
    FundsController,
    BalanceHistoryController,
    ExchangeRatesController,
    ForecastController,
    FundLogoController,
  ],
  providers: [...services, ExchangeRatesRepository, FundsRepository, SnapshotsRepository, FundLogoRepository],
  exports: services,
})
export class FundsModule {}
