import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { ROLES } from '@app/core';
import type { Role } from '@app/core';
import { LOCALES } from '../accounts/locales';
import type { Locale } from '../accounts/locales';

export class CreateInvitationDto {
  @ApiProperty({ example: 'kofi@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES, isArray: true, description: 'An organization admin may invite ngo only' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique()
  @IsIn(ROLES as unknown as string[], { each: true })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid', description: "An organization admin's own organization by default" })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  donorId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Funds a staff user is limited to; none = all funds' })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  fundIds?: string[];

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
