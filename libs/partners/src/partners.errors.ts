import { DomainError, FieldProblem } from '@app/core';

/** Errors of the partners (due diligence) context: each class owns one code and one problem type. */

export class ProfileIncomplete extends DomainError {
  static readonly code = 'PARTNERS.PROFILE_INCOMPLETE';
  constructor(problems: FieldProblem[] = []) {
    super(
      'rule',
      ProfileIncomplete.code,
      'profile-incomplete',
      `The profile is not complete: ${problems.map((p) => p.messages.join('; ')).join('; ') || 'it is empty'}`,
      problems,
    );
  }
}

export class SanctionsHitOpen extends DomainError {
  static readonly code = 'PARTNERS.SANCTIONS_HIT';
  constructor(hits = 1) {
    super(
      'conflict',
      SanctionsHitOpen.code,
      'sanctions-hit',
      `The organization matches the UN sanctions list (${hits} open hit(s)); a fund manager must clear or confirm each first`,
    );
  }
}

export class OrganizationBlocked extends DomainError {
  static readonly code = 'PARTNERS.ORGANIZATION_BLOCKED';
  constructor() {
    super(
      'conflict',
      OrganizationBlocked.code,
      'organization-blocked',
      'The organization is blocked: a fund manager confirmed a UN sanctions list match',
    );
  }
}

export class BankChangePending extends DomainError {
  static readonly code = 'PARTNERS.BANK_CHANGE_PENDING';
  constructor() {
    super(
      'conflict',
      BankChangePending.code,
      'bank-change-pending',
      'Payments to this organization are suspended: its bank details changed after verification and a fund manager has not approved the change',
    );
  }
}

export class NoBankChange extends DomainError {
  static readonly code = 'PARTNERS.NO_BANK_CHANGE';
  constructor() {
    super('conflict', NoBankChange.code, 'no-bank-change', 'No change of bank details waits for a decision');
  }
}

export class DueDiligenceRequired extends DomainError {
  static readonly code = 'PARTNERS.DUE_DILIGENCE_REQUIRED';
  constructor(detail = "This fund requires the organization's due diligence to be verified") {
    super('rule', DueDiligenceRequired.code, 'due-diligence-required', detail);
  }
}

export class DocumentExpired extends DomainError {
  static readonly code = 'PARTNERS.DOCUMENT_EXPIRED';
  constructor(types: string[] = []) {
    super(
      'rule',
      DocumentExpired.code,
      'document-expired',
      `A required document has expired (${types.join(', ')}); upload a current one before submitting`,
      types.map((t) => ({ field: `documents.${t}`, messages: [`the ${t} document has expired`] })),
    );
  }
}

export class RedFlag extends DomainError {
  static readonly code = 'PARTNERS.RED_FLAG';
  constructor() {
    super(
      'conflict',
      RedFlag.code,
      'red-flag',
      'The organization has an open red-flag observation: no new award',
    );
  }
}

export class NotEligible extends DomainError {
  static readonly code = 'PARTNERS.NOT_ELIGIBLE';
  constructor() {
    super(
      'rule',
      NotEligible.code,
      'risk-not-eligible',
      "The organization's risk rating for this fund is not eligible",
    );
  }
}

export class HitResolved extends DomainError {
  static readonly code = 'PARTNERS.HIT_RESOLVED';
  constructor(status = 'cleared') {
    super('conflict', HitResolved.code, 'hit-resolved', `The screening hit is already ${status}`);
  }
}

export class ObservationClosed extends DomainError {
  static readonly code = 'PARTNERS.OBSERVATION_CLOSED';
  constructor(detail = 'The observation is resolved or already red') {
    super('conflict', ObservationClosed.code, 'observation-closed', detail);
  }
}

export class SanctionsListInvalid extends DomainError {
  static readonly code = 'PARTNERS.SANCTIONS_LIST_INVALID';
  constructor(detail = 'not a UN Security Council Consolidated List') {
    super(
      'rule',
      SanctionsListInvalid.code,
      'sanctions-list-invalid',
      `The file is not a valid list: ${detail}`,
    );
  }
}

export class UnsupportedDocument extends DomainError {
  static readonly code = 'PARTNERS.UNSUPPORTED_DOCUMENT';
  constructor() {
    super(
      'rule',
      UnsupportedDocument.code,
      'unsupported-document',
      'The document must be a PDF, DOCX or XLSX file (recognised by its bytes)',
    );
  }
}
