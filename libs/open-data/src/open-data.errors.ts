import { DomainError } from '@app/core';

/** Errors of the open-data context: each class owns one code (a static field) and one problem type. */

export class IatiIdentifierUnset extends DomainError {
  static readonly code = 'OPEN_DATA.IATI_IDENTIFIER_UNSET';
  constructor(fundId: string) {
    super(
      'conflict',
      IatiIdentifierUnset.code,
      'iati-identifier-unset',
      `Fund ${fundId} has no IATI organisation identifier yet: a fund manager sets it ` +
        `(PUT /api/funds/${fundId}/open-data) before its IATI files are published`,
    );
  }
}
