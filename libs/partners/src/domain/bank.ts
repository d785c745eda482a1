import { electronicFormatIBAN, isValidBIC, isValidIBAN, getCountrySpecifications } from 'ibantools';
import { FieldProblem } from '@app/core';

export interface BankAccount {
  holder: string;
  bankName: string;
  bic: string;
  iban: string | null;
  accountNumber: string | null;
  country: string;
}

const specs = getCountrySpecifications();

/** Whether a country's banks use IBANs (ibantools' country specifications). */
export function usesIban(country: string): boolean {
  return Boolean(specs[country.toUpperCase()]?.chars);
}

/** The account in its stored form (IBAN and BIC in electronic form, upper case), and problems by field. */
export function checkBank(
  input: BankAccount,
  field = 'bank',
): { bank: BankAccount; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const bic = input.bic.replace(/\s+/g, '').toUpperCase();
  if (!isValidBIC(bic))
    problems.push({
      field: `${field}.bic`,
      messages: ['bic is not a valid SWIFT/BIC code (8 or 11 characters)'],
    });
  let iban: string | null = input.iban ? (electronicFormatIBAN(input.iban) ?? '') : null;
  const country = input.country.toUpperCase();
  if (usesIban(country) && !iban)
    problems.push({ field: `${field}.iban`, messages: [`iban is required for a bank in ${country}`] });
  if (iban !== null && !isValidIBAN(iban))
    problems.push({ field: `${field}.iban`, messages: ['iban is not a valid IBAN (its check digits fail)'] });
  if (iban !== null && isValidIBAN(iban) && iban.slice(0, 2) !== country)
    problems.push({ field: `${field}.iban`, messages: [`iban is not an IBAN of ${country}`] });
  if (!usesIban(country) && !iban && !input.accountNumber)
    problems.push({
      field: `${field}.accountNumber`,
      messages: ['accountNumber is required without an IBAN'],
    });
  if (iban === '') iban = null;
  return { bank: { ...input, bic, iban, country }, problems };
}

/** Whether two accounts are the same account (what a change of bank details compares). */
export function sameAccount(a: BankAccount | null, b: BankAccount): boolean {
  if (!a) return false;
  return (
    a.holder === b.holder &&
    a.bankName === b.bankName &&
    a.bic === b.bic &&
    a.iban === b.iban &&
    a.accountNumber === b.accountNumber &&
    a.country === b.country
  );
}
