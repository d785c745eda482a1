import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AuditService, Clock } from '@app/core';
import { FundsService } from '@app/funds';
import { Scope } from '@app/identity';
import { CallIncomplete, CallNotEditable, InvalidCall, RubricFrozen } from './calls.errors';
import { CallChange, CallsRepository } from './calls.repository';
import { CallsService } from './calls.service';
import { completenessProblems, EDITABLE_FIELDS, orderProblems } from './domain/call-rules';
import { CallView, CreateCallDto, UpdateCallDto } from './dto/call.dto';

/** Whether a field's new value differs from the stored one (arrays, dates and the rubric by value). */
function differs(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() !== b.getTime();
  return JSON.stringify(a) !== JSON.stringify(b);
}

/** Drafting a call: creating it and editing what its status still allows. */
@Injectable()
export class CallDraftsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly calls: CallsService,
    private readonly funds: FundsService,
    private readonly repo: CallsRepository,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async create(dto: CreateCallDto, actor: Actor): Promise<CallView> {
    return this.dataSource.transaction(async (em) => {
      Scope.assertFund(actor, dto.fundId);
      const fund = await this.funds.getIn(em, dto.fundId);
      const draft = {
        fundId: dto.fundId,
        title: dto.title.trim(),
        description: dto.description ?? null,
        themes: dto.themes ?? [],
        eligibleCountries: dto.eligibleCountries ?? [],
        minAward: dto.minAward ?? null,
        maxAward: dto.maxAward ?? null,
        envelope: dto.envelope ?? null,
        currency: fund.currency,
        deadline: dto.deadline ? new Date(dto.deadline) : null,
        rubric: dto.rubric ? dto.rubric.map((c) => ({ ...c })) : [],
        blind: dto.blind ?? false,
        createdBy: actor.userId,
      };
      const problems = orderProblems(draft);
      if (problems.length) throw new InvalidCall(problems);
      const call = await this.repo.insert(em, draft);
      await this.audit.record(em, actor, {
        action: 'call.created',
        entity: 'call',
        entityId: call.id,
        summary: { fundId: call.fundId, title: call.title },
      });
      return call;
    });
  }

  async update(id: string, dto: UpdateCallDto, actor: Actor): Promise<CallView> {
    return this.dataSource.transaction(async (em) => {
      const before = await this.calls.lockById(em, id);
      Scope.assertFund(actor, before.fundId, 'call', id);
      const fields = Object.keys(dto).filter((k) => (dto as Record<string, unknown>)[k] !== undefined);
      if (fields.includes('rubric') && !EDITABLE_FIELDS[before.status].includes('rubric'))
        throw new RubricFrozen();
      const refused = fields.filter((f) => !EDITABLE_FIELDS[before.status].includes(f));
      if (refused.length) throw new CallNotEditable(before.status, refused);
      const change: CallChange = {};
      if (dto.title !== undefined) change.title = dto.title.trim();
      if (dto.description !== undefined) change.description = dto.description;
      if (dto.themes !== undefined) change.themes = dto.themes;
      if (dto.eligibleCountries !== undefined) change.eligibleCountries = dto.eligibleCountries;
      if (dto.minAward !== undefined) change.minAward = dto.minAward;
      if (dto.maxAward !== undefined) change.maxAward = dto.maxAward;
      if (dto.envelope !== undefined) change.envelope = dto.envelope;
      if (dto.deadline !== undefined) change.deadline = new Date(dto.deadline);
      if (dto.rubric !== undefined) change.rubric = dto.rubric.map((c) => ({ ...c }));
      if (dto.blind !== undefined) change.blind = dto.blind;
      const edited: CallView = { ...before, ...change };
      const order = orderProblems(edited);
      if (order.length) throw new InvalidCall(order);
      // Past draft the call must stay publishable (complete, deadline ahead).
      if (before.status !== 'draft') {
        const problems = completenessProblems(edited, this.clock.now());
        if (problems.length) throw new CallIncomplete(problems);
      }
      // As an entity's save did: only what really changed is written (and nothing when nothing did).
      const written = Object.fromEntries(
        Object.entries(change).filter(([k, v]) => differs(v, before[k as keyof CallView])),
      ) as CallChange;
      const call = Object.keys(written).length ? await this.repo.update(em, id, written) : before;
      const changed = Object.fromEntries(
        fields.map((f) => [f, { from: before[f as keyof CallView], to: call[f as keyof CallView] }]),
      );
      await this.audit.record(em, actor, {
        action: 'call.updated',
        entity: 'call',
        entityId: id,
        summary: changed,
      });
      return call;
    });
  }
}
