import { Module } from '@nestjs/common';
import { IdentityJobsModule } from '@app/identity';
import { ReviewsProcessor } from './jobs/reviews.processor';

/** The reviews context's job handlers; only the worker imports this module. */
@Module({
  imports: [IdentityJobsModule],
  providers: [ReviewsProcessor],
})
export class ReviewsJobsModule {}
