import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { LoginAttempts } from './auth/login-attempts';
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
];

@Module({
  imports: [JwtModule.register({}), TypeOrmModule.forFeature([User, Organization, Notification])],
  controllers: [AuthController, MeController, UsersController, OrganizationsController],
  providers: services,
  exports: services,
})
export class IdentityModule {}
