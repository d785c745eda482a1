import { currencyExponent } from '../../lib/format';
import {
  type BankInput,
  DECLARATION_VERSION,
  type ProfileView,
  type UpdatePartnerProfileDto,
} from './partners-queries';

/** The wizard's form as typed (strings, so nothing the reader typed is changed before it is saved). */
export interface ProfileForm {
  legalName: string;
  otherNames: string;
  acronyms: string;
  registration: { number: string; authority: string; country: string; date: string; expiry: string };
  yearFounded: string;
  office: { type: '' | 'headquarters' | 'country_office'; headquartersOrganizationId: string };
  head: { name: string; role: string };
  keyPeople: { name: string; role: string }[];
  mandate: string;
  populations: string;
  budgetCurrency: string;
  /** By year: the last three years. */
  budgets: Record<string, string>;
  psea: { hasPolicy: boolean; name: string; email: string };
  antiFraudPolicy: boolean;
  declaration: { signed: boolean; signedBy: string; signedAt: string };
  bank: {
    holder: string;
    bankName: string;
    bic: string;
    iban: string;
    accountNumber: string;
    country: string;
  };
}

/** The three budget years a complete profile holds (the last three calendar years). */
export function budgetYears(now = new Date()): number[] {
  const y = now.getUTCFullYear();
  return [y - 1, y - 2, y - 3];
}

