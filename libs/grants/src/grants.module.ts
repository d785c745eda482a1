import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { FundsModule } from '@app/funds';
import { DecisionsService } from './decisions.service';
import { DisbursementsService } from './disbursements.service';
import { GrantAgreementService } from './grant-agreement.service';
import { GrantQueriesService } from './grant-queries.service';
import { GrantReportsService } from './grant-reports.service';
import { DecisionsController, GrantsController } from './grants.controller';
import { GRANTS_REPOSITORIES } from './repositories';

const services = [
  DecisionsService,
  GrantQueriesService,
  GrantAgreementService,
  DisbursementsService,
  GrantReportsService,
];

@Module({
  imports: [FundsModule, CallsModule, ApplicationsModule],
  controllers: [DecisionsController, GrantsController],
  providers: [...services, ...GRANTS_REPOSITORIES],
  exports: services,
})
export class GrantsModule {}
