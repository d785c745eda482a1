import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, Min } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';

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

/** One group of `GET /api/public/impact` (and `/api/reports/impact`): its keys as grouped, and the count. */
export class ImpactRowView {
  @ApiPropertyOptional({ type: 'integer', description: 'when grouped by year: the reports’ periodEnd year' })
  year?: number;
  @ApiPropertyOptional({ description: 'when grouped by service: a service code' }) service?: string;
  @ApiPropertyOptional({ description: 'when grouped by country: ISO 3166-1 alpha-2' }) country?: string;
  @ApiProperty({ type: 'integer' }) victimsAssisted: number;
}

export class ImpactReportView {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'null: all funds' })
  fundId: string | null;
  @ApiProperty({ enum: ['year', 'service', 'country'], isArray: true }) groupBy: string[];
  @ApiProperty({ type: [ImpactRowView] }) items: ImpactRowView[];
  @ApiProperty({ type: 'integer', description: 'victims assisted in all the groups' }) total: number;
}
