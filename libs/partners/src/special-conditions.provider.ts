import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SPECIAL_CONDITIONS } from '@app/grants';
import type { AgreementLanguage, SpecialConditionsProvider } from '@app/grants';
import { conditionLines, specialConditions } from './domain/special-conditions';
import { RiskRepository } from './repositories/risk.repository';

/**
 * The partners context's side of the grants context's SPECIAL_CONDITIONS seam (ADR 0017): the partner's
 * current risk rating for the fund and the special conditions it brings, in the agreement's language with
 * English beside it. Read in the caller's transaction; null without a rating (or a not-eligible one, which
 * cannot reach an agreement: the decision refuses it).
 */
@Injectable()
export class SpecialConditionsService implements SpecialConditionsProvider {
  constructor(private readonly risk: RiskRepository) {}

  async forOrganizationIn(
    em: EntityManager,
    organizationId: string,
    fundId: string,
    language: AgreementLanguage,
  ) {
    const rating = await this.risk.currentRating(em, organizationId, fundId);
    if (!rating || rating.level === 'not_eligible') return null;
    const settings = await this.risk.settings(em, fundId);
    const texts = specialConditions(rating.level, settings.reportMonths[rating.level]);
    return { riskLevel: rating.level, conditions: conditionLines(texts, language) };
  }
}

/**
 * Binds the token for every module of the process (global, so the grants module that injects it never
 * imports partners: the dependency runs one way, partners -> grants). Imported once by PartnersModule (API)
 * and PartnersJobsModule (worker).
 */
@Global()
@Module({
  providers: [
    RiskRepository,
    SpecialConditionsService,
    { provide: SPECIAL_CONDITIONS, useExisting: SpecialConditionsService },
  ],
  exports: [SPECIAL_CONDITIONS],
})
export class PartnersTermsModule {}
