export { CallsModule } from './calls.module';
export { CallsJobsModule } from './calls-jobs.module';
export { CallsService } from './calls.service';
export { CallDraftsService } from './call-drafts.service';
export type { Call } from './calls.repository';
export { CALL_STATUSES, PUBLIC_CALL_STATUSES } from './domain/call-rules';
export type { CallStatus, RubricCriterion } from './domain/call-rules';
export type { CallView } from './dto/call.dto';
