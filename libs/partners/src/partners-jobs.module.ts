import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { DocumentReminders } from './document-reminders';
import { PartnersProcessor } from './jobs/partners.processor';
import { PARTNERS_PROVIDERS } from './partners.module';
import { PartnersTermsModule } from './special-conditions.provider';

/** The partners context's job handlers (and its checks, so the worker's gate is the same); worker only. */
@Module({
  imports: [IdentityJobsModule, PartnersTermsModule],
  providers: [...PARTNERS_PROVIDERS, DocumentReminders, PartnersProcessor],
})
export class PartnersJobsModule {}
