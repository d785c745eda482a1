import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, Clock } from '@app/core';
import { GrantQueriesService } from '../grant-queries.service';
import { Grant } from '../repositories/grants.repository';
import { GrantReportsRepository } from '../repositories/grant-reports.repository';
import { TranchesRepository } from '../repositories/tranches.repository';
import { AgreementsRepository } from './agreements.repository';
import { AmendmentsRepository } from './amendments.repository';
import { AssuranceRepository } from './assurance.repository';
import { OffersRepository } from './offers.repository';
import { isoDate, OpenItem, scheduleState } from './post-award.rules';
import { PostAwardView } from './post-award.views';

/** The grant's post-award view, and the list of what is still open (what the close-out gate names). */
@Injectable()
export class PostAwardQueriesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: GrantQueriesService,
    private readonly offers: OffersRepository,
    private readonly agreements: AgreementsRepository,
    private readonly amendments: AmendmentsRepository,
    private readonly assurance: AssuranceRepository,
    private readonly tranches: TranchesRepository,
    private readonly reports: GrantReportsRepository,
    private readonly clock: Clock,
  ) {}

  async get(id: string, actor: Actor): Promise<PostAwardView> {
    return this.dataSource.transaction('REPEATABLE READ', async (em) => {
      const g = await this.queries.visibleIn(em, id, actor);
      return this.viewIn(em, g);
    });
  }

  /** Everything that keeps the grant from closing, in a fixed order. */
  async openItemsIn(em: EntityManager, grantId: string): Promise<OpenItem[]> {
    const open: OpenItem[] = [];
    if (!(await this.reports.finalAccepted(em, grantId))) {
      open.push({ kind: 'final_report', id: grantId, detail: 'the final report is not accepted' });
    }
    for (const t of await this.tranches.ofGrant(em, grantId)) {
      if (t.state !== 'paid' && t.state !== 'cancelled') {
        open.push({ kind: 'tranche', id: String(t.n), detail: `tranche ${t.n} is ${t.state}` });
      }
    }
    for (const r of await this.assurance.refunds(em, grantId)) {
      if (r.state === 'owed')
        open.push({ kind: 'refund', id: r.id, detail: `a refund of ${r.amount} is owed` });
    }
    for (const p of await this.assurance.actionPoints(em, grantId)) {
      if (p.state === 'open') {
        open.push({ kind: 'action_point', id: p.id, detail: `"${p.text}" (${p.owner}, due ${p.dueOn})` });
      }
    }
    for (const a of await this.assurance.activities(em, grantId)) {
      if (a.kind === 'audit' && a.state !== 'completed') {
        open.push({
          kind: 'audit',
          id: a.id,
          detail: `the audit planned on ${a.plannedOn} is not completed`,
        });
      }
    }
    for (const a of await this.amendments.all(em, grantId)) {
      if (a.state === 'requested') {
        open.push({
          kind: 'amendment',
          id: a.id,
          detail: `the ${a.kind.replace(/_/g, ' ')} awaits a decision`,
        });
      }
    }
    return open;
  }

  async viewIn(em: EntityManager, g: Grant): Promise<PostAwardView> {
    const offer = await this.offers.offer(em, g.id);
    const versions = await this.agreements.versions(em, g.id);
    const signatures = await this.agreements.signatures(em, g.id);
    const current = versions[versions.length - 1] ?? null;
    const signedBy = (party: string) =>
      !!current && signatures.some((s) => s.version === current.version && s.party === party);
    const spent = await this.amendments.spentByLine(em, g.id);
    const today = isoDate(this.clock.now());
    return {
      grantId: g.id,
      status: g.status,
      workflow: offer.workflow,
      offer: {
        state: offer.offerState,
        respondBy: offer.respondBy,
        decidedAt: offer.decidedAt,
        note: offer.note,
        language: offer.language,
        signatoryId: offer.signatoryId,
      },
      endDate: offer.endDate,
      currency: g.currency,
      amount: g.amount,
      originalAmount: offer.originalAmount,
      psc: g.psc,
      agreement: {
        current,
        versions,
        signatures,
        signedByGrantee: signedBy('ngo'),
        countersigned: signedBy('fund_manager'),
      },
      budget: (await this.amendments.budget(em, g.id)).map((l) => ({
        n: l.n,
        label: l.label,
        budget: l.amount,
        spent: spent.get(l.n) ?? 0,
        variance: l.amount - (spent.get(l.n) ?? 0),
      })),
      amendments: (await this.amendments.all(em, g.id)).map(({ grantId: _grant, ...a }) => a),
      reportSchedule: (await this.amendments.schedule(em, g.id)).map((e) => ({
        n: e.n,
        final: e.final,
        dueOn: e.dueOn,
        state: scheduleState(e, today),
        reportId: e.reportId,
      })),
      assurance: await this.assurance.activities(em, g.id),
      findings: await this.assurance.findings(em, g.id),
      actionPoints: await this.assurance.actionPoints(em, g.id),
      refunds: await this.assurance.refunds(em, g.id),
      open: g.status === 'active' ? await this.openItemsIn(em, g.id) : [],
    };
  }
}
