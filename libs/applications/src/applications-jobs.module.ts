import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { ApplicationsProcessor } from './jobs/applications.processor';

/** The applications context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [ApplicationsProcessor],
})
export class ApplicationsJobsModule {}
