import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { DAC5_SECTORS, DEFAULT_SECTORS, ORG_TYPES, SENSITIVE_POLICIES } from '../domain/codes';
import type { SensitivePolicy } from '../domain/codes';

export const IATI_REF = /^[A-Za-z0-9][A-Za-z0-9._-]{2,99}$/;

export class OpenDataSettingsDto {
  @ApiProperty({
    nullable: true,
    type: 'string',
    example: 'XM-DAC-41301',
    description:
      "the fund's IATI organisation identifier (reporting-org ref); null unpublishes the IATI files",
  })
  @IsOptional()
  @IsString()
  @Matches(IATI_REF, {
    message: 'iatiOrgRef must be an IATI organisation identifier (letters, digits, . _ -)',
  })
  iatiOrgRef: string | null;

  @ApiPropertyOptional({ enum: ORG_TYPES, description: 'IATI OrganisationType of the fund; default 40' })
  @IsOptional()
  @IsIn(ORG_TYPES)
  iatiOrgType?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string', enum: Object.keys(DAC5_SECTORS) },
    example: DEFAULT_SECTORS,
    description: 'service line -> OECD DAC 5-digit sector code; lines left out take the defaults (README)',
  })
  @IsOptional()
  @IsObject()
  sectors?: Record<string, string>;

  @ApiPropertyOptional({
    enum: SENSITIVE_POLICIES,
    description:
      'sensitive grants: `exclude` leaves them out, `redact` publishes them without NGO and detail',
  })
  @IsOptional()
  @IsIn(SENSITIVE_POLICIES)
  sensitivePolicy?: SensitivePolicy;
}

export class OpenDataSettingsView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ nullable: true, type: 'string' }) iatiOrgRef: string | null;
  @ApiProperty({ enum: ORG_TYPES }) iatiOrgType: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'the sector of every service line, defaults included',
  })
  sectors: Record<string, string>;
  @ApiProperty({ enum: SENSITIVE_POLICIES }) sensitivePolicy: SensitivePolicy;
  @ApiProperty({ nullable: true, type: 'string', format: 'date-time' }) updatedAt: Date | null;
}

export class SensitiveGrantDto {
  @ApiProperty() @IsBoolean() sensitive: boolean;

  @ApiProperty({ description: 'why (kept in the audit log and the grant marking, never published)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class SensitiveGrantView {
  @ApiProperty({ format: 'uuid' }) grantId: string;
  @ApiProperty() sensitive: boolean;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class DonorConsentDto {
  @ApiProperty({ description: 'the donor agrees to be named in the public downloads' })
  @IsBoolean()
  publicConsent: boolean;
}

export class DonorConsentView {
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiProperty() publicConsent: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class FundQuery {
  @ApiProperty({ format: 'uuid', description: 'the fund' })
  @IsUUID()
  fundId: string;
}

export class OptionalFundQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'one fund; every fund when omitted' })
  @IsOptional()
  @IsUUID()
  fundId?: string;
}

export class PublicCallView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) themes: string[];
  @ApiProperty({ type: [String] }) eligibleCountries: string[];
  @ApiProperty({ type: 'integer', description: 'minor units' }) minAward: number;
  @ApiProperty({ type: 'integer', description: 'minor units' }) maxAward: number;
  @ApiProperty() currency: string;
  @ApiProperty({ format: 'date-time' }) deadline: Date;
  @ApiProperty({ format: 'uri', description: "the call's page in the portal" }) url: string;
}

export class PublicCallsView {
  @ApiProperty({ type: [PublicCallView], description: 'the calls open now, soonest deadline first' })
  items: PublicCallView[];
}
