import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, AuditService, Clock, JOB, NotFoundError, OutboxService } from '@app/core';
import { FundLogoService, FundsService } from '@app/funds';
import { OrganizationsService, UsersService } from '@app/identity';
import { dueAtSignature } from '../domain/tranches';
import { GrantQueriesService } from '../grant-queries.service';
import { GrantAlreadySigned, GrantStateConflict } from '../grants.errors';
import { GrantReportsRepository } from '../repositories/grant-reports.repository';
import { Grant, GrantsRepository } from '../repositories/grants.repository';
import { TranchesRepository } from '../repositories/tranches.repository';
import { AgreementData, agreementPdf, sha256 } from './agreement-pdf';
import { AgreementsRepository, AgreementVersion } from './agreements.repository';
import { AmendmentsRepository } from './amendments.repository';
import { OffersRepository } from './offers.repository';
import { AgreementChanged, NotTheSignatory, SignatureMissing } from './post-award.errors';
import { SignAgreementDto } from './post-award.dto';
import { SPECIAL_CONDITIONS } from './special-conditions';
import type { SpecialConditionsProvider } from './special-conditions';

/**
 * The generated agreement and its signatures (the full workflow, ADR 0012): a version is generated at
 * acceptance and after every approved change; the grantee's named signatory signs the version it read (by
 * its hash), then a fund manager countersigns it. Tranches fall due at a countersignature.
 */
