import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import type { GrantEvent } from '@app/core';
import { NotificationsService } from '@app/identity';
import { GrantsRepository } from '../repositories/grants.repository';

const MESSAGES: Record<GrantEvent, (title: string) => string> = {
  approved: (t) => `Your application "${t}" was approved: a grant agreement is ready to sign.`,
  signed: (t) => `The grant agreement for "${t}" is signed; the first tranche is due.`,
  disbursed: (t) => `A tranche of "${t}" was paid.`,
  cancelled: (t) => `The undisbursed tranches of "${t}" were cancelled.`,
  returned: (t) => `Your return of unspent funds for "${t}" was recorded.`,
  'report-submitted': (t) => `We received your report on "${t}".`,
  'report-accepted': (t) => `Your report on "${t}" was accepted.`,
  'report-returned': (t) => `Your report on "${t}" was returned with comments.`,
  closed: (t) => `The grant "${t}" is closed. Thank you.`,
  accepted: (t) => `You accepted the grant "${t}": its agreement is ready for your signatory.`,
  amended: (t) => `An amendment to "${t}" took effect; a changed agreement is signed again.`,
  'amendment-rejected': (t) => `An amendment you asked for on "${t}" was not approved.`,
  'refund-owed': (t) => `An assurance check of "${t}" found ineligible costs: a refund is owed.`,
};

function isGrantEvent(event: string | undefined): event is GrantEvent {
  return event !== undefined && Object.hasOwn(MESSAGES, event);
}

/** Tells the grantee NGO's members what happened to their grant (in-app; mail goes from these rows). */
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
      subject: `Grant "${grant.title}": ${event.replace('-', ' ')}`,
      body: MESSAGES[event](grant.title),
    });
  }
}
