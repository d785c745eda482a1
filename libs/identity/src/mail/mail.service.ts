import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/core';
import { APP_CONFIG } from '@app/core';
import { asLocale } from '../accounts/locales';
import { NotificationsRepository } from '../notifications.repository';
import { mailHtml } from './mail-html';

export type MailOutcome = 'sent' | 'already-sent' | 'no-smtp' | 'not-found' | 'no-address';

/**
 * Sends the mail of one notification through SMTP (`SMTP_URL`, from `MAIL_FROM`) and marks it
 * `mailed_at`. Idempotent: a notification already marked is not sent again. Delivery is at least once:
 * a crash between the SMTP hand-over and the mark sends it again, with the same Message-ID, which lets
 * mail systems drop the duplicate.
 */
@Injectable()
export class MailService implements OnApplicationShutdown {
  private transport: Transporter | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifications: NotificationsRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendNotification(notificationId: string): Promise<MailOutcome> {
    const n = await this.notifications.mailOf(this.dataSource.manager, notificationId);
    if (!n) return 'not-found';
    if (n.mailedAt) return 'already-sent';
    if (!this.config.smtpUrl) return 'no-smtp';
    if (!n.email) return 'no-address';
    await this.send({
      to: n.email,
      subject: n.subject,
      text: n.body,
      locale: n.locale,
      messageId: notificationId,
    });
    await this.notifications.markMailed(this.dataSource.manager, notificationId);
    return 'sent';
  }

  /** Whether mail can be sent at all (SMTP_URL set). */
  get enabled(): boolean {
    return Boolean(this.config.smtpUrl);
  }

  /**
   * Hands one mail to SMTP, its text and an HTML part in the reader's language and direction (`locale`,
   * English when unknown; Arabic right to left); `messageId` (a stable id) lets mail systems drop a resent
   * duplicate.
   */
  async send(m: {
    to: string;
    subject: string;
    text: string;
    locale: string | null;
    messageId: string;
  }): Promise<void> {
    if (!this.config.smtpUrl) throw new Error('SMTP_URL is not set');
    this.transport ??= createTransport(this.config.smtpUrl);
    await this.transport.sendMail({
      from: this.config.mailFrom,
      to: m.to,
      subject: m.subject,
      text: m.text,
      html: mailHtml(m.text, asLocale(m.locale)),
      messageId: `<${m.messageId}@trust-fund-grants.local>`,
    });
  }

  onApplicationShutdown(): void {
    this.transport?.close();
    this.transport = null;
  }
}
