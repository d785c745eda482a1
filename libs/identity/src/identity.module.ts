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
import { Organization } from './entities/organization.entity';
import { User } from './entities/user.entity';
import { MeController, OrganizationsController, UsersController } from './identity.controller';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';
import { OrganizationsService } from './organizations.service';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';
import { AccountLinks } from './accounts/account-links';
import { AccountTokensRepository } from './accounts/account-tokens.repository';
import { AccountTokensService } from './accounts/account-tokens.service';
import { InvitationAcceptController, InvitationsController } from './invitations/invitations.controller';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsService } from './invitations/invitations.service';
import { PeopleRepository } from './people.repository';
import { PreferencesRepository } from './preferences/preferences.repository';
import { ProfileController } from './preferences/profile.controller';
import { ProfileService } from './preferences/profile.service';
import { RegistrationController } from './registration/registration.controller';
import { RegistrationLimiter } from './registration/registration-limiter';
import { RegistrationService } from './registration/registration.service';
import { TeamsController } from './teams/teams.controller';
import { TeamsService } from './teams/teams.service';

const services = [
  AuthService,
  LoginAttempts,
  UsersService,
  UsersRepository,
  OrganizationsService,
  NotificationsService,
  NotificationsRepository,
  AuthGuard,
  SessionsRepository,
  AccountsRepository,
  SessionsService,
  MfaRepository,
  MfaService,
  SignInService,
  PasswordResetService,
  PeopleRepository,
  AccountLinks,
  AccountTokensRepository,
  AccountTokensService,
  RegistrationLimiter,
  RegistrationService,
  InvitationsRepository,
  InvitationsService,
  TeamsService,
  PreferencesRepository,
  ProfileService,
];

@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([User, Organization])],
  controllers: [
    SignInController,
    MeController,
    AccountController,
    UsersController,
    OrganizationsController,
    RegistrationController,
    InvitationAcceptController,
    ProfileController,
    InvitationsController,
    TeamsController,
  ],
  providers: services,
  exports: services,
})
export class IdentityModule {}
