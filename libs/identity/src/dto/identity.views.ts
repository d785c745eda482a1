import { ApiProperty } from '@nestjs/swagger';
import { PageOf } from '@app/core';
import { OrganizationView, UserView } from './identity.dto';

export class UserPage extends PageOf(UserView) {}

export class OrganizationPage extends PageOf(OrganizationView) {}

/** A notice the system sent a user (by email and kept here), newest first. */
export class NotificationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'application.submitted' }) kind: string;
  @ApiProperty() subject: string;
  @ApiProperty() body: string;
  @ApiProperty({ type: Date }) createdAt: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt: Date | null;
}

export class NotificationsReadView {
  @ApiProperty({ description: 'how many notices were unread and are read now' }) updated: number;
}
