import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallsModule } from '@app/calls';
import { ApplicationsController } from './applications.controller';
import { ApplicationAttachmentsService } from './application-attachments.service';
import { ApplicationQueriesService } from './application-queries.service';
import { ApplicationScreeningService } from './application-screening.service';
import { ApplicationsService } from './applications.service';
import { ApplicationsRepository } from './repositories/applications.repository';
import { DraftEditsRepository } from './repositories/draft-edits.repository';
import { DraftSaveRepository } from './repositories/draft-save.repository';
import { DraftEditsService } from './draft-edits.service';
import { Application } from './entities/application.entity';
import { UploadsController } from './uploads/uploads.controller';
import { UploadsService } from './uploads/uploads.service';

@Module({
  imports: [TypeOrmModule.forFeature([Application]), CallsModule],
  controllers: [ApplicationsController, UploadsController],
  providers: [
    ApplicationsService,
    ApplicationQueriesService,
    ApplicationAttachmentsService,
    ApplicationScreeningService,
    ApplicationsRepository,
    DraftEditsRepository,
    DraftSaveRepository,
    DraftEditsService,
    UploadsService,
  ],
  exports: [ApplicationsService, ApplicationQueriesService],
})
export class ApplicationsModule {}
