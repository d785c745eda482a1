import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { applyBps, Clock, NotFoundError } from '@app/core';
import { BalanceService } from '../balance.service';
import {
  addMonths,
  COST_MONTHS,
  forecast,
  ForecastAnswer,
  ForecastInputs,
  monthOf,
  monthsBetween,
  seedOf,
  WINDOW_MONTHS,
} from './domain/forecast';
import { ForecastRepository } from './forecast.repository';
import { ForecastView, toForecastView } from './forecast.views';

/**
 * The forecast of a fund's available balance (docs/adr/0016-forecast.md): gathers what the fund's history
 * says as of a moment (`inputsAt`, also used by the back-test) and answers with the pure rule.
 */
@Injectable()
export class ForecastService {
  /** Stateless SQL; built here rather than injected, as the back-test builds this service by hand. */
  readonly repo = new ForecastRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly balances: BalanceService,
    private readonly clock: Clock,
  ) {}

  /** What the forecast learns from, as known at `at` (the balance and history up to that moment). */
  async inputsAt(em: EntityManager, fundId: string, at: Date): Promise<ForecastInputs> {
    // One after another: `em` may be a transaction's single connection.
    const terms = await this.repo.terms(em, fundId);
    if (!terms) throw new NotFoundError('fund', fundId);
    const balance = await this.balances.asOfIn(em, fundId, at);
    const start = monthOf(at);
    const first = await this.repo.firstMonth(em, fundId, at);
    const historyMonths = first ? Math.max(0, monthsBetween(first, start)) : 0;
    const window = Math.min(WINDOW_MONTHS, historyMonths);
    const from = addMonths(start, -window);
    const byMonth = await this.repo.unpledgedByMonth(em, fundId, at, from, start);
    const unpledgedMonthly = Array.from({ length: window }, (_, i) => byMonth.get(addMonths(from, i)) ?? 0);
    const costMonths = Math.max(1, Math.min(COST_MONTHS, historyMonths));
    const costs = await this.repo.costsBetween(em, fundId, addMonths(start, -costMonths), start);
    const open = await this.repo.openPledges(em, fundId, at);
    const records = await this.repo.donorRecords(em, [...new Set(open.map((p) => p.donorId))], at);
    return {
      asOf: at.toISOString(),
      currency: terms.currency,
      target: terms.target,
      pscRateBps: terms.pscRateBps,
      available: balance.available,
      historyMonths,
      unpledgedMonthly,
      monthlyCost: Math.round(costs / costMonths),
      pledges: open.map((p) => ({ ...p, record: records.get(p.donorId) ?? { due: 0, kept: 0 } })),
      seed: seedOf(`${terms.code}:${start}`),
    };
  }

  /** The forecast now, and with `commit` what an approval of that amount (plus the fund's PSC) does to it. */
  async now(fundId: string, commit?: number): Promise<ForecastView> {
    const at = this.clock.now();
    const inputs = await this.inputsAt(this.dataSource.manager, fundId, at);
    const answer = forecast(inputs);
    return toForecastView(fundId, inputs, answer, at, this.decision(inputs, answer, commit));
  }

  private decision(inputs: ForecastInputs, base: ForecastAnswer, commit: number | undefined) {
    if (commit === undefined) return null;
    const psc = applyBps(commit, inputs.pscRateBps);
    return { amount: commit, psc, answer: forecast(inputs, commit + psc), base };
  }
}
