import { DomainError, FieldProblem, PayloadTooLarge } from '@app/core';

const rule = (code: string, slug: string, message: string, errors?: FieldProblem[]) =>
  class extends DomainError {
    constructor(detail = message) {
      super('rule', code, slug, detail, errors);
    }
  };

export class DeadlinePassed extends rule(
  'APPLICATIONS.DEADLINE_PASSED',
  'deadline-passed',
  "The call's submission deadline has passed",
) {}
export class CallNotOpen extends rule(
  'APPLICATIONS.CALL_NOT_OPEN',
  'call-not-open',
  'The call is not open for submissions',
) {}
export class CallNotAccepting extends rule(
  'APPLICATIONS.CALL_NOT_ACCEPTING',
  'call-not-accepting',
  'The call does not accept applications',
) {}
export class CallNotClosed extends rule(
  'APPLICATIONS.CALL_NOT_CLOSED',
  'call-not-closed',
  'Eligibility is screened once the call is closed',
) {}
export class OrganizationNotVerified extends rule(
  'APPLICATIONS.ORGANIZATION_NOT_VERIFIED',
  'organization-not-verified',
  'Only verified organizations can submit; ask the fund to verify yours',
) {}

export class ApplicationOutOfCall extends DomainError {
  constructor(errors: FieldProblem[]) {
    super(
      'rule',
      'APPLICATIONS.OUTSIDE_CALL',
      'outside-call',
      `The application does not fit the call: ${errors.map((e) => e.messages.join('; ')).join('; ')}`,
      errors,
    );
  }
}

export class InvalidApplicationState extends DomainError {
  constructor(status: string, action: string) {
    super(
      'conflict',
      'APPLICATIONS.INVALID_STATE',
      status === 'draft' || action !== 'edit' ? 'invalid-application-state' : 'application-not-draft',
      `A ${status} application cannot ${action}`,
    );
  }
}

export class DuplicateApplication extends DomainError {
  constructor() {
    super(
      'conflict',
      'APPLICATIONS.DUPLICATE',
      'duplicate-application',
      'Your organization already has an application to this call (withdraw it to start again)',
    );
  }
}

export class UnsupportedAttachment extends DomainError {
  constructor() {
    super(
      'rule',
      'APPLICATIONS.UNSUPPORTED_ATTACHMENT',
      'unsupported-attachment',
      'Only PDF, DOCX and XLSX files are accepted (recognised by their content)',
    );
  }
}

/** 413 (HTTP.413, /problems/payload-too-large), like fastify's own refusal of a body over its limit. */
export function attachmentTooLarge(): PayloadTooLarge {
  return new PayloadTooLarge('Attachments are at most 10 MiB');
}

export class MultipartRequired extends DomainError {
  constructor() {
    super('invalid', 'APPLICATIONS.FILE_REQUIRED', 'validation', 'Send one file as multipart/form-data', [
      { field: 'file', messages: ['a file is required (multipart/form-data)'] },
    ]);
  }
}
