import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
} from 'class-validator';
import { ApiMoney, decimalText, IsCountryCode, IsCurrencyCode, IsMinorUnits, PageQuery } from '@app/core';

export const DONOR_TYPES = ['member_state', 'private'] as const;
export type DonorType = (typeof DONOR_TYPES)[number];

export class CreateDonorDto {
  @ApiProperty({ example: 'Norway' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ enum: DONOR_TYPES })
  @IsIn(DONOR_TYPES as unknown as string[])
  type: DonorType;

  @ApiPropertyOptional({ example: 'NO' })
  @IsOptional()
  @IsCountryCode()
  country?: string;
}

export class DonorView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: DONOR_TYPES }) type: DonorType;
  @ApiProperty({ nullable: true, type: String }) country: string | null;
  @ApiProperty() createdAt: Date;
}

export class CreatePledgeDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  donorId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fundId: string;

  @IsMinorUnits({ description: 'minor units of currency' })
  amount: number;

  @ApiProperty({ example: 'USD' })
  @IsCurrencyCode()
  currency: string;

  @ApiProperty({ example: '2016-06-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'expectedAt must be YYYY-MM-DD' })
  @IsDateString({ strict: true })
  expectedAt: string;
}

export class PledgeView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiMoney() amount: number;
  @ApiProperty() currency: string;
  @ApiMoney({ description: "in the fund's currency" }) usdAmount: number;
  @ApiProperty({ nullable: true, type: String }) usdRate: string | null;
  @ApiProperty() expectedAt: string;
  @ApiMoney({ description: "received against it, in the fund's currency" })
  settled: number;
  @ApiMoney({ description: 'not yet received' }) outstanding: number;
  @ApiProperty() createdAt: Date;
}

export class CreateContributionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  donorId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  fundId: string;

  @IsMinorUnits({ description: 'minor units of currency (the original amount)' })
  amount: number;

  @ApiProperty({ example: 'NOK' })
  @IsCurrencyCode()
  currency: string;

  @ApiPropertyOptional({
    example: '8.415',
    description: 'units of currency per 1 USD; omitted: the UN operational rate in force on receivedAt',
  })
  @IsOptional()
  @Transform(({ value }) => decimalText(value))
  @IsString()
  @Matches(/^(?=.*[1-9])\d{1,12}(\.\d{1,10})?$/, {
    message: 'usdRate must be a positive decimal string like "8.415"',
  })
  usdRate?: string;

  @ApiProperty({
    example: '2015-06-30T00:00:00Z',
    description: 'when the money was received; not in the future',
  })
  @IsDateString({ strict: true })
  receivedAt: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'the pledge this settles, in part or in full' })
  @IsOptional()
  @IsUUID()
  pledgeId?: string;
}

export class ReverseContributionDto {
  @ApiProperty({ example: 'Entered twice by mistake' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason: string;

  @ApiPropertyOptional({ description: 'when the reversal takes effect; default now' })
  @IsOptional()
  @IsDateString({ strict: true })
  effectiveAt?: string;
}

export class ContributionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) pledgeId: string | null;
  @ApiMoney() amount: number;
  @ApiProperty() currency: string;
  @ApiProperty({ nullable: true, type: String }) usdRate: string | null;
  @ApiMoney() usdAmount: number;
  @ApiProperty() receivedAt: string;
  @ApiProperty({ example: 'VTF-2015-0007' }) receiptNumber: string;
  @ApiProperty({ enum: ['received', 'reversed'] }) status: 'received' | 'reversed';
  @ApiProperty({ description: 'the receipt is void once the contribution is reversed' }) receiptVoid: boolean;
  @ApiProperty({ nullable: true, type: String }) reversedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) reversalReason: string | null;
  @ApiProperty() createdAt: string;
}

export class ContributionQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  fundId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  donorId?: string;
}
