import { Platform1764288000000 } from './1764288000000-Platform';
import { Ledger1764288100000 } from './1764288100000-Ledger';
import { BalanceSnapshots1764288150000 } from './1764288150000-BalanceSnapshots';
import { GrantCycle1764288200000 } from './1764288200000-GrantCycle';
import { Jobs1764288300000 } from './1764288300000-Jobs';

/** Every migration, in order. A new migration is added here by hand after review. */
export const MIGRATIONS = [
  Platform1764288000000,
  Ledger1764288100000,
  BalanceSnapshots1764288150000,
  GrantCycle1764288200000,
  Jobs1764288300000,
];
