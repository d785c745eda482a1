import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { IdentityJobsModule } from '@app/identity';
import { AssignmentNoticesService } from './jobs/assignment-notices.service';
import { ReviewsProcessor } from './jobs/reviews.processor';
import { ReviewsRepository } from './reviews.repository';

/** The reviews context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule, ApplicationsModule],
  providers: [ReviewsProcessor, AssignmentNoticesService, ReviewsRepository],
})
export class ReviewsJobsModule {}
