export { PartnersModule } from './partners.module';
export { PartnersJobsModule } from './partners-jobs.module';
export { normalizeName, SIMILARITY_THRESHOLD } from './domain/names';
export { ScreeningService } from './screening.service';
