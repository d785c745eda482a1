import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsRepository } from './auth/accounts.repository';
import { PasswordResetMailer } from './auth/password-reset.mailer';
import { SessionsRepository } from './auth/sessions.repository';
import { Notification } from './entities/notification.entity';
import { IdentityProcessor } from './jobs/identity.processor';
import { MailService } from './mail/mail.service';
import { NotificationsService } from './notifications.service';
import { AccountLinks } from './accounts/account-links';
import { AccountMailSender } from './accounts/account-mail.sender';
import { AccountTokensRepository } from './accounts/account-tokens.repository';
import { DigestRepository } from './digest/digest.repository';
import { DigestService } from './digest/digest.service';
import { PeopleRepository } from './people.repository';

/** The identity context's job handlers; only the worker imports this module. */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [
    NotificationsService,
    MailService,
    SessionsRepository,
    AccountsRepository,
    PasswordResetMailer,
    IdentityProcessor,
    IdentityProcessor,
    PeopleRepository,
    AccountLinks,
    AccountTokensRepository,
    AccountMailSender,
    DigestRepository,
    DigestService,
  ],
  exports: [NotificationsService],
})
export class IdentityJobsModule {}
