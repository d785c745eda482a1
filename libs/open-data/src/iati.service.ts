import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { FundsService } from '@app/funds';
import { grantActivity, IatiActivity, lastUpdatedOf } from './domain/iati-activities';
import { organisationModel } from './domain/iati-organisation';
import { activityProblems, organisationProblems } from './domain/iati-rules';
import { activitiesXml, organisationXml } from './domain/iati-xml';
import type { FundFacts, GrantActivityFacts, PublishingSettings } from './domain/facts';
import { IatiIdentifierUnset, NoPublicActivities } from './open-data.errors';
import { OpenDataRepository } from './open-data.repository';

/** A built IATI file: its bytes and the moment its data last changed (its generated-datetime). */
export interface IatiFile {
  xml: string;
  generated: Date;
}

interface Snapshot {
  fund: FundFacts;
  settings: PublishingSettings & { iatiOrgRef: string };
  grants: GrantActivityFacts[];
  generated: Date;
}

/**
 * The fund's IATI activity and organisation files. Everything is read in one REPEATABLE READ snapshot, and
 * `generated-datetime` is the latest change in the data (never the clock), so the same data gives the same
 * bytes: a registry, a cache or the nightly job can compare files by hash.
 */
@Injectable()
export class IatiService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: OpenDataRepository,
    private readonly funds: FundsService,
  ) {}

  private async snapshot(fundId: string): Promise<Snapshot> {
    return this.dataSource.transaction('REPEATABLE READ', (em) => this.snapshotIn(em, fundId));
  }

  async snapshotIn(em: EntityManager, fundId: string): Promise<Snapshot> {
    const f = await this.funds.getIn(em, fundId); // 404 for an unknown fund
    const settings = await this.repo.settings(em, fundId);
    if (!settings.iatiOrgRef) throw new IatiIdentifierUnset(fundId);
    const fund: FundFacts = {
      id: f.id,
      code: f.code,
      name: f.name,
      currency: f.currency,
      createdAt: f.createdAt,
    };
    const grants = await this.repo.grantFacts(em, fundId);
    const s = { ...settings, iatiOrgRef: settings.iatiOrgRef };
    const times = [
      fund.createdAt.getTime(),
      settings.updatedAt?.getTime() ?? 0,
      ...grants.map((g) => lastUpdatedOf(g, s).getTime()),
    ];
    return { fund, settings: s, grants, generated: new Date(Math.max(...times)) };
  }

  /** The activities of a snapshot, sorted by identifier; sensitive grants as the fund's policy says. */
  static activities(s: Snapshot): IatiActivity[] {
    return s.grants
      .map((g) => grantActivity(g, s.fund, s.settings))
      .filter((a): a is IatiActivity => a !== null)
      .sort((a, b) => (a.identifier < b.identifier ? -1 : a.identifier > b.identifier ? 1 : 0));
  }

  async activitiesFile(fundId: string): Promise<IatiFile> {
    const s = await this.snapshot(fundId);
    const activities = IatiService.activities(s);
    if (!activities.length) throw new NoPublicActivities(fundId);
    return { xml: activitiesXml(activities, s.generated), generated: s.generated };
  }

  async organisationFile(fundId: string): Promise<IatiFile> {
    const s = await this.snapshot(fundId);
    const model = organisationModel(s.fund, s.settings, s.grants, s.generated);
    return { xml: organisationXml(model, s.generated), generated: s.generated };
  }

  /** The IATI Standard's rules the schema cannot check, over both files of the fund: none is good. */
  async problems(fundId: string): Promise<string[]> {
    const s = await this.snapshot(fundId);
    const model = organisationModel(s.fund, s.settings, s.grants, s.generated);
    return [...IatiService.activities(s).flatMap(activityProblems), ...organisationProblems(model)];
  }

  /** Both files from one snapshot (the nightly job). */
  async files(fundId: string): Promise<{ activities: IatiFile | null; organisation: IatiFile }> {
    const s = await this.snapshot(fundId);
    const model = organisationModel(s.fund, s.settings, s.grants, s.generated);
    const activities = IatiService.activities(s);
    return {
      activities: activities.length
        ? { xml: activitiesXml(activities, s.generated), generated: s.generated }
        : null,
      organisation: { xml: organisationXml(model, s.generated), generated: s.generated },
    };
  }
}
