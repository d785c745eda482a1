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

/** The IATI schema requires at least one activity in a file: a fund with none to publish has no file yet. */
export class NoPublicActivities extends DomainError {
  static readonly code = 'OPEN_DATA.NO_PUBLIC_ACTIVITIES';
  constructor(fundId: string) {
    super(
      'conflict',
      NoPublicActivities.code,
      'iati-no-activities',
      `Fund ${fundId} has no grant to publish yet (or only sensitive ones it leaves out): an IATI activity ` +
        'file needs at least one activity',
    );
  }
}
