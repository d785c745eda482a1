import { Platform1764288000000 } from './1764288000000-Platform';
import { Ledger1764288100000 } from './1764288100000-Ledger';
import { BalanceSnapshots1764288150000 } from './1764288150000-BalanceSnapshots';
import { GrantCycle1764288200000 } from './1764288200000-GrantCycle';
import { Grants1764288250000 } from './1764288250000-Grants';
import { Jobs1764288300000 } from './1764288300000-Jobs';
import { Reports1764288400000 } from './1764288400000-Reports';
import { AccountsPeople1764289000000 } from './1764289000000-AccountsPeople';

/** Every migration, in order. A new migration is added here by hand after review. */
export const MIGRATIONS = [
  Platform1764288000000,
  Ledger1764288100000,
  BalanceSnapshots1764288150000,
  GrantCycle1764288200000,
  Grants1764288250000,
  Jobs1764288300000,
  Reports1764288400000,
  AccountsPeople1764289000000,
];
