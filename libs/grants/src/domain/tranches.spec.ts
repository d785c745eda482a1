import { canClose, dueAtSignature, nextAfterReport, planTranches, scheduleProblems } from './tranches';

describe('tranches', () => {
  it.each([
    [2_000_000, 260_000, [60, 40], [1_200_000, 800_000], [156_000, 104_000]],
    [100, 13, [34, 33, 33], [34, 33, 33], [5, 4, 4]],
    [1, 0, [50, 50], [1, 0], [0, 0]],
  ])('splits %d (PSC %d) over %j by largest remainder', (amount, psc, percents, amounts, pscs) => {
    const plan = planTranches(
      amount,
      psc,
      percents.map((percent) => ({ percent, condition: 'on_signature' as const })),
    );
    expect(plan.map((t) => t.amount)).toEqual(amounts);
    expect(plan.map((t) => t.pscAmount)).toEqual(pscs);
    expect(plan.map((t) => t.n)).toEqual(percents.map((_, i) => i + 1));
  });

  it.each([
    [[{ percent: 60 }, { percent: 30 }], 'sum to 100'],
    [[{ percent: 0 }, { percent: 100 }], 'whole number'],
    [[{ percent: 50.5 }, { percent: 49.5 }], 'whole number'],
    [[], 'empty'],
  ])('refuses the schedule %j', (schedule, message) => {
    const problems = scheduleProblems(schedule.map((t) => ({ ...t, condition: 'on_signature' as const })));
    expect(problems.join(' ')).toContain(message);
  });

  it('makes the first scheduled after_report tranche due next', () => {
    const t = [
      { n: 1, condition: 'on_signature' as const, state: 'paid' as const },
      { n: 2, condition: 'after_report' as const, state: 'due' as const },
      { n: 3, condition: 'after_report' as const, state: 'scheduled' as const },
    ];
    expect(nextAfterReport(t)?.n).toBe(3);
    expect(nextAfterReport(t.slice(0, 2))).toBeUndefined();
  });

  it.each([
    [['paid', 'cancelled'], true, true],
    [['paid', 'due'], true, false],
    [['paid', 'paid'], false, false],
  ] as const)('closes with tranche states %j and final accepted %s: %s', (states, final, expected) => {
    const tranches = states.map((state, i) => ({ n: i + 1, condition: 'on_signature' as const, state }));
    expect(canClose(tranches, final)).toBe(expected);
  });

  it.each([
    [0, [1]],
    [1, [1, 2]],
    [2, [1, 2, 3]],
    [5, [1, 2, 3]],
  ])('issue 11 item 6: signing after %d accepted reports makes due tranches %j', (accepted, due) => {
    const tranches = [
      { n: 1, condition: 'on_signature' as const, state: 'scheduled' as const },
      { n: 2, condition: 'after_report' as const, state: 'scheduled' as const },
      { n: 3, condition: 'after_report' as const, state: 'scheduled' as const },
    ];
    expect(dueAtSignature(tranches, accepted).map((t) => t.n)).toEqual(due);
  });
});
