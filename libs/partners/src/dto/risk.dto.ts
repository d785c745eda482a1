import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsMinorUnits } from '@app/core';

export class FundSettingsDto {
  @ApiProperty()
  @IsBoolean()
  dueDiligenceRequired: boolean;

  @ApiProperty({ example: 5, description: 'years a due-diligence verification stays valid' })
  @IsInt()
  @Min(1)
  @Max(20)
  verificationYears: number;

  @ApiProperty({ example: 75, description: 'lowest capacity score rated low risk' })
  @IsInt()
  @Min(0)
  @Max(100)
  lowMin: number;

  @ApiProperty({ example: 50 })
  @IsInt()
  @Min(0)
  @Max(100)
  mediumMin: number;

  @ApiProperty({ example: 30, description: 'below this score: not eligible' })
  @IsInt()
  @Min(0)
  @Max(100)
  highMin: number;

  @IsOptional()
  @IsMinorUnits({ required: false, nullable: true, description: 'maximum award, low risk' })
  maxAwardLow?: number | null;

  @IsOptional()
  @IsMinorUnits({ required: false, nullable: true, description: 'maximum award, medium risk' })
  maxAwardMedium?: number | null;

  @IsOptional()
  @IsMinorUnits({ required: false, nullable: true, description: 'maximum award, high risk' })
  maxAwardHigh?: number | null;

  @ApiProperty({ example: 12, description: 'months between reports, low risk' })
  @IsInt()
  @Min(1)
  @Max(24)
  reportMonthsLow: number;

  @ApiProperty({ example: 6 })
  @IsInt()
  @Min(1)
  @Max(24)
  reportMonthsMedium: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(1)
  @Max(24)
  reportMonthsHigh: number;
}

export class AnswerInput {
  @ApiProperty({ example: 'governance' })
  @IsString()
  @MaxLength(50)
  key: string;

  @ApiProperty({ example: 3, description: '0 (none) to 4 (strong)' })
  @IsInt()
  @Min(0)
  @Max(4)
  score: number;
}

export class AssessmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fundId: string;

  @ApiProperty({ type: [AnswerInput], description: 'one answer per question of the capacity assessment' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AnswerInput)
  answers: AnswerInput[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ObservationDto {
  @ApiProperty({ enum: ['yellow', 'red'] })
  @IsIn(['yellow', 'red'])
  level: 'yellow' | 'red';

  @ApiProperty({ example: 'Late audit report' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}

export class ObservationActionDto {
  @ApiProperty({ enum: ['escalate', 'resolve'] })
  @IsIn(['escalate', 'resolve'])
  action: 'escalate' | 'resolve';

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note: string;
}
