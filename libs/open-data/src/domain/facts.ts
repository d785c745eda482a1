import type { SensitivePolicy } from './codes';

/** What the exports read of a fund and its publishing settings. */
export interface FundFacts {
  id: string;
  code: string;
  name: string;
  currency: string;
  createdAt: Date;
}

export interface PublishingSettings {
  /** The fund's IATI organisation identifier (reporting-org ref); null while unset: no export. */
  iatiOrgRef: string | null;
  /** OrganisationType of the fund as reporting organisation (40: multilateral). */
  iatiOrgType: string;
  /** Service line -> DAC 5-digit code, over the defaults (DEFAULT_SECTORS). */
  sectors: Record<string, string>;
  sensitivePolicy: SensitivePolicy;
  /** When the settings last changed (null: never set, the defaults apply). */
  updatedAt: Date | null;
}

export interface TrancheFacts {
  n: number;
  amount: number;
  state: 'scheduled' | 'due' | 'paid' | 'cancelled';
  paidAt: Date | null;
  cancelledAt: Date | null;
}

export interface ReturnFacts {
  id: string;
  amount: number;
  effectiveAt: Date;
  createdAt: Date;
}

/** One grant as the IATI activity file needs it: its money in the grant's currency, minor units. */
export interface GrantActivityFacts {
  id: string;
  title: string;
  summary: string;
  currency: string;
  amount: number;
  cancelled: number;
  paid: number;
  returned: number;
  status: 'active' | 'closed' | 'cancelled';
  countries: string[];
  services: string[];
  approvedAt: Date;
  signedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  organization: { name: string; registrationNumber: string; country: string };
  tranches: TrancheFacts[];
  returns: ReturnFacts[];
  sensitive: boolean;
  /** When the grant's sensitivity was last set (null: never). */
  sensitiveAt: Date | null;
}