@Injectable()
export class AgreementSigningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queries: GrantQueriesService,
    private readonly grants: GrantsRepository,
    private readonly tranches: TranchesRepository,
    private readonly reports: GrantReportsRepository,
    private readonly offers: OffersRepository,
    private readonly agreements: AgreementsRepository,
    private readonly amendments: AmendmentsRepository,
    private readonly funds: FundsService,
    private readonly organizations: OrganizationsService,
    private readonly users: UsersService,
    private readonly logos: FundLogoService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
    @Optional() @Inject(SPECIAL_CONDITIONS) private readonly conditions?: SpecialConditionsProvider,
  ) {}

  /** Generates the next version of the agreement from the grant as it stands (the grant is locked). */
  async generateIn(em: EntityManager, g: Grant): Promise<AgreementVersion> {
    const offer = await this.offers.offer(em, g.id);
    const language = offer.language ?? 'en';
    const fund = await this.funds.getIn(em, g.fundId);
    const organization = await this.organizations.get(g.organizationId);
    const special = this.conditions
      ? ((await this.conditions.forOrganizationIn(em, g.organizationId, g.fundId, language))?.conditions ??
        [])
      : [];
    const version = ((await this.agreements.latest(em, g.id))?.version ?? 0) + 1;
    const generatedAt = this.clock.now();
    const signatory = offer.signatoryId
      ? (await this.users.labelsIn(em, [offer.signatoryId])).get(offer.signatoryId)?.name
      : undefined;
    const data: AgreementData = {
      grantId: g.id,
      version,
      title: g.title,
      fundName: fund.name,
      organizationName: organization.name,
      currency: g.currency,
      amount: g.amount,
      psc: g.psc,
      pscRateBps: g.pscRateBps,
      tranches: (await this.tranches.ofGrant(em, g.id))
        .filter((t) => t.state !== 'cancelled')
        .map((t) => ({ n: t.n, amount: t.amount, condition: t.condition })),
      schedule: await this.amendments.schedule(em, g.id),
      budget: await this.amendments.budget(em, g.id),
      endDate: offer.endDate ?? '',
      language,
      specialConditions: special,
      generatedAt,
      signatoryName: signatory,
    };
    const pdf = await agreementPdf({ ...data, logo: await this.logos.letterheadIn(em, g.fundId) });
    const v: AgreementVersion = { version, sha256: sha256(pdf), language, generatedAt };
    await this.agreements.insert(em, g.id, v, pdf, data);
    return v;
  }

  /**
   * The PDF of a version (the current one by default), for whoever may see the grant: the version as
   * generated (its SHA-256 is the one signed), or with `signed` a copy of it carrying the signatures
   * recorded on it (who, when, from which address, the version's hash) on the fund's current letterhead.
   */
  async pdf(
    id: string,
    version: number | undefined,
    actor: Actor,
    signed = false,
  ): Promise<{ pdf: Buffer; version: number }> {
    const em = this.dataSource.manager;
    const g = await this.queries.visibleIn(em, id, actor);
    const n = version ?? (await this.agreements.latest(em, id))?.version;
    const pdf = n === undefined ? undefined : await this.agreements.pdf(em, id, n);
    if (!pdf || n === undefined)
      throw new NotFoundError('resource', `${id}/agreement/${version ?? 'current'}`);
    const data = signed ? await this.agreements.renderData(em, id, n) : null;
    if (!data) return { pdf, version: n };
    const stored = data as AgreementData & { generatedAt: string };
    const recorded = (await this.agreements.signatures(em, id)).filter((s) => s.version === n);
    const names = await this.users.labelsIn(
      em,
      recorded.map((s) => s.userId),
    );
    const copy = await agreementPdf(
      {
        ...stored,
        generatedAt: new Date(stored.generatedAt),
        logo: await this.logos.letterheadIn(em, g.fundId),
      },
      {
        sha256: sha256(pdf),
        signatures: recorded.map((s) => ({
          party: s.party,
          name: names.get(s.userId)?.name ?? s.userId,
          signedAt: s.signedAt,
          address: s.address,
          sha256: s.sha256,
        })),
      },
    );
    return { pdf: copy, version: n };
  }

  /** The grantee's named signatory signs the current version, naming its hash. */
  async signAsGrantee(id: string, dto: SignAgreementDto, actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const g = await this.queries.lockVisible(em, id, actor);
      if (g.status !== 'active') throw new GrantStateConflict(g.status);
      const offer = await this.offers.offer(em, id);
      if (offer.workflow !== 'full' || offer.offerState !== 'accepted') {
        throw new SignatureMissing('The grantee signs once the offer is accepted (full workflow)');
      }
      if (offer.signatoryId !== actor.userId) throw new NotTheSignatory();
      const current = await this.agreements.latest(em, id);
      if (!current) throw new SignatureMissing('No agreement was generated yet');
      if (current.version !== dto.version || current.sha256 !== dto.sha256) {
        throw new AgreementChanged(current.version, current.sha256);
      }
      const signed = await this.agreements.signatures(em, id);
      if (signed.some((s) => s.version === current.version && s.party === 'ngo'))
        throw new GrantAlreadySigned();
      await this.agreements.sign(em, id, {
        version: current.version,
        party: 'ngo',
        userId: actor.userId!,
        signedAt: this.clock.now(),
        address: actor.address ?? null,
        sha256: current.sha256,
      });
      await this.audit.record(em, actor, {
        action: 'grant.agreement-signed',
        entity: 'grant',
        entityId: id,
        summary: { version: current.version, sha256: current.sha256, party: 'ngo' },
      });
    });
  }

  /**
   * A fund manager's countersignature (what `POST /grants/:id/sign` is in the full workflow): the current
   * version signed by the grantee; every tranche whose condition is met falls due.
   */
  async countersignIn(em: EntityManager, g: Grant, actor: Actor): Promise<Date> {
    const offer = await this.offers.offer(em, g.id);
    if (offer.offerState !== 'accepted') {
      throw new SignatureMissing(
        `The offer is ${offer.offerState}: it is signed once the grantee accepts it`,
      );
    }
    const current = await this.agreements.latest(em, g.id);
    const signed = await this.agreements.signatures(em, g.id);
    const on = (party: string) =>
      current && signed.some((s) => s.version === current.version && s.party === party);
    if (!current || !on('ngo')) {
      throw new SignatureMissing('The grantee has not signed the current version of the agreement');
    }
    if (on('fund_manager')) throw new GrantAlreadySigned();
    const now = this.clock.now();
    await this.agreements.sign(em, g.id, {
      version: current.version,
      party: 'fund_manager',
      userId: actor.userId!,
      signedAt: now,
      address: actor.address ?? null,
      sha256: current.sha256,
    });
    if (!g.signedAt) await this.grants.markSigned(em, g.id, now);
    const due = dueAtSignature(
      await this.tranches.ofGrant(em, g.id),
      await this.reports.acceptedCount(em, g.id),
    );
    await this.tranches.makeDue(
      em,
      g.id,
      due.map((t) => t.n),
      now,
    );
    await this.audit.record(em, actor, {
      action: 'grant.signed',
      entity: 'grant',
      entityId: g.id,
      summary: { version: current.version, sha256: current.sha256, party: 'fund_manager' },
    });
    await this.outbox.add(em, JOB.GRANT_CHANGED, { grantId: g.id, event: 'signed' });
    return g.signedAt ?? now;
  }
}
