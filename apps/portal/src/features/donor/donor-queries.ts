/** The generated operations the donor's pages use (see lib/queries.ts for the portal-wide ones). */
export {
  getImpactReportOptions as impactReportQuery,
  listContributionsInfiniteOptions as contributionsPagesQuery,
  listPledgesInfiniteOptions as pledgesPagesQuery,
} from '../../api/@tanstack/react-query.gen';
export type { ContributionView, PledgeView } from '../../api/types.gen';

/** The API's paths of the donor's files (fetched by DownloadButton with the reader's token). */
export const receiptUrl = (contributionId: string) => `/api/contributions/${contributionId}/receipt`;
export const yearReceiptsUrl = (donorId: string, year: number) =>
  `/api/donors/${donorId}/receipts?year=${year}`;
export const statementUrl = (donorId: string, year: number) =>
  `/api/donors/${donorId}/statement?year=${year}`;

/** The calendar years (UTC) of these contributions, newest first. */
export function yearsOf(items: readonly { receivedAt: string }[]): number[] {
  return [...new Set(items.map((c) => new Date(c.receivedAt).getUTCFullYear()))].sort((a, b) => b - a);
}
