import { Account } from './accounts';

/** The balance figures of docs/api.md, in the fund's currency (minor units). */
export interface BalanceFigures {
  received: number;
  pledged: number;
  committed: number;
  disbursed: number;
  outstanding: number;
  returned: number;
  psc: number;
  costs: number;
  available: number;
  target: number;
  progress: number;
}

/** Turns signed account balances (debit positive) into the figures people read. */
export function figuresFrom(
  balances: Partial<Record<Account, number>>,
  pledged: number,
  target: number,
): BalanceFigures {
  const b = (a: Account) => balances[a] ?? 0;
  const neg = (x: number) => (x === 0 ? 0 : -x); // never -0
  const received = neg(b('contributions'));
  const returned = neg(b('returns'));
  const committed = b('grants');
  const psc = b('psc');
  const costs = b('costs');
  const outstanding = neg(b('commitments'));
  const available = received + returned - committed - psc - costs;
  return {
    received,
    pledged,
    committed,
    disbursed: committed - outstanding,
    outstanding,
    returned,
    psc,
    costs,
    available,
    target,
    progress: target > 0 ? available / target : 0,
  };
}
