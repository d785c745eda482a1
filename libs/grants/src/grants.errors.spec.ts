import { DomainError } from '@app/core';
import * as errors from './grants.errors';

type Coded = { code: string; name: string };

const thrown: [Coded, DomainError, string][] = [
  [errors.EnvelopeExceeded, new errors.EnvelopeExceeded(100, 60, 50), 'envelope-exceeded'],
  [errors.DecisionNotAllowed, new errors.DecisionNotAllowed('closed'), 'decision-not-allowed'],
  [errors.InvalidAward, new errors.InvalidAward('too much'), 'invalid-award'],
  [errors.InvalidSchedule, new errors.InvalidSchedule(['sum']), 'validation'],
  [errors.TrancheNotDue, new errors.TrancheNotDue(2, 'scheduled'), 'tranche-not-due'],
  [errors.TrancheSettled, new errors.TrancheSettled(1, 'paid'), 'tranche-paid'],
  [errors.GrantStateConflict, new errors.GrantStateConflict('closed'), 'grant-state'],
  [errors.GrantAlreadySigned, new errors.GrantAlreadySigned(), 'grant-state'],
  [errors.NothingToCancel, new errors.NothingToCancel(), 'grant-state'],
  [errors.ReturnTooLarge, new errors.ReturnTooLarge(10), 'return-exceeds-paid'],
  [errors.ReportStateConflict, new errors.ReportStateConflict('decided'), 'report-state'],
  [errors.OverrideReasonRequired, new errors.OverrideReasonRequired(['x']), 'override-reason-required'],
  [errors.ReportingNotOpen, new errors.ReportingNotOpen('offer_not_accepted'), 'reporting-not-open'],
];

describe('grants error codes', () => {
  it('covers every error class the file exports', () => {
    expect(thrown.map(([c]) => c.name).sort()).toEqual(Object.keys(errors).sort());
  });

  it.each(thrown)(
    '%p carries its own static code, prefixed GRANTS., and its problem type',
    (cls, e, slug) => {
      expect(e.code).toBe(cls.code);
      expect(cls.code).toMatch(/^GRANTS\.[A-Z_]+$/);
      expect(e.slug).toBe(slug);
    },
  );

  it('gives each class a code of its own', () => {
    const codes = thrown.map(([c]) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
