import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CallsModule } from '@app/calls';
import { ApplicationsController } from './applications.controller';
import { ApplicationsRepository } from './applications.repository';
import { ApplicationsService } from './applications.service';
import { Application } from './entities/application.entity';
import { UploadsController } from './uploads/uploads.controller';
import { UploadsService } from './uploads/uploads.service';

@Module({
  imports: [TypeOrmModule.forFeature([Application]), CallsModule],
  controllers: [ApplicationsController, UploadsController],
  providers: [ApplicationsService, ApplicationsRepository, UploadsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
