import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDateString,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCountryCode, IsCurrencyCode, IsMinorUnits, IsOmittable, PageQuery } from '@app/core';

export class PersonInput {
  @ApiProperty({ example: 'Amina Yusuf' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'Executive Director' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  role: string;
}

export class RegistrationInput {
  @ApiProperty({ example: 'CAC/IT/12345' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  number: string;

  @ApiProperty({ example: 'Corporate Affairs Commission' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  authority: string;

  @ApiProperty({ example: 'NG' })
  @IsCountryCode()
  country: string;

  @ApiProperty({ example: '2012-03-01', format: 'date' })
  @IsDateString({ strict: true })
  date: string;

  @ApiPropertyOptional({ example: '2030-03-01', format: 'date', nullable: true, type: String })
  @IsOptional()
  @IsDateString({ strict: true })
  expiry?: string | null;
}

export class OfficeInput {
  @ApiProperty({ enum: ['headquarters', 'country_office'] })
  @IsIn(['headquarters', 'country_office'])
  type: 'headquarters' | 'country_office';

  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    type: String,
    description: "a country office's headquarters",
  })
  @IsOptional()
  @IsUUID()
  headquartersOrganizationId?: string | null;
}

export class BudgetYearInput {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1900)
  @Max(2100)
  year: number;

  @IsMinorUnits({ allowZero: true, description: 'annual budget in minor units' })
  amount: number;

  @ApiProperty({ example: 'USD' })
  @IsCurrencyCode()
  currency: string;
}

export class FocalPointInput {
  @ApiProperty({ example: 'Grace Obi' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'psea@ngo.example.org' })
  @IsEmail()
  email: string;
}

export class PseaInput {
  @ApiProperty({ description: 'the organization has a PSEA policy' })
  @IsBoolean()
  hasPolicy: boolean;

  @ApiProperty({ type: FocalPointInput })
  @IsObject()
  @ValidateNested()
  @Type(() => FocalPointInput)
  focalPoint: FocalPointInput;
}

export class DeclarationInput {
  @ApiProperty({ example: 'Amina Yusuf' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  signedBy: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString()
  signedAt: string;

  @ApiProperty({ example: '2026-1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  version: string;
}

export class BankInput {
  @ApiProperty({ description: "the account holder: the organization's legal name" })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  holder: string;

  @ApiProperty({ example: 'Guaranty Trust Bank' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  bankName: string;

  @ApiProperty({ example: 'GTBINGLA', description: 'SWIFT/BIC, 8 or 11 characters' })
  @IsString()
  @MaxLength(20)
  bic: string;

  @ApiPropertyOptional({
    example: 'DE89370400440532013000',
    nullable: true,
    type: String,
    description: 'checked by its digits',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  iban?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'where the country has no IBAN' })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9 -]{4,34}$/)
  accountNumber?: string | null;

  @ApiProperty({ example: 'NG', description: "the bank's country" })
  @IsCountryCode()
  country: string;
}

/** A partial update: the wizard saves each step as it goes; absent fields keep their value. */
export class UpdatePartnerProfileDto {
  @ApiPropertyOptional({ example: 'Al Nour Relief Foundation' })
  @IsOmittable()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  legalName?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  otherNames?: string[];

  @ApiPropertyOptional({ type: [String], example: ['ANRF'] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  acronyms?: string[];

  @ApiPropertyOptional({ type: RegistrationInput })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => RegistrationInput)
  registration?: RegistrationInput;

  @ApiPropertyOptional({ example: 2012 })
  @IsOmittable()
  @IsInt()
  @Min(1800)
  @Max(2100)
  yearFounded?: number;

  @ApiPropertyOptional({ type: OfficeInput })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => OfficeInput)
  office?: OfficeInput;

  @ApiPropertyOptional({ type: PersonInput })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonInput)
  head?: PersonInput;

  @ApiPropertyOptional({ type: [PersonInput] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(30)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => PersonInput)
  keyPeople?: PersonInput[];

  @ApiPropertyOptional()
  @IsOmittable()
  @IsString()
  @MaxLength(5000)
  mandate?: string;

  @ApiPropertyOptional({ type: [String] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  populations?: string[];

  @ApiPropertyOptional({ type: [BudgetYearInput] })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(10)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => BudgetYearInput)
  budgets?: BudgetYearInput[];

  @ApiPropertyOptional({ type: PseaInput })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => PseaInput)
  psea?: PseaInput;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  antiFraudPolicy?: boolean;

  @ApiPropertyOptional({ type: DeclarationInput })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => DeclarationInput)
  declaration?: DeclarationInput;

  @ApiPropertyOptional({ type: BankInput })
  @IsOmittable()
  @IsObject()
  @ValidateNested()
  @Type(() => BankInput)
  bank?: BankInput;
}

export class ReasonDto {
  @ApiProperty({ example: 'Different organization: other country and founders' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason: string;
}

export class PartnersQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: "only organizations the contract's verification has (not) verified",
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  verified?: 'true' | 'false';
}
