/**
 * Errors the domain raises. Services throw these (never HttpException); one filter in apps/api turns them
 * into problem+json. Each subclass owns exactly one stable `code` as a static field (clients may switch on
 * it; the README's error table lists every one) and passes it to `super`; `slug` names the problem type
 * (`/problems/<slug>`). No code is ever chosen where an error is thrown (ADR 0008).
 */
export type DomainErrorKind =
  | 'not_found' // 404
  | 'conflict' // 409
  | 'rule' // 422: the request is well formed but a business rule refuses it
  | 'forbidden' // 403
  | 'unauthorized' // 401
  | 'invalid' // 400: input a DTO cannot express (cross-field checks)
  | 'too_large' // 413: a body or file over its limit
  | 'too_many' // 429
  | 'unavailable'; // 503

export const KIND_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  not_found: 404,
  conflict: 409,
  rule: 422,
  forbidden: 403,
  unauthorized: 401,
  invalid: 400,
  too_large: 413,
  too_many: 429,
  unavailable: 503,
};

export interface FieldProblem {
  field: string;
  messages: string[];
}

export abstract class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: string,
    readonly slug: string,
    message: string,
    readonly errors?: FieldProblem[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  /**
   * Figures a client needs to explain the refusal (RFC 9457 extension members, such as the missing amount
   * of an insufficient balance). Set by a subclass's constructor; never `type`, `status` or `code`.
   */
  extensions?: Readonly<Record<string, string | number>>;

  get status(): number {
    return KIND_STATUS[this.kind];
  }
}

/**
 * What a 404 can name. "Something that exists but is not the caller's is 404" (docs/api.md), so every
 * context throws this one error with the thing it looked for; each thing has one fixed code
 * (`CALL.NOT_FOUND`, ...), listed here once. It is the one error with several codes: a closed list, not
 * a code chosen where it is thrown.
 */
export const NOT_FOUND_CODES = {
  application: 'APPLICATION.NOT_FOUND',
  assignment: 'ASSIGNMENT.NOT_FOUND',
  attachment: 'ATTACHMENT.NOT_FOUND',
  call: 'CALL.NOT_FOUND',
  contribution: 'CONTRIBUTION.NOT_FOUND',
  document: 'DOCUMENT.NOT_FOUND',
  donor: 'DONOR.NOT_FOUND',
  exchange_rate: 'EXCHANGE_RATE.NOT_FOUND',
  fund: 'FUND.NOT_FOUND',
  grant: 'GRANT.NOT_FOUND',
  invitation: 'INVITATION.NOT_FOUND',
  observation: 'OBSERVATION.NOT_FOUND',
  notification: 'NOTIFICATION.NOT_FOUND',
  organization: 'ORGANIZATION.NOT_FOUND',
  receipt: 'RECEIPT.NOT_FOUND',
  report: 'REPORT.NOT_FOUND',
  resource: 'RESOURCE.NOT_FOUND',
  screening_hit: 'SCREENING_HIT.NOT_FOUND',
  session: 'SESSION.NOT_FOUND',
  tranche: 'TRANCHE.NOT_FOUND',
  upload: 'UPLOAD.NOT_FOUND',
  user: 'USER.NOT_FOUND',
} as const;

export type NotFoundEntity = keyof typeof NOT_FOUND_CODES;

export class NotFoundError extends DomainError {
  static readonly codes = NOT_FOUND_CODES;
  constructor(entity: NotFoundEntity, id?: string) {
    super(
      'not_found',
      NotFoundError.codes[entity],
      'not-found',
      `${entity} ${id ?? ''} was not found`.replace(/\s+/g, ' ').trim(),
    );
  }
}

export class ForbiddenError extends DomainError {
  static readonly code = 'AUTH.FORBIDDEN';
  constructor(message = 'You may not do this') {
    super('forbidden', ForbiddenError.code, 'forbidden', message);
  }
}

export class UnauthorizedError extends DomainError {
  static readonly code = 'AUTH.UNAUTHORIZED';
  constructor(message = 'A valid access token is required') {
    super('unauthorized', UnauthorizedError.code, 'unauthorized', message);
  }
}

/** 400 with every failing field listed: the validation pipe's answer, and cross-field checks. */
export class RequestInvalid extends DomainError {
  static readonly code = 'REQUEST.VALIDATION';
  constructor(
    errors: FieldProblem[],
    detail = `The request is not valid: ${errors.map((e) => e.field).join(', ')}`,
  ) {
    super('invalid', RequestInvalid.code, 'validation', detail, errors);
  }
}

/** The same error for one field (its code is RequestInvalid's): `new InvalidInputError('asOf', '...')`. */
export class InvalidInputError extends RequestInvalid {
  constructor(field: string, message: string) {
    super([{ field, messages: [message] }], message);
  }
}

/**
 * 413: a body or a file over its limit. Its code and type are the ones fastify's own 413 has always
 * answered (`HTTP.413`, `/problems/payload-too-large`), so a client sees one 413 whoever refused.
 */
export class PayloadTooLarge extends DomainError {
  static readonly code = 'HTTP.413';
  constructor(message = 'Payload Too Large') {
    super('too_large', PayloadTooLarge.code, 'payload-too-large', message);
  }
}
