export { ApplicationsModule } from './applications.module';
export { ApplicationsJobsModule } from './applications-jobs.module';
export { ApplicationsService } from './applications.service';
export { ApplicationQueriesService } from './application-queries.service';
export { Application } from './entities/application.entity';
export { APPLICATION_STATUSES } from './domain/application-rules';
export type { ApplicationStatus } from './domain/application-rules';
export type { ApplicationView } from './dto/application.dto';
// The file checks (by bytes, names) the partners context reuses for due-diligence documents.
export {
  ATTACHMENT_TYPES,
  contentDisposition,
  safeFilename,
  sniffAttachment,
} from './domain/application-rules';
export { MAX_ATTACHMENT_BYTES } from './uploads/upload-rules';
// The rule of an application's fit to its call (the draft save's SQL gate is tested against it).
export { fitProblems } from './domain/budget';
