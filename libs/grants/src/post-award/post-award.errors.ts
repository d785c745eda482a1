import { DomainError, FieldProblem } from '@app/core';
import type { OpenItem } from './post-award.rules';

/** The post-award errors: one class per code (ADR 0008), each listed in the README's error table. */

export class OfferStateConflict extends DomainError {
  static readonly code = 'GRANTS.OFFER_STATE';
  constructor(message: string) {
    super('conflict', OfferStateConflict.code, 'offer-state', message);
  }
}

export class InvalidSignatory extends DomainError {
  static readonly code = 'GRANTS.INVALID_SIGNATORY';
  constructor() {
    const message = 'The signatory must be an active member of the grantee organization';
    super('rule', InvalidSignatory.code, 'invalid-signatory', message, [
      { field: 'signatoryId', messages: [message] },
    ]);
  }
}

export class NotTheSignatory extends DomainError {
  static readonly code = 'GRANTS.NOT_THE_SIGNATORY';
  constructor() {
    super(
      'forbidden',
      NotTheSignatory.code,
      'not-the-signatory',
      'Only the named signatory signs for the grantee',
    );
  }
}

export class AgreementChanged extends DomainError {
  static readonly code = 'GRANTS.AGREEMENT_CHANGED';
  constructor(version: number, sha256: string) {
    super(
      'conflict',
      AgreementChanged.code,
      'agreement-changed',
      `The agreement is now version ${version} (SHA-256 ${sha256}): read it again and sign that one`,
    );
  }
}

export class SignatureMissing extends DomainError {
  static readonly code = 'GRANTS.SIGNATURE_MISSING';
  constructor(message: string) {
    super('conflict', SignatureMissing.code, 'signature-missing', message);
  }
}

export class InvalidAmendment extends DomainError {
  static readonly code = 'GRANTS.INVALID_AMENDMENT';
  constructor(field: string, problems: string[]) {
    super('rule', InvalidAmendment.code, 'invalid-amendment', problems.join('; '), [
      { field, messages: problems },
    ]);
  }
}

export class ExtensionCapExceeded extends DomainError {
  static readonly code = 'GRANTS.EXTENSION_CAP';
  constructor(room: number, asked: number) {
    super(
      'rule',
      ExtensionCapExceeded.code,
      'cost-extension-cap',
      `Cost extensions may add at most 30% of the original award: ${Math.max(room, 0)} is left, ${asked} was asked`,
      [{ field: 'amount', messages: [`amount must be at most ${Math.max(room, 0)}`] }],
    );
  }
}

export class AmendmentStateConflict extends DomainError {
  static readonly code = 'GRANTS.AMENDMENT_STATE';
  constructor(state: string) {
    super('conflict', AmendmentStateConflict.code, 'amendment-state', `The amendment is ${state}`);
  }
}

export class AssuranceStateConflict extends DomainError {
  static readonly code = 'GRANTS.ASSURANCE_STATE';
  constructor(message: string) {
    super('conflict', AssuranceStateConflict.code, 'assurance-state', message);
  }
}

export class RefundTooLarge extends DomainError {
  static readonly code = 'GRANTS.REFUND_TOO_LARGE';
  constructor(maximum: number) {
    const message = `Ineligible costs can be at most ${maximum}: what was paid less what was returned or is owed`;
    super('rule', RefundTooLarge.code, 'refund-exceeds-paid', message, [
      { field: 'findings', messages: [message] },
    ]);
  }
}

/** The close-out gate: the problem lists every open item under `errors`, one field per kind. */
export class CloseOutBlocked extends DomainError {
  static readonly code = 'GRANTS.CLOSE_OUT_BLOCKED';
  constructor(readonly open: OpenItem[]) {
    const kinds = [...new Set(open.map((o) => o.kind))];
    const errors: FieldProblem[] = kinds.map((k) => ({
      field: k,
      messages: open.filter((o) => o.kind === k).map((o) => `${o.id}: ${o.detail}`),
    }));
    super(
      'conflict',
      CloseOutBlocked.code,
      'close-out-blocked',
      `The grant cannot close yet: ${open.map((o) => `${o.kind.replace('_', ' ')} ${o.detail}`).join('; ')}`,
      errors,
    );
  }
}

export class InvalidReportLines extends DomainError {
  static readonly code = 'GRANTS.INVALID_REPORT_LINES';
  constructor(problems: string[]) {
    super('rule', InvalidReportLines.code, 'invalid-report-lines', problems.join('; '), [
      { field: 'lines', messages: problems },
    ]);
  }
}
