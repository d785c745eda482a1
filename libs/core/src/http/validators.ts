import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { isKnownCurrency, MAX_AMOUNT } from '../money/money';

/** ISO 3166-1 alpha-2, the officially assigned codes. */
export const COUNTRIES: ReadonlySet<string> = new Set([
  'AD',
  'AE',
  'AF',
  'AG',
  'AI',
  'AL',
  'AM',
  'AO',
  'AQ',
  'AR',
  'AS',
  'AT',
  'AU',
  'AW',
  'AX',
  'AZ',
  'BA',
  'BB',
  'BD',
  'BE',
  'BF',
  'BG',
  'BH',
  'BI',
  'BJ',
  'BL',
  'BM',
  'BN',
  'BO',
  'BQ',
  'BR',
  'BS',
  'BT',
  'BV',
  'BW',
  'BY',
  'BZ',
  'CA',
  'CC',
  'CD',
  'CF',
  'CG',
  'CH',
  'CI',
  'CK',
  'CL',
  'CM',
  'CN',
  'CO',
  'CR',
  'CU',
  'CV',
  'CW',
  'CX',
  'CY',
  'CZ',
  'DE',
  'DJ',
  'DK',
  'DM',
  'DO',
  'DZ',
  'EC',
  'EE',
  'EG',
  'EH',
  'ER',
  'ES',
  'ET',
  'FI',
  'FJ',
  'FK',
  'FM',
  'FO',
  'FR',
  'GA',
  'GB',
  'GD',
  'GE',
  'GF',
  'GG',
  'GH',
  'GI',
  'GL',
  'GM',
  'GN',
  'GP',
  'GQ',
  'GR',
  'GS',
  'GT',
  'GU',
  'GW',
  'GY',
  'HK',
  'HM',
  'HN',
  'HR',
  'HT',
  'HU',
  'ID',
  'IE',
  'IL',
  'IM',
  'IN',
  'IO',
  'IQ',
  'IR',
  'IS',
  'IT',
  'JE',
  'JM',
  'JO',
  'JP',
  'KE',
  'KG',
  'KH',
  'KI',
  'KM',
  'KN',
  'KP',
  'KR',
  'KW',
  'KY',
  'KZ',
  'LA',
  'LB',
  'LC',
  'LI',
  'LK',
  'LR',
  'LS',
  'LT',
  'LU',
  'LV',
  'LY',
  'MA',
  'MC',
  'MD',
  'ME',
  'MF',
  'MG',
  'MH',
  'MK',
  'ML',
  'MM',
  'MN',
  'MO',
  'MP',
  'MQ',
  'MR',
  'MS',
  'MT',
  'MU',
  'MV',
  'MW',
  'MX',
  'MY',
  'MZ',
  'NA',
  'NC',
  'NE',
  'NF',
  'NG',
  'NI',
  'NL',
  'NO',
  'NP',
  'NR',
  'NU',
  'NZ',
  'OM',
  'PA',
  'PE',
  'PF',
  'PG',
  'PH',
  'PK',
  'PL',
  'PM',
  'PN',
  'PR',
  'PS',
  'PT',
  'PW',
  'PY',
  'QA',
  'RE',
  'RO',
  'RS',
  'RU',
  'RW',
  'SA',
  'SB',
  'SC',
  'SD',
  'SE',
  'SG',
  'SH',
  'SI',
  'SJ',
  'SK',
  'SL',
  'SM',
  'SN',
  'SO',
  'SR',
  'SS',
  'ST',
  'SV',
  'SX',
  'SY',
  'SZ',
  'TC',
  'TD',
  'TF',
  'TG',
  'TH',
  'TJ',
  'TK',
  'TL',
  'TM',
  'TN',
  'TO',
  'TR',
  'TT',
  'TV',
  'TW',
  'TZ',
  'UA',
  'UG',
  'UM',
  'US',
  'UY',
  'UZ',
  'VA',
  'VC',
  'VE',
  'VG',
  'VI',
  'VN',
  'VU',
  'WF',
  'WS',
  'YE',
  'YT',
  'ZA',
  'ZM',
  'ZW',
]);

/** The service codes of docs/api.md (themes, budget categories, victims-assisted lines). */
export const SERVICES = [
  'shelter',
  'psychological_support',
  'legal_aid',
  'education_training',
  'health_care',
  'stipends',
] as const;
export type Service = (typeof SERVICES)[number];

export function isCountry(value: unknown): boolean {
  return typeof value === 'string' && COUNTRIES.has(value);
}

function simple(name: string, test: (v: unknown) => boolean, message: string, options?: ValidationOptions) {
  return (target: object, propertyName: string | symbol): void =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message, ...options },
      validator: { validate: (value: unknown) => test(value) },
    });
}

/**
 * A money amount in minor units: a JSON integer, positive unless `allowZero`, and at most MAX_AMOUNT
 * (USD 1 billion in cents), so sums of many amounts stay far below 2^53 and the bigint columns.
 * Strings ("1000", "1e3"), fractions, NaN and larger integers are refused, naming the field.
 */
export function IsMinorUnits(opts: { allowZero?: boolean } & ApiPropertyOptions = {}): PropertyDecorator {
  const { allowZero, ...api } = opts;
  return applyDecorators(
    ApiProperty({
      type: 'integer',
      format: 'int64',
      minimum: allowZero ? 0 : 1,
      maximum: MAX_AMOUNT,
      ...api,
    } as ApiPropertyOptions),
    simple(
      'isMinorUnits',
      (v) =>
        typeof v === 'number' && Number.isSafeInteger(v) && (allowZero ? v >= 0 : v > 0) && v <= MAX_AMOUNT,
      `$property must be ${allowZero ? 'a non-negative' : 'a positive'} integer number of minor units ` +
        `of at most ${MAX_AMOUNT} (1 billion in major units)`,
    ),
  );
}

export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return simple(
    'isCurrencyCode',
    (v) => typeof v === 'string' && isKnownCurrency(v),
    '$property must be a known ISO 4217 currency code',
    options,
  );
}

export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  return simple('isCountryCode', isCountry, '$property must be an ISO 3166-1 alpha-2 country code', options);
}

export function IsServiceCode(options?: ValidationOptions): PropertyDecorator {
  return IsIn(SERVICES as unknown as string[], {
    message: `$property must be one of ${SERVICES.join(', ')}`,
    ...options,
  });
}

/**
 * A rate may arrive as a decimal string ("8.415") or a JSON number (8.415): a finite positive number is
 * taken as the decimal text it was written as (no arithmetic on it); anything else is left for the
 * validators to refuse.
 */
export function decimalText(value: unknown): unknown {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    const text = String(value);
    return /e/i.test(text) ? value : text;
  }
  return value;
}

/**
 * An optional array or nested object: it may be left out, but `null` is validated (and refused by the
 * field's type check) instead of being skipped as `@IsOptional()` would, so it never reaches a use case.
 */
export function IsOmittable(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
