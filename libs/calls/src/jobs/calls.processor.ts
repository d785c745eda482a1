import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { callNoticeTemplates } from './call-notice-texts';
import { CallsRepository } from '../calls.repository';
import { CallsService } from '../calls.service';

@Processor('calls', WORKER_OPTIONS)
export class CallsProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    private readonly calls: CallsService,
    private readonly repo: CallsRepository,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JOB.CALL_STATUS_CHANGED]: (job) => this.statusChanged(job),
    [JOB.CLOSE_DUE_CALLS]: () => this.calls.closeDue(),
  };

  /** Tells the fund's managers that a call moved on (one notification per call and status). */
  private async statusChanged(job: JobOf<typeof JOB.CALL_STATUS_CHANGED>): Promise<number> {
    const { callId, status } = job.data as { callId?: string; status?: string };
    if (!callId || !status) throw new UnrecoverableError('callId and status are required');
    const call = await this.repo.findById(this.dataSource.manager, callId);
    if (!call) throw new UnrecoverableError(`call ${callId} not found`);
    const managers = await this.notifications.usersWithRole('fund_manager', call.fundId);
    return this.notifications.notifyUsers(managers, {
      eventId: `call-status:${callId}:${status}`,
      kind: 'call.status_changed',
      ...noticeTexts(callNoticeTemplates(status), { title: call.title }),
    });
  }
}
