import {
  addMonths,
  forecast,
  ForecastInputs,
  HORIZON_MONTHS,
  monthsMoved,
  percentile,
  pledgesByMonth,
  prng,
  weightedAmount,
} from './forecast';

const USD = 100;

function inputs(over: Partial<ForecastInputs> = {}): ForecastInputs {
  return {
    asOf: '2026-01-01T00:00:00.000Z',
    currency: 'USD',
    target: 500_000 * USD,
    pscRateBps: 1300,
    available: 50_000 * USD,
    historyMonths: 36,
    unpledgedMonthly: new Array(36).fill(30_000 * USD),
    monthlyCost: 5_000 * USD,
    pledges: [],
    seed: 42,
    ...over,
  };
}

/** A draw from a known distribution: the sum of three uniform integers of 0..20,000 USD (mean 30,000). */
function knownDraw(random: () => number): number {
  let s = 0;
  for (let i = 0; i < 3; i++) s += Math.floor(random() * 20_001) * USD;
  return s;
}

describe('forecast of the available balance', () => {
  it.each([
    [{ due: 0, kept: 0 }, 10_000, 5_000],
    [{ due: 4, kept: 4 }, 60_000, 50_000],
    [{ due: 4, kept: 0 }, 60_000, 10_000],
    [{ due: 2, kept: 1 }, 3, 2],
  ])("weights a pledge by the donor's record %j: %d becomes %d", (record, outstanding, expected) => {
    expect(weightedAmount(outstanding, record)).toBe(expected);
  });

  it('puts each weighted pledge in its expected month, overdue ones in the first, beyond 24 months none', () => {
    const byMonth = pledgesByMonth(
      inputs({
        pledges: [
          {
            pledgeId: 'a',
            donorId: 'd',
            outstanding: 600,
            expectedAt: '2026-03-15',
            record: { due: 4, kept: 4 },
          },
          {
            pledgeId: 'b',
            donorId: 'd',
            outstanding: 400,
            expectedAt: '2025-06-30',
            record: { due: 0, kept: 0 },
          },
          {
            pledgeId: 'c',
            donorId: 'd',
            outstanding: 999,
            expectedAt: '2028-01-01',
            record: { due: 0, kept: 0 },
          },
        ],
      }),
    );
    expect(byMonth).toHaveLength(HORIZON_MONTHS);
    expect(byMonth[0]).toBe(200);
    expect(byMonth[2]).toBe(500);
    expect(byMonth.reduce((a, b) => a + b, 0)).toBe(700);
  });

  it('with constant history the band is a line and the month is exact', () => {
    // 50,000 + k x (30,000 - 5,000) >= 500,000 first at k = 18: month 18 is 2027-06
    const answer = forecast(inputs());
    expect(answer.status).toBe('expected');
    expect(answer.expectedMonth).toBe('2027-06');
    expect(answer.lowMonth).toBe('2027-06');
    expect(answer.highMonth).toBe('2027-06');
    expect(answer.series[0]).toMatchObject({ month: '2026-01', p10: 75_000 * USD, p50: 75_000 * USD });
  });

  it('a pledge of a donor who always kept its word brings the month forward by its weighted amount', () => {
    const pledged = forecast(
      inputs({
        pledges: [
          // 4 of 4 on time: counts 5/6 of 120,000 = 100,000, i.e. four months of net income
          {
            pledgeId: 'p',
            donorId: 'd',
            outstanding: 120_000 * USD,
            expectedAt: '2026-02-10',
            record: { due: 4, kept: 4 },
          },
        ],
      }),
    );
    expect(pledged.series[1].pledges).toBe(100_000 * USD);
    expect(pledged.expectedMonth).toBe('2027-02');
  });

  it('answers "not within 24 months" when the median path never reaches the target', () => {
    const answer = forecast(inputs({ unpledgedMonthly: new Array(36).fill(10_000 * USD) }));
    expect(answer.status).toBe('not_within_horizon');
    expect(answer.expectedMonth).toBeNull();
    expect(answer.highMonth).toBeNull();
    expect(answer.series).toHaveLength(24);
  });

  it('says there is no history rather than a date for a fund with fewer than 12 months of it', () => {
    const answer = forecast(inputs({ historyMonths: 5, unpledgedMonthly: [1, 2, 3, 4, 5] }));
    expect(answer).toMatchObject({ status: 'no_history', expectedMonth: null, series: [] });
  });

  it('an approval (with its PSC) delays the month by what it takes out, on the same paths', () => {
    const base = forecast(inputs());
    // 100,000 + 13% = 113,000: 4.52 months of 25,000 net: month 18 becomes month 23
    const after = forecast(inputs(), 113_000 * USD);
    expect(after.start).toBe(base.start - 113_000 * USD);
    expect(after.expectedMonth).toBe('2027-11');
    expect(monthsMoved(base.expectedMonth, after.expectedMonth, inputs().asOf)).toBe(5);
  });

  it('counts a fund at or above the target as reached now', () => {
    expect(forecast(inputs({ available: 600_000 * USD }))).toMatchObject({
      status: 'reached',
      expectedMonth: '2026-01',
    });
  });

  it('is reproducible: the same inputs and seed give the same answer', () => {
    const noisy = inputs({ unpledgedMonthly: Array.from({ length: 36 }, (_, i) => (i * 7919) % 50_000) });
    expect(forecast(noisy)).toEqual(forecast(noisy));
  });

  it('the 10-90 band covers about 80% of futures drawn from the known distribution the history came from', () => {
    const truth = prng(7);
    const history = Array.from({ length: 240 }, () => knownDraw(truth));
    const answer = forecast(inputs({ unpledgedMonthly: history, historyMonths: 240, monthlyCost: 0 }));
    for (const k of [1, 6, 12, 24]) {
      const band = answer.series[k - 1];
      let inside = 0;
      const trials = 4000;
      for (let t = 0; t < trials; t++) {
        let v = 50_000 * USD;
        for (let m = 0; m < k; m++) v += knownDraw(truth);
        if (v >= band.p10 && v <= band.p90) inside += 1;
      }
      expect(inside / trials).toBeGreaterThan(0.74);
      expect(inside / trials).toBeLessThan(0.86);
    }
  });

  it('band percentiles are ordered and widen with the horizon', () => {
    const random = prng(3);
    const answer = forecast(
      inputs({ unpledgedMonthly: Array.from({ length: 36 }, () => knownDraw(random)) }),
    );
    for (const m of answer.series) expect(m.p10 <= m.p50 && m.p50 <= m.p90).toBe(true);
    expect(answer.series[23].p90 - answer.series[23].p10).toBeGreaterThan(
      answer.series[0].p90 - answer.series[0].p10,
    );
  });

  it.each([
    ['2027-06', '2027-09', 3],
    ['2027-06', null, 7],
    [null, null, 0],
  ])('measures a move of the expected month from %s to %s as %d months', (a, b, n) => {
    expect(monthsMoved(a, b, '2026-01-01T00:00:00Z')).toBe(n);
  });

  it('counts months across years and takes the nearest rank', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.1)).toBe(1);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
  });
});
