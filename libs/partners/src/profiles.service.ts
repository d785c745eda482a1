import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, Clock, JOB, NotFoundError, OutboxService, RequestInvalid } from '@app/core';
import { OrganizationsService } from '@app/identity';
import { BankAccount, checkBank, sameAccount } from './domain/bank';
import { completenessProblems, ProfileDetails, stateOf } from './domain/profile';
import { UpdatePartnerProfileDto } from './dto/profile.dto';
import { assertOwn, assertReadable, isoDay } from './partner-access';
import { DocumentView, DuplicateView, ProfileView } from './partner.views';
import { BankChangePending, NoBankChange, ProfileIncomplete } from './partners.errors';
import { DocumentRecord, ProfilesRepository } from './repositories/profiles.repository';
import { ScreeningService } from './screening.service';

const DETAIL_KEYS = [
  'registration',
  'yearFounded',
  'office',
  'head',
  'keyPeople',
  'mandate',
  'populations',
  'budgets',
  'psea',
  'antiFraudPolicy',
  'declaration',
] as const;

export function toDocumentView(d: DocumentRecord, today: string): DocumentView {
  const { organizationId: _org, ...rest } = d;
  return { ...rest, expired: d.expiresOn !== null && d.expiresOn < today };
}

/**
 * The NGO's profile: partial saves (the wizard saves each step), the bank account and its change after
 * verification (payments suspended until a fund manager approves), duplicates, and the due-diligence
 * verification that needs a complete profile, no open sanctions hit and no pending bank change.
 */
