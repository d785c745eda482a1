import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import { noticeTexts, NotificationsService } from '@app/identity';
import { FUND_NOTICE_TEXTS, fundNoticeTemplates } from '../jobs/fund-notice-texts';
import {
  forecast,
  ForecastAnswer,
  ForecastStatus,
  monthsMoved,
  NOTICE_SHIFT_MONTHS,
} from './domain/forecast';
import { ForecastService } from './forecast.service';

/** Statuses whose expected month is compared for a notice ('reached' has the target crossing alert). */
const DATED: readonly ForecastStatus[] = ['expected', 'not_within_horizon'];

export interface ForecastRefresh {
  status: ForecastStatus;
  expectedMonth: string | null;
  /** true when the fund managers were told that the expected month moved. */
  noticed: boolean;
}

/**
 * The `funds.forecast` job: recomputes a fund's forecast, stores it, and tells the fund managers when
 * the expected month moved by three months or more since they were last told (or since the first
 * forecast). Under a per-fund advisory lock, so two jobs of one fund cannot both notice one move.
 */
@Injectable()
export class ForecastTrackingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly forecasts: ForecastService,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async refresh(fundId: string): Promise<ForecastRefresh | null> {
    return this.dataSource.transaction(async (em) => {
      const repo = this.forecasts.repo;
      if (!(await repo.terms(em, fundId))) return null;
      await repo.lock(em, fundId);
      const at = this.clock.now();
      const inputs = await this.forecasts.inputsAt(em, fundId, at);
      const answer = forecast(inputs);
      const before = await repo.stored(em, fundId);
      const baseline = { status: answer.status, month: answer.expectedMonth };
      let noticed: typeof baseline | null = null;
      let told = false;
      if (!before?.noticedStatus || !DATED.includes(before.noticedStatus) || !DATED.includes(answer.status)) {
        // the first forecast, or one side without a comparable month: the new answer is the reference
        if (before?.noticedStatus !== answer.status || before.noticedMonth !== answer.expectedMonth)
          noticed = baseline;
      } else if (monthsMoved(before.noticedMonth, answer.expectedMonth, inputs.asOf) >= NOTICE_SHIFT_MONTHS) {
        await this.notifyManagers(em, fundId, before.noticedMonth, answer, at);
        noticed = baseline;
        told = true;
      }
      await repo.save(em, fundId, inputs, answer, at, noticed);
      return { status: answer.status, expectedMonth: answer.expectedMonth, noticed: told };
    });
  }

  private async notifyManagers(
    em: EntityManager,
    fundId: string,
    before: string | null,
    answer: ForecastAnswer,
    at: Date,
  ): Promise<void> {
    const fund = (await this.forecasts.repo.terms(em, fundId))!;
    const managers = await this.notifications.usersWithRoleIn(em, 'fund_manager', fundId);
    await this.notifications.notifyUsersIn(em, managers, {
      eventId: `fund-forecast:${fundId}:${at.toISOString()}`,
      kind: 'fund.forecast_moved',
      ...noticeTexts(fundNoticeTemplates('forecastMoved'), (locale) => {
        const when = (month: string | null) => month ?? FUND_NOTICE_TEXTS[locale].never;
        return {
          code: fund.code,
          name: fund.name,
          before: when(before),
          when: when(answer.expectedMonth),
          low: when(answer.lowMonth),
          high: when(answer.highMonth),
        };
      }),
    });
  }
}
