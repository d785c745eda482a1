import { describe, expect, it } from 'vitest';
import { nextTranche, reportDue, type TrancheLike } from './grant-facts';
import { reportPayload } from './report-form';

const T = (
  n: number,
  state: TrancheLike['state'],
  condition: TrancheLike['condition'] = 'after_report',
): TrancheLike => ({
  n,
  amount: 100,
  condition,
  state,
});

describe('the next tranche and report of a grant', () => {
  it('is the first tranche neither paid nor cancelled', () => {
    expect(nextTranche([T(2, 'scheduled'), T(1, 'paid', 'on_signature'), T(3, 'scheduled')])?.n).toBe(2);
    expect(nextTranche([T(1, 'paid'), T(2, 'cancelled')])).toBeUndefined();
  });

  it('asks for a report before a tranche paid after one', () => {
    expect(reportDue([T(1, 'paid', 'on_signature'), T(2, 'scheduled')], [])).toEqual({
      forTranche: 2,
      dueBy: undefined,
    });
  });

  it('asks for none while a report is with the fund, or when the next tranche comes on signature', () => {
    expect(
      reportDue([T(1, 'paid', 'on_signature'), T(2, 'scheduled')], [{ status: 'submitted' }]),
    ).toBeNull();
    expect(reportDue([T(1, 'due', 'on_signature')], [])).toBeNull();
    expect(reportDue([T(1, 'paid', 'on_signature'), T(2, 'scheduled')], [{ status: 'returned' }])).toEqual({
      forTranche: 2,
      dueBy: undefined,
    });
  });
});

describe('a grant report', () => {
  const base = {
    periodEnd: '2031-12-31',
    narrative: 'Two shelters opened.',
    final: false,
    spending: ['1,000.50', '', '99'],
    victims: [{ service: 'shelter' as const, country: 'NG', count: '12' }],
  };

  it('sends the sum of the spending by budget line, and counts only', () => {
    const { spent, payload, errors } = reportPayload(base, 2);
    expect(errors).toEqual({});
    expect(spent).toBe(109_950);
    expect(payload).toEqual({
      periodEnd: '2031-12-31',
      spent: 109_950,
      narrative: 'Two shelters opened.',
      final: false,
      victimsAssisted: [{ service: 'shelter', country: 'NG', count: 12 }],
    });
  });

  it.each([
    ['a period without a date', { periodEnd: '' }, 'periodEnd'],
    ['an empty narrative', { narrative: '  ' }, 'narrative'],
    ['a spending that is not an amount', { spending: ['lots'] }, 'spending.0'],
    [
      'a count of nobody',
      { victims: [{ service: 'shelter' as const, country: 'NG', count: '0' }] },
      'victims.0.count',
    ],
    [
      'a count that is a name',
      { victims: [{ service: 'shelter' as const, country: 'NG', count: 'Amina' }] },
      'victims.0.count',
    ],
  ])('refuses %s', (_name, change, field) => {
    const { payload, errors } = reportPayload({ ...base, ...change }, 2);
    expect(payload).toBeNull();
    expect(Object.keys(errors)).toEqual([field]);
  });

  it('leaves out an empty line of people assisted', () => {
    const { payload } = reportPayload({ ...base, victims: [{ service: '', country: '', count: '' }] }, 2);
    expect(payload?.victimsAssisted).toEqual([]);
  });
});
