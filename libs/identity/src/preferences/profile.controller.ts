import { Body, Controller, Get, Patch, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/core';
import { ApiProblems } from '../accounts/api-docs';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { UserView } from '../dto/identity.dto';
import {
  NotificationPreferencesView,
  PutNotificationPreferencesDto,
  UpdateProfileDto,
} from './preferences.dto';
import { ProfileService } from './profile.service';

const ANY_USER = ['ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin'] as const;

@ApiTags('users')
@Controller('me')
export class ProfileController {
  constructor(private readonly profile: ProfileService) {}

  @Roles(...ANY_USER)
  @Patch()
  @ApiOperation({
    operationId: 'updateMe',
    summary: 'Changes the caller’s own name and locale (ar, zh, en, fr, ru, es)',
    description:
      "Changes the caller's own display name and the locale the portal and the mails use; other fields of the profile are not changed here.",
  })
  @ApiOkResponse({ type: UserView })
  @ApiProblems({ 400: '/problems/validation: an unknown locale, an empty name or an extra field' })
  update(@Body() dto: UpdateProfileDto, @CurrentActor() actor: Actor): Promise<UserView> {
    return this.profile.update(dto, actor);
  }

  @Roles(...ANY_USER)
  @Get('notification-preferences')
  @ApiOperation({
    operationId: 'getNotificationPreferences',
    summary: 'How each kind of notice reaches the caller: portal, email (at once) or digest (daily)',
    description:
      'For every kind of notice, the channel that delivers it to the caller: the portal only, an e-mail at once, or the daily digest e-mail.',
  })
  @ApiOkResponse({ type: NotificationPreferencesView })
  get(@CurrentActor() actor: Actor): Promise<NotificationPreferencesView> {
    return this.profile.notificationPreferences(actor.userId!);
  }

  @Roles(...ANY_USER)
  @Put('notification-preferences')
  @ApiOperation({
    operationId: 'putNotificationPreferences',
    summary: 'Sets the channel of the given kinds of notice; the others keep theirs',
    description:
      'Sets the channel of each kind of notice given in the body; kinds not given keep their channel. Answers the whole set.',
  })
  @ApiOkResponse({ type: NotificationPreferencesView })
  @ApiProblems({ 400: '/problems/validation: an unknown kind or channel' })
  put(
    @Body() dto: PutNotificationPreferencesDto,
    @CurrentActor() actor: Actor,
  ): Promise<NotificationPreferencesView> {
    return this.profile.putNotificationPreferences(dto, actor);
  }
}
