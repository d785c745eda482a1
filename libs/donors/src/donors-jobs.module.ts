import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { DonorsProcessor } from './jobs/donors.processor';
import { ContributionsRepository } from './repositories/contributions.repository';

/** The donors context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [DonorsProcessor, ContributionsRepository],
})
export class DonorsJobsModule {}
