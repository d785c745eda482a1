import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, PageQuery, ROLES, IsOmittable } from '@app/core';
import type { Role } from '@app/core';
import { LOCALES } from '../accounts/locales';
import type { Locale } from '../accounts/locales';

export class OrganizationInput {
  @ApiProperty({ example: 'Safe Harbour Association' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'NG', description: 'ISO 3166-1 alpha-2' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: 'CAC/IT/12345' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  registrationNumber: string;
}

export class NewUserInput {
  @ApiProperty({ example: 'amina@example.org' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 8, maxLength: 200 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password: string;

  @ApiProperty({ example: 'Amina Bello' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;
}

export class RegisterDto {
  @ApiProperty({ type: OrganizationInput })
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => OrganizationInput)
  organization: OrganizationInput;

  @ApiProperty({ type: NewUserInput })
  @IsObject({ message: '$property must be an object' })
  @ValidateNested()
  @Type(() => NewUserInput)
  user: NewUserInput;
}

export class LoginDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  password: string;
}

export class TokenView {
  @ApiProperty() accessToken: string;
  @ApiProperty({ example: 'Bearer' }) tokenType: string;
  @ApiProperty({ example: 900 }) expiresIn: number;
}

export class CreateUserDto extends NewUserInput {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES as unknown as string[], { each: true })
  roles: Role[];

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  donorId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Funds a staff user is limited to; none = all funds' })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  fundIds?: string[];
}

export class UpdateUserDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: ROLES, isArray: true })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsIn(ROLES as unknown as string[], { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  donorId?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  fundIds?: string[];

  @ApiPropertyOptional({ description: 'false deactivates the user' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ minLength: 8 })
  @IsOptional()
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  password?: string;
}

export class UserView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organizationId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) donorId: string | null;
  @ApiProperty({ type: [String] }) fundIds: string[];
  @ApiProperty() active: boolean;
  @ApiProperty({ enum: LOCALES }) locale: Locale;
  @ApiProperty({ description: "The organization's admin, who manages its team" }) isOrgAdmin: boolean;
  @ApiProperty() createdAt: Date;
}

export class OrganizationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() country: string;
  @ApiProperty() registrationNumber: string;
  @ApiProperty() verified: boolean;
  @ApiProperty({ nullable: true, type: Date }) verifiedAt: Date | null;
  @ApiProperty() createdAt: Date;
}

export class RegisteredView {
  @ApiProperty({ type: OrganizationView }) organization: OrganizationView;
  @ApiProperty({ type: UserView }) user: UserView;
}

export class OrganizationQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  verified?: 'true' | 'false';
}
