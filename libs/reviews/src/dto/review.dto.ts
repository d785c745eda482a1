import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '@app/core';

export class AssignReviewerDto {
  @ApiProperty({ format: 'uuid', description: 'A user with the reviewer role' })
  @IsUUID()
  reviewerId: string;
}

export class ConflictDto {
  @ApiProperty({ example: 'I advised this organization last year' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class CriterionScoreDto {
  @ApiProperty({ example: 'relevance' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  criterion: string;

  @ApiProperty({ minimum: 0, description: 'Integer from 0 to the criterion maxScore' })
  @IsInt()
  @Min(0)
  score: number;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  comment: string;
}

export class ScoresDto {
  @ApiProperty({ type: [CriterionScoreDto], description: 'Every rubric criterion exactly once' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsObject({ each: true, message: 'each item of $property must be an object' })
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreDto)
  scores: CriterionScoreDto[];
}

export class RankingQuery {
  @ApiPropertyOptional({
    default: 20,
    minimum: 0,
    maximum: 100,
    description: 'Spread above which a row is flagged',
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(100)
  threshold?: number;
}

export class AssignmentQuery extends PageQuery {}

export class AssignmentView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ format: 'uuid' }) callId: string;
  @ApiProperty({ format: 'uuid' }) reviewerId: string;
  @ApiProperty({ enum: ['assigned', 'conflict', 'submitted'] }) status: string;
  @ApiProperty({ type: [CriterionScoreDto], nullable: true }) scores: CriterionScoreDto[] | null;
  @ApiProperty({ nullable: true, type: Number, description: "This review's score on 0-100" }) score:
    number | null;
  @ApiProperty({ nullable: true, type: String }) conflictReason: string | null;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ nullable: true, type: Date }) submittedAt: Date | null;
}

export class RankingItemView {
  @ApiProperty({ format: 'uuid' }) applicationId: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean of submitted reviews, 0-100, 2 decimals' })
  score: number | null;
  @ApiProperty() reviewerCount: number;
  @ApiProperty({ nullable: true, type: Number }) spread: number | null;
  @ApiProperty() flagged: boolean;
}

export class RankingView {
  @ApiProperty({ type: [RankingItemView] }) items: RankingItemView[];
  @ApiProperty() threshold: number;
}
