export { CallsModule } from './calls.module';
export { CallsJobsModule } from './calls-jobs.module';
export { CallsService, toCallView } from './calls.service';
export { Call } from './entities/call.entity';
export { CALL_STATUSES, PUBLIC_CALL_STATUSES } from './domain/call-rules';
export type { CallStatus, RubricCriterion } from './domain/call-rules';
export type { CallView } from './dto/call.dto';
