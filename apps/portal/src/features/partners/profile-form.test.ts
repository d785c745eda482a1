import { describe, expect, it } from 'vitest';
import { documentState, missingKey, partnerProblemKey } from './partners-queries';
import { emptyProfileForm, parseMajor, profilePayload, sameBank } from './profile-form';

describe('the profile wizard form', () => {
  it.each([
    ['50,000.50', 'USD', 5_000_050],
    ['1 200', 'USD', 120_000],
    ['7', 'JPY', 7],
    ['1.5', 'JPY', null],
    ['12.345', 'USD', null],
    ['abc', 'USD', null],
  ])('reads %s %s as %s minor units', (text, currency, minor) => {
    expect(parseMajor(text, currency)).toBe(minor);
  });

  it('sends whole parts only and keeps a half-typed registration, head or bank waiting', () => {
    const f = emptyProfileForm();
    f.legalName = '  Tamarind Community Services ';
    f.acronyms = 'TCS\n\n Nur Relief Front (Al) ';
    f.registration.number = 'CAC/1';
    f.head = { name: 'Amina Okafor', role: '' };
    f.bank.holder = 'Tamarind Community Services';
    f.budgets = { '2025': '410,000.00', '2024': 'lots' };
    const { body, bank, pending } = profilePayload(f);
    expect(body).toMatchObject({
      legalName: 'Tamarind Community Services',
      acronyms: ['TCS', 'Nur Relief Front (Al)'],
      budgets: [{ year: 2025, amount: 41_000_000, currency: 'USD' }],
    });
    expect(body.registration).toBeUndefined();
    expect(body.head).toBeUndefined();
    expect(bank).toBeNull();
    expect(pending.sort()).toEqual(['bank', 'budgets.2024', 'head', 'registration']);
  });

  it('signs the declaration with its version once signed by a name', () => {
    const f = emptyProfileForm();
    f.declaration = { signed: true, signedBy: 'Amina Okafor', signedAt: '2026-12-02T01:00:00.000Z' };
    expect(profilePayload(f).body.declaration).toEqual({
      signedBy: 'Amina Okafor',
      signedAt: '2026-12-02T01:00:00.000Z',
      version: '2026-1',
    });
  });

  it('treats an account typed with other spaces and case as the same one', () => {
    const a = {
      holder: 'X',
      bankName: 'B',
      bic: 'deutdeff',
      iban: 'DE89 3704',
      accountNumber: null,
      country: 'DE',
    };
    expect(sameBank(a, { ...a, bic: 'DEUTDEFF', iban: 'de893704' })).toBe(true);
    expect(sameBank(a, { ...a, iban: 'DE89 3705' })).toBe(false);
    expect(sameBank(a, null)).toBe(false);
  });

  it.each([
    [null, 'valid'],
    ['2026-01-01', 'expired'],
    ['2026-03-01', 'expiring'],
    ['2026-04-03', 'valid'],
  ] as const)('a document expiring on %s is %s on 2026-02-01', (expiresOn, state) => {
    expect(documentState(expiresOn, '2026-02-01')).toBe(state);
  });

  it('names the catalog keys of missing fields and of the problems it knows', () => {
    expect(missingKey('documents.audited_financials')).toBe('partners.missing.documents_audited_financials');
    expect(partnerProblemKey({ type: '/problems/sanctions-hit', status: 409 })).toBe(
      'partners.problems.sanctions-hit',
    );
    expect(partnerProblemKey({ type: '/problems/validation', status: 400 })).toBeUndefined();
  });
});
