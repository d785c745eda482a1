export { GrantsModule } from './grants.module';
export { GrantsJobsModule } from './grants-jobs.module';
export { GrantsService } from './grants.service';
export { DecisionsService } from './decisions.service';
export { planTranches, scheduleProblems, nextAfterReport, canClose } from './domain/tranches';
export type { TrancheSpec, PlannedTranche, TrancheCondition, TrancheState } from './domain/tranches';
