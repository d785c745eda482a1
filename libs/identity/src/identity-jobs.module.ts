import { Module } from '@nestjs/common';
import { AccountsRepository } from './auth/accounts.repository';
import { PasswordResetMailer } from './auth/password-reset.mailer';
import { SessionsRepository } from './auth/sessions.repository';
import { IdentityProcessor } from './jobs/identity.processor';
import { MailService } from './mail/mail.service';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { AccountLinks } from './accounts/account-links';
import { AccountMailSender } from './accounts/account-mail.sender';
import { AccountTokensRepository } from './accounts/account-tokens.repository';
import { DigestRepository } from './digest/digest.repository';
import { DigestService } from './digest/digest.service';
import { PeopleRepository } from './people.repository';
import { UsersRepository } from './users.repository';
import { AccountsPurge } from './housekeeping/accounts-purge';

/** The identity context's job handlers; only the worker imports this module. */
@Module({
  providers: [
    NotificationsService,
    NotificationsRepository,
    MailService,
    SessionsRepository,
    AccountsRepository,
    PasswordResetMailer,
    IdentityProcessor,
    PeopleRepository,
    AccountLinks,
    AccountTokensRepository,
    AccountMailSender,
    DigestRepository,
    DigestService,
    UsersRepository,
    AccountsPurge,
  ],
  exports: [NotificationsService],
})
export class IdentityJobsModule {}
