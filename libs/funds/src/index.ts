export { FundsModule } from './funds.module';
export { FundsJobsModule } from './funds-jobs.module';
export { FundsService } from './funds.service';
export { FundLogoService } from './logo/fund-logo.service';
export { toFundView } from './repositories/funds.repository';
export { LedgerService } from './ledger.service';
export { LedgerRepository } from './repositories/ledger.repository';
export type { BalanceStateCheck, ClosedPeriod } from './repositories/ledger.repository';
export type { AlsoWrite, PostedEntry } from './ledger.service';
export { BalanceService } from './balance.service';
export type { FundBalance } from './balance.service';
export { ExchangeRatesService, normalizeRate } from './exchange-rates.service';
export { SnapshotsService, SNAPSHOT_FIELDS } from './snapshots.service';
export type { AlertView, LatestFigures, SnapshotView } from './snapshots.service';
export { BalanceTrackingService } from './jobs/balance-tracking.service';
export { Postings, ACCOUNTS, EQUITY_ACCOUNTS, availableDelta, assertBalanced } from './domain/accounts';
export type { Account, EntryLine, PostingKind, PostingRequest } from './domain/accounts';
export { figuresFrom } from './domain/balance';
export type { BalanceFigures } from './domain/balance';
export { effectiveDate, notBefore, parseAsOf, utcDay } from './domain/dates';
export {
  InsufficientFunds,
  AlreadyPosted,
  InFuture,
  RateMissing,
  RateStale,
  PeriodClosed,
  EffectiveDateTooEarly,
} from './funds.errors';
export type { FundView } from './dto/funds.dto';
export { BalanceFiguresView } from './dto/funds.dto';
export { ForecastService } from './forecast/forecast.service';
export { ForecastTrackingService } from './forecast/forecast-tracking.service';
export type { ForecastRefresh } from './forecast/forecast-tracking.service';
export { forecast } from './forecast/domain/forecast';
export type { ForecastAnswer, ForecastInputs } from './forecast/domain/forecast';
export type { ForecastView } from './forecast/forecast.views';
