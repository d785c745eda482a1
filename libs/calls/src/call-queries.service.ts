import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  decodeCursor,
  encodeCursor,
  isStaff,
  NotFoundError,
  Page,
  pageLimit,
  toPage,
} from '@app/core';
import { Scope } from '@app/identity';
import { CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { PUBLIC_CALL_STATUSES } from './domain/call-rules';
import { CallQuery, CallView } from './dto/call.dto';

/** Reads of calls: the public (or staff) list and one call, by visibility and scope. */
@Injectable()
export class CallQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: CallsService,
    private readonly repo: CallsRepository,
  ) {}

  /** One SQL statement and the row mapper (the public list is the hottest read of the API). */
  async list(query: CallQuery, actor: Actor): Promise<Page<CallView>> {
    const limit = pageLimit(query);
    const staff = isStaff(actor);
    const calls = await this.repo.list(this.dataSource.manager, {
      statuses: staff ? null : PUBLIC_CALL_STATUSES,
      fundIds: staff && actor.fundIds.length ? actor.fundIds : null,
      status: query.status ?? null,
      fundId: query.fundId ?? null,
      cursor: decodeCursor(query.cursor),
      limit: limit + 1,
    });
    return toPage(
      calls,
      limit,
      (c) => c,
      (c) => encodeCursor(c.createdAt, c.id),
    );
  }

  async view(id: string, actor: Actor): Promise<CallView> {
    const call = await this.calls.get(this.dataSource.manager, id);
    if (isStaff(actor)) Scope.assertFund(actor, call.fundId, 'call', id);
    else if (!PUBLIC_CALL_STATUSES.includes(call.status)) throw new NotFoundError('call', id);
    return call;
  }
}
