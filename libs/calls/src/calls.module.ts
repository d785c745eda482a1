import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { CallDraftsService } from './call-drafts.service';
import { CallQueriesService } from './call-queries.service';
import { CallsController } from './calls.controller';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';

@Module({
  imports: [FundsModule],
  controllers: [CallsController],
  providers: [CallsService, CallDraftsService, CallQueriesService, CallsRepository],
  exports: [CallsService, CallDraftsService],
})
export class CallsModule {}
