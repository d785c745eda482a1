import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** A risk level a capacity assessment gives (docs/adr/0010-partner-due-diligence.md). */
export type RiskLevel = 'low' | 'medium' | 'high';

/** One tranche of a default schedule, as the grants context plans it. */
export interface TermTranche {
  percent: number;
  condition: 'on_signature' | 'after_report';
}

/** The grant's terms a partner's risk rating sets at the decision (null fields: no term of that kind). */
export interface AwardTerms {
  riskLevel: RiskLevel;
  tranches: TermTranche[];
  maxAward: number | null;
  reportEveryMonths: number | null;
}

/**
 * The port through which identity, applications and grants ask the partners context (due diligence)
 * whether an organization may be verified, submit, be awarded or be paid, without reading its tables.
 * Each check runs in the caller's transaction (`em` first) and throws the partners context's DomainError
 * when it refuses.
 */
export interface DueDiligenceChecks {
  beforeVerification(em: EntityManager, organizationId: string): Promise<void>;
  beforeSubmission(em: EntityManager, organizationId: string, fundId: string): Promise<void>;
  /** Throws when no award may be made; the terms when a risk rating exists for the fund, else null. */
  termsForAward(em: EntityManager, organizationId: string, fundId: string): Promise<AwardTerms | null>;
  beforePayment(em: EntityManager, organizationId: string): Promise<void>;
}

/**
 * The port's one instance per process (CoreModule provides it to every context). The partners context
 * plugs its checks in when its module starts; a process without it (a tool, a test of one context) lets
 * everything through, as before due diligence existed.
 */
@Injectable()
export class DueDiligenceGate implements DueDiligenceChecks {
  private impl: DueDiligenceChecks | null = null;

  use(impl: DueDiligenceChecks): void {
    this.impl = impl;
  }

  async beforeVerification(em: EntityManager, organizationId: string): Promise<void> {
    await this.impl?.beforeVerification(em, organizationId);
  }

  async beforeSubmission(em: EntityManager, organizationId: string, fundId: string): Promise<void> {
    await this.impl?.beforeSubmission(em, organizationId, fundId);
  }

  async termsForAward(em: EntityManager, organizationId: string, fundId: string): Promise<AwardTerms | null> {
    return this.impl ? this.impl.termsForAward(em, organizationId, fundId) : null;
  }

  async beforePayment(em: EntityManager, organizationId: string): Promise<void> {
    await this.impl?.beforePayment(em, organizationId);
  }
}
