import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { GrantNoticesService } from './jobs/grant-notices.service';
import { GrantsProcessor } from './jobs/grants.processor';
import { ReportRemindersService } from './jobs/report-reminders.service';
import { GrantReportsRepository } from './repositories/grant-reports.repository';
import { GrantsRepository } from './repositories/grants.repository';

/** The grants context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [
    GrantsProcessor,
    GrantNoticesService,
    ReportRemindersService,
    GrantsRepository,
    GrantReportsRepository,
  ],
})
export class GrantsJobsModule {}
