import type { AuditEntryView } from './admin-queries';

/** The actions the catalogs write as a sentence of their own (`admin.audit.action.<action with _>`). */
export const SENTENCE_ACTIONS = [
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'user.created',
  'user.updated',
  'user.deactivated',
  'organization.verified',
  'mfa.reset',
  'contribution.received',
  'contribution.reversed',
] as const;

type Translate = (key: string, values?: Record<string, unknown>) => string;

const text = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

/**
 * One audit row as a sentence in the reader's language: who (name and roles, or the system), what, to
 * what, when, e.g. "Amina (Administrator) invited Reviewer x@y on 1 December 2026, 14:02". Actions
 * without a sentence of their own read as "<who>: <action> (<entity> <id>) on <when>".
 */
export function auditSentence(e: AuditEntryView, t: Translate, when: string): string {
  const roleNames = (roles: unknown) =>
    Array.isArray(roles) ? roles.map((r) => t(`roles.${text(r)}`)).join(', ') : '';
  const who = e.actorId
    ? t('admin.audit.actor', {
        name: e.actorName ?? t('admin.audit.unknownActor'),
        roles: roleNames(e.actorRoles) || '-',
      })
    : t('admin.audit.system');
  const s = e.summary;
  const values = {
    who,
    when,
    email: text(s.email),
    roles: roleNames(s.roles),
    receipt: text(s.receiptNumber),
    reason: text(s.reason),
    entity: e.entity,
    id: e.entityId,
    action: e.action,
  };
  if ((SENTENCE_ACTIONS as readonly string[]).includes(e.action)) {
    return t(`admin.audit.action.${e.action.replace('.', '_')}`, values);
  }
  return t('admin.audit.generic', values);
}
