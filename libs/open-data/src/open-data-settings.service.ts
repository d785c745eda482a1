import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AuditService, InvalidInputError, NotFoundError } from '@app/core';
import { FundsService } from '@app/funds';
import { Scope } from '@app/identity';
import { DAC5_SECTORS, DEFAULT_SECTORS, SERVICE_LINES } from './domain/codes';
import {
  DonorConsentDto,
  DonorConsentView,
  OpenDataSettingsDto,
  OpenDataSettingsView,
  SensitiveGrantDto,
  SensitiveGrantView,
} from './dto/open-data.dto';
import { DEFAULT_SETTINGS, OpenDataRepository } from './open-data.repository';
import type { PublishingSettings } from './domain/facts';

function view(fundId: string, s: PublishingSettings): OpenDataSettingsView {
  return {
    fundId,
    iatiOrgRef: s.iatiOrgRef,
    iatiOrgType: s.iatiOrgType,
    sectors: { ...DEFAULT_SECTORS, ...s.sectors },
    sensitivePolicy: s.sensitivePolicy,
    updatedAt: s.updatedAt,
  };
}

/** Each fund's publishing settings, grants marked sensitive, donors' consent to be named: all audited. */
@Injectable()
export class OpenDataSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: OpenDataRepository,
    private readonly funds: FundsService,
    private readonly audit: AuditService,
  ) {}

  async get(fundId: string, actor: Actor): Promise<OpenDataSettingsView> {
    const fund = await this.funds.get(fundId, actor);
    return view(fund.id, await this.repo.settings(this.dataSource.manager, fund.id));
  }

  async put(fundId: string, dto: OpenDataSettingsDto, actor: Actor): Promise<OpenDataSettingsView> {
    const sectors = dto.sectors ?? {};
    for (const [service, code] of Object.entries(sectors)) {
      if (!SERVICE_LINES.includes(service))
        throw new InvalidInputError(
          `sectors.${service}`,
          `${service} is not a service line (${SERVICE_LINES.join(', ')})`,
        );
      if (typeof code !== 'string' || !DAC5_SECTORS[code])
        throw new InvalidInputError(
          `sectors.${service}`,
          `${String(code)} is not a DAC 5-digit sector code this system knows`,
        );
    }
    Scope.assertFund(actor, fundId);
    return this.dataSource.transaction(async (em) => {
      const fund = await this.funds.getIn(em, fundId);
      const saved = await this.repo.saveSettings(
        em,
        fund.id,
        {
          iatiOrgRef: dto.iatiOrgRef ?? null,
          iatiOrgType: dto.iatiOrgType ?? DEFAULT_SETTINGS.iatiOrgType,
          sectors,
          sensitivePolicy: dto.sensitivePolicy ?? DEFAULT_SETTINGS.sensitivePolicy,
        },
        actor.userId,
      );
      await this.audit.record(em, actor, {
        action: 'fund.open-data-settings',
        entity: 'fund',
        entityId: fund.id,
        summary: { iatiOrgRef: saved.iatiOrgRef, sectors, sensitivePolicy: saved.sensitivePolicy },
      });
      return view(fund.id, saved);
    });
  }

  async markSensitive(grantId: string, dto: SensitiveGrantDto, actor: Actor): Promise<SensitiveGrantView> {
    return this.dataSource.transaction(async (em) => {
      const fundId = await this.repo.grantFund(em, grantId);
      if (!fundId) throw new NotFoundError('grant', grantId);
      Scope.assertFund(actor, fundId, 'grant', grantId);
      const saved = await this.repo.setSensitive(em, grantId, dto.sensitive, dto.reason, actor.userId);
      await this.audit.record(em, actor, {
        action: dto.sensitive ? 'grant.marked-sensitive' : 'grant.unmarked-sensitive',
        entity: 'grant',
        entityId: grantId,
        summary: { reason: dto.reason },
      });
      return { grantId, ...saved };
    });
  }

  async setConsent(donorId: string, dto: DonorConsentDto, actor: Actor): Promise<DonorConsentView> {
    return this.dataSource.transaction(async (em) => {
      if (!(await this.repo.donorExists(em, donorId))) throw new NotFoundError('donor', donorId);
      const saved = await this.repo.setConsent(em, donorId, dto.publicConsent, actor.userId);
      await this.audit.record(em, actor, {
        action: 'donor.public-consent',
        entity: 'donor',
        entityId: donorId,
        summary: { publicConsent: dto.publicConsent },
      });
      return { donorId, ...saved };
    });
  }
}
