import { describe, expect, it } from 'vitest';
import { callPayload, emptyCallForm, utcToZoned, validateCall, weightTotal, zonedToUtc } from './call-form';

const rubric = (weights: string[]) =>
  weights.map((weight, i) => ({ key: `c${i}`, label: `C${i}`, weight, maxScore: '10' }));

describe('the call form', () => {
  it('turns a local time in a zone into the UTC instant, across summer time', () => {
    expect(zonedToUtc('2031-06-30T18:00', 'Africa/Nairobi')).toBe('2031-06-30T15:00:00.000Z');
    expect(zonedToUtc('2031-01-15T09:30', 'America/New_York')).toBe('2031-01-15T14:30:00.000Z');
    expect(zonedToUtc('2031-07-15T09:30', 'America/New_York')).toBe('2031-07-15T13:30:00.000Z');
    expect(zonedToUtc('2031-07-15T09:30', 'UTC')).toBe('2031-07-15T09:30:00.000Z');
    expect(zonedToUtc('yesterday', 'UTC')).toBeNull();
    expect(utcToZoned('2031-06-30T15:00:00.000Z', 'Africa/Nairobi')).toBe('2031-06-30T18:00');
  });
  it('wants weights totalling 100 and names each bad field', () => {
    const form = { ...emptyCallForm('UTC'), title: 'A call', rubric: rubric(['40', '35', '15']) };
    expect(weightTotal(form.rubric)).toBe(90);
    expect(validateCall(form, 2)).toEqual({ weights: 'callsAdmin.errors.weights' });
    const bad = { ...form, rubric: [{ key: 'Bad Key', label: '', weight: '0', maxScore: 'x' }] };
    expect(Object.keys(validateCall(bad, 2)).sort()).toEqual(
      ['rubric.0.key', 'rubric.0.label', 'rubric.0.maxScore', 'rubric.0.weight', 'weights'].sort(),
    );
  });
  it('sends what is valid: the rubric only at 100, amounts in minor units, the deadline in UTC', () => {
    const form = {
      ...emptyCallForm('Africa/Nairobi'),
      title: ' A call ',
      minAward: '10,000',
      maxAward: '30000.50',
      envelope: 'lots',
      deadlineLocal: '2031-06-30T18:00',
      rubric: rubric(['40', '35', '15']),
    };
    const body = callPayload(form, 2)!;
    expect(body).toMatchObject({ title: 'A call', minAward: 1_000_000, maxAward: 3_000_050 });
    expect(body.deadline).toBe('2031-06-30T15:00:00.000Z');
    expect(body.envelope).toBeUndefined();
    expect(body.rubric).toBeUndefined();
    expect(callPayload({ ...form, rubric: rubric(['40', '35', '25']) }, 2)!.rubric).toHaveLength(3);
    expect(callPayload({ ...form, title: '' }, 2)).toBeNull();
  });
});
