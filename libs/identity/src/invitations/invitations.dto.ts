import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { ROLES } from '@app/core';
import type { Role } from '@app/core';
import { LOCALES } from '../accounts/locales';
import { CreateUserDto } from '../dto/identity.dto';
import type { Locale } from '../accounts/locales';

/** What an admin gives when creating a user, less the password (the invited person sets it), plus the mail's language. */
export class CreateInvitationDto extends PickType(CreateUserDto, [
  'email',
  'organizationId',
  'donorId',
  'fundIds',
] as const) {
  @ApiProperty({ enum: ROLES, isArray: true, description: 'An organization admin may invite ngo only' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES as unknown as string[], { each: true })
  roles: Role[];

  @ApiPropertyOptional({ enum: LOCALES, description: 'Language of the invitation mail (default en)' })
  @IsOptional()
  @IsIn(LOCALES as unknown as string[])
  locale?: Locale;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The token of the invitation link' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 12, maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Kofi Mensah' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export const INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;

export class InvitationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organizationId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) donorId: string | null;
  @ApiProperty({ type: [String] }) fundIds: string[];
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) invitedBy: string | null;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: (typeof INVITATION_STATUSES)[number];
  @ApiProperty({ nullable: true, type: Date, description: 'When the current link stops working' })
  expiresAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class InvitationPage {
  @ApiProperty({ type: [InvitationView] }) items: InvitationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
