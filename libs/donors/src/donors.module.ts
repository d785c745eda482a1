import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { IdentityModule } from '@app/identity';
import { ContributionsService } from './contributions.service';
import { ContributionsController, DonorsController, PledgesController } from './donors.controller';
import { DonorsService } from './donors.service';
import { PublicReceiptsController } from './receipts/public-receipts.controller';
import { ReceiptsService } from './receipts/receipts.service';
import { ContributionsRepository } from './repositories/contributions.repository';
import { DonorsRepository } from './repositories/donors.repository';

@Module({
  imports: [FundsModule, IdentityModule],
  controllers: [DonorsController, PledgesController, ContributionsController, PublicReceiptsController],
  providers: [
    DonorsService,
    ContributionsService,
    ReceiptsService,
    DonorsRepository,
    ContributionsRepository,
  ],
  exports: [DonorsService, ContributionsService],
})
export class DonorsModule {}
