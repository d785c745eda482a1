import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { DocumentLang } from '@app/core';
import type { DocumentLocale } from '@app/core';

class PeriodQuery {
  @ApiPropertyOptional({ description: 'ISO 8601 moment or YYYY-MM-DD (start of that day, UTC)' })
  @IsOptional()
  @IsDateString({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO 8601 moment or YYYY-MM-DD (end of that day, UTC); default now' })
  @IsOptional()
  @IsDateString({ strict: true })
  to?: string;
}

export class StatementQuery extends PeriodQuery {
  @ApiPropertyOptional({
    enum: ['json', 'csv', 'xlsx', 'pdf'],
    default: 'json',
    description: 'without from, the period starts on 1 January of the year of `to`',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx', 'pdf'])
  format?: 'json' | 'csv' | 'xlsx' | 'pdf';

  /** The PDF's language (issue 22). */
  @DocumentLang()
  lang?: DocumentLocale;
}

export class ContributionsReportQuery extends PeriodQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fundId: string;

  @ApiPropertyOptional({
    example: 'donorType,year',
    description: 'comma-separated: donor, donorType, year (any combination; none = one total row)',
  })
  @IsOptional()
  @IsString()
  groupBy?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class DonorStatementQuery extends PeriodQuery {
  @ApiPropertyOptional({ description: 'a calendar year; instead of from and to' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1900)
  @Max(2999)
  year?: number;

  @DocumentLang()
  lang?: DocumentLocale;
}

export class GrantsReportQuery {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fundId: string;

  @ApiPropertyOptional({ example: 'country,service', description: 'comma-separated: country, service, call' })
  @IsOptional()
  @IsString()
  groupBy?: string;

  @ApiPropertyOptional({ enum: ['json', 'csv', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv', 'xlsx'])
  format?: 'json' | 'csv' | 'xlsx';
}

export class ImpactQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'one fund; all funds when omitted' })
  @IsOptional()
  @IsUUID()
  fundId?: string;

  @ApiPropertyOptional({ example: 'year,service', description: 'comma-separated: year, service, country' })
  @IsOptional()
  @IsString()
  groupBy?: string;
}
