import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, Clock, JOB, NotFoundError, OutboxService, SYSTEM_ACTOR } from '@app/core';
import { Scope } from '@app/identity';
import { CallIncomplete, InvalidCallTransition } from './calls.errors';
import { Call, CallChange, CallsRepository } from './calls.repository';
import { CallAction, completenessProblems, nextCallStatus } from './domain/call-rules';
import { CallTransitionView, CallWarning } from './dto/call.dto';

const ACTION_AUDIT: Record<CallAction, string> = {
  publish: 'call.published',
  open: 'call.opened',
  close: 'call.closed',
  review: 'call.under_review',
  decide: 'call.decided',
};

/**
 * A call's lifecycle (publish, open, close by hand or at the deadline, under review, decided) and what other
 * contexts need of a call (read, lock). Drafting is in CallDraftsService, reads by scope in CallQueriesService.
 */
@Injectable()
export class CallsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: CallsRepository,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  /** publish, open, close by a fund manager. Opening below the fund's new-call target warns, never refuses. */
  async transition(
    id: string,
    action: 'publish' | 'open' | 'close',
    actor: Actor,
  ): Promise<CallTransitionView> {
    return this.dataSource.transaction(async (em) => {
      const call = await this.lockById(em, id);
      Scope.assertFund(actor, call.fundId, 'call', id);
      if (action === 'publish' || action === 'open') {
        const problems = completenessProblems(call, this.clock.now());
        if (nextCallStatus(call.status, action) && problems.length) throw new CallIncomplete(problems);
      }
      const warnings: CallWarning[] = [];
      if (action === 'open' && nextCallStatus(call.status, action)) {
        const { target, available } = await this.repo.fundTarget(em, call.fundId);
        if (available < target) {
          warnings.push({
            code: 'CALLS.BELOW_TARGET',
            message: `The fund's available balance (${available} minor units of ${call.currency}) is below its new-call target (${target})`,
          });
          await this.audit.record(em, actor, {
            action: 'call.opened_below_target',
            entity: 'call',
            entityId: id,
            summary: { fundId: call.fundId, available: available.toString(), target: target.toString() },
          });
        }
      }
      const moved = await this.apply(em, call, action, actor);
      return { ...moved, warnings };
    });
  }

  /** A call by id, whatever its status (callers apply their own scope). */
  async get(em: EntityManager, id: string): Promise<Call> {
    const call = await this.repo.findById(em, id);
    if (!call) throw new NotFoundError('call', id);
    return call;
  }

  /**
   * SELECT ... FOR UPDATE (or FOR SHARE with 'read'). Lock order: an application first, then its call, so a
   * submission and a close of the same call serialize without deadlocks.
   */
  async lockById(em: EntityManager, id: string, mode: 'write' | 'read' = 'write'): Promise<Call> {
    const call = await this.repo.lockById(em, id, mode);
    if (!call) throw new NotFoundError('call', id);
    return call;
  }

  /**
   * Closes every open call whose deadline has passed (the `calls.close-due` job). Each call closes in its
   * own transaction under its row lock, with the audit row and the status-changed event; a call already
   * closed (by hand or by another worker) is left alone, so running it twice changes nothing.
   */
  async closeDue(actor: Actor = SYSTEM_ACTOR): Promise<string[]> {
    const now = this.clock.now();
    const due = await this.repo.dueToClose(this.dataSource.manager, now);
    const closed: string[] = [];
    for (const id of due) {
      const done = await this.dataSource.transaction(async (em) => {
        const call = await this.lockById(em, id);
        if (call.status !== 'open' || !call.deadline || call.deadline.getTime() > now.getTime()) return false;
        await this.apply(em, call, 'close', actor);
        return true;
      });
      if (done) closed.push(id);
    }
    return closed;
  }

  /** closed -> under_review (at the first reviewer's assignment); a call already under review stays so. */
  async markUnderReview(em: EntityManager, callId: string, actor: Actor = SYSTEM_ACTOR): Promise<Call> {
    const call = await this.lockById(em, callId);
    if (call.status === 'under_review') return call;
    return this.apply(em, call, 'review', actor);
  }

  /** under_review -> decided (when every eligible application has a decision); idempotent. */
  async markDecided(em: EntityManager, callId: string, actor: Actor = SYSTEM_ACTOR): Promise<Call> {
    const call = await this.lockById(em, callId);
    if (call.status === 'decided') return call;
    return this.apply(em, call, 'decide', actor);
  }

  private async apply(em: EntityManager, call: Call, action: CallAction, actor: Actor): Promise<Call> {
    const next = nextCallStatus(call.status, action);
    if (!next) throw new InvalidCallTransition(call.status, action);
    const from = call.status;
    const now = this.clock.now();
    const change: CallChange = { status: next };
    if (next === 'published') change.publishedAt = now;
    if (next === 'open') change.openedAt = now;
    if (next === 'closed') change.closedAt = now;
    const moved = await this.repo.update(em, call.id, change);
    await this.audit.record(em, actor, {
      action: ACTION_AUDIT[action],
      entity: 'call',
      entityId: call.id,
      summary: { from, to: next },
    });
    await this.outbox.add(em, JOB.CALL_STATUS_CHANGED, { callId: call.id, status: next });
    return moved;
  }
}
