import { applyBps } from '@app/core';
import {
  COSTS,
  FUND,
  plannedCalls,
  plannedContributions,
  PRIVATE_DONORS,
  MEMBER_STATES,
  TARGETS,
} from './demo-plan';

describe('the demo plan', () => {
  const money = plannedContributions();
  const calls = plannedCalls();
  const funded = calls.flatMap((c) => c.applications.filter((a) => a.outcome === 'approve'));
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it('is the same on every run', () => {
    expect(plannedContributions()).toEqual(money);
    expect(plannedCalls()).toEqual(calls);
  });

  it('receives USD 2,300,000 by March 2016, USD 357,701 of it in 2015, about a third from private donors', () => {
    expect(sum(money.map((c) => c.amount))).toBe(TARGETS.receivedBy20160331);
    expect(sum(money.filter((c) => c.day.startsWith('2015')).map((c) => c.amount))).toBe(
      TARGETS.received2015,
    );
    expect(money.every((c) => c.day <= '2016-03-31')).toBe(true);
    const share =
      sum(money.filter((c) => c.type === 'private').map((c) => c.amount)) / TARGETS.receivedBy20160331;
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.35);
    expect(new Set(money.filter((c) => c.type === 'member_state').map((c) => c.donor)).size).toBe(
      MEMBER_STATES.length,
    );
    expect(new Set(money.filter((c) => c.type === 'private').map((c) => c.donor)).size).toBe(
      PRIVATE_DONORS.length,
    );
  });

  it('funds 30 projects in 26 countries for USD 1,750,000 and leaves USD 50,000 after PSC and costs', () => {
    expect(funded).toHaveLength(TARGETS.grants);
    expect(new Set(funded.map((a) => a.country)).size).toBe(TARGETS.countries);
    const committed = sum(funded.map((a) => a.requested));
    expect(committed).toBe(TARGETS.committed);
    const psc = sum(funded.map((a) => applyBps(a.requested, FUND.pscRateBps)));
    const costs = sum(COSTS.map((c) => c.amount));
    expect(TARGETS.receivedBy20160331 - committed - psc - costs).toBe(TARGETS.available20160331);
    for (const c of calls)
      for (const a of c.applications) {
        expect(a.requested).toBeGreaterThanOrEqual(c.minAward);
        expect(a.requested).toBeLessThanOrEqual(c.maxAward);
      }
  });
});