const lines = (text: string): string[] =>
  text
    .split(/\n/)
    .map((s) => s.trim())
    .filter(Boolean);

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A typed amount in major units ("50,000.50") as minor units, or null when it is not one. */
export function parseMajor(text: string, currency: string): number | null {
  const clean = text.replace(/[\s,\u066c\u00a0']/g, '');
  const e = currencyExponent(currency);
  const m = e > 0 ? new RegExp(`^(\\d+)(?:\\.(\\d{1,${e}}))?$`).exec(clean) : /^(\d+)()$/.exec(clean);
  if (!m) return null;
  const minor = Number(m[1]) * 10 ** e + Number((m[2] ?? '').padEnd(e, '0') || 0);
  return Number.isSafeInteger(minor) ? minor : null;
}

function majorOf(minor: number, currency: string): string {
  const e = currencyExponent(currency);
  if (e === 0) return String(minor);
  const s = String(minor).padStart(e + 1, '0');
  return `${s.slice(0, -e)}.${s.slice(-e)}`;
}

export function emptyProfileForm(): ProfileForm {
  return {
    legalName: '',
    otherNames: '',
    acronyms: '',
    registration: { number: '', authority: '', country: '', date: '', expiry: '' },
    yearFounded: '',
    office: { type: '', headquartersOrganizationId: '' },
    head: { name: '', role: '' },
    keyPeople: [{ name: '', role: '' }],
    mandate: '',
    populations: '',
    budgetCurrency: 'USD',
    budgets: {},
    psea: { hasPolicy: false, name: '', email: '' },
    antiFraudPolicy: false,
    declaration: { signed: false, signedBy: '', signedAt: '' },
    bank: { holder: '', bankName: '', bic: '', iban: '', accountNumber: '', country: '' },
  };
}

/** The form from the profile the fund holds (a bank change waiting for approval is shown as typed). */
export function formFromProfile(p: ProfileView): ProfileForm {
  const f = emptyProfileForm();
  const currency = p.budgets?.[0]?.currency ?? 'USD';
  const bank = p.pendingBank ?? p.bank;
  return {
    ...f,
    legalName: p.legalName ?? '',
    otherNames: p.otherNames.join('\n'),
    acronyms: p.acronyms.join('\n'),
    registration: p.registration
      ? { ...p.registration, expiry: p.registration.expiry ?? '' }
      : f.registration,
    yearFounded: p.yearFounded ? String(p.yearFounded) : '',
    office: p.office
      ? { type: p.office.type, headquartersOrganizationId: p.office.headquartersOrganizationId ?? '' }
      : f.office,
    head: p.head ?? f.head,
    keyPeople: p.keyPeople?.length ? p.keyPeople : f.keyPeople,
    mandate: p.mandate ?? '',
    populations: (p.populations ?? []).join('\n'),
    budgetCurrency: currency,
    budgets: Object.fromEntries((p.budgets ?? []).map((b) => [String(b.year), majorOf(b.amount, currency)])),
    psea: p.psea
      ? { hasPolicy: p.psea.hasPolicy, name: p.psea.focalPoint.name, email: p.psea.focalPoint.email }
      : f.psea,
    antiFraudPolicy: p.antiFraudPolicy ?? false,
    declaration: p.declaration
      ? { signed: true, signedBy: p.declaration.signedBy, signedAt: p.declaration.signedAt }
      : f.declaration,
    bank: bank
      ? {
          holder: bank.holder,
          bankName: bank.bankName,
          bic: bank.bic,
          iban: bank.iban ?? '',
          accountNumber: bank.accountNumber ?? '',
          country: bank.country,
        }
      : f.bank,
  };
}

/** What can be sent now: the profile's parts that are whole, the bank account apart, and what waits. */
export interface ProfilePayload {
  body: UpdatePartnerProfileDto;
  bank: BankInput | null;
  /** Parts started but not whole yet (kept on this device until they are). */
  pending: string[];
}

const filled = (...values: string[]) => values.every((v) => v.trim() !== '');
const started = (...values: string[]) => values.some((v) => v.trim() !== '');

export function profilePayload(f: ProfileForm): ProfilePayload {
  const body: UpdatePartnerProfileDto = {};
  const pending: string[] = [];
  if (f.legalName.trim()) body.legalName = f.legalName.trim();
  body.otherNames = lines(f.otherNames);
  body.acronyms = lines(f.acronyms);
  const r = f.registration;
  if (
    filled(r.number, r.authority, r.country, r.date) &&
    DAY.test(r.date) &&
    (!r.expiry || DAY.test(r.expiry))
  )
    body.registration = {
      number: r.number.trim(),
      authority: r.authority.trim(),
      country: r.country,
      date: r.date,
      expiry: r.expiry || null,
    };
  else if (started(r.number, r.authority, r.country, r.date, r.expiry)) pending.push('registration');
  if (/^\d{4}$/.test(f.yearFounded.trim())) body.yearFounded = Number(f.yearFounded.trim());
  else if (f.yearFounded.trim()) pending.push('yearFounded');
  const hq = f.office.headquartersOrganizationId.trim();
  if (f.office.type === 'headquarters')
    body.office = { type: 'headquarters', headquartersOrganizationId: null };
  else if (f.office.type === 'country_office') {
    if (!hq || UUID.test(hq))
      body.office = { type: 'country_office', headquartersOrganizationId: hq || null };
    else pending.push('office');
  }
  if (filled(f.head.name, f.head.role)) body.head = { name: f.head.name.trim(), role: f.head.role.trim() };
  else if (started(f.head.name, f.head.role)) pending.push('head');
  const people = f.keyPeople.filter((k) => filled(k.name, k.role));
  if (f.keyPeople.some((k) => started(k.name, k.role) && !filled(k.name, k.role))) pending.push('keyPeople');
  body.keyPeople = people.map((k) => ({ name: k.name.trim(), role: k.role.trim() }));
  if (f.mandate.trim()) body.mandate = f.mandate.trim();
  body.populations = lines(f.populations);
  const currency = f.budgetCurrency.trim().toUpperCase();
  const budgets: NonNullable<UpdatePartnerProfileDto['budgets']> = [];
  for (const [year, text] of Object.entries(f.budgets)) {
    if (!text.trim()) continue;
    const amount = /^[A-Z]{3}$/.test(currency) ? parseMajor(text, currency) : null;
    if (amount === null) pending.push(`budgets.${year}`);
    else budgets.push({ year: Number(year), amount, currency });
  }
  body.budgets = budgets.sort((a, b) => b.year - a.year);
  if (filled(f.psea.name, f.psea.email) && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.psea.email.trim()))
    body.psea = {
      hasPolicy: f.psea.hasPolicy,
      focalPoint: { name: f.psea.name.trim(), email: f.psea.email.trim() },
    };
  else if (started(f.psea.name, f.psea.email)) pending.push('psea');
  body.antiFraudPolicy = f.antiFraudPolicy;
  if (f.declaration.signed && f.declaration.signedBy.trim() && f.declaration.signedAt)
    body.declaration = {
      signedBy: f.declaration.signedBy.trim(),
      signedAt: f.declaration.signedAt,
      version: DECLARATION_VERSION,
    };
  else if (f.declaration.signed) pending.push('declaration');
  const b = f.bank;
  let bank: BankInput | null = null;
  if (filled(b.holder, b.bankName, b.bic, b.country) && started(b.iban, b.accountNumber))
    bank = {
      holder: b.holder.trim(),
      bankName: b.bankName.trim(),
      bic: b.bic.trim(),
      iban: b.iban.trim() || null,
      accountNumber: b.accountNumber.trim() || null,
      country: b.country,
    };
  else if (started(b.holder, b.bankName, b.bic, b.iban, b.accountNumber)) pending.push('bank');
  return { body, bank, pending };
}

/** The same account (what the server compares): a bank already sent is not sent again. */
export function sameBank(a: BankInput | null | undefined, b: BankInput | null | undefined): boolean {
  const key = (x: BankInput | null | undefined) =>
    x
      ? [x.holder, x.bankName, x.bic, x.iban ?? '', x.accountNumber ?? '', x.country]
          .map((s) => s.replace(/\s+/g, '').toUpperCase())
          .join('|')
      : '';
  return key(a) === key(b);
}
