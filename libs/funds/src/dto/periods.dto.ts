import { ApiProperty } from '@nestjs/swagger';
import { IsDateString, Matches } from 'class-validator';

export class ClosePeriodDto {
  @ApiProperty({
    example: '2015-12-31',
    description:
      'last day (UTC) of the closed period, before today; no money may then take effect on or before it. ' +
      'It never moves backwards; the same day again changes nothing.',
  })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'through must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  through: string;
}

export class ClosedPeriodView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ type: 'string', format: 'date', nullable: true, example: '2015-12-31' })
  closedThrough: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true }) closedAt: string | null;
}

/** The shape of every error answer (application/problem+json, RFC 9457), for the OpenAPI document. */
export class ProblemView {
  @ApiProperty({ example: '/problems/period-closed' }) type: string;
  @ApiProperty({ example: 'Unprocessable Content' }) title: string;
  @ApiProperty({ type: 'integer', example: 422 }) status: number;
  @ApiProperty() detail: string;
  @ApiProperty({ example: 'LEDGER.PERIOD_CLOSED' }) code: string;
  @ApiProperty({
    required: false,
    type: 'array',
    items: {
      type: 'object',
      properties: { field: { type: 'string' }, messages: { type: 'array', items: { type: 'string' } } },
    },
  })
  errors?: { field: string; messages: string[] }[];
}
