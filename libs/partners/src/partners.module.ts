import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { IdentityModule } from '@app/identity';
import { DocumentsService } from './documents.service';
import { DueDiligenceChecksService } from './due-diligence-checks.service';
import { PartnersController } from './partners.controller';
import { SanctionsController } from './sanctions.controller';
import { PartnersListService } from './partners-list.service';
import { ProfilesService } from './profiles.service';
import { ProfilesRepository } from './repositories/profiles.repository';
import { RiskRepository } from './repositories/risk.repository';
import { SanctionsRepository } from './repositories/sanctions.repository';
import { RiskService } from './risk.service';
import { SANCTIONS_LIST_URL, SanctionsImportService } from './sanctions-import.service';
import { ScreeningService } from './screening.service';
import { PartnersTermsModule } from './special-conditions.provider';

export const sanctionsUrlProvider = {
  provide: SANCTIONS_LIST_URL,
  useFactory: () => process.env.SANCTIONS_LIST_URL?.trim() || null,
};

export const PARTNERS_PROVIDERS = [
  ProfilesRepository,
  SanctionsRepository,
  RiskRepository,
  ScreeningService,
  SanctionsImportService,
  DueDiligenceChecksService,
  sanctionsUrlProvider,
];

/**
 * Partner due diligence (issue 17, docs/adr/0009): the NGO's profile, documents, sanctions screening, the
 * risk rating; its checks plug into core's DueDiligenceGate when the module starts.
 */
@Module({
  imports: [IdentityModule, FundsModule, PartnersTermsModule],
  controllers: [PartnersController, SanctionsController],
  providers: [...PARTNERS_PROVIDERS, ProfilesService, DocumentsService, RiskService, PartnersListService],
})
export class PartnersModule {}
