/**
 * The forecast of a fund's available balance against its new-call target (docs/adr/0016-forecast.md).
 * Pure: no Nest, no SQL. Money stays in integer minor units; only the pledge weights are ratios of counts.
 *
 * Month 1 is the calendar month the forecast is made in (counted as a whole month), month 24 the 24th.
 * For each of PATHS simulated futures, the balance at the end of month k is
 *   available now - (a decision being weighed, with its PSC)
 *   + the weighted pledges expected by month k
 *   + k monthly amounts of unpledged money, each drawn at random from the fund's own past months
 *   - k months of fund-level costs at their trailing rate.
 * Commitments already made lowered available when they were approved; they are not subtracted again.
 * Returns count only once reported (they are then in `available`).
 */

export const HORIZON_MONTHS = 24;
export const PATHS = 1000;
/** A fund with fewer complete months of contributions than this gets no date (it says so instead). */
export const MIN_HISTORY_MONTHS = 12;
/** The trailing complete months whose unpledged contributions are resampled. */
export const WINDOW_MONTHS = 36;
/** The trailing complete months whose fund-level costs give the monthly cost rate. */
export const COST_MONTHS = 12;
/** A pledge counts as honoured on time when fully received within this many days of its expected date. */
export const ON_TIME_DAYS = 30;

export interface DonorRecord {
  /** The donor's pledges whose expected date (plus the grace days) had passed by the forecast date. */
  due: number;
  /** Of those, the ones fully received within the grace days of their expected date. */
  kept: number;
}

export interface PledgeInput {
  pledgeId: string;
  donorId: string;
  /** What is still to come, in the fund's currency. */
  outstanding: number;
  /** YYYY-MM-DD, as recorded. */
  expectedAt: string;
  record: DonorRecord;
}

export interface ForecastInputs {
  /** The moment the forecast is made for (ISO 8601). */
  asOf: string;
  currency: string;
  target: number;
  pscRateBps: number;
  available: number;
  /** Complete calendar months since the month of the fund's first contribution. */
  historyMonths: number;
  /** Unpledged contributions of each trailing complete month, oldest first (zeros included). */
  unpledgedMonthly: number[];
  /** Fund-level costs per month at the trailing rate (minor units, rounded). */
  monthlyCost: number;
  pledges: PledgeInput[];
  /** The bootstrap's seed: the same inputs give the same forecast. */
  seed: number;
}

export type ForecastStatus = 'no_history' | 'reached' | 'expected' | 'not_within_horizon';

export interface ForecastMonth {
  /** YYYY-MM */
  month: string;
  /** 10th, 50th and 90th percentiles of the simulated available balance at the month's end. */
  p10: number;
  p50: number;
  p90: number;
  /** Weighted pledges expected in that month. */
  pledges: number;
}

export interface ForecastAnswer {
  status: ForecastStatus;
  /** Available now, less a decision being weighed (with its PSC). */
  start: number;
  /** The month the median path reaches the target (null: not within the horizon, or no history). */
  expectedMonth: string | null;
  /** 10th percentile of the month the target is reached (the early end). */
  lowMonth: string | null;
  /** 90th percentile (the late end); null when later than the horizon. */
  highMonth: string | null;
  /** Share of simulated paths that reach the target within the horizon (0..1). */
  reachedShare: number;
  series: ForecastMonth[];
}

/** A donor's weight: (kept + 1) / (due + 2). A donor with no record counts at 1/2; 4 of 4 kept at 5/6. */
export function pledgeWeight(record: DonorRecord): { numerator: number; denominator: number } {
  return { numerator: record.kept + 1, denominator: record.due + 2 };
}

/** The weighted amount of a pledge, rounded half up to the minor unit (computed exactly in bigint). */
export function weightedAmount(outstanding: number, record: DonorRecord): number {
  const { numerator, denominator } = pledgeWeight(record);
  const n = BigInt(outstanding) * BigInt(numerator);
  const d = BigInt(denominator);
  return Number((2n * n + d) / (2n * d));
}

/** YYYY-MM of a moment (UTC). */
export function monthOf(at: Date | string): string {
  return (typeof at === 'string' ? at : at.toISOString()).slice(0, 7);
}

