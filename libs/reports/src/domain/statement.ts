import type { Account, BalanceFigures, PostingKind } from '@app/funds';

/** The balance figures at one end of a statement's period (the fund's currency, minor units). */
export type StatementFigures = Omit<BalanceFigures, 'target' | 'progress'>;

/** What moved the balance within the period, read from the ledger by posting kind and account. */
export interface StatementMovements {
  contributions: number; // contributions received
  reversals: number; // contributions reversed
  commitments: number; // grant amounts committed
  cancellations: number; // commitments released by cancelling tranches
  pscReserved: number; // PSC reserved on new commitments
  pscReleased: number; // PSC released by returns and cancellations
  disbursements: number; // paid to grantees
  returns: number; // unspent money returned
  costs: number; // fund-level costs
  availableChange: number; // closing available - opening available
}

export interface FundStatement {
  fundId: string;
  fundCode: string;
  fundName: string;
  currency: string;
  from: string | null;
  to: string;
  opening: StatementFigures;
  movements: StatementMovements;
  closing: StatementFigures;
  target: number;
  progress: number;
  /** The moment the figures are as of (the read database's snapshot; ADR 0015). */
  dataAsOf: string;
}

export interface KindAccountSum {
  kind: PostingKind | string;
  account: Account;
  amount: number;
}

/** Sums the period's entries into the statement's movement lines. */
export function movementsFrom(
  sums: readonly KindAccountSum[],
  opening: StatementFigures,
  closing: StatementFigures,
): StatementMovements {
  const sum = (kinds: string[], account: Account) =>
    sums.filter((s) => kinds.includes(s.kind) && s.account === account).reduce((t, s) => t + s.amount, 0);
  const pos = (x: number) => (x === 0 ? 0 : x);
  return {
    contributions: pos(-sum(['contribution'], 'contributions')),
    reversals: sum(['contribution_reversal'], 'contributions'),
    commitments: sum(['grant_commitment'], 'grants'),
    cancellations: pos(-sum(['grant_cancellation'], 'grants')),
    pscReserved: sum(['grant_commitment'], 'psc'),
    pscReleased: pos(-sum(['grant_return', 'grant_cancellation'], 'psc')),
    disbursements: sum(['disbursement'], 'commitments'),
    returns: pos(-sum(['grant_return'], 'returns')),
    costs: sum(['cost'], 'costs'),
    availableChange: closing.available - opening.available,
  };
}

export interface StatementLine {
  section: 'opening' | 'movement' | 'closing' | 'target';
  key: string;
  label: string;
  amount: number;
  currency: string;
}

const FIGURE_LABELS: [keyof StatementFigures, string][] = [
  ['received', 'Contributions received, less reversals'],
  ['pledged', 'Pledged, not yet received'],
  ['committed', 'Grants committed, less cancellations'],
  ['disbursed', 'Disbursed to grantees'],
  ['outstanding', 'Outstanding commitments'],
  ['returned', 'Unspent funds returned'],
  ['psc', 'Programme support cost'],
  ['costs', 'Fund-level costs'],
  ['available', 'Available balance'],
];

const MOVEMENT_LABELS: [keyof StatementMovements, string][] = [
  ['contributions', 'Contributions received'],
  ['reversals', 'Contributions reversed'],
  ['commitments', 'Grants committed'],
  ['cancellations', 'Grant commitments cancelled'],
  ['pscReserved', 'Programme support cost reserved'],
  ['pscReleased', 'Programme support cost released'],
  ['disbursements', 'Disbursements to grantees'],
  ['returns', 'Unspent funds returned'],
  ['costs', 'Fund-level costs'],
  ['availableChange', 'Change in available balance'],
];

/** The statement as lines (CSV, XLSX, PDF): opening figures, movements, closing figures, target. */
export function statementLines(s: FundStatement): StatementLine[] {
  const c = s.currency;
  return [
    ...FIGURE_LABELS.map(([key, label]) => ({
      section: 'opening' as const,
      key: `opening.${key}`,
      label: `Opening: ${label}`,
      amount: s.opening[key],
      currency: c,
    })),
    ...MOVEMENT_LABELS.map(([key, label]) => ({
      section: 'movement' as const,
      key: `movements.${key}`,
      label,
      amount: s.movements[key],
      currency: c,
    })),
    ...FIGURE_LABELS.map(([key, label]) => ({
      section: 'closing' as const,
      key: `closing.${key}`,
      label: `Closing: ${label}`,
      amount: s.closing[key],
      currency: c,
    })),
    { section: 'target', key: 'target', label: 'New-call target', amount: s.target, currency: c },
  ];
}
