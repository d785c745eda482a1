import { DomainError, FieldProblem, PayloadTooLarge } from '@app/core';

/** Errors of the applications context: each class owns one code (a static field) and one problem type. */

export class DeadlinePassed extends DomainError {
  static readonly code = 'APPLICATIONS.DEADLINE_PASSED';
  constructor() {
    super('rule', DeadlinePassed.code, 'deadline-passed', "The call's submission deadline has passed");
  }
}

export class CallNotOpen extends DomainError {
  static readonly code = 'APPLICATIONS.CALL_NOT_OPEN';
  constructor() {
    super('rule', CallNotOpen.code, 'call-not-open', 'The call is not open for submissions');
  }
}

export class CallNotAccepting extends DomainError {
  static readonly code = 'APPLICATIONS.CALL_NOT_ACCEPTING';
  constructor() {
    super('rule', CallNotAccepting.code, 'call-not-accepting', 'The call does not accept applications');
  }
}

export class CallNotClosed extends DomainError {
  static readonly code = 'APPLICATIONS.CALL_NOT_CLOSED';
  constructor() {
    super('rule', CallNotClosed.code, 'call-not-closed', 'Eligibility is screened once the call is closed');
  }
}

export class OrganizationNotVerified extends DomainError {
  static readonly code = 'APPLICATIONS.ORGANIZATION_NOT_VERIFIED';
  constructor() {
    super(
      'rule',
      OrganizationNotVerified.code,
      'organization-not-verified',
      'Only verified organizations can submit; ask the fund to verify yours',
    );
  }
}

export class ApplicationOutsideCall extends DomainError {
  static readonly code = 'APPLICATIONS.OUTSIDE_CALL';
  constructor(errors: FieldProblem[]) {
    super(
      'rule',
      ApplicationOutsideCall.code,
      'outside-call',
      `The application does not fit the call: ${errors.map((e) => e.messages.join('; ')).join('; ')}`,
      errors,
    );
  }
}

/**
 * An action the application's status does not allow. One code; the problem type of an edit of an
 * application that is no longer a draft is `application-not-draft` (as clients know it), any other
 * `invalid-application-state`.
 */
export class InvalidApplicationState extends DomainError {
  static readonly code = 'APPLICATIONS.INVALID_STATE';
  constructor(status: string, action: string) {
    super(
      'conflict',
      InvalidApplicationState.code,
      status === 'draft' || action !== 'edit' ? 'invalid-application-state' : 'application-not-draft',
      `A ${status} application cannot ${action}`,
    );
  }
}

export class DuplicateApplication extends DomainError {
  static readonly code = 'APPLICATIONS.DUPLICATE';
  constructor() {
    super(
      'conflict',
      DuplicateApplication.code,
      'duplicate-application',
      'Your organization already has an application to this call (withdraw it to start again)',
    );
  }
}

export class UnsupportedAttachment extends DomainError {
  static readonly code = 'APPLICATIONS.UNSUPPORTED_ATTACHMENT';
  constructor() {
    super(
      'rule',
      UnsupportedAttachment.code,
      'unsupported-attachment',
      'Only PDF, DOCX and XLSX files are accepted (recognised by their content)',
    );
  }
}

/** 413 (HTTP.413, /problems/payload-too-large), like fastify's own refusal of a body over its limit. */
export function attachmentTooLarge(): PayloadTooLarge {
  return new PayloadTooLarge('Attachments are at most 10 MiB');
}

export class FileRequired extends DomainError {
  static readonly code = 'APPLICATIONS.FILE_REQUIRED';
  constructor() {
    super('invalid', FileRequired.code, 'validation', 'Send one file as multipart/form-data', [
      { field: 'file', messages: ['a file is required (multipart/form-data)'] },
    ]);
  }
}
