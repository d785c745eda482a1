import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SERVICES } from '@app/core';
import { ROUNDING_BASE, SMALL_CELL_LIMIT, SUPPRESSED } from '../domain/small-cells';
import { DATA_AS_OF } from './data-as-of';

/** A count as published: a multiple of 5 from 5 up, or "<5" for a small cell. */
const PUBLIC_COUNT = {
  oneOf: [
    { type: 'integer', minimum: SMALL_CELL_LIMIT, multipleOf: ROUNDING_BASE },
    { type: 'string', enum: [SUPPRESSED] },
  ],
  description: `under ${SMALL_CELL_LIMIT}: "${SUPPRESSED}"; otherwise rounded to the nearest multiple of ${ROUNDING_BASE}`,
};

class ImpactKeys {
  @ApiPropertyOptional({ example: 2015, description: "the year of the reports' periodEnd (groupBy year)" })
  year?: number;

  @ApiPropertyOptional({ enum: [...SERVICES], description: 'groupBy service' })
  service?: string;

  @ApiPropertyOptional({ example: 'NG', description: 'ISO 3166-1 alpha-2 (groupBy country)' })
  country?: string;
}

export class ImpactRowView extends ImpactKeys {
  @ApiProperty({ type: 'integer', minimum: 0 })
  victimsAssisted: number;
}

export class ImpactReportView {
  @ApiProperty({ format: 'uuid', nullable: true, type: 'string' })
  fundId: string | null;

  @ApiProperty({ isArray: true, enum: ['year', 'service', 'country'] })
  groupBy: string[];

  @ApiProperty({ type: [ImpactRowView] })
  items: ImpactRowView[];

  @ApiProperty({ type: 'integer', minimum: 0 })
  total: number;

  @ApiProperty({ format: 'date-time', description: DATA_AS_OF })
  dataAsOf: string;
}

export class PublicImpactRowView extends ImpactKeys {
  @ApiProperty(PUBLIC_COUNT)
  victimsAssisted: number | typeof SUPPRESSED;
}

export class PublicImpactReportView {
  @ApiProperty({ format: 'uuid', nullable: true, type: 'string' })
  fundId: string | null;

  @ApiProperty({ isArray: true, enum: ['year', 'service', 'country'] })
  groupBy: string[];

  @ApiProperty({ type: [PublicImpactRowView] })
  items: PublicImpactRowView[];

  @ApiProperty({ ...PUBLIC_COUNT, description: `the exact total, published by the same rule as a cell` })
  total: number | typeof SUPPRESSED;

  @ApiProperty({
    description: 'the protection applied: cells under `below` shown as "<5", every other figure rounded',
    example: { below: SMALL_CELL_LIMIT, roundedTo: ROUNDING_BASE },
  })
  suppression: { below: number; roundedTo: number };

  @ApiProperty({ format: 'date-time', description: DATA_AS_OF })
  dataAsOf: string;
}
