import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { IdParam, PageQuery } from '@app/core';
import { CurrentActor, Public, Roles } from './auth/auth.decorators';
import { AuthService } from './auth/auth.service';
import {
  CreateUserDto,
  LoginDto,
  OrganizationQuery,
  OrganizationView,
  RegisterDto,
  RegisteredView,
  TokenView,
  UpdateUserDto,
  UserView,
} from './dto/identity.dto';
import { NotificationsService } from './notifications.service';
import { OrganizationsService } from './organizations.service';
import { UsersService } from './users.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('register')
  register(@Body() dto: RegisterDto, @CurrentActor() actor: Actor): Promise<RegisteredView> {
    return this.auth.register(dto, actor);
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenView })
  @ApiTooManyRequestsResponse({ description: 'More than 5 failed logins for this email within a minute' })
  login(@Body() dto: LoginDto): Promise<TokenView> {
    return this.auth.login(dto.email, dto.password);
  }
}

@ApiTags('users')
@Controller()
export class MeController {
  constructor(
    private readonly users: UsersService,
    private readonly notifications: NotificationsService,
  ) {}

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin')
  @Get('me')
  @ApiOkResponse({ type: UserView })
  me(@CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.get(actor.userId!);
  }

  @Roles('ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin')
  @Get('me/notifications')
  myNotifications(@CurrentActor() actor: Actor): Promise<unknown[]> {
    return this.notifications.forUser(actor.userId!);
  }
}

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Roles('admin')
  @Post()
  create(@Body() dto: CreateUserDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.users.create(dto, actor);
  }

  @Roles('admin')
  @Get()
  list(@Query() query: PageQuery) {
    return this.users.list(query);
  }

  @Roles('admin')
  @Get(':id')
  get(@IdParam('id', 'user') id: string): Promise<UserView> {
    return this.users.get(id);
  }

  @Roles('admin')
  @Patch(':id')
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
  list(@Query() query: OrganizationQuery) {
    return this.organizations.list(query);
  }

  @Roles('fund_manager', 'admin')
  @Get(':id')
  get(@IdParam('id', 'organization') id: string): Promise<OrganizationView> {
    return this.organizations.get(id);
  }

  @Roles('fund_manager', 'admin')
  @Post(':id/verify')
  @HttpCode(200)
  verify(@IdParam('id', 'organization') id: string, @CurrentActor() actor: Actor): Promise<OrganizationView> {
    return this.organizations.verify(id, actor);
  }
}
