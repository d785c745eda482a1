import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { DonorsProcessor } from './jobs/donors.processor';

/** The donors context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [DonorsProcessor],
})
export class DonorsJobsModule {}
