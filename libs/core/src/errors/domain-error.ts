/**
 * Errors the domain raises. Services throw these (never HttpException); one filter in apps/api turns them
 * into problem+json. `code` is stable (clients may switch on it); `slug` names the problem type
 * (`/problems/<slug>`).
 */
export type DomainErrorKind =
  | 'not_found' // 404
  | 'conflict' // 409
  | 'rule' // 422: the request is well formed but a business rule refuses it
  | 'forbidden' // 403
  | 'unauthorized' // 401
  | 'invalid' // 400: input a DTO cannot express (cross-field checks)
  | 'too_many' // 429
  | 'unavailable'; // 503

export const KIND_STATUS: Readonly<Record<DomainErrorKind, number>> = {
  not_found: 404,
  conflict: 409,
  rule: 422,
  forbidden: 403,
  unauthorized: 401,
  invalid: 400,
  too_many: 429,
  unavailable: 503,
};

export interface FieldProblem {
  field: string;
  messages: string[];
}

export class DomainError extends Error {
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

  get status(): number {
    return KIND_STATUS[this.kind];
  }
}

export class NotFoundError extends DomainError {
  constructor(entity: string, id?: string) {
    super(
      'not_found',
      `${entity.toUpperCase()}.NOT_FOUND`,
      'not-found',
      `${entity} ${id ?? ''} was not found`.replace(/\s+/g, ' ').trim(),
    );
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You may not do this') {
    super('forbidden', 'AUTH.FORBIDDEN', 'forbidden', message);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'A valid access token is required') {
    super('unauthorized', 'AUTH.UNAUTHORIZED', 'unauthorized', message);
  }
}

export class InvalidInputError extends DomainError {
  constructor(field: string, message: string) {
    super('invalid', 'REQUEST.VALIDATION', 'validation', message, [{ field, messages: [message] }]);
  }
}
