import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { CallsProcessor } from './jobs/calls.processor';

/** The calls context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [CallsProcessor],
})
export class CallsJobsModule {}
