import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { Actor, AuditService, JOB, OutboxService, SYSTEM_ACTOR } from '@app/core';
import { normalizeName } from './domain/names';
import { ListedEntry, parseConsolidatedList } from './domain/sanctions-xml';
import { SanctionsListView } from './partner.views';
import { SanctionsListInvalid } from './partners.errors';
import { EntryName, SanctionsRepository } from './repositories/sanctions.repository';

/** Where the scheduled job fetches the list (none: the job does nothing; admins upload the file). */
export const SANCTIONS_LIST_URL = 'SANCTIONS_LIST_URL';

function namesOf(entries: readonly ListedEntry[]): EntryName[] {
  return entries.flatMap((e) =>
    e.names
      .map((n) => ({
        dataId: e.dataId,
        kind: e.kind,
        name: n.name,
        aliasQuality: n.aliasQuality,
        normalized: normalizeName(n.name),
        referenceNumber: e.referenceNumber,
        listType: e.listType,
        listedOn: e.listedOn,
      }))
      .filter((n) => n.normalized.length > 0),
  );
}

/**
 * Imports a version of the UN Security Council Consolidated List, streamed through a SAX parser in
 * batches (the file is never held whole), in one transaction: a broken file leaves no version behind.
 * Every version is kept; screening uses the latest. A new version re-screens everyone (an outbox job).
 */
@Injectable()
export class SanctionsImportService {
  private readonly logger = new Logger(SanctionsImportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: SanctionsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    @Inject(SANCTIONS_LIST_URL) private readonly listUrl: string | null,
  ) {}

  async import(
    stream: AsyncIterable<Buffer | string>,
    source: 'upload' | 'url',
    actor: Actor,
  ): Promise<SanctionsListView> {
    const hash = createHash('sha256');
    let entries = 0;
    let names = 0;
    async function* hashed() {
      for await (const chunk of stream) {
        hash.update(chunk);
        yield chunk;
      }
    }
    return this.dataSource.transaction(async (em) => {
      const listId = await this.repo.createList(em, source, actor.userId);
      let head;
      try {
        head = await parseConsolidatedList(hashed(), async (batch) => {
          const rows = namesOf(batch);
          entries += batch.length;
          names += rows.length;
          await this.repo.insertNames(em, listId, rows);
        });
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw error;
        if (error instanceof Error && !('kind' in error) && !('query' in error))
          throw new SanctionsListInvalid(error.message.split('\n')[0].slice(0, 300));
        throw error;
      }
      if (entries === 0) throw new SanctionsListInvalid('it lists no individual or entity');
      const dateGenerated =
        head.dateGenerated && !Number.isNaN(Date.parse(head.dateGenerated)) ? head.dateGenerated : null;
      const list = await this.repo.finishList(em, listId, {
        dateGenerated,
        sha256: hash.digest('hex'),
        entries,
        names,
      });
      await this.audit.record(em, actor, {
        action: 'partner.sanctions-list-imported',
        entity: 'sanctions_list',
        entityId: listId,
        summary: { source, entries, names, dateGenerated },
      });
      await this.outbox.add(em, JOB.PARTNER_SCREEN, {});
      this.logger.log(`sanctions list ${listId}: ${entries} entries, ${names} names`);
      return list;
    });
  }

  async lists(): Promise<SanctionsListView[]> {
    return this.repo.lists(this.dataSource.manager);
  }

  /** The scheduled fetch of the configured URL (streamed into the parser as it arrives). */
  async fetchConfigured(): Promise<SanctionsListView | null> {
    if (!this.listUrl) return null;
    const res = await fetch(this.listUrl, { signal: AbortSignal.timeout(120_000) });
    if (!res.ok || !res.body) throw new Error(`sanctions list fetch: HTTP ${res.status}`);
    return this.import(Readable.fromWeb(res.body as never), 'url', SYSTEM_ACTOR);
  }
}
