export { OpenDataModule } from './open-data.module';
export { OpenDataJobsModule } from './jobs/open-data-jobs.module';
export { IatiService } from './iati.service';
export type { IatiFile } from './iati.service';
