import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ApiMoney, IsCountryCode, IsMinorUnits, IsServiceCode, PageQuery, SERVICES } from '@app/core';
import { APPLICATION_STATUSES } from '../domain/application-rules';
import type { ApplicationStatus } from '../domain/application-rules';

export class BudgetLineDto {
  @ApiProperty({ enum: SERVICES })
  @IsServiceCode()
  category: string;

  @ApiProperty({ example: 'Rent of a shelter for 12 months' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;

  @IsMinorUnits({ description: 'Minor units of the call currency' })
  amount: number;
}

export class CreateApplicationDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiProperty({ description: 'Project summary' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  summary: string;

  @ApiProperty({ type: [String], example: ['NG'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsCountryCode({ each: true })
  countries: string[];

  @ApiProperty({ enum: SERVICES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsServiceCode({ each: true })
  services: string[];

  @ApiProperty({ minimum: 1, example: 120 })
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  expectedVictims: number;

  @ApiProperty({ type: [BudgetLineDto], description: 'requested = the sum of the amounts' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @IsObject({ each: true, message: 'each item of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => BudgetLineDto)
  budget: BudgetLineDto[];
}

/** A PATCH may leave any field out; `null` is checked like any value (refused where the field needs one). */
export class UpdateApplicationDto extends PartialType(CreateApplicationDto, { skipNullProperties: false }) {}

export class EligibilityDto {
  @ApiProperty()
  @IsBoolean()
  eligible: boolean;

  @ApiProperty({ example: 'Meets every criterion of the call' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

/** The orders a list of applications can take (`-` is descending); `-createdAt` is the default. */
export const APPLICATION_SORTS = [
  '-createdAt',
  'createdAt',
  'title',
  '-title',
  'requested',
  '-requested',
  'submittedAt',
  '-submittedAt',
] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

/** The filters a fund manager screens by; `ApplicationQuery` adds paging and order. */
export class ApplicationFilterDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES as unknown as string[])
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: 'applications working in this country (ISO 3166-1 alpha-2)' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: SERVICES, description: 'applications offering this service' })
  @IsOptional()
  @IsServiceCode()
  service?: string;

  @ApiPropertyOptional({
    description: "words in the title or summary (and, for staff, the organization's name), any case",
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

export class ApplicationQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  callId?: string;

  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES as unknown as string[])
  status?: ApplicationStatus;

  @ApiPropertyOptional({ description: 'ISO 3166-1 alpha-2: applications working in this country' })
  @IsOptional()
  @IsCountryCode()
  country?: string;

  @ApiPropertyOptional({ enum: SERVICES, description: 'applications offering this service' })
  @IsOptional()
  @IsServiceCode()
  service?: string;

  @ApiPropertyOptional({
    description: "words in the title or summary (and, for staff, the organization's name), any case",
    maxLength: 200,
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({
    enum: APPLICATION_SORTS,
    default: '-createdAt',
    description: 'the order across all pages (`-` descending); ties are broken by id',
  })
  @IsOptional()
  @IsIn(APPLICATION_SORTS as unknown as string[])
  sort?: ApplicationSort;
}

export class BudgetLineView {
  @ApiProperty({ enum: SERVICES }) category: string;
  @ApiProperty() description: string;
  @ApiMoney() amount: number;
}

export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() filename: string;
  @ApiProperty() mime: string;
  @ApiProperty({ type: 'integer', description: 'bytes' }) size: number;
  @ApiProperty({ description: 'hex SHA-256 of the bytes' }) sha256: string;
  @ApiProperty() createdAt: Date;
}

export class ApplicationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Hidden from reviewers of a blind call' })
  organizationId?: string;
  @ApiPropertyOptional({ description: 'Hidden from reviewers of a blind call' }) organizationName?: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ type: [String] }) countries: string[];
  @ApiProperty({ enum: SERVICES, isArray: true }) services: string[];
  @ApiProperty({ type: 'integer' }) expectedVictims: number;
  @ApiProperty({ type: [BudgetLineView] }) budget: BudgetLineView[];
  @ApiMoney({ description: 'Sum of the budget, minor units' }) requested: number;
  @ApiProperty() currency: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ nullable: true, type: String }) eligibilityReason: string | null;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) screenedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) withdrawnAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) decidedAt: Date | null;
  @ApiProperty({ type: [AttachmentView] }) attachments: AttachmentView[];
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
}
