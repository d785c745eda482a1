/**
 * Whether the grantee may file a report on a grant today, and if not, why. A closed or cancelled grant takes
 * no report; in the `full` post-award workflow (ADR 0012) reports follow the accepted offer and the
 * agreement signed by both sides (the first countersignature: `signed_at`), since money only flows from
 * then. A later amended version awaiting new signatures does not stop reporting. The `simple` workflow
 * keeps the contract (docs/api.md): an active grant takes reports.
 */
export type ReportingBlock =
  'grant_closed' | 'grant_cancelled' | 'offer_not_accepted' | 'agreement_not_signed';

export const REPORTING_BLOCKS: readonly ReportingBlock[] = [
  'grant_closed',
  'grant_cancelled',
  'offer_not_accepted',
  'agreement_not_signed',
];

export function reportingBlock(g: {
  status: 'active' | 'closed' | 'cancelled';
  workflow: 'simple' | 'full';
  offerState: string | null;
  signedAt: Date | null;
}): ReportingBlock | null {
  if (g.status === 'closed') return 'grant_closed';
  if (g.status === 'cancelled') return 'grant_cancelled';
  if (g.workflow !== 'full') return null;
  if (g.offerState !== 'accepted') return 'offer_not_accepted';
  if (!g.signedAt) return 'agreement_not_signed';
  return null;
}
