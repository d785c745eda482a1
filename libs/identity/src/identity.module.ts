import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountController, SignInController } from './auth/account.controller';
import { AccountsRepository } from './auth/accounts.repository';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginAttempts } from './auth/login-attempts';
import { MfaRepository } from './auth/mfa.repository';
import { MfaService } from './auth/mfa.service';
import { PasswordResetService } from './auth/password-reset.service';
import { SessionsRepository } from './auth/sessions.repository';
import { SessionsService } from './auth/sessions.service';
import { SignInService } from './auth/sign-in.service';
import { Notification } from './entities/notification.entity';
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import {
  AuthController,
  MeController,
  OrganizationsController,
  UsersController,
} from './identity.controller';
import { NotificationsService } from './notifications.service';
import { OrganizationsService } from './organizations.service';
import { UsersService } from './users.service';

const services = [
  AuthService,
  LoginAttempts,
  UsersService,
  OrganizationsService,
  NotificationsService,
  AuthGuard,
  SessionsRepository,
  AccountsRepository,
  SessionsService,
  MfaRepository,
  MfaService,
  SignInService,
  PasswordResetService,
];

@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([User, Organization, Notification])],
  controllers: [
    AuthController,
    SignInController,
    MeController,
    AccountController,
    UsersController,
    OrganizationsController,
  ],
  providers: services,
  exports: services,
})
export class IdentityModule {}
