import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { IsCountryCode, IsMinorUnits, IsOmittable, IsServiceCode, PageQuery, SERVICES } from '@app/core';

export class TrancheInput {
  @ApiProperty({ example: 60, description: 'whole percent of the award' })
  @IsInt()
  @Min(1)
  @Max(100)
  percent: number;

  @ApiProperty({ enum: ['on_signature', 'after_report'] })
  @IsIn(['on_signature', 'after_report'])
  condition: 'on_signature' | 'after_report';
}

export class DecisionDto {
  @ApiProperty({ enum: ['approve', 'reject'] })
  @IsIn(['approve', 'reject'])
  decision: 'approve' | 'reject';

  @IsOptional()
  @IsMinorUnits({ required: false, description: 'approved amount; default the request; at most the request' })
  amount?: number;

  @ApiPropertyOptional({ type: [TrancheInput], description: 'default: 100% on signature' })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @IsObject({ each: true, message: 'each item of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => TrancheInput)
  tranches?: TrancheInput[];

  @ApiProperty({ example: 'Strong shelter component; budget trimmed on travel.' })
  @IsString()
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional({
    description:
      "why the award departs from the terms the partner's risk rating sets (its default schedule or maximum award); audited",
  })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  overrideReason?: string;
}

export class DisburseDto {
  @ApiPropertyOptional({ example: 'SWIFT 2015-0611-0042' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reference?: string;

  @ApiPropertyOptional({ description: 'when the payment took effect; not in the future; default now' })
  @IsOptional()
  @IsDateString({ strict: true })
  effectiveAt?: string;
}

export class CancelGrantDto {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  effectiveAt?: string;
}

export class ReturnDto {
  @IsMinorUnits({ description: 'unspent money returned, minor units' })
  amount: number;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsDateString({ strict: true })
  effectiveAt?: string;
}

export class VictimsLine {
  @ApiProperty({ enum: SERVICES })
  @IsServiceCode()
  service: string;

  @ApiProperty({ example: 'NG' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: 42 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  count: number;
}

/** The financial part: what a report's period spent on one budget line (ADR 0012). */
export class ReportLineInput {
  @ApiProperty({ example: 1, description: 'the budget line' })
  @IsInt()
  @Min(1)
  n: number;

  @IsMinorUnits({ allowZero: true, description: 'spent on the line in the period, minor units' })
  spent: number;
}

/** Aggregates only: the schema accepts no names, birth dates or free text about any survivor. */
export class GrantReportDto {
  @ApiProperty({ example: '2015-12-31' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'periodEnd must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  periodEnd: string;

  @IsMinorUnits({ allowZero: true, description: 'spent in the period, minor units' })
  spent: number;

  @ApiProperty({ description: 'progress narrative about the project (not about individuals)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  narrative: string;

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  final?: boolean;

  @ApiProperty({ type: [VictimsLine] })
  @IsArray()
  @ArrayMaxSize(500)
  @IsObject({ each: true, message: 'each item of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => VictimsLine)
  victimsAssisted: VictimsLine[];

  @ApiPropertyOptional({ type: [ReportLineInput], description: 'spending by budget line (optional)' })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(200)
  @IsObject({ each: true, message: 'each item of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => ReportLineInput)
  lines?: ReportLineInput[];
}

export class ReportDecisionDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class GrantQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  fundId?: string;

  @ApiPropertyOptional({ enum: ['active', 'closed', 'cancelled'] })
  @IsOptional()
  @IsIn(['active', 'closed', 'cancelled'])
  status?: 'active' | 'closed' | 'cancelled';
}
