/**
 * The generated operations the finance pages use, under the portal's names (as lib/queries.ts does for the
 * rest): when the API's operationIds change, this is the file to touch. No hand-written URL but the
 * download paths, which the generated client fills in (lib/download.ts apiUrl).
 */
export {
  addFundCostMutation,
  closePeriodMutation,
  createContributionMutation,
  createDonorMutation,
  createExchangeRateMutation,
  createPledgeMutation,
  getContributionsReportOptions as contributionsReportQuery,
  getFundBalanceOptions as balanceQuery,
  getFundStatementOptions as statementQuery,
  getGrantsReportOptions as grantsReportQuery,
  getImpactReportOptions as impactReportQuery,
  listContributionsInfiniteOptions as contributionsPagesQuery,
  listDonorsOptions as donorsQuery,
  listExchangeRatesInfiniteOptions as ratesPagesQuery,
  listExchangeRatesOptions as ratesQuery,
  listFundCostsInfiniteOptions as costsPagesQuery,
  listFundsOptions as fundsQuery,
  listPledgesInfiniteOptions as pledgesPagesQuery,
  listPledgesOptions as pledgesQuery,
  reverseContributionMutation,
  supersedeExchangeRateMutation,
} from '../../api/@tanstack/react-query.gen';
export type {
  BalanceView,
  ContributionView,
  CostView,
  DonorView,
  ExchangeRateView,
  FundStatementView,
  FundView,
  PledgeView,
} from '../../api/types.gen';

/** The paths of the files the finance pages download (filled in by the generated client). */
export const FILE_PATHS = {
  statement: '/api/funds/{id}/statement',
  receipt: '/api/contributions/{id}/receipt',
  contributionsReport: '/api/reports/contributions',
  grantsReport: '/api/reports/grants',
} as const;

/** A fresh Idempotency-Key: one per intended operation, kept for its retries. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Today as YYYY-MM-DD in UTC (the fund's days). */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
