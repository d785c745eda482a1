import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Actor,
  AuditService,
  Clock,
  decodeCursor,
  DueDiligenceGate,
  encodeCursor,
  NotFoundError,
  Page,
  pageLimit,
  PageQuery,
  toPage,
} from '@app/core';
import { OrganizationView } from './dto/identity.dto';
import { Organization } from './entities/organization.entity';
import { UsersRepository } from './users.repository';
import { toOrganizationView } from './views';

@Injectable()
export class OrganizationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly users: UsersRepository,
    private readonly dueDiligence: DueDiligenceGate,
  ) {}

  async list(query: PageQuery & { verified?: 'true' | 'false' }): Promise<Page<OrganizationView>> {
    const limit = pageLimit(query);
    const cursor = decodeCursor(query.cursor);
    const verified = query.verified === 'true' ? true : query.verified === 'false' ? false : null;
    const rows = await this.users.organizationsPage(this.dataSource.manager, cursor, limit + 1, verified);
    return toPage(rows, limit, toOrganizationView, (o) => encodeCursor(o.createdAt, o.id));
  }

  async get(id: string): Promise<OrganizationView> {
    const org = await this.dataSource.getRepository(Organization).findOneBy({ id });
    if (!org) throw new NotFoundError('organization', id);
    return toOrganizationView(org);
  }

  /** The organization in the caller's transaction, or null (the partners context's door to identity). */
  async findIn(em: EntityManager, id: string): Promise<OrganizationView | null> {
    const org = await em.getRepository(Organization).findOneBy({ id });
    return org ? toOrganizationView(org) : null;
  }

  /** Verifying twice changes nothing and answers the same organization. */
  async verify(id: string, actor: Actor): Promise<OrganizationView> {
    return this.dataSource.transaction(async (em) => {
      const org = await em.findOne(Organization, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!org) throw new NotFoundError('organization', id);
      if (org.verifiedAt) return toOrganizationView(org);
      // Due diligence (the partners context, through core's port): a sanctions hit blocks verification.
      await this.dueDiligence.beforeVerification(em, id);
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
