import { Platform1764288000000 } from './1764288000000-Platform';
import { Ledger1764288100000 } from './1764288100000-Ledger';
import { BalanceSnapshots1764288150000 } from './1764288150000-BalanceSnapshots';
import { GrantCycle1764288200000 } from './1764288200000-GrantCycle';
import { Grants1764288250000 } from './1764288250000-Grants';
import { Jobs1764288300000 } from './1764288300000-Jobs';
import { Reports1764288400000 } from './1764288400000-Reports';
import { ClosedPeriods1764288500000 } from './1764288500000-ClosedPeriods';
import { Housekeeping1764288600000 } from './1764288600000-Housekeeping';
import { RateCorrections1764288610000 } from './1764288610000-RateCorrections';
import { AuditFundScope1764288700000 } from './1764288700000-AuditFundScope';
import { Sessions1764288900000 } from './1764288900000-Sessions';
import { AccountsPeople1764289000000 } from './1764289000000-AccountsPeople';
import { PartnerDueDiligence1764315000000 } from './1764315000000-PartnerDueDiligence';
import { PostAward1764316000000 } from './1764316000000-PostAward';
import { OpenData1764317000000 } from './1764317000000-OpenData';
import { FundLogos1764322000000 } from './1764322000000-FundLogos';
import { AgreementRenderData1764322100000 } from './1764322100000-AgreementRenderData';
import { PublicCacheNotify1764323100000 } from './1764323100000-PublicCacheNotify';
import { DraftEditDays1764323200000 } from './1764323200000-DraftEditDays';
import { FundForecasts1764325000000 } from './1764325000000-FundForecasts';
import { DraftSaveFunction1764360000000 } from './1764360000000-DraftSaveFunction';

/** Every migration, in order. A new migration is added here by hand after review. */
export const MIGRATIONS = [
  Platform1764288000000,
  Ledger1764288100000,
  BalanceSnapshots1764288150000,
  GrantCycle1764288200000,
  Grants1764288250000,
  Jobs1764288300000,
  Reports1764288400000,
  ClosedPeriods1764288500000,
  Housekeeping1764288600000,
  RateCorrections1764288610000,
  AuditFundScope1764288700000,
  Sessions1764288900000,
  AccountsPeople1764289000000,
  PartnerDueDiligence1764315000000,
  PostAward1764316000000,
  OpenData1764317000000,
  FundLogos1764322000000,
  AgreementRenderData1764322100000,
  PublicCacheNotify1764323100000,
  DraftEditDays1764323200000,
  FundForecasts1764325000000,
  DraftSaveFunction1764360000000,
];
