import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { IatiService } from '../iati.service';
import { OpenDataRepository } from '../open-data.repository';
import { IatiPublisher } from './iati-publisher';
import { OpenDataProcessor } from './open-data.processor';

/** The open-data context's job handlers (the nightly IATI files); only the worker imports this module. */
@Module({
  imports: [FundsModule],
  providers: [OpenDataRepository, IatiService, IatiPublisher, OpenDataProcessor],
  exports: [IatiPublisher],
})
export class OpenDataJobsModule {}
