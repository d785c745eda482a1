import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';
import { ReadDatabase } from './read-database';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        ...dataSourceOptions(config.databaseUrl),
        autoLoadEntities: true,
        // Fail fast at boot instead of retrying for minutes (a hung boot hangs tests and orchestrators).
        retryAttempts: 2,
        retryDelay: 500,
      }),
    }),
  ],
  providers: [ReadDatabase],
  exports: [ReadDatabase],
})
export class DatabaseModule {}
