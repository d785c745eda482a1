import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@app/core';
import type { Role } from '@app/core';

export class TeamMemberView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty() active: boolean;
  @ApiProperty() isOrgAdmin: boolean;
  @ApiProperty({ description: 'Registered but not yet confirmed by the mailed link' })
  awaitingConfirmation: boolean;
}

export class TeamView {
  @ApiProperty({ type: [TeamMemberView] }) items: TeamMemberView[];
}
