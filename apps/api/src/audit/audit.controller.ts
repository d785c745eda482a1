import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Actor } from '@app/core';
import { AuditService, decodeCursor, encodeCursor, Page, pageLimit, PageQuery, toPage } from '@app/core';
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

/**
 * The append-only audit log, newest first (admins only). An admin limited to some funds sees the rows of
 * those funds only (`fund_id`, set by the database on insert); rows of no fund are for admins of all funds.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

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
    const rows = await this.audit.page(
      { entity: query.entity ?? null, entityId: query.entityId ?? null, fundIds },
      cursor,
      limit + 1,
    );
    return toPage(
      rows,
      limit,
      (r) => r,
      (r) => encodeCursor(r.at, r.id),
    );
  }
}
