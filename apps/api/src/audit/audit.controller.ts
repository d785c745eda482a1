import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Actor } from '@app/core';
import { decodeCursor, encodeCursor, Page, pageLimit, PageQuery, toPage } from '@app/core';
import { CurrentActor, Roles } from '@app/identity';
import { AuditPage } from './audit.views';

class AuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'grant' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  entity?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  entityId?: string;
}

interface AuditRow {
  id: string;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string;
  fund_id: string | null;
  summary: Record<string, unknown>;
  request_id: string | null;
  at: Date;
}

/**
 * The append-only audit log, newest first (admins only). An admin limited to some funds sees the rows of
 * those funds only (`fund_id`, set by the database on insert); rows of no fund are for admins of all funds.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  @Roles('admin')
  @Get()
  @ApiOperation({
    operationId: 'listAuditEntries',
    summary: 'The audit log',
    description: 'Every change with its actor and request id, newest first, optionally of one entity.',
  })
  @ApiOkResponse({ type: AuditPage })
  async list(@Query() query: AuditQuery, @CurrentActor() actor: Actor): Promise<Page<unknown>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const fundIds = actor.fundIds.length ? actor.fundIds : null;
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT id, actor_id, action, entity, entity_id, fund_id, summary, request_id, at FROM audit_log
       WHERE ($1::text IS NULL OR entity = $1) AND ($2::text IS NULL OR entity_id = $2)
         AND ($6::uuid[] IS NULL OR fund_id = ANY($6))
         AND ($3::timestamptz IS NULL OR (at, id) < ($3, $4::uuid))
       ORDER BY at DESC, id DESC LIMIT $5`,
      [
        query.entity ?? null,
        query.entityId ?? null,
        cursor?.at ?? null,
        cursor?.id ?? null,
        limit + 1,
        fundIds,
      ],
    );
    return toPage(
      rows,
      limit,
      (r) => ({
        id: r.id,
        actorId: r.actor_id,
        action: r.action,
        entity: r.entity,
        entityId: r.entity_id,
        fundId: r.fund_id,
        summary: r.summary,
        requestId: r.request_id,
        at: r.at,
      }),
      (r) => encodeCursor(r.at, r.id),
    );
  }
}
