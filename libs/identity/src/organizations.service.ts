import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  encodeCursor,
  NotFoundError,
  Page,
  pageLimit,
  PageQuery,
  toPage,
} from '@app/core';
import { OrganizationView } from './dto/identity.dto';
import { Organization } from './entities/organization.entity';
import { toOrganizationView } from './views';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(query: PageQuery & { verified?: 'true' | 'false' }): Promise<Page<OrganizationView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const qb = this.dataSource
      .getRepository(Organization)
      .createQueryBuilder('o')
      .orderBy('o.createdAt', 'DESC')
      .addOrderBy('o.id', 'DESC')
      .limit(limit + 1);
    if (query.verified === 'true') qb.andWhere('o.verifiedAt IS NOT NULL');
    if (query.verified === 'false') qb.andWhere('o.verifiedAt IS NULL');
    if (cursor) qb.andWhere('(o.createdAt, o.id) < (:at, :id)', { at: cursor.at, id: cursor.id });
    const rows = await qb.getMany();
    return toPage(rows, limit, toOrganizationView, (o) => encodeCursor(o.createdAt, o.id));
  }

  async get(id: string): Promise<OrganizationView> {
    const org = await this.dataSource.getRepository(Organization).findOneBy({ id });
    if (!org) throw new NotFoundError('organization', id);
    return toOrganizationView(org);
  }

  /** Verifying twice changes nothing and answers the same organization. */
  async verify(id: string, actor: Actor): Promise<OrganizationView> {
    return this.dataSource.transaction(async (em) => {
      const org = await em.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFoundError('organization', id);
      if (org.verifiedAt) return toOrganizationView(org);
      org.verifiedAt = this.clock.now();
      org.verifiedBy = actor.userId;
      await em.save(org);
      await this.audit.record(em, actor, {
        action: 'organization.verified',
        entity: 'organization',
        entityId: id,
        summary: { name: org.name },
      });
      return toOrganizationView(org);
    });
  }
}
