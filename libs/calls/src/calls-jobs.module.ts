import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { CallsProcessor } from './jobs/calls.processor';

/** The calls context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [CallsService, CallsRepository, CallsProcessor],
})
export class CallsJobsModule {}
