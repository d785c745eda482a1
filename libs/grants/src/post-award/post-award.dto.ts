import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsMinorUnits, IsOmittable } from '@app/core';
import { LANGUAGES } from './offers.repository';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export class PostAwardSettingsDto {
  @ApiProperty({
    enum: ['simple', 'full'],
    description: 'simple: the fund manager signs alone (the default)',
  })
  @IsIn(['simple', 'full'])
  workflow: 'simple' | 'full';

  @ApiProperty({ example: 30, description: 'days the grantee has to accept an award' })
  @IsInt()
  @Min(1)
  @Max(365)
  acceptanceDays: number;
}

export class AcceptOfferDto {
  @ApiProperty({ enum: LANGUAGES, description: 'the agreement prints this language beside English' })
  @IsIn(LANGUAGES)
  language: (typeof LANGUAGES)[number];

  @ApiProperty({ format: 'uuid', description: 'the member of the organization who signs the agreement' })
  @IsUUID()
  signatoryId: string;
}

export class OfferNoteDto {
  @ApiProperty({ example: 'We can no longer run the project in this region.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class SignAgreementDto {
  @ApiProperty({ example: 1, description: 'the version read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'the SHA-256 (hex) of the PDF read', example: 'a3f1...' })
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256: string;
}

export class BudgetMoveInput {
  @ApiProperty({ example: 1 })
  @IsInt()
  @Min(1)
  from: number;

  @ApiProperty({ example: 2 })
  @IsInt()
  @Min(1)
  to: number;

  @IsMinorUnits({ description: 'moved from line `from` to line `to`, minor units' })
  amount: number;
}

export class AmendmentDto {
  @ApiProperty({ enum: ['no_cost_extension', 'budget_revision', 'cost_extension'] })
  @IsIn(['no_cost_extension', 'budget_revision', 'cost_extension'])
  kind: 'no_cost_extension' | 'budget_revision' | 'cost_extension';

  @ApiProperty({ example: 'The rainy season delayed the works.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;

  @ApiPropertyOptional({ example: '2027-06-30', description: 'no-cost extension: the new end date' })
  @IsOptional()
  @Matches(DAY, { message: 'endDate must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  endDate?: string;

  @ApiPropertyOptional({ type: [BudgetMoveInput], description: 'budget revision: the moves' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each item of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => BudgetMoveInput)
  moves?: BudgetMoveInput[];

  @IsOptional()
  @IsMinorUnits({ required: false, description: 'cost extension: the money added, minor units' })
  amount?: number;

  @ApiPropertyOptional({ description: 'cost extension: the budget line the money goes to (default 1)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  line?: number;
}

export class AmendmentDecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AssuranceDto {
  @ApiProperty({ enum: ['spot_check', 'monitoring_visit', 'audit'] })
  @IsIn(['spot_check', 'monitoring_visit', 'audit'])
  kind: 'spot_check' | 'monitoring_visit' | 'audit';

  @ApiProperty({ example: '2026-12-15' })
  @Matches(DAY, { message: 'plannedOn must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  plannedOn: string;

  @ApiProperty({ example: 'A. Auditor (field office)', description: 'who carries it out' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  assignee: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'an audit: the (final) report it audits' })
  @IsOptional()
  @IsUUID()
  reportId?: string;
}

export class ActionPointInput {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  text: string;

  @ApiProperty({ example: 'Finance officer of the grantee' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  owner: string;

  @ApiProperty({ example: '2027-01-31' })
  @Matches(DAY, { message: 'dueOn must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  dueOn: string;
}

export class FindingInput {
  @ApiProperty({ enum: ['low', 'medium', 'high'] })
  @IsIn(['low', 'medium', 'high'])
  severity: 'low' | 'medium' | 'high';

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  text: string;

  @IsOptional()
  @IsMinorUnits({
    required: false,
    allowZero: true,
    description: 'money spent on ineligible costs: the grantee owes it back (a refund)',
  })
  ineligibleAmount?: number;

  @ApiPropertyOptional({ type: [ActionPointInput] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: 'each item of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ActionPointInput)
  actionPoints?: ActionPointInput[];
}

export class CompleteAssuranceDto {
  @ApiProperty({ type: [FindingInput] })
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true, message: 'each item of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => FindingInput)
  findings: FindingInput[];
}

export class ReceiveRefundDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  effectiveAt?: string;
}
