import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { IdParam, NotFoundError, PageQuery } from '@app/core';
import { AllowDuringMfaEnrolment, CurrentActor, Roles } from './auth/auth.decorators';
import {
  CreateUserDto,
  OrganizationQuery,
  OrganizationView,
  UpdateUserDto,
  UserView,
} from './dto/identity.dto';
import { NotificationsReadView, NotificationView, OrganizationPage, UserPage } from './dto/identity.views';
import { NotificationsService } from './notifications.service';
import { OrganizationsService } from './organizations.service';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller()
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
  ) {}

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin')
  @AllowDuringMfaEnrolment()
  @Get('me')
  @ApiOperation({ operationId: 'getMe', summary: 'The signed-in user', description: 'The caller as a user.' })
  @ApiOkResponse({ type: UserView })
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor.userId!);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin')
  @Get('me/notifications')
  @ApiOperation({
    operationId: 'listMyNotifications',
    summary: "The signed-in user's notifications",
    description: 'The 50 newest notices sent to the caller, newest first.',
  })
  @ApiOkResponse({ type: [NotificationView] })
  myNotifications(@CurrentActor() actor: Actor): Promise<NotificationView[]> {
    return this.notifications.forUser(actor.userId!);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin')
  @Post('me/notifications/read-all')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'markAllMyNotificationsRead',
    summary: "Marks all the signed-in user's notifications read",
    description: 'Every unread notice of the caller is marked read; answers how many were unread.',
  })
  @ApiOkResponse({ type: NotificationsReadView })
  async markAllRead(@CurrentActor() actor: Actor): Promise<NotificationsReadView> {
    return { updated: await this.notifications.markAllRead(actor.userId!) };
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin')
  @Post('me/notifications/:id/read')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'markMyNotificationRead',
    summary: "Marks one of the signed-in user's notifications read",
    description: "The notice, read (a second call keeps the first reading time); 404 for another user's.",
  })
  @ApiOkResponse({ type: NotificationView })
  markRead(
    @IdParam('id', 'notification') id: string,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationView> {
    return this.notifications.markRead(actor.userId!, id);
  }
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('admin')
  @Post()
  @ApiOperation({
    operationId: 'createUser',
    summary: 'Create a user',
    description: 'Admins create staff, reviewer and donor users.',
  })
  @ApiCreatedResponse({ type: UserView })
  @ApiConflictResponse({ description: 'The email is already registered' })
  @ApiUnprocessableEntityResponse({ description: 'The role needs an organization or donor that exists' })
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Roles('admin')
  @Get()
  @ApiOperation({
    operationId: 'listUsers',
    summary: 'List users',
    description: 'Users, newest first, a page at a time.',
  })
  @ApiOkResponse({ type: UserPage })
  list(@Query() query: PageQuery, @CurrentActor() actor: Actor) {
    return this.users.list(query, actor);
  }

  @Roles('admin')
  @Get(':id')
  @ApiOperation({ operationId: 'getUser', summary: 'Get a user', description: 'One user by id.' })
  @ApiOkResponse({ type: UserView })
  get(@IdParam('id', 'user') id: string, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(id, actor);
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOperation({
    operationId: 'updateUser',
    summary: 'Update a user',
    description: 'Changes name, roles, links, funds, password or deactivates the user.',
  })
  @ApiOkResponse({ type: UserView })
  @ApiUnprocessableEntityResponse({ description: 'The role needs an organization or donor that exists' })
  update(
    @IdParam('id', 'user') id: string,
    @Body() dto: UpdateUserDto,
    @CurrentActor() actor: Actor,
  ): Promise<UserView> {
    return this.users.update(id, dto, actor);
  }
}

@ApiTags('organizations')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Roles('fund_manager', 'admin')
  @Get()
  @ApiOperation({
    operationId: 'listOrganizations',
    summary: 'List organizations',
    description: 'Registered NGOs, optionally only verified or unverified ones.',
  })
  @ApiOkResponse({ type: OrganizationPage })
  list(@Query() query: OrganizationQuery) {
    return this.organizations.list(query);
  }

  @Roles('ngo', 'fund_manager', 'admin')
  @Get(':id')
  @ApiOperation({
    operationId: 'getOrganization',
    summary: 'Get an organization',
    description: 'One NGO by id.',
  })
  @ApiOkResponse({ type: OrganizationView })
  get(@IdParam('id', 'organization') id: string, @CurrentActor() actor: Actor): Promise<OrganizationView> {
    // An NGO member reads only their own organization (the portal's profile page); staff read any.
    const staff = actor.roles.includes('fund_manager') || actor.roles.includes('admin');
    if (!staff && actor.organizationId !== id) throw new NotFoundError('organization', id);
    return this.organizations.get(id);
  }

  @Roles('fund_manager', 'admin')
  @Post(':id/verify')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifyOrganization',
    summary: 'Verify an organization',
    description: 'Marks the NGO verified, so that its members may apply to calls.',
  })
  @ApiOkResponse({ type: OrganizationView })
  verify(@IdParam('id', 'organization') id: string, @CurrentActor() actor: Actor): Promise<OrganizationView> {
    return this.organizations.verify(id, actor);
  }
}
