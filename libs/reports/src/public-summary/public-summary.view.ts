import { ApiProperty } from '@nestjs/swagger';
import { ApiMoney } from '@app/core';
import { ROUNDING_BASE, SMALL_CELL_LIMIT, SUPPRESSED } from '../domain/small-cells';
import type { PublicCount } from '../domain/small-cells';
import { DATA_AS_OF } from '../dto/data-as-of';

/** The home page's figures: the money received and granted, and the victims assisted. */
export class PublicSummaryView {
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: 'string',
    description: 'the fund asked for; null: every fund of this deployment together',
  })
  fundId: string | null;

  @ApiProperty({ enum: ['USD'], description: 'the funds keep their books in US dollars' })
  currency: 'USD';

  @ApiMoney({ minimum: 0, description: 'contributions received, less reversals (USD minor units)' })
  received: number;

  @ApiMoney({
    minimum: 0,
    description: 'granted: amounts of approved grants, less cancelled, paid or not (USD minor units)',
  })
  committed: number;

  @ApiMoney({ minimum: 0, description: 'paid out to NGOs so far (USD minor units)' })
  disbursed: number;

  @ApiProperty({
    oneOf: [
      { type: 'integer', minimum: SMALL_CELL_LIMIT, multipleOf: ROUNDING_BASE },
      { type: 'string', enum: [SUPPRESSED] },
    ],
    description:
      `victims assisted according to accepted reports, published like the public impact figures: ` +
      `under ${SMALL_CELL_LIMIT} "${SUPPRESSED}", otherwise rounded to a multiple of ${ROUNDING_BASE}`,
  })
  victimsAssisted: PublicCount;

  @ApiProperty({ format: 'date-time', description: 'when the figures were read' })
  asOf: string;

  @ApiProperty({ format: 'date-time', description: DATA_AS_OF })
  dataAsOf: string;
}
