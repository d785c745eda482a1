import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import ar from '../../i18n/ar.json';
import en from '../../i18n/en.json';
import type { AuditEntryView } from './admin-queries';
import { auditSentence } from './audit-sentence';

type Catalog = { [key: string]: string | Catalog };
/** A translate function over a real catalog, as i18next-icu formats it. */
function translator(catalog: Catalog, locale: string) {
  return (key: string, values?: Record<string, unknown>) => {
    const message = key
      .split('.')
      .reduce<Catalog | string | undefined>((c, k) => (typeof c === 'object' ? c[k] : undefined), catalog);
    if (typeof message !== 'string') return key;
    return String(new IntlMessageFormat(message, locale).format(values as Record<string, string>));
  };
}

const entry = (over: Partial<AuditEntryView>): AuditEntryView => ({
  id: 'a1',
  actorId: 'u1',
  actorName: 'Amina',
  actorRoles: ['admin'],
  action: 'invitation.created',
  entity: 'invitation',
  entityId: 'i1',
  fundId: null,
  summary: { email: 'x@y.org', roles: ['reviewer'] },
  requestId: null,
  at: '2026-12-01T14:02:00Z',
  ...over,
});

describe('auditSentence', () => {
  const t = translator(en, 'en');
  it('writes an invitation as who (roles) invited whom on when', () => {
    expect(auditSentence(entry({}), t, '1 Dec 2026 14:02')).toBe(
      'Amina (Administrator) invited Reviewer x@y.org on 1 Dec 2026 14:02',
    );
  });

  it('names the system, a former user, and falls back to a generic sentence for other actions', () => {
    expect(
      auditSentence(
        entry({ actorId: null, actorName: null, actorRoles: [], action: 'mfa.reset' }),
        t,
        'today',
      ),
    ).toBe('The system reset an account’s two-factor sign-in on today');
    expect(
      auditSentence(entry({ actorName: null, actorRoles: [], action: 'user.updated' }), t, 'today'),
    ).toBe('A former user (-) changed an account on today');
    expect(
      auditSentence(
        entry({ action: 'grant.signed', entity: 'grant', entityId: 'g9', summary: {} }),
        t,
        'today',
      ),
    ).toBe('Amina (Administrator): grant.signed (grant g9) on today');
    expect(
      auditSentence(
        entry({
          action: 'contribution.reversed',
          summary: { receiptNumber: 'F-2026-0001', reason: 'twice' },
        }),
        t,
        'today',
      ),
    ).toBe('Amina (Administrator) reversed contribution F-2026-0001 (twice) on today');
  });

  it('writes it in Arabic with the Arabic role names', () => {
    const sentence = auditSentence(entry({}), translator(ar, 'ar'), 'اليوم');
    expect(sentence).toContain('x@y.org');
    expect(sentence).toContain((ar as { roles: Record<string, string> }).roles.reviewer);
    expect(sentence).toContain((ar as { roles: Record<string, string> }).roles.admin);
  });
});
