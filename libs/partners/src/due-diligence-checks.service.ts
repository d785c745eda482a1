import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AwardTerms, Clock, DueDiligenceChecks, DueDiligenceGate } from '@app/core';
import { expiredRequired } from './domain/profile';
import { SCHEDULE_BY_RISK } from './domain/risk';
import { isoDay } from './partner-access';
import {
  BankChangePending,
  DocumentExpired,
  DueDiligenceRequired,
  NotEligible,
  OrganizationBlocked,
  RedFlag,
} from './partners.errors';
import { ProfilesRepository } from './repositories/profiles.repository';
import { RiskRepository } from './repositories/risk.repository';
import { ScreeningService } from './screening.service';

/**
 * The partners context's side of core's DueDiligenceGate: what identity (verification), applications
 * (submission) and grants (decision, disbursement) ask, answered from this context's own tables in the
 * caller's transaction. Rules that only exist once due-diligence data exists always apply; the complete,
 * verified profile is required only by funds whose setting asks for it (docs/adr/0009).
 */
@Injectable()
export class DueDiligenceChecksService implements DueDiligenceChecks, OnModuleInit {
  constructor(
    private readonly gate: DueDiligenceGate,
    private readonly profiles: ProfilesRepository,
    private readonly risk: RiskRepository,
    private readonly screening: ScreeningService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.gate.use(this);
  }

  async beforeVerification(em: EntityManager, organizationId: string): Promise<void> {
    await this.screening.assertNoHits(em, organizationId);
  }

  async beforeSubmission(em: EntityManager, organizationId: string, fundId: string): Promise<void> {
    const { confirmed } = await this.blocking(em, organizationId);
    if (confirmed) throw new OrganizationBlocked();
    const now = this.clock.now();
    const expired = expiredRequired(await this.profiles.documents(em, organizationId), isoDay(now));
    if (expired.length) throw new DocumentExpired(expired);
    const settings = await this.risk.settings(em, fundId);
    if (!settings.dueDiligenceRequired) return;
    const p = await this.profiles.get(em, organizationId);
    if (!p?.ddVerifiedAt) throw new DueDiligenceRequired();
    const until = new Date(p.ddVerifiedAt);
    until.setUTCFullYear(until.getUTCFullYear() + settings.verificationYears);
    if (until <= now)
      throw new DueDiligenceRequired(
        `The organization's due-diligence verification expired on ${isoDay(until)}; it must be verified again`,
      );
  }

  async termsForAward(em: EntityManager, organizationId: string, fundId: string): Promise<AwardTerms | null> {
    await this.screening.assertNoHits(em, organizationId);
    if ((await this.risk.openRedFlags(em, organizationId)) > 0) throw new RedFlag();
    const rating = await this.risk.currentRating(em, organizationId, fundId);
    if (!rating) return null;
    if (rating.level === 'not_eligible') throw new NotEligible();
    const settings = await this.risk.settings(em, fundId);
    return {
      riskLevel: rating.level,
      tranches: SCHEDULE_BY_RISK[rating.level].map((t) => ({ ...t })),
      maxAward: settings.maxAward[rating.level],
      reportEveryMonths: settings.reportMonths[rating.level],
    };
  }

  async beforePayment(em: EntityManager, organizationId: string): Promise<void> {
    // FOR SHARE: a bank change being written waits for this payment, or this payment for it.
    const p = await this.profiles.get(em, organizationId, 'share');
    if (p?.pendingBank) throw new BankChangePending();
    await this.screening.assertNoHits(em, organizationId);
  }

  private blocking(em: EntityManager, organizationId: string) {
    return this.screening.blockingIn(em, organizationId);
  }
}
