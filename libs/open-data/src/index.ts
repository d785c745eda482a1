export { OpenDataModule } from './open-data.module';
export { OpenDataJobsModule } from './jobs/open-data-jobs.module';
export { IatiService } from './iati.service';
export type { IatiFile } from './iati.service';
// The pure IATI model, writer and rules: for the tests that validate generated data and for operators' tools.
export { grantActivity } from './domain/iati-activities';
export type { IatiActivity } from './domain/iati-activities';
export { organisationModel } from './domain/iati-organisation';
export { activitiesXml, organisationXml } from './domain/iati-xml';
export { activityProblems, organisationProblems } from './domain/iati-rules';
export { DAC5_SECTORS, DEFAULT_SECTORS, SERVICE_LINES } from './domain/codes';
export type { FundFacts, GrantActivityFacts, PublishingSettings } from './domain/facts';
