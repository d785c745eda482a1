import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../../migrations';

/**
 * The one description of the database, shared by the Nest apps (TypeOrmModule) and the migration CLI.
 * The schema is owned by hand-reviewed migrations: `synchronize` is off, always.
 */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    synchronize: false,
    migrationsRun: false,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    extra: { max: 20, application_name: 'trust-fund-grants' },
  };
}
