import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { FundsModule } from '@app/funds';
import { IdentityModule } from '@app/identity';
import { DecisionsService } from './decisions.service';
import { DisbursementsService } from './disbursements.service';
import { GrantAgreementService } from './grant-agreement.service';
import { GrantQueriesService } from './grant-queries.service';
import { GrantReportsService } from './grant-reports.service';
import { DecisionsController, GrantsController } from './grants.controller';
import { GRANTS_REPOSITORIES } from './repositories';
import { AgreementSigningService } from './post-award/agreement-signing.service';
import { AgreementsRepository } from './post-award/agreements.repository';
import { AmendmentsRepository } from './post-award/amendments.repository';
import { AmendmentsService } from './post-award/amendments.service';
import { AssuranceRepository } from './post-award/assurance.repository';
import { AssuranceService } from './post-award/assurance.service';
import { OffersRepository } from './post-award/offers.repository';
import { OffersService } from './post-award/offers.service';
import { PostAwardController, PostAwardSettingsController } from './post-award/post-award.controller';
import { PostAwardQueriesService } from './post-award/post-award-queries.service';

const services = [
  DecisionsService,
  GrantQueriesService,
  GrantAgreementService,
  DisbursementsService,
  GrantReportsService,
  PostAwardQueriesService,
  AgreementSigningService,
  OffersService,
  AmendmentsService,
  AssuranceService,
];

/** The post-award tables' repositories (ADR 0012). */
const POST_AWARD_REPOSITORIES = [
  OffersRepository,
  AgreementsRepository,
  AmendmentsRepository,
  AssuranceRepository,
];

@Module({
  imports: [FundsModule, CallsModule, ApplicationsModule, IdentityModule],
  controllers: [DecisionsController, GrantsController, PostAwardController, PostAwardSettingsController],
  providers: [...services, ...GRANTS_REPOSITORIES, ...POST_AWARD_REPOSITORIES],
  exports: services,
})
export class GrantsModule {}
