import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { loadConfig, minor } from '@app/core';
import { BalanceService, forecast, ForecastService } from '@app/funds';
import { ApiModule } from '../apps/api/src/api.module';
import { seedDemo } from '../apps/api/src/demo/demo-seed';
import { apiEnv, freshDatabase, table, writeSection } from './lib/env';

/**
 * The forecast's back-test (issue 21, docs/adr/0016-forecast.md): the demo fund's history is entered into a
 * fresh database (`BENCH_DATABASE_URL`) through the services, then a forecast is made at the end of each
 * year 2012-2015 with only what was known then, and set against what happened in the 12 months after.
 *
 * The forecast assumes no new approvals, so the actual available balance is compared after adding back the
 * grants (with their PSC) approved, and released by cancellations, after the forecast was made.
 */
const USD = 100;
const YEARS = [2012, 2013, 2014, 2015];

const usd = (minorUnits: number) =>
  `${minorUnits < 0 ? '-' : ''}${Math.round(Math.abs(minorUnits) / USD).toLocaleString('en-US')}`;

async function approvalsBetween(ds: DataSource, fundId: string, from: Date, to: Date): Promise<number> {
  const [row]: { total: string | null }[] = await ds.query(
    `SELECT sum(e.amount)::bigint AS total FROM ledger_entries e JOIN ledger_postings p ON p.id = e.posting_id
     WHERE p.fund_id = $1 AND p.kind IN ('grant_commitment', 'grant_cancellation') AND e.account IN ('grants', 'psc')
       AND p.effective_at > $2 AND p.effective_at <= $3`,
    [fundId, from, to],
  );
  return minor(row?.total, 'approvals');
}

async function main(): Promise<void> {
  const started = Date.now();
  // No HTTP listener: the application context only. Secrets of this run alone (the config refuses committed ones).
  Object.assign(process.env, apiEnv(3999), {
    JWT_SECRET: `${randomBytes(32).toString('hex')}`,
    ADMIN_PASSWORD: `${randomBytes(16).toString('hex')}`,
    LOG_LEVEL: 'silent',
  });
  await freshDatabase();
  loadConfig();
  const app = await NestFactory.createApplicationContext(ApiModule, { logger: ['error'] });
  try {
    const seeded = Date.now();
    const { fundId } = await seedDemo(app);
    const seedSeconds = (Date.now() - seeded) / 1000;
    const ds = app.get(DataSource);
    const forecasts = app.get(ForecastService);
    const balances = app.get(BalanceService);

    // The history ends with the demo (31 March 2016): later months have no actual to compare with.
    const [{ last }]: { last: string }[] = await ds.query(
      `SELECT to_char(max(effective_at) AT TIME ZONE 'UTC', 'YYYY-MM') AS last FROM ledger_postings WHERE fund_id = $1`,
      [fundId],
    );
    const rows: (string | number)[][] = [];
    const errorsLatest: number[] = [];
    const errors12: number[] = [];
    let inside12 = 0;
    let insideAll = 0;
    let points = 0;
    for (const year of YEARS) {
      const at = new Date(Date.UTC(year + 1, 0, 1));
      const t0 = performance.now();
      const inputs = await forecasts.inputsAt(ds.manager, fundId, at);
      const answer = forecast(inputs);
      const ms = performance.now() - t0;
      let latest = { k: 0, actual: 0, comparable: 0 };
      for (let k = 1; k <= 12 && answer.series[k - 1].month <= last; k++) {
        const end = new Date(Date.UTC(year + 1, k, 1) - 1);
        const actual = (await balances.asOf(fundId, end)).available;
        const comparable = actual + (await approvalsBetween(ds, fundId, at, end));
        const band = answer.series[k - 1];
        points += 1;
        if (comparable >= band.p10 && comparable <= band.p90) insideAll += 1;
        latest = { k, actual, comparable };
      }
      const band = answer.series[latest.k - 1];
      const error = Math.abs(band.p50 - latest.comparable);
      errorsLatest.push(error);
      const inside = latest.comparable >= band.p10 && latest.comparable <= band.p90;
      if (latest.k === 12) {
        errors12.push(error);
        if (inside) inside12 += 1;
      }
      rows.push([
        `end of ${year}`,
        usd(inputs.available),
        inputs.historyMonths,
        `${latest.k} (${band.month})`,
        usd(band.p10),
        usd(band.p50),
        usd(band.p90),
        usd(latest.actual),
        usd(latest.comparable),
        usd(error),
        inside ? 'yes' : 'no',
        answer.status === 'reached'
          ? 'reached already'
          : answer.status === 'not_within_horizon'
            ? 'not within 24 months'
            : `${answer.expectedMonth} (${answer.lowMonth} to ${answer.highMonth ?? 'beyond 24 months'})`,
        ms.toFixed(1),
      ]);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    const mae = mean(errors12);
    const body = [
      `Run ${new Date().toISOString()}, Node ${process.version}; the demo history entered in ${seedSeconds.toFixed(1)} s, whole run ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      'Forecasts made on 1 January of the next year with only what was known then (ADR 0016: weighted pledges, a seeded bootstrap of the trailing 36 months of unpledged contributions, costs at their 12-month rate; 1,000 paths). "Comparable actual" is the actual available balance 12 months later plus the grants and PSC approved in between (the forecast assumes no new approvals). Amounts in USD.',
      '',
      table(
        [
          'forecast made',
          'available then',
          'months of history',
          'months ahead compared',
          'P10',
          'P50',
          'P90',
          'actual available',
          'comparable actual',
          'absolute error (P50)',
          'inside the band',
          'expected month of the USD 500,000 target',
          'ms',
        ],
        rows,
      ),
      '',
      `Mean absolute error of the 12-month-ahead available balance: USD ${usd(mae)} over the ${errors12.length} forecasts ` +
        `with 12 months of history after them (the demo history ends in ${last}, so the forecast made at the end of 2015 ` +
        `is compared ${errorsLatest.length > errors12.length ? `at ${rows[rows.length - 1][3]}` : 'at 12 months'}; ` +
        `mean absolute error over all ${errorsLatest.length} at the latest month known: USD ${usd(mean(errorsLatest))}). ` +
        `The actual fell inside the 10-90% band at 12 months in ${inside12} of ${errors12.length} forecasts, ` +
        `and at every horizon of 1-12 months in ${insideAll} of ${points} (${Math.round((100 * insideAll) / points)}%; an honest band would hold about 80%).`,
    ].join('\n');
    writeSection('Forecast back-test (bench/forecast.bench.ts)', body);
    console.log(body);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
