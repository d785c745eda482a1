import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallsModule } from '@app/calls';
import { ApplicationsController } from './applications.controller';
import { ApplicationAttachmentsService } from './application-attachments.service';
import { ApplicationQueriesService } from './application-queries.service';
import { ApplicationsService } from './applications.service';
import { ApplicationsRepository } from './repositories/applications.repository';
import { Application } from './entities/application.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Application]), CallsModule],
  controllers: [ApplicationsController],
  providers: [
    ApplicationsService,
    ApplicationQueriesService,
    ApplicationAttachmentsService,
    ApplicationsRepository,
  ],
  exports: [ApplicationsService, ApplicationQueriesService],
})
export class ApplicationsModule {}
