import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { IdentityModule } from '@app/identity';
import { ReviewAssignment } from './entities/review-assignment.entity';
import { ReviewsController } from './reviews.controller';
import { ReviewsRepository } from './reviews.repository';
import { ReviewsService } from './reviews.service';
import { ReviewerLoadService } from './reviewer-load.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReviewAssignment]), CallsModule, ApplicationsModule, IdentityModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewerLoadService, ReviewsRepository],
  exports: [ReviewsService],
})
export class ReviewsModule {}
