/**
 * The fund's chart of accounts (docs/adr/0003-ledger-accounts.md). Entries carry signed amounts: debit
 * positive, credit negative; a posting's entries sum to zero.
 *
 * Balance sheet: cash (D) = commitments (C, grants payable) + psc_reserved (C) + psc_charged (C, due to the
 * UN) + the fund balance. The fund balance is split over equity accounts that record where it came from and
 * went: contributions (C, received), returns (C, unspent money returned), grants (D, committed grant
 * amounts), psc (D, programme support cost reserved or charged), costs (D, fund-level costs).
 *
 * available = -(contributions + returns + grants + psc + costs)   (sum of signed balances)
 *           = received + returned - committed - psc - costs
 */
export const ACCOUNTS = [
  'cash',
  'contributions',
  'returns',
  'costs',
  'grants',
  'psc',
  'commitments',
  'psc_reserved',
  'psc_charged',
] as const;
export type Account = (typeof ACCOUNTS)[number];

/** The accounts whose balances make up the available fund balance. */
export const EQUITY_ACCOUNTS: readonly Account[] = ['contributions', 'returns', 'grants', 'psc', 'costs'];

export interface EntryLine {
  account: Account;
  amount: number; // signed minor units: debit > 0, credit < 0
}

export type PostingKind =
  | 'contribution'
  | 'contribution_reversal'
  | 'cost'
  | 'grant_commitment'
  | 'disbursement'
  | 'grant_return'
  | 'grant_cancellation';

export interface PostingRequest {
  fundId: string;
  kind: PostingKind;
  /** What caused the posting; (type, id) is unique, so one source never posts twice. */
  sourceType: string;
  sourceId: string;
  description: string;
  effectiveAt: Date;
  lines: EntryLine[];
}

export class UnbalancedPosting extends Error {}

/** The change a posting makes to the available balance: minus the sum of its equity lines. */
export function availableDelta(lines: readonly EntryLine[]): number {
  return -lines.filter((l) => EQUITY_ACCOUNTS.includes(l.account)).reduce((s, l) => s + l.amount, 0);
}

/** Checks a posting before it reaches the database (which checks again at commit). */
export function assertBalanced(lines: readonly EntryLine[]): void {
  if (lines.length < 2) throw new UnbalancedPosting('a posting needs at least two entries');
  for (const l of lines) {
    if (!Number.isSafeInteger(l.amount) || l.amount === 0) {
      throw new UnbalancedPosting(`entry amount ${l.amount} must be a non-zero safe integer`);
    }
  }
  const sum = lines.reduce((s, l) => s + BigInt(l.amount), 0n);
  if (sum !== 0n) throw new UnbalancedPosting(`entries sum to ${sum}, not zero`);
}

const dr = (account: Account, amount: number): EntryLine => ({ account, amount });
const cr = (account: Account, amount: number): EntryLine => ({ account, amount: -amount });

/** The postings of the money rules in docs/domain.md, as pure functions of their amounts. */
export const Postings = {
  contribution: (usd: number) => [dr('cash', usd), cr('contributions', usd)],
  contributionReversal: (usd: number) => [dr('contributions', usd), cr('cash', usd)],
  cost: (amount: number) => [dr('costs', amount), cr('cash', amount)],
  /** Approving a grant commits its amount and reserves its PSC. */
  grantCommitment: (amount: number, psc: number) => [
    dr('grants', amount),
    cr('commitments', amount),
    ...(psc > 0 ? [dr('psc', psc), cr('psc_reserved', psc)] : []),
  ],
  /** Paying a tranche settles its part of the commitment; its PSC goes from reserved to charged. */
  disbursement: (amount: number, psc: number) => [
    dr('commitments', amount),
    cr('cash', amount),
    ...(psc > 0 ? [dr('psc_reserved', psc), cr('psc_charged', psc)] : []),
  ],
  /** Unspent money comes back, and the PSC charged on it is released to the fund. */
  grantReturn: (amount: number, psc: number) => [
    dr('cash', amount),
    cr('returns', amount),
    ...(psc > 0 ? [dr('psc_charged', psc), cr('psc', psc)] : []),
  ],
  /** Cancelling undisbursed tranches releases their commitment and PSC reserve. */
  grantCancellation: (amount: number, psc: number) => [
    dr('commitments', amount),
    cr('grants', amount),
    ...(psc > 0 ? [dr('psc_reserved', psc), cr('psc', psc)] : []),
  ],
};
