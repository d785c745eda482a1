import { Processor } from '@nestjs/bullmq';
import { UnrecoverableError } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB, JobHandlers, JobOf, JobsHost, WORKER_OPTIONS } from '@app/core';
import { NotificationsService } from '@app/identity';
import { CallsService } from '../calls.service';

@Processor('calls', WORKER_OPTIONS)
export class CallsProcessor extends JobsHost {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly dataSource: DataSource,
    private readonly calls: CallsService,
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
    const calls: { title: string; fund_id: string }[] = await this.dataSource.query(
      `SELECT title, fund_id FROM calls WHERE id = $1`,
      [callId],
    );
    if (!calls.length) throw new UnrecoverableError(`call ${callId} not found`);
    const managers = await this.notifications.usersWithRole('fund_manager', calls[0].fund_id);
    return this.notifications.notifyUsers(managers, {
      eventId: `call-status:${callId}:${status}`,
      kind: 'call.status_changed',
      subject: `Call "${calls[0].title}" is now ${status.replace('_', ' ')}`,
      body: `The call for proposals "${calls[0].title}" moved to ${status.replace('_', ' ')}.`,
    });
  }
}
