import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { GrantNoticesService } from './jobs/grant-notices.service';
import { GrantsProcessor } from './jobs/grants.processor';
import { ReportRemindersService } from './jobs/report-reminders.service';
import { GrantReportsRepository } from './repositories/grant-reports.repository';
import { GrantsRepository } from './repositories/grants.repository';
import { AmendmentsRepository } from './post-award/amendments.repository';
import { OffersRepository } from './post-award/offers.repository';
import { PostAwardRemindersService } from './post-award/post-award-reminders.service';

/** The grants context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [
    GrantsProcessor,
    GrantNoticesService,
    ReportRemindersService,
    GrantsRepository,
    GrantReportsRepository,
    PostAwardRemindersService,
    OffersRepository,
    AmendmentsRepository,
  ],
})
export class GrantsJobsModule {}
