import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { ApiMoney } from '@app/core';
import {
  ForecastAnswer,
  ForecastInputs,
  HORIZON_MONTHS,
  MIN_HISTORY_MONTHS,
  monthsBetween,
  ON_TIME_DAYS,
  PATHS,
  pledgeWeight,
  weightedAmount,
} from './domain/forecast';

const STATUSES = ['no_history', 'reached', 'expected', 'not_within_horizon'];
const MONTH = { type: String, nullable: true, example: '2017-09', description: 'YYYY-MM' } as const;

export class ForecastQuery {
  @ApiPropertyOptional({
    description:
      'Minor units of a grant being weighed: the answer adds what approving it (plus the fund\u2019s PSC) does',
    example: '2000000',
    pattern: '^(0|[1-9][0-9]{0,14})$',
  })
  @IsOptional()
  @Matches(/^(0|[1-9][0-9]{0,14})$/, { message: 'commit must be a non-negative integer of minor units' })
  commit?: string;
}

export class ForecastMonthView {
  @ApiProperty({ example: '2016-04', description: 'YYYY-MM; the balance at the end of that month' })
  month: string;
  @ApiMoney({ description: '10th percentile of the simulated available balance' }) p10: number;
  @ApiMoney({ description: 'median' }) p50: number;
  @ApiMoney({ description: '90th percentile' }) p90: number;
  @ApiMoney({ description: 'weighted pledges expected in the month' }) pledges: number;
}

export class ForecastPledgeView {
  @ApiProperty({ format: 'uuid' }) pledgeId: string;
  @ApiProperty({ format: 'uuid' }) donorId: string;
  @ApiMoney({ description: 'still to come' }) outstanding: number;
  @ApiProperty({ example: '2016-06-30' }) expectedAt: string;
  @ApiProperty({ type: 'integer', description: "the donor's pledges that were due" }) due: number;
  @ApiProperty({ type: 'integer', description: 'of those, received in full within the grace days' })
  kept: number;
  @ApiProperty({ description: '(kept + 1) / (due + 2)', example: 0.8333 }) weight: number;
  @ApiMoney({ description: 'outstanding x weight' }) weighted: number;
}

export class ForecastMethodView {
  @ApiProperty({ type: 'integer', example: PATHS }) paths: number;
  @ApiProperty({ type: 'integer', example: HORIZON_MONTHS }) horizonMonths: number;
  @ApiProperty({ type: 'integer', description: 'complete months since the first contribution' })
  historyMonths: number;
  @ApiProperty({ type: 'integer', example: MIN_HISTORY_MONTHS }) minHistoryMonths: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'integer', format: 'int64' },
    description: 'unpledged contributions of each trailing month resampled, oldest first',
  })
  unpledgedMonthly: number[];
  @ApiMoney({ description: 'fund-level costs per month at the trailing rate' }) monthlyCost: number;
  @ApiProperty({ type: 'integer', example: ON_TIME_DAYS }) onTimeDays: number;
  @ApiProperty({ type: 'integer', description: 'seed of the bootstrap' }) seed: number;
  @ApiProperty({ type: [ForecastPledgeView] }) pledges: ForecastPledgeView[];
}

export class ForecastDecisionView {
  @ApiMoney({ description: 'the grant amount weighed' }) amount: number;
  @ApiMoney({ description: 'its programme support cost at the fund\u2019s rate' }) psc: number;
  @ApiMoney({ description: 'available after approving it' }) available: number;
  @ApiProperty({ enum: STATUSES }) status: string;
  @ApiProperty(MONTH) expectedMonth: string | null;
  @ApiProperty(MONTH) lowMonth: string | null;
  @ApiProperty(MONTH) highMonth: string | null;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    description: 'how many months later the expected month falls (null when either is past the horizon)',
  })
  monthsLater: number | null;
}

export class ForecastView {
  @ApiProperty({ format: 'uuid' }) fundId: string;
  @ApiProperty({ example: 'USD' }) currency: string;
  @ApiMoney() target: number;
  @ApiMoney({ description: 'available now' }) available: number;
  @ApiProperty({ description: 'the moment the forecast is made for' }) asOf: string;
  @ApiProperty({
    enum: STATUSES,
    description:
      'no_history: too little history for a date; reached: available is at or above the target; ' +
      'expected: the median path reaches it within 24 months; not_within_horizon: it does not',
  })
  status: string;
  @ApiProperty(MONTH) expectedMonth: string | null;
  @ApiProperty({ ...MONTH, description: '10th percentile of the month the target is reached' })
  lowMonth: string | null;
  @ApiProperty({ ...MONTH, description: '90th percentile; null when later than 24 months' })
  highMonth: string | null;
  @ApiProperty({
    description: 'share of simulated paths reaching the target within 24 months',
    example: 0.62,
  })
  reachedShare: number;
  @ApiProperty({ type: [ForecastMonthView] }) series: ForecastMonthView[];
  @ApiProperty({ type: ForecastMethodView }) method: ForecastMethodView;
  @ApiProperty({ type: ForecastDecisionView, nullable: true }) decision: ForecastDecisionView | null;
}

export function toForecastView(
  fundId: string,
  inputs: ForecastInputs,
  answer: ForecastAnswer,
  at: Date,
  decision: { amount: number; psc: number; answer: ForecastAnswer; base: ForecastAnswer } | null,
): ForecastView {
  return {
    fundId,
    currency: inputs.currency,
    target: inputs.target,
    available: inputs.available,
    asOf: at.toISOString(),
    status: answer.status,
    expectedMonth: answer.expectedMonth,
    lowMonth: answer.lowMonth,
    highMonth: answer.highMonth,
    reachedShare: answer.reachedShare,
    series: answer.series,
    method: {
      paths: PATHS,
      horizonMonths: HORIZON_MONTHS,
      historyMonths: inputs.historyMonths,
      minHistoryMonths: MIN_HISTORY_MONTHS,
      unpledgedMonthly: inputs.unpledgedMonthly,
      monthlyCost: inputs.monthlyCost,
      onTimeDays: ON_TIME_DAYS,
      seed: inputs.seed,
      pledges: inputs.pledges.map((p) => {
        const w = pledgeWeight(p.record);
        return {
          pledgeId: p.pledgeId,
          donorId: p.donorId,
          outstanding: p.outstanding,
          expectedAt: p.expectedAt,
          due: p.record.due,
          kept: p.record.kept,
          weight: Math.round((w.numerator / w.denominator) * 10000) / 10000,
          weighted: weightedAmount(p.outstanding, p.record),
        };
      }),
    },
    decision: decision && {
      amount: decision.amount,
      psc: decision.psc,
      available: decision.answer.start,
      status: decision.answer.status,
      expectedMonth: decision.answer.expectedMonth,
      lowMonth: decision.answer.lowMonth,
      highMonth: decision.answer.highMonth,
      monthsLater:
        decision.base.expectedMonth && decision.answer.expectedMonth
          ? monthsBetween(decision.base.expectedMonth, decision.answer.expectedMonth)
          : null,
    },
  };
}
