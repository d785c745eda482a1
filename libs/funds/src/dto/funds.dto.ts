import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ApiMoney, decimalText, IsCurrencyCode, IsMinorUnits, PageQuery } from '@app/core';

export class CreateFundDto {
  @ApiProperty({ example: 'VTF', description: 'Short code used in receipt numbers (stored in capitals)' })
  @Transform(({ value }) =>
    typeof value === 'string' ? value.trim().toUpperCase().replace(/_/g, '-') : value,
  )
  @Matches(/^[A-Z0-9][A-Z0-9-]{1,19}$/, {
    message: 'code must be 2-20 letters, digits, dashes or underscores',
  })
  code: string;

  @ApiProperty({ example: 'UN Voluntary Trust Fund for Victims of Trafficking in Persons' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'USD', default: 'USD', enum: ['USD'] })
  @IsOptional()
  @IsIn(['USD'], { message: 'currency must be USD: the fund keeps its books in US dollars' })
  currency?: string;

  @ApiPropertyOptional({ description: 'minor units; default USD 500,000', default: 50_000_000 })
  @IsOptional()
  @IsMinorUnits({ allowZero: true, required: false })
  newCallTarget?: number;

  @ApiPropertyOptional({ description: 'programme support cost in basis points (13% = 1300)', default: 1300 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10000)
  pscRateBps?: number;

  @ApiPropertyOptional({
    description:
      'how many days old the newest exchange rate may be on the day a non-USD contribution is received ' +
      'without its own usdRate (older: 422 /problems/rate-stale)',
    default: 45,
    minimum: 1,
    maximum: 3660,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(3660)
  rateMaxAgeDays?: number;
}

export class FundView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() currency: string;
  @ApiMoney() newCallTarget: number;
  @ApiProperty({ type: 'integer' }) pscRateBps: number;
  @ApiProperty({ type: 'integer', description: 'oldest exchange rate accepted, in days (see CreateFundDto)' })
  rateMaxAgeDays: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty({ description: 'whether the fund has a logo for its letterheads (GET /api/funds/{id}/logo)' })
  hasLogo: boolean;
}

export class BalanceQuery {
  @ApiPropertyOptional({ description: 'ISO 8601 moment or YYYY-MM-DD (end of that day, UTC)' })
  @IsOptional()
  @IsDateString({ strict: true })
  asOf?: string;
}

/** The balance figures of docs/api.md, shared by the balance, its history and the statement views. */
export class BalanceFiguresView {
  @ApiMoney() received: number;
  @ApiMoney() pledged: number;
  @ApiMoney() committed: number;
  @ApiMoney() disbursed: number;
  @ApiMoney() outstanding: number;
  @ApiMoney() returned: number;
  @ApiMoney() psc: number;
  @ApiMoney() costs: number;
  @ApiMoney() available: number;
  @ApiMoney() target: number;
  @ApiProperty({ type: 'number', description: 'available / target (1 = 100%)' }) progress: number;
}

export class BalanceView extends BalanceFiguresView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty() currency: string;
  @ApiProperty() asOf: string;
}

export class CreateCostDto {
  @IsMinorUnits({ description: "minor units of the fund's currency" })
  amount: number;

  @ApiProperty({ example: 'Mid-term evaluation of the 2014 grant cycle' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description: string;

  @ApiPropertyOptional({ description: 'when the cost was incurred (not in the future); default now' })
  @IsOptional()
  @IsDateString({ strict: true })
  incurredAt?: string;
}

export class CostView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiMoney() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty() description: string;
  @ApiProperty() incurredAt: string;
  @ApiMoney() available: number;
}

/** One fund-level cost as listed (`GET /api/funds/:id/costs`). */
export class CostItem {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiMoney() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty() description: string;
  @ApiProperty({ format: 'date-time' }) incurredAt: string;
  @ApiProperty({ format: 'date-time', description: 'when it was recorded' }) recordedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'who recorded it' })
  recordedBy: string | null;
}

export class CreateExchangeRateDto {
  @ApiProperty({ example: 'NOK' })
  @IsCurrencyCode()
  currency: string;

  @ApiProperty({ example: '8.4150', description: 'units of currency per 1 USD, as a decimal string' })
  @Transform(({ value }) => decimalText(value))
  @IsString()
  @Matches(/^(?=.*[1-9])\d{1,12}(\.\d{1,10})?$/, {
    message: 'rate must be a positive decimal string like "8.415"',
  })
  rate: string;

  @ApiProperty({ example: '2015-06-01', description: 'in force from this day until the next rate' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'effectiveFrom must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  effectiveFrom: string;
}

/** The corrected rate (validated as a new rate's) and why. */
export class SupersedeExchangeRateDto extends PickType(CreateExchangeRateDto, ['rate'] as const) {
  @ApiProperty({ example: 'Mistyped: the UN operational rate for June 2015 is 8.415' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;
}

export class ExchangeRateView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() currency: string;
  @ApiProperty() rate: string;
  @ApiProperty() effectiveFrom: string;
  @ApiProperty({
    enum: ['current', 'superseded'],
    description: 'superseded: corrected by a later rate for the same day; conversions use the current one',
  })
  status: 'current' | 'superseded';
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    description: 'the rate that replaced this one',
  })
  supersededBy: string | null;
  @ApiProperty({ nullable: true, type: Date }) supersededAt: Date | null;
  @ApiProperty({ nullable: true, type: String }) supersededReason: string | null;
}

export class ExchangeRateQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsCurrencyCode()
  currency?: string;
}
