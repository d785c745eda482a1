import { DomainError } from '@app/core';
import * as errors from './reviews.errors';

type Coded = { code: string; name: string };

const thrown: [Coded, DomainError, string][] = [
  [errors.NotEligibleForReview, new errors.NotEligibleForReview('draft'), 'application-not-eligible'],
  [errors.NotAReviewer, new errors.NotAReviewer(), 'not-a-reviewer'],
  [errors.DuplicateAssignment, new errors.DuplicateAssignment(), 'duplicate-assignment'],
  [errors.ConflictDeclared, new errors.ConflictDeclared(), 'review-conflict'],
  [errors.ReviewSubmitted, new errors.ReviewSubmitted(), 'review-submitted'],
  [errors.InvalidScores, new errors.InvalidScores([{ field: 'scores', messages: ['x'] }]), 'validation'],
  [errors.ReviewIncomplete, new errors.ReviewIncomplete([]), 'review-incomplete'],
  [errors.ApplicationDecided, new errors.ApplicationDecided('approved'), 'application-decided'],
];

describe('reviews error codes', () => {
  it('covers every error class the file exports', () => {
    expect(thrown.map(([c]) => c.name).sort()).toEqual(Object.keys(errors).sort());
  });

  it.each(thrown)(
    '%p carries its own static code, prefixed REVIEWS., and its problem type',
    (cls, e, slug) => {
      expect(e.code).toBe(cls.code);
      expect(cls.code).toMatch(/^REVIEWS\.[A-Z_]+$/);
      expect(e.slug).toBe(slug);
    },
  );

  it('gives each class a code of its own', () => {
    const codes = thrown.map(([c]) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
