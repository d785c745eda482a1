import { describe, expect, it } from 'vitest';
import { parseAmount } from '../ngo/application-form';
import { amendmentPayload, EMPTY_AMENDMENT } from './amendment-form';
import { EMPTY_FINDING, findingsPayload } from './findings-form';

const parse = (text: string) => parseAmount(text, 2);

describe('the amendment request form', () => {
  it('sends a no-cost extension with its date and reason', () => {
    const r = amendmentPayload({ ...EMPTY_AMENDMENT, reason: ' Rains ', endDate: '2027-06-30' }, parse);
    expect(r).toEqual({
      body: { kind: 'no_cost_extension', reason: 'Rains', endDate: '2027-06-30' },
      errors: {},
    });
  });

  it('names what is missing and sends nothing', () => {
    const r = amendmentPayload({ ...EMPTY_AMENDMENT, kind: 'budget_revision' }, parse);
    expect(r.body).toBeNull();
    expect(Object.keys(r.errors).sort()).toEqual(['moves', 'reason']);
  });

  it('turns amounts as typed into minor units', () => {
    const r = amendmentPayload(
      {
        ...EMPTY_AMENDMENT,
        kind: 'budget_revision',
        reason: 'x',
        moves: [{ from: '1', to: '2', amount: '1,250.50' }],
      },
      parse,
    );
    expect(r.body).toMatchObject({ moves: [{ from: 1, to: 2, amount: 125_050 }] });
    const c = amendmentPayload(
      { ...EMPTY_AMENDMENT, kind: 'cost_extension', reason: 'x', amount: '100' },
      parse,
    );
    expect(c.body).toEqual({ kind: 'cost_extension', reason: 'x', amount: 10_000, line: 1 });
  });
});

describe('the findings form', () => {
  it('leaves blank findings out and keeps an action point whole', () => {
    expect(findingsPayload([EMPTY_FINDING], parse)).toEqual({ findings: [] });
    expect(
      findingsPayload(
        [
          {
            ...EMPTY_FINDING,
            severity: 'high',
            text: 'Receipts missing',
            ineligible: '50',
            point: 'Send receipts',
            owner: 'Finance officer',
            dueOn: '2027-01-31',
          },
        ],
        parse,
      ),
    ).toEqual({
      findings: [
        {
          severity: 'high',
          text: 'Receipts missing',
          ineligibleAmount: 5_000,
          actionPoints: [{ text: 'Send receipts', owner: 'Finance officer', dueOn: '2027-01-31' }],
        },
      ],
    });
  });

  it('refuses a finding without text, a half action point or an amount that is not money', () => {
    expect(findingsPayload([{ ...EMPTY_FINDING, ineligible: '5' }], parse)).toBeNull();
    expect(findingsPayload([{ ...EMPTY_FINDING, text: 'x', point: 'y' }], parse)).toBeNull();
    expect(findingsPayload([{ ...EMPTY_FINDING, text: 'x', ineligible: 'abc' }], parse)).toBeNull();
  });
});
