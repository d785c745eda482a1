import { FieldProblem } from '@app/core';
import { BankAccount } from './bank';
import { normalizeName } from './names';

type StoredProfile = Pick<ProfileState, 'legalName' | 'otherNames' | 'acronyms' | 'details' | 'bank'>;

export const DOCUMENT_TYPES = [
  'registration_certificate',
  'statutes',
  'audited_financials',
  'psea_policy',
  'bank_letter',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** The documents a complete profile holds, and how many of each (audited statements of the last two years). */
export const REQUIRED_DOCUMENTS: Readonly<Partial<Record<DocumentType, number>>> = {
  registration_certificate: 1,
  statutes: 1,
  audited_financials: 2,
  psea_policy: 1,
  bank_letter: 1,
};

export interface Person {
  name: string;
  role: string;
}

/** The descriptive part of the profile (stored as one JSON document). */
export interface ProfileDetails {
  registration?: { number: string; authority: string; country: string; date: string; expiry?: string | null };
  yearFounded?: number;
  office?: { type: 'headquarters' | 'country_office'; headquartersOrganizationId?: string | null };
  head?: Person;
  keyPeople?: Person[];
  mandate?: string;
  populations?: string[];
  budgets?: { year: number; amount: number; currency: string }[];
  psea?: { hasPolicy: boolean; focalPoint: { name: string; email: string } };
  antiFraudPolicy?: boolean;
  declaration?: { signedBy: string; signedAt: string; version: string };
}

export interface ProfileState {
  legalName: string | null;
  otherNames: string[];
  acronyms: string[];
  details: ProfileDetails;
  bank: BankAccount | null;
}

export interface DocumentState {
  type: DocumentType;
  expiresOn: string | null;
}

const need = (field: string, message: string): FieldProblem => ({ field, messages: [message] });

/** What a profile lacks before it can be verified (empty when complete), by field. */
export function completenessProblems(
  p: ProfileState,
  docs: readonly DocumentState[],
  today: string,
  thisYear: number,
): FieldProblem[] {
  const d = p.details;
  const out: FieldProblem[] = [];
  if (!p.legalName) out.push(need('legalName', 'the legal name is missing'));
  if (!d.registration)
    out.push(need('registration', 'the registration (number, authority, country, date) is missing'));
  if (!d.yearFounded) out.push(need('yearFounded', 'the year founded is missing'));
  if (!d.office) out.push(need('office', 'say whether this is the headquarters or a country office'));
  if (d.office?.type === 'country_office' && !d.office.headquartersOrganizationId)
    out.push(need('office.headquartersOrganizationId', 'a country office names its headquarters'));
  if (!d.head) out.push(need('head', 'the head of the organization is missing'));
  if (!d.keyPeople?.length) out.push(need('keyPeople', 'name at least one key person'));
  if (!d.mandate) out.push(need('mandate', 'the mandate is missing'));
  if (!d.populations?.length) out.push(need('populations', 'name the populations served'));
  const years = new Set((d.budgets ?? []).map((b) => b.year));
  const missingYears = [1, 2, 3].map((k) => thisYear - k).filter((y) => !years.has(y));
  if (missingYears.length)
    out.push(need('budgets', `the annual budget of ${missingYears.join(', ')} is missing`));
  if (!d.psea?.hasPolicy) out.push(need('psea', 'a PSEA policy and its focal point are required'));
  if (!d.antiFraudPolicy) out.push(need('antiFraudPolicy', 'an anti-fraud policy is required'));
  if (!d.declaration) out.push(need('declaration', 'the declaration is not signed'));
  if (!p.bank) out.push(need('bank', 'the bank account is missing'));
  else if (p.legalName && normalizeName(p.bank.holder) !== normalizeName(p.legalName))
    out.push(need('bank.holder', "the account must be in the organization's legal name"));
  for (const [type, count] of Object.entries(REQUIRED_DOCUMENTS)) {
    const valid = docs.filter((x) => x.type === type && (!x.expiresOn || x.expiresOn >= today)).length;
    if (valid < (count ?? 0))
      out.push(need(`documents.${type}`, `${count} valid ${type} document(s) required`));
  }
  return out;
}

/** Required document types whose every copy has expired (an expired required document blocks submissions). */
export function expiredRequired(docs: readonly DocumentState[], today: string): DocumentType[] {
  const types = Object.keys(REQUIRED_DOCUMENTS) as DocumentType[];
  return types.filter((type) => {
    const mine = docs.filter((x) => x.type === type);
    return mine.length > 0 && mine.every((x) => x.expiresOn !== null && x.expiresOn < today);
  });
}

/** The names screened against the sanctions list: legal name, other names, acronyms, head and key people. */
export function screenedNames(p: ProfileState): string[] {
  const names = [
    p.legalName,
    ...p.otherNames,
    ...p.acronyms,
    p.details.head?.name,
    ...(p.details.keyPeople ?? []).map((k) => k.name),
  ];
  return [...new Set(names.filter((n): n is string => Boolean(n && n.trim())))];
}

/** The profile's state for the rules (an organization without a profile row has an empty one). */
export function stateOf(p: StoredProfile | null): ProfileState {
  return {
    legalName: p?.legalName ?? null,
    otherNames: p?.otherNames ?? [],
    acronyms: p?.acronyms ?? [],
    details: p?.details ?? {},
    bank: p?.bank ?? null,
  };
}
