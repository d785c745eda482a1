export { GrantsModule } from './grants.module';
export { GrantsJobsModule } from './grants-jobs.module';
export { GrantQueriesService } from './grant-queries.service';
export { GrantAgreementService } from './grant-agreement.service';
export { DisbursementsService } from './disbursements.service';
export { GrantReportsService } from './grant-reports.service';
export { DecisionsService } from './decisions.service';
export { planTranches, scheduleProblems, nextAfterReport, canClose } from './domain/tranches';
export type { TrancheSpec, PlannedTranche, TrancheCondition, TrancheState } from './domain/tranches';
