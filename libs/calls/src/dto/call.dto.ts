import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, IsMinorUnits, IsServiceCode, PageQuery, SERVICES } from '@app/core';
import { CALL_STATUSES, rubricProblems } from '../domain/call-rules';
import type { CallStatus, RubricCriterion } from '../domain/call-rules';

/** An ISO 8601 moment with its offset (`Z` or `+hh:mm`): a deadline is a moment, never a local time. */
export const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

export class RubricCriterionDto implements RubricCriterion {
  @ApiProperty({ example: 'relevance', pattern: '^[a-z][a-z0-9_]{0,39}$' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: '$property must be lower_snake_case, at most 40 characters' })
  key: string;

  @ApiProperty({ example: 'Relevance to the call' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  label: string;

  @ApiProperty({ minimum: 1, maximum: 100, description: 'Integer; the weights of a rubric sum to 100' })
  @IsInt()
  @Min(1)
  @Max(100)
  weight: number;

  @ApiProperty({ minimum: 1, maximum: 1000, example: 10 })
  @IsInt()
  @Min(1)
  @Max(1000)
  maxScore: number;
}

/** Weights sum to 100 and keys are unique (the per-criterion shape is checked by nested validation). */
function IsRubric(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRubric',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) =>
          Array.isArray(value) &&
          value.every((c) => c && typeof c === 'object') &&
          rubricProblems(value as RubricCriterion[]).length === 0,
        defaultMessage: (args) =>
          Array.isArray(args?.value)
            ? `$property: ${rubricProblems(args.value as RubricCriterion[]).join('; ')}`
            : '$property must be an array of criteria',
      },
    });
}

export class CreateCallDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fundId: string;

  @ApiProperty({ example: 'Shelter and legal aid 2017' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title: string;

  @ApiPropertyOptional({ description: 'Required before publishing' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(20000)
  description?: string;

  @ApiPropertyOptional({ enum: SERVICES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(SERVICES.length)
  @IsServiceCode({ each: true })
  themes?: string[];

  @ApiPropertyOptional({ type: [String], example: ['NG', 'KE'] })
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @ArrayMaxSize(250)
  @IsCountryCode({ each: true })
  eligibleCountries?: string[];

  @IsOptional()
  @IsMinorUnits({ required: false, description: 'Smallest award, in minor units of the fund currency' })
  minAward?: number;

  @IsOptional()
  @IsMinorUnits({ required: false, description: 'Largest award, in minor units' })
  maxAward?: number;

  @IsOptional()
  @IsMinorUnits({
    required: false,
    description: 'What the call may commit in grants (without PSC), minor units',
  })
  envelope?: number;

  @ApiPropertyOptional({
    example: '2030-06-30T23:59:59Z',
    description: 'A moment in UTC (or with an offset)',
  })
  @IsOptional()
  @IsString()
  @Matches(ISO_MOMENT, { message: '$property must be an ISO 8601 date-time with a time zone' })
  deadline?: string;

  @ApiPropertyOptional({ type: [RubricCriterionDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RubricCriterionDto)
  @IsRubric()
  rubric?: RubricCriterionDto[];

  @ApiPropertyOptional({ default: false, description: 'Reviewers do not see the organization' })
  @IsOptional()
  @IsBoolean()
  blind?: boolean;
}

export class UpdateCallDto extends PartialType(OmitType(CreateCallDto, ['fundId'] as const)) {}

export class CallQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CALL_STATUSES })
  @IsOptional()
  @IsIn(CALL_STATUSES as unknown as string[])
  status?: CallStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  fundId?: string;
}

export class CallView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() title: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: SERVICES, isArray: true }) themes: string[];
  @ApiProperty({ type: [String] }) eligibleCountries: string[];
  @ApiProperty({ nullable: true, type: 'integer' }) minAward: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) maxAward: number | null;
  @ApiProperty({ nullable: true, type: 'integer' }) envelope: number | null;
  @ApiProperty() currency: string;
  @ApiProperty({ nullable: true, type: Date }) deadline: Date | null;
  @ApiProperty({ type: [RubricCriterionDto] }) rubric: RubricCriterion[];
  @ApiProperty() blind: boolean;
  @ApiProperty({ enum: CALL_STATUSES }) status: CallStatus;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;
  @ApiProperty({ nullable: true, type: Date }) publishedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) openedAt: Date | null;
  @ApiProperty({ nullable: true, type: Date }) closedAt: Date | null;
}

/** A page of calls (`GET /api/calls`). */
export class CallPage {
  @ApiProperty({ type: [CallView] }) items: CallView[];
  @ApiProperty({ nullable: true, type: String, description: 'pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class CallWarning {
  @ApiProperty({ example: 'CALLS.BELOW_TARGET' }) code: string;
  @ApiProperty() message: string;
}

export class CallTransitionView extends CallView {
  @ApiProperty({ type: [CallWarning] }) warnings: CallWarning[];
}
