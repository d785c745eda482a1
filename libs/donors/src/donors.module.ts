import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { ContributionsService } from './contributions.service';
import { ContributionsController, DonorsController, PledgesController } from './donors.controller';
import { DonorsService } from './donors.service';

@Module({
  imports: [FundsModule],
  controllers: [DonorsController, PledgesController, ContributionsController],
  providers: [DonorsService, ContributionsService],
  exports: [DonorsService, ContributionsService],
})
export class DonorsModule {}
