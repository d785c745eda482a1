import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { GrantsProcessor } from './jobs/grants.processor';
import { ReportRemindersService } from './report-reminders.service';

/** The grants context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [GrantsProcessor, ReportRemindersService],
})
export class GrantsJobsModule {}
