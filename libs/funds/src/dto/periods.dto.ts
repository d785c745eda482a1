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
