import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { nextReportDue, REMIND_DAYS_BEFORE } from '../domain/report-due';
import { GrantReportsRepository } from '../repositories/grant-reports.repository';
import { GrantsRepository } from '../repositories/grants.repository';
import { reminderTemplates } from './reminder-texts';

/**
 * Reminds the members of grantee NGOs whose next six-monthly report is due within two weeks and who have
 * submitted none in the current period: once per grant and period (the notification's event id).
 */
@Injectable()
export class ReportRemindersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsRepository,
    private readonly reports: GrantReportsRepository,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async remind(): Promise<number> {
    const now = this.clock.now();
    const em = this.dataSource.manager;
    const grants = await this.grants.signedActive(em);
    let sent = 0;
    for (const g of grants) {
      const due = nextReportDue(g.signedAt!, now);
      if (due.dueAt.getTime() - now.getTime() > REMIND_DAYS_BEFORE * 86_400_000) continue;
      if (await this.reports.reportedSince(em, g.id, due.periodStart)) continue;
      const members = await this.notifications.usersOfOrganization(em, g.organizationId, 'ngo');
      sent += await this.notifications.notifyUsers(members, {
        eventId: `report-due:${g.id}:${due.period}`,
        kind: 'grant.report_due',
        ...noticeTexts(reminderTemplates('reportDue'), {
          title: g.title,
          date: due.dueAt.toISOString().slice(0, 10),
        }),
      });
    }
    return sent;
  }
}
