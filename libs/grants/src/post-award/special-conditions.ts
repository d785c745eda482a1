import type { EntityManager } from 'typeorm';
import type { Language } from './offers.repository';

/**
 * The seam for due diligence (issue 17): a provider that knows the partner's risk level gives the agreement's
 * special conditions (and the assurance plan's size). Bound under this token by the partners context when it
 * exists; without it the agreement prints none and the grant counts as medium risk.
 */
export const SPECIAL_CONDITIONS = Symbol('SPECIAL_CONDITIONS');

export type RiskLevel = 'low' | 'medium' | 'high';

export interface SpecialConditionsProvider {
  /** The partner's risk level and the conditions it brings, read in the caller's transaction. */
  forOrganizationIn(
    em: EntityManager,
    organizationId: string,
    language: Language,
  ): Promise<{ riskLevel: RiskLevel; conditions: string[] }>;
}
