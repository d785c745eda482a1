import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { ApplicationsProcessor } from './jobs/applications.processor';
import { ApplicationsRepository } from './repositories/applications.repository';
import { DraftEditsRepository } from './repositories/draft-edits.repository';
import { DraftEditsService } from './draft-edits.service';

/** The applications context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [ApplicationsProcessor, ApplicationsRepository, DraftEditsRepository, DraftEditsService],
})
export class ApplicationsJobsModule {}
