import type { EntityManager } from 'typeorm';
import type { Language } from './offers.repository';

/**
 * The seam for due diligence (issue 17): a provider that knows the partner's risk level gives the agreement's
 * special conditions. Bound under this token by the partners context (its global PartnersTermsModule, so
 * grants never imports partners); without it, or without a rating, the agreement prints none.
 */
export const SPECIAL_CONDITIONS = Symbol('SPECIAL_CONDITIONS');

export type RiskLevel = 'low' | 'medium' | 'high';

export interface SpecialConditionsProvider {
  /**
   * The partner's current risk level for the fund and the conditions it brings (in `language`, each followed
   * by its English text when the language is another), read in the caller's transaction; null without a
   * rating.
   */
  forOrganizationIn(
    em: EntityManager,
    organizationId: string,
    fundId: string,
    language: Language,
  ): Promise<{ riskLevel: RiskLevel; conditions: string[] } | null>;
}
