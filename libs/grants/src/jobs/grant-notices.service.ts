import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { GrantEvent } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { GrantsRepository } from '../repositories/grants.repository';
import { GRANT_NOTICE_TEXTS, grantNoticeTemplates } from './grant-notice-texts';

function isGrantEvent(event: string | undefined): event is GrantEvent {
  return event !== undefined && Object.hasOwn(GRANT_NOTICE_TEXTS.en.events, event);
}

/**
 * Tells the grantee NGO's members what happened to their grant, each in their own language (in-app; mail
 * goes from these rows).
 */
@Injectable()
export class GrantNoticesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsRepository,
    private readonly notifications: NotificationsService,
  ) {}

  /** One notice per member and job: a re-run of the same job writes nothing new. */
  async grantChanged(jobId: string | undefined, grantId?: string, event?: string): Promise<number> {
    if (!grantId || !isGrantEvent(event))
      throw new UnrecoverableError('grantId and a known event are needed');
    const em = this.dataSource.manager;
    const grant = await this.grants.byId(em, grantId);
    if (!grant) throw new UnrecoverableError(`grant ${grantId} not found`);
    const members = await this.notifications.usersOfOrganization(em, grant.organizationId, 'ngo');
    return this.notifications.notifyUsers(members, {
      eventId: `grant:${jobId}`,
      kind: `grant.${event}`,
      ...noticeTexts(grantNoticeTemplates(event), { title: grant.title }),
    });
  }
}
