import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AuditService, DomainError, InvalidInputError, NotFoundError } from '@app/core';
import { CallsService } from '@app/calls';
import { Scope } from '@app/identity';
import { ApplicationQueriesService } from './application-queries.service';
import { ApplicationsService } from './applications.service';
import { ApplicationsRepository } from './repositories/applications.repository';
import { BULK_SCREENING_MAX, BulkEligibilityDto, BulkScreeningView } from './dto/screening.dto';

/**
 * Screening as a bulk action over a call's applications (listed, or the whole filtered set). Each one is
 * screened in a transaction of its own, exactly as one by one (its own lock, audit row and notice), so
 * one refused application (screened meanwhile, say) changes nothing of it and stops none of the others.
 */
@Injectable()
export class ApplicationScreeningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly applications: ApplicationsService,
    private readonly queries: ApplicationQueriesService,
    private readonly repo: ApplicationsRepository,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
  ) {}

  async screenMany(callId: string, dto: BulkEligibilityDto, actor: Actor): Promise<BulkScreeningView> {
    if (!dto.ids === !dto.filter) throw new InvalidInputError('ids', 'give either ids or filter, not both');
    const em = this.dataSource.manager;
    const call = await this.calls.get(em, callId);
    Scope.assertFund(actor, call.fundId, 'call', callId);
    const filter = dto.ids ? { callId, ids: dto.ids } : { ...dto.filter, callId };
    const rows = await this.repo.readableRows(em, actor, { ...filter, sort: 'createdAt' });
    if (dto.ids && rows.length !== dto.ids.length) {
      const missing = dto.ids.find((id) => !rows.some((r) => r.id === id))!;
      throw new NotFoundError('application', missing);
    }
    if (rows.length > BULK_SCREENING_MAX)
      throw new InvalidInputError(
        'filter',
        `the filter matches more than ${BULK_SCREENING_MAX} applications`,
      );
    const result: BulkScreeningView = { matched: rows.length, changed: [], failed: [] };
    for (const row of rows) {
      try {
        const view = await this.applications.screen(
          row.id,
          { eligible: dto.eligible, reason: dto.reason },
          actor,
        );
        result.changed.push({ id: row.id, title: row.title, status: view.status });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const now = await this.queries.readable(em, row.id, actor);
        result.failed.push({
          id: row.id,
          title: row.title,
          status: now.status,
          code: error.code,
          detail: error.message,
        });
      }
    }
    await this.dataSource.transaction((tx) =>
      this.audit.record(tx, actor, {
        action: 'application.bulk_screened',
        entity: 'call',
        entityId: callId,
        summary: {
          eligible: dto.eligible,
          reason: dto.reason.trim(),
          matched: result.matched,
          changed: result.changed.length,
          failed: result.failed.length,
        },
      }),
    );
    return result;
  }
}