/** The month `k` months after `month` (YYYY-MM). */
export function addMonths(month: string, k: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + k;
  const yy = y + Math.floor(m / 12);
  const mm = ((m % 12) + 12) % 12;
  return `${String(yy).padStart(4, '0')}-${String(mm + 1).padStart(2, '0')}`;
}

/** Calendar months from `a` to `b` (YYYY-MM), b - a. */
export function monthsBetween(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** mulberry32: a small, fast, seeded generator of floats in [0, 1). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from text (FNV-1a): the fund's id and the month make a forecast reproducible. */
export function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The nearest-rank percentile of sorted values (q in 0..1). */
export function percentile<T>(sorted: readonly T[], q: number): T {
  const rank = Math.max(1, Math.ceil(q * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1];
}

/** The weighted pledges falling in each forecast month (index 0 = month 1). Overdue ones fall in month 1. */
export function pledgesByMonth(inputs: ForecastInputs): number[] {
  const first = monthOf(inputs.asOf);
  const byMonth = new Array<number>(HORIZON_MONTHS).fill(0);
  for (const p of inputs.pledges) {
    const k = Math.max(0, monthsBetween(first, monthOf(p.expectedAt)));
    if (k >= HORIZON_MONTHS || p.outstanding <= 0) continue;
    byMonth[k] += weightedAmount(p.outstanding, p.record);
  }
  return byMonth;
}

/**
 * The forecast itself. `decision` (minor units, PSC included) lowers the start as an approval would; the
 * same seed draws the same paths, so the difference it makes is the decision's alone.
 */
export function forecast(inputs: ForecastInputs, decision = 0): ForecastAnswer {
  const start = inputs.available - decision;
  const first = monthOf(inputs.asOf);
  if (inputs.historyMonths < MIN_HISTORY_MONTHS || inputs.unpledgedMonthly.length === 0) {
    return {
      status: 'no_history',
      start,
      expectedMonth: null,
      lowMonth: null,
      highMonth: null,
      reachedShare: 0,
      series: [],
    };
  }
  const pledges = pledgesByMonth(inputs);
  const pool = inputs.unpledgedMonthly;
  const random = prng(inputs.seed);
  // values[k][p]: the balance at the end of month k+1 on path p
  const values = Array.from({ length: HORIZON_MONTHS }, () => new Array<number>(PATHS));
  const hits = new Array<number>(PATHS);
  for (let p = 0; p < PATHS; p++) {
    let balance = start;
    let hit = balance >= inputs.target ? 0 : Infinity;
    for (let k = 0; k < HORIZON_MONTHS; k++) {
      balance += pledges[k] + pool[Math.floor(random() * pool.length)] - inputs.monthlyCost;
      values[k][p] = balance;
      if (hit === Infinity && balance >= inputs.target) hit = k + 1;
    }
    hits[p] = hit;
  }
  const series = values.map((v, k) => {
    const sorted = v.slice().sort((a, b) => a - b);
    return {
      month: addMonths(first, k),
      p10: percentile(sorted, 0.1),
      p50: percentile(sorted, 0.5),
      p90: percentile(sorted, 0.9),
      pledges: pledges[k],
    };
  });
  hits.sort((a, b) => a - b);
  const label = (k: number) => (k === Infinity ? null : k === 0 ? first : addMonths(first, k - 1));
  const expected = percentile(hits, 0.5);
  return {
    status: start >= inputs.target ? 'reached' : expected === Infinity ? 'not_within_horizon' : 'expected',
    start,
    expectedMonth: label(expected),
    lowMonth: label(percentile(hits, 0.1)),
    highMonth: label(percentile(hits, 0.9)),
    reachedShare: hits.filter((h) => h !== Infinity).length / PATHS,
    series,
  };
}

/** How far the expected month moved, in months; "not within the horizon" counts as the month after it. */
export function monthsMoved(before: string | null, after: string | null, asOf: string): number {
  const beyond = addMonths(monthOf(asOf), HORIZON_MONTHS);
  return Math.abs(monthsBetween(before ?? beyond, after ?? beyond));
}

/** A notice is due when the expected month moved by this many months or more since the last notice. */
export const NOTICE_SHIFT_MONTHS = 3;
