import { Module } from '@nestjs/common';
import { ApplicationsModule } from '@app/applications';
import { CallsModule } from '@app/calls';
import { FundsModule } from '@app/funds';
import { DecisionsService } from './decisions.service';
import { DecisionsController, GrantsController } from './grants.controller';
import { GrantsRepository } from './grants.repository';
import { GrantsService } from './grants.service';

@Module({
  imports: [FundsModule, CallsModule, ApplicationsModule],
  controllers: [DecisionsController, GrantsController],
  providers: [DecisionsService, GrantsService, GrantsRepository],
  exports: [DecisionsService, GrantsService],
})
export class GrantsModule {}
