import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsRepository } from './auth/accounts.repository';
import { PasswordResetMailer } from './auth/password-reset.mailer';
import { SessionsRepository } from './auth/sessions.repository';
import { Notification } from './entities/notification.entity';
import { IdentityProcessor } from './jobs/identity.processor';
import { MailService } from './mail/mail.service';
import { NotificationsService } from './notifications.service';

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
  ],
  exports: [NotificationsService],
})
export class IdentityJobsModule {}
