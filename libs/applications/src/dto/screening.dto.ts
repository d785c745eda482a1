import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsUUID,
  IsObject,
  ValidateNested,
} from 'class-validator';
import { APPLICATION_STATUSES } from '../domain/application-rules';
import type { ApplicationStatus } from '../domain/application-rules';
import { ApplicationFilterDto, EligibilityDto } from './application.dto';

/** The most applications one bulk screening changes (a call's whole filtered set fits). */
export const BULK_SCREENING_MAX = 1000;

/**
 * Screening many applications of a call at once: the same verdict and reason for the listed `ids`, or
 * for every application of the call matching `filter` (exactly one of the two).
 */
export class BulkEligibilityDto extends EligibilityDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: BULK_SCREENING_MAX })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_SCREENING_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  ids?: string[];

  @ApiPropertyOptional({ type: ApplicationFilterDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ApplicationFilterDto)
  filter?: ApplicationFilterDto;
}

export class ScreenedItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, description: 'the status after this request' })
  status: ApplicationStatus;
}

export class ScreeningFailure {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: APPLICATION_STATUSES, description: 'the status it kept' }) status: ApplicationStatus;
  @ApiProperty({ example: 'APPLICATION.INVALID_STATE' }) code: string;
  @ApiProperty() detail: string;
}

/** What a bulk screening changed: each application is screened alone, all or nothing for it. */
export class BulkScreeningView {
  @ApiProperty({ type: 'integer', description: 'applications the ids or filter named' }) matched: number;
  @ApiProperty({ type: [ScreenedItem] }) changed: ScreenedItem[];
  @ApiProperty({ type: [ScreeningFailure], description: 'left as they were, with the reason' })
  failed: ScreeningFailure[];
}
