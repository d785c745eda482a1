import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsDateString, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DataSource } from 'typeorm';
import type { Actor } from '@app/core';
import {
  AuditService,
  decodeCursor,
  encodeCursor,
  InvalidInputError,
  Page,
  pageLimit,
  PageQuery,
  toPage,
} from '@app/core';
import { CurrentActor, Roles, UsersService } from '@app/identity';
import { AuditEntryView, AuditPage } from './audit.views';

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

  @ApiPropertyOptional({ format: 'uuid', description: 'only the changes made by this user' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 moment or YYYY-MM-DD (start of that day, UTC)' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 moment or YYYY-MM-DD (to the end of that day, UTC)' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** [from, to) of the query: a day given as `to` runs to its end; a moment given as `to` is included. */
function range(q: AuditQuery): { from: Date | null; to: Date | null } {
  const from = q.from ? new Date(DAY.test(q.from) ? `${q.from}T00:00:00Z` : q.from) : null;
  const to = q.to
    ? DAY.test(q.to)
      ? new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000)
      : new Date(Date.parse(q.to) + 1)
    : null;
  if (from && to && from.getTime() >= to.getTime())
    throw new InvalidInputError('from', 'from must be before to');
  return { from, to };
}

/**
 * The append-only audit log, newest first (admins only). An admin limited to some funds sees the rows of
 * those funds only (`fund_id`, set by the database on insert); rows of no fund are for admins of all funds.
 * Each row names its actor (name and roles, from identity) so the portal can write it as a sentence.
 */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
  ) {}

  @Roles('admin')
  @Get()
  @ApiOperation({
    operationId: 'listAuditEntries',
    summary: 'The audit log',
    description:
      'Every change with its actor and request id, newest first; optionally of one entity, one actor, ' +
      'and within a date range.',
  })
  @ApiOkResponse({ type: AuditPage })
  async list(@Query() query: AuditQuery, @CurrentActor() actor: Actor): Promise<Page<AuditEntryView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const fundIds = actor.fundIds.length ? actor.fundIds : null;
    const { from, to } = range(query);
    const rows = await this.audit.page(
      {
        entity: query.entity ?? null,
        entityId: query.entityId ?? null,
        actorId: query.actorId ?? null,
        from,
        to,
        fundIds,
      },
      cursor,
      limit + 1,
    );
    const actorIds = rows.map((r) => r.actorId).filter((id): id is string => id !== null);
    const labels = await this.users.labelsIn(this.dataSource.manager, actorIds);
    return toPage(
      rows,
      limit,
      (r) => {
        const who = r.actorId ? labels.get(r.actorId) : undefined;
        return { ...r, actorName: who?.name ?? null, actorRoles: who?.roles ?? [] };
      },
      (r) => encodeCursor(r.at, r.id),
    );
  }
}
