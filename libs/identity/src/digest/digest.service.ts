import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, JOB, OutboxService } from '@app/core';
import { digestMail } from '../accounts/account-mails';
import { asLocale } from '../accounts/locales';
import { MailService } from '../mail/mail.service';
import { DigestRepository } from './digest.repository';

export type DigestOutcome = 'sent' | 'already-sent' | 'not-found' | 'empty' | 'no-smtp';

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day before `now`, 'YYYY-MM-DD'. */
export function previousDay(now: Date): string {
  return new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
}

export function isDay(value: unknown): value is string {
  return typeof value === 'string' && DAY_RE.test(value) && !Number.isNaN(Date.parse(value));
}

/**
 * The daily digest: the scheduled job (00:15 UTC) claims, for the day that just ended, one digest per user
 * with `digest` notices that day (the primary key (user_id, day) makes a second run claim nothing) and
 * writes one outbox mail job per claim; each mail is marked sent, so a retried job does not mail twice.
 */
@Injectable()
export class DigestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly digests: DigestRepository,
    private readonly outbox: OutboxService,
    private readonly mail: MailService,
    private readonly clock: Clock,
  ) {}

  async run(day: string = previousDay(this.clock.now())): Promise<number> {
    return this.dataSource.transaction(async (em) => {
      const users = await this.digests.claimDay(em, day);
      for (const userId of users) await this.outbox.add(em, JOB.SEND_DIGEST, { userId, day });
      return users.length;
    });
  }

  async send(userId: string, day: string): Promise<DigestOutcome> {
    const em = this.dataSource.manager;
    const digest = await this.digests.forMail(em, userId, day);
    if (!digest) return 'not-found';
    if (digest.mailedAt) return 'already-sent';
    if (!digest.notices.length) return 'empty';
    if (!this.mail.enabled) return 'no-smtp';
    const content = digestMail({ locale: asLocale(digest.locale), day, notices: digest.notices });
    await this.mail.send({
      to: digest.email,
      ...content,
      locale: digest.locale,
      messageId: `digest-${userId}-${day}`,
    });
    await this.digests.markMailed(em, userId, day);
    return 'sent';
  }
}
