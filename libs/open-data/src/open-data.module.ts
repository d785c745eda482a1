import { Module } from '@nestjs/common';
import { FundsModule } from '@app/funds';
import { ReportsModule } from '@app/reports';
import { FeedsRepository } from './feeds.repository';
import { FeedsService } from './feeds.service';
import { IatiService } from './iati.service';
import { OpenDataRepository } from './open-data.repository';
import { OpenDataSettingsController } from './open-data-settings.controller';
import { OpenDataSettingsService } from './open-data-settings.service';
import { PublicOpenDataController } from './public-open-data.controller';

/**
 * Open data (issue 19, ADR 0011): the IATI files, the public feeds and downloads, and the settings of what
 * is published. Its own tables are the settings, the sensitive marks and the donors' consent; the rest it
 * reads (repositories say which tables).
 */
@Module({
  imports: [FundsModule, ReportsModule],
  controllers: [PublicOpenDataController, OpenDataSettingsController],
  providers: [OpenDataRepository, FeedsRepository, IatiService, FeedsService, OpenDataSettingsService],
  exports: [IatiService],
})
export class OpenDataModule {}
