import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, AuditService } from '@app/core';
import { UserView } from '../dto/identity.dto';
import { PeopleRepository } from '../people.repository';
import { UsersService } from '../users.service';
import { NOTICE_KIND_NAMES, NOTICE_KINDS, DEFAULT_CHANNEL } from './notice-kinds';
import {
  NotificationPreferencesView,
  PutNotificationPreferencesDto,
  UpdateProfileDto,
} from './preferences.dto';
import { PreferencesRepository } from './preferences.repository';

/** The caller's own profile (name, locale) and notification preferences; every change audited. */
@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly people: PeopleRepository,
    private readonly preferences: PreferencesRepository,
    private readonly users: UsersService,
    private readonly audit: AuditService,
  ) {}

  async update(dto: UpdateProfileDto, actor: Actor): Promise<UserView> {
    const userId = actor.userId!;
    const changes = { name: dto.name?.trim(), locale: dto.locale };
    if (changes.name !== undefined || changes.locale !== undefined) {
      await this.dataSource.transaction(async (em) => {
        await this.people.updateProfile(em, userId, changes);
        await this.audit.record(em, actor, {
          action: 'user.profile-updated',
          entity: 'user',
          entityId: userId,
          summary: changes,
        });
      });
    }
    return this.users.get(userId);
  }

  async notificationPreferences(userId: string): Promise<NotificationPreferencesView> {
    const set = await this.preferences.forUser(this.dataSource.manager, userId);
    return {
      items: NOTICE_KIND_NAMES.map((kind) => ({
        kind,
        description: NOTICE_KINDS[kind],
        channel: set.get(kind) ?? DEFAULT_CHANNEL,
      })),
    };
  }

  async putNotificationPreferences(
    dto: PutNotificationPreferencesDto,
    actor: Actor,
  ): Promise<NotificationPreferencesView> {
    const userId = actor.userId!;
    // the last entry of a kind wins, as a map would
    const items = [...new Map(dto.items.map((i) => [i.kind, i.channel])).entries()].map(
      ([kind, channel]) => ({
        kind,
        channel,
      }),
    );
    await this.dataSource.transaction(async (em) => {
      await this.preferences.upsert(em, userId, items);
      await this.audit.record(em, actor, {
        action: 'user.notification-preferences-updated',
        entity: 'user',
        entityId: userId,
        summary: { preferences: Object.fromEntries(items.map((i) => [i.kind, i.channel])) },
      });
    });
    return this.notificationPreferences(userId);
  }
}
