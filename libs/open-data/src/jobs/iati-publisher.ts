import { Inject, Injectable, Logger } from '@nestjs/common';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import { APP_CONFIG } from '@app/core';
import { FundsService } from '@app/funds';
import { IatiService } from '../iati.service';
import { OpenDataRepository } from '../open-data.repository';

export interface PublishedFile {
  fundId: string;
  path: string;
  changed: boolean;
}

/**
 * The nightly job's work: each publishing fund's two IATI files written under OPEN_DATA_DIR/<fund code>/
 * (activities.xml, organisation.xml), for a web server or registry to fetch without loading the API.
 * A file is replaced by rename (readers never see half a file) and only when its bytes changed, so its
 * modification time and the server's ETag move only with the data.
 */
@Injectable()
export class IatiPublisher {
  private readonly logger = new Logger(IatiPublisher.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: OpenDataRepository,
    private readonly iati: IatiService,
    private readonly funds: FundsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async publishAll(): Promise<PublishedFile[]> {
    const written: PublishedFile[] = [];
    for (const fundId of await this.repo.publishingFunds(this.dataSource.manager)) {
      const fund = await this.funds.getIn(this.dataSource.manager, fundId);
      const files = await this.iati.files(fundId);
      const dir = join(this.config.openDataDir, fund.code);
      await mkdir(dir, { recursive: true });
      for (const [name, file] of [
        ['activities.xml', files.activities],
        ['organisation.xml', files.organisation],
      ] as const) {
        if (!file) continue; // no activity to publish yet: the schema wants at least one
        const path = join(dir, name);
        const before = await readFile(path, 'utf8').catch(() => null);
        const changed = before !== file.xml;
        if (changed) {
          const tmp = `${path}.${process.pid}.tmp`;
          await writeFile(tmp, file.xml, 'utf8');
          await rename(tmp, path);
        }
        written.push({ fundId, path, changed });
      }
    }
    this.logger.log(`IATI files: ${written.filter((w) => w.changed).length} of ${written.length} changed`);
    return written;
  }
}
