import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG } from '@app/core';
import type { AppConfig } from '@app/core';
import { MailService } from '../mail/mail.service';
import { PeopleRepository } from '../people.repository';
import { AccountLinks } from './account-links';
import { AccountTokensRepository } from './account-tokens.repository';
import { confirmationMail, invitationMail, registrationAttemptMail } from './account-mails';
import { asLocale } from './locales';

export type AccountMailOutcome = 'sent' | 'already-sent' | 'no-smtp' | 'not-found' | 'link-closed';

/**
 * Writes the account mails in the worker: the link of an invitation or a confirmation (derived from the
 * token id, see AccountLinks; marked `mailed_at` once sent) and the "someone tried to register" warning.
 */
@Injectable()
export class AccountMailSender {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: AccountTokensRepository,
    private readonly links: AccountLinks,
    private readonly mail: MailService,
    private readonly people: PeopleRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async sendLink(tokenId: string): Promise<AccountMailOutcome> {
    const m = await this.tokens.forMail(this.dataSource.manager, tokenId);
    if (!m) return 'not-found';
    if (m.token.mailedAt) return 'already-sent';
    if (m.token.usedAt || m.token.revokedAt) return 'link-closed';
    if (!this.mail.enabled) return 'no-smtp';
    const url = this.links.url(m.token.purpose, tokenId);
    const locale = asLocale(m.locale);
    const content =
      m.token.purpose === 'invitation'
        ? invitationMail({ ...m, locale, url, expiresAt: m.token.expiresAt })
        : confirmationMail({ locale, url, expiresAt: m.token.expiresAt });
    await this.mail.send({ to: m.email, ...content, locale, messageId: `account-link-${tokenId}` });
    await this.tokens.markMailed(this.dataSource.manager, tokenId);
    return 'sent';
  }

  /** The warning to an existing account's address; `mailId` (the outbox row) keeps resends recognisable. */
  async sendRegistrationAttempt(userId: string, mailId: string): Promise<AccountMailOutcome> {
    const u = await this.people.byId(this.dataSource.manager, userId);
    if (!u) return 'not-found';
    if (!this.mail.enabled) return 'no-smtp';
    const locale = asLocale(u.locale);
    const content = registrationAttemptMail({ locale, signInUrl: `${this.config.publicUrl}/sign-in` });
    await this.mail.send({ to: u.email, ...content, locale, messageId: `registration-attempt-${mailId}` });
    return 'sent';
  }
}