@Injectable()
export class ProfilesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: ProfilesRepository,
    private readonly organizations: OrganizationsService,
    private readonly screening: ScreeningService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async get(organizationId: string, actor: Actor): Promise<ProfileView> {
    assertReadable(actor, organizationId);
    return this.viewIn(this.dataSource.manager, organizationId);
  }

  async viewIn(em: EntityManager, organizationId: string): Promise<ProfileView> {
    if (!(await this.organizations.findIn(em, organizationId)))
      throw new NotFoundError('organization', organizationId);
    const p = await this.repo.get(em, organizationId);
    const docs = await this.repo.documents(em, organizationId);
    const now = this.clock.now();
    const today = isoDay(now);
    const state = stateOf(p);
    const missing = completenessProblems(state, docs, today, now.getUTCFullYear());
    return {
      organizationId,
      legalName: state.legalName,
      otherNames: state.otherNames,
      acronyms: state.acronyms,
      ...(state.details as object),
      bank: state.bank,
      pendingBank: p?.pendingBank ?? null,
      paymentsSuspended: Boolean(p?.pendingBank),
      dueDiligenceVerifiedAt: p?.ddVerifiedAt ?? null,
      missing,
      complete: missing.length === 0,
      documents: docs.map((d) => toDocumentView(d, today)),
      updatedAt: p?.updatedAt ?? null,
    } as ProfileView;
  }

  async update(organizationId: string, dto: UpdatePartnerProfileDto, actor: Actor): Promise<ProfileView> {
    assertOwn(actor, organizationId);
    let bank: BankAccount | null = null;
    if (dto.bank) {
      const checked = checkBank({
        holder: dto.bank.holder.trim(),
        bankName: dto.bank.bankName.trim(),
        bic: dto.bank.bic,
        iban: dto.bank.iban ?? null,
        accountNumber: dto.bank.accountNumber?.trim() || null,
        country: dto.bank.country,
      });
      if (checked.problems.length)
        throw new RequestInvalid(checked.problems, checked.problems.flatMap((p) => p.messages).join('; '));
      bank = checked.bank;
    }
    return this.dataSource.transaction(async (em) => {
      const org = await this.organizations.findIn(em, organizationId);
      if (!org) throw new NotFoundError('organization', organizationId);
      const p = await this.repo.lockOrCreate(em, organizationId);
      const details: ProfileDetails = { ...p.details };
      for (const key of DETAIL_KEYS)
        if (dto[key] !== undefined) (details as Record<string, unknown>)[key] = dto[key];
      let current = p.bank;
      let pending = p.pendingBank;
      let bankChangeRequested = false;
      const verified = Boolean(p.ddVerifiedAt || org.verifiedAt);
      if (bank && !sameAccount(current, bank)) {
        if (current && verified) {
          // A change of bank details after verification waits for a fund manager (payments suspended).
          pending = bank;
          bankChangeRequested = true;
        } else {
          current = bank;
          pending = null;
        }
      } else if (bank && pending) {
        pending = null; // the NGO went back to the approved account
      }
      await this.repo.write(
        em,
        organizationId,
        {
          legalName: dto.legalName?.trim() ?? p.legalName,
          otherNames: dto.otherNames ?? p.otherNames,
          acronyms: dto.acronyms ?? p.acronyms,
          details,
          bank: current,
          pendingBank: pending,
          bankChangeRequested,
        },
        actor.userId,
      );
      await this.audit.record(em, actor, {
        action: 'partner.profile-updated',
        entity: 'organization',
        entityId: organizationId,
        summary: { fields: Object.keys(dto), bankChangeRequested },
      });
      if (bankChangeRequested) {
        await this.audit.record(em, actor, {
          action: 'partner.bank-change-requested',
          entity: 'organization',
          entityId: organizationId,
          summary: { from: maskAccount(p.bank), to: maskAccount(bank) },
        });
        await this.outbox.add(em, JOB.PARTNER_BANK_CHANGED, { organizationId, event: 'requested' });
      }
      const reg = details.registration ?? null;
      await this.screening.linkDuplicates(
        em,
        organizationId,
        reg,
        current?.iban ?? current?.accountNumber ?? null,
        actor,
      );
      const names = ['legalName', 'otherNames', 'acronyms', 'head', 'keyPeople'];
      if (names.some((k) => k in dto)) await this.outbox.add(em, JOB.PARTNER_SCREEN, { organizationId });
      return this.viewIn(em, organizationId);
    });
  }

  /** The organization as identity holds it (its name for the verifier's page). */
  async organization(organizationId: string) {
    const org = await this.organizations.findIn(this.dataSource.manager, organizationId);
    if (!org) throw new NotFoundError('organization', organizationId);
    return org;
  }

  async duplicates(organizationId: string): Promise<DuplicateView[]> {
    const rows = await this.repo.duplicates(this.dataSource.manager, organizationId);
    return rows.map((d) => ({ organizationId: d.otherId, reason: d.reason, createdAt: d.createdAt }));
  }

  /** Due-diligence verification (staff): a complete profile, no sanctions hit, no pending bank change. */
  async verify(organizationId: string, actor: Actor): Promise<ProfileView> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.organizations.findIn(em, organizationId)))
        throw new NotFoundError('organization', organizationId);
      const p = await this.repo.lockOrCreate(em, organizationId);
      const now = this.clock.now();
      const docs = await this.repo.documents(em, organizationId);
      const missing = completenessProblems(stateOf(p), docs, isoDay(now), now.getUTCFullYear());
      if (missing.length) throw new ProfileIncomplete(missing);
      await this.screening.assertNoHits(em, organizationId);
      if (p.pendingBank) throw new BankChangePending();
      await this.repo.setVerified(em, organizationId, actor.userId, now);
      await this.audit.record(em, actor, {
        action: 'partner.due-diligence-verified',
        entity: 'organization',
        entityId: organizationId,
        summary: { documents: docs.length },
      });
      return this.viewIn(em, organizationId);
    });
  }

  /** A fund manager approves (the new account becomes the account) or rejects a change of bank details. */
  async decideBankChange(
    organizationId: string,
    approve: boolean,
    reason: string,
    actor: Actor,
  ): Promise<ProfileView> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.organizations.findIn(em, organizationId)))
        throw new NotFoundError('organization', organizationId);
      const p = await this.repo.lockOrCreate(em, organizationId);
      if (!p.pendingBank) throw new NoBankChange();
      const state = stateOf(p);
      await this.repo.write(
        em,
        organizationId,
        {
          legalName: state.legalName,
          otherNames: state.otherNames,
          acronyms: state.acronyms,
          details: state.details,
          bank: approve ? p.pendingBank : p.bank,
          pendingBank: null,
          bankChangeRequested: false,
        },
        actor.userId,
      );
      await this.audit.record(em, actor, {
        action: approve ? 'partner.bank-change-approved' : 'partner.bank-change-rejected',
        entity: 'organization',
        entityId: organizationId,
        summary: { reason, account: maskAccount(p.pendingBank) },
      });
      await this.outbox.add(em, JOB.PARTNER_BANK_CHANGED, {
        organizationId,
        event: approve ? 'approved' : 'rejected',
      });
      return this.viewIn(em, organizationId);
    });
  }
}

/** An account as the audit log keeps it: the bank and the last four characters only. */
function maskAccount(b: BankAccount | null): string | null {
  if (!b) return null;
  const acc = b.iban ?? b.accountNumber ?? '';
  return `${b.bic} ...${acc.slice(-4)}`;
}
