import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { dataSourceOptions } from './data-source-options';

/** What a read on the read database returns: its result and the moment its figures are as of. */
export interface ReadResult<T> {
  value: T;
  /** ISO time: the moment of the read on the primary; on a replica, the last transaction it replayed. */
  dataAsOf: string;
  /** Where it was read: the primary (no DATABASE_READ_URL) or the replica. */
  source: 'primary' | 'replica';
}

/**
 * The time a read's figures are as of, taken first in its transaction (so before its snapshot's data):
 * on the primary (or a replica that has replayed everything it received and is not paused) the current
 * time; on a replica behind, the commit time of the last transaction it replayed.
 */
const AS_OF_SQL = `SELECT pg_is_in_recovery() AS replica,
  CASE WHEN NOT pg_is_in_recovery() THEN now()
       WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() AND NOT pg_is_wal_replay_paused()
         THEN now()
       ELSE coalesce(pg_last_xact_replay_timestamp(), now()) END AS as_of`;

/**
 * Reads that may lag behind the last write: reports and public figures (ADR 0015). With DATABASE_READ_URL
 * they run on a second TypeORM DataSource over the streaming replica; without it, on the primary's.
 * Writes, and reads that must see the caller's own writes (an access check, a balance before a payment),
 * never come here: they keep using the primary DataSource.
 *
 * Each read is one read-only REPEATABLE READ transaction, so all its statements see one snapshot, and it
 * says the moment that snapshot is as of.
 */
@Injectable()
export class ReadDatabase implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger(ReadDatabase.name);
  private replica: DataSource | null = null;

  constructor(
    private readonly primary: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    const url = this.config.databaseReadUrl;
    if (!url) return;
    const options = dataSourceOptions(url);
    this.replica = new DataSource({
      ...options,
      migrations: [],
      extra: { ...options.extra, application_name: 'trust-fund-grants-read' },
    });
    await this.replica.initialize();
    this.log.log('reports and public figures read from DATABASE_READ_URL');
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.replica?.isInitialized) await this.replica.destroy();
  }

  get usesReplica(): boolean {
    return this.replica !== null;
  }

  /** Runs `work` on the read database in one read-only snapshot; `em` is that transaction's manager. */
  async read<T>(work: (em: EntityManager) => Promise<T>): Promise<ReadResult<T>> {
    const ds = this.replica ?? this.primary;
    return ds.transaction('REPEATABLE READ', async (em) => {
      await em.query(`SET TRANSACTION READ ONLY`);
      const [row]: { replica: boolean; as_of: Date }[] = await em.query(AS_OF_SQL);
      const value = await work(em);
      return {
        value,
        dataAsOf: new Date(row.as_of).toISOString(),
        source: row.replica ? 'replica' : 'primary',
      };
    });
  }
}
