import {
  applyMoves,
  extensionRoom,
  moveProblems,
  needsApproval,
  planAssurance,
  planSchedule,
  planScheduleByRisk,
  scaleBudget,
  scheduleState,
} from './post-award.rules';

const lines = [
  { n: 1, label: 'Shelter', amount: 100_000 },
  { n: 2, label: 'Legal aid', amount: 50_000 },
];

describe('post-award rules', () => {
  it('asks approval for a move above 20% of its source line, not at or below it', () => {
    expect(needsApproval(lines, [{ from: 1, to: 2, amount: 20_000 }])).toBe(false);
    expect(needsApproval(lines, [{ from: 1, to: 2, amount: 20_001 }])).toBe(true);
    // two moves out of one line add up
    expect(
      needsApproval(lines, [
        { from: 1, to: 2, amount: 15_000 },
        { from: 1, to: 2, amount: 10_000 },
      ]),
    ).toBe(true);
    expect(needsApproval(lines, [{ from: 2, to: 1, amount: 12_500 }])).toBe(true);
  });

  it('refuses moves from unknown lines, to the same line or above what a line holds', () => {
    expect(moveProblems(lines, [{ from: 3, to: 1, amount: 1 }])).toEqual(['budget line 3 does not exist']);
    expect(moveProblems(lines, [{ from: 1, to: 1, amount: 1 }])).toHaveLength(1);
    expect(moveProblems(lines, [{ from: 2, to: 1, amount: 50_001 }])).toHaveLength(1);
    expect(moveProblems(lines, [{ from: 2, to: 1, amount: 50_000 }])).toEqual([]);
  });

  it('moves keep the total', () => {
    const moved = applyMoves(lines, [{ from: 1, to: 2, amount: 7 }]);
    expect(moved.map((l) => l.amount)).toEqual([99_993, 50_007]);
    expect(moved.reduce((s, l) => s + l.amount, 0)).toBe(150_000);
  });

  it('caps cost extensions at 30% of the original award in total', () => {
    expect(extensionRoom(1_000_000, 0)).toBe(300_000);
    expect(extensionRoom(1_000_000, 250_000)).toBe(50_000);
    expect(extensionRoom(333, 0)).toBe(99);
  });

  it('plans one report per tranche over the period and a final one 30 days after its end', () => {
    expect(planSchedule(2, '2026-01-01', '2026-12-31')).toEqual([
      { n: 1, final: false, dueOn: '2026-05-02' },
      { n: 2, final: false, dueOn: '2026-08-31' },
      { n: 3, final: true, dueOn: '2027-01-30' },
    ]);
  });

  it('scales the application budget to the award exactly', () => {
    const b = scaleBudget(lines, 100_001);
    expect(b.reduce((s, l) => s + l.amount, 0)).toBe(100_001);
    expect(scaleBudget([], 5)).toEqual([{ n: 1, label: 'Total', amount: 5 }]);
  });

  it('derives the schedule states', () => {
    expect(scheduleState({ dueOn: '2026-01-01', reportStatus: null }, '2026-01-01')).toBe('due');
    expect(scheduleState({ dueOn: '2026-01-01', reportStatus: null }, '2026-01-02')).toBe('overdue');
    expect(scheduleState({ dueOn: '2026-01-01', reportStatus: 'returned' }, '2025-01-02')).toBe('sent_back');
    expect(scheduleState({ dueOn: '2026-01-01', reportStatus: 'accepted' }, '2027-01-02')).toBe('accepted');
  });

  it.each([
    [12, 2, 1, ['2027-01-01']],
    [6, 3, 2, ['2026-07-01', '2027-01-01']],
    [3, 4, 4, ['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01']],
  ])(
    'a report every %i months gives the progress reports a rating asks for',
    (every, tranches, afterReport, due) => {
      const s = planScheduleByRisk(tranches, afterReport, '2026-01-01', '2027-01-01', every);
      expect(s.filter((e) => !e.final).map((e) => e.dueOn)).toEqual(due);
      expect(s.at(-1)).toEqual({ n: due.length + 1, final: true, dueOn: '2027-01-31' });
    },
  );

  it('falls back to one report per tranche without a rating or when too few reports would release the tranches', () => {
    expect(planScheduleByRisk(2, 1, '2026-01-01', '2027-01-01', null)).toEqual(
      planSchedule(2, '2026-01-01', '2027-01-01'),
    );
    // a yearly report cannot release three after-report tranches
    expect(planScheduleByRisk(3, 3, '2026-01-01', '2027-01-01', 12)).toEqual(
      planSchedule(3, '2026-01-01', '2027-01-01'),
    );
  });

  it('plans assurance by risk: one spot check, two, or a spot check and a visit per tranche', () => {
    const due = ['2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01'];
    expect(planAssurance('low', 2, '2026-01-01', '2027-01-01', ['2027-01-01'])).toEqual([
      { kind: 'spot_check', plannedOn: '2026-07-02' },
    ]);
    expect(planAssurance('medium', 3, '2026-01-01', '2027-01-01', due.slice(1, 3))).toEqual([
      { kind: 'spot_check', plannedOn: '2026-05-02' },
      { kind: 'spot_check', plannedOn: '2026-09-01' },
    ]);
    const high = planAssurance('high', 4, '2026-01-01', '2027-01-01', due);
    expect(high.map((a) => a.kind)).toEqual([
      'spot_check',
      'monitoring_visit',
      'monitoring_visit',
      'monitoring_visit',
      'monitoring_visit',
    ]);
    expect(high[0].plannedOn < due[0]).toBe(true);
    expect(high.slice(1).map((a) => a.plannedOn)).toEqual(due);
  });
});
