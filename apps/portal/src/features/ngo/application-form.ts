/**
 * The application form's pure rules, mirroring the API's (CreateApplicationDto and the call's fit: eligible
 * countries, services among the themes, the total between the call's smallest and largest award). The server
 * still decides: its problems are placed on the same fields. Amounts are typed in the currency's major unit
 * ("1 250.50") and kept as text, so nothing typed is changed; they become integer minor units without floats.
 */
export const SERVICES = [
  'shelter',
  'psychological_support',
  'legal_aid',
  'education_training',
  'health_care',
  'stipends',
] as const;
export type Service = (typeof SERVICES)[number];

/** The API's limits (libs/applications dto, libs/core MAX_AMOUNT). */
export const LIMITS = {
  title: 200,
  summary: 20_000,
  countries: 50,
  budgetLines: 100,
  lineDescription: 500,
  expectedVictims: 10_000_000,
  amount: 100_000_000_000,
} as const;

export interface BudgetLineForm {
  category: Service | '';
  description: string;
  /** As typed, in the currency's major unit. */
  amount: string;
}

export interface ApplicationForm {
  title: string;
  summary: string;
  countries: string[];
  services: Service[];
  /** As typed. */
  expectedVictims: string;
  budget: BudgetLineForm[];
}

export interface CallLimits {
  eligibleCountries: readonly string[];
  themes: readonly string[];
  minAward: number | null;
  maxAward: number | null;
  currency: string;
}

export const FORM_FIELDS = [
  'title',
  'summary',
  'countries',
  'services',
  'expectedVictims',
  'budget',
] as const;
export type FormField = (typeof FORM_FIELDS)[number];

/** A rule's message: a catalog key under `ngo.rules` and its values. */
export interface RuleMessage {
  key: string;
  values?: Record<string, string | number>;
}

export type FormErrors = Partial<Record<FormField | `budget.${number}.${keyof BudgetLineForm}`, RuleMessage>>;

export function emptyLine(): BudgetLineForm {
  return { category: '', description: '', amount: '' };
}

export function emptyForm(): ApplicationForm {
  return { title: '', summary: '', countries: [], services: [], expectedVictims: '', budget: [emptyLine()] };
}

/**
 * Text typed in the major unit as integer minor units: "1250.5" with exponent 2 is 125050. Spaces, and
 * either "," or "." as the decimal mark when it is followed by at most `exponent` digits, are accepted;
 * a thousands separator ("1,250" or "1 250") is taken for grouping. Null when it is not an amount.
 */
export function parseAmount(text: string, exponent: number): number | null {
  let s = text.replace(/[\s\u00a0\u202f']/g, '');
  // Arabic-Indic and Persian digits typed on an Arabic keyboard read as the same numbers.
  s = s.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  s = s.replace(/[\u06f0-\u06f9]/g, (d) => String(d.charCodeAt(0) - 0x06f0));
  s = s.replace(/\u066b/g, '.').replace(/\u066c/g, ',');
  if (!/^\d[\d.,]*$/.test(s)) return null;
  const mark = Math.max(s.lastIndexOf('.'), s.lastIndexOf(','));
  let whole = s;
  let fraction = '';
  if (mark >= 0) {
    const after = s.slice(mark + 1);
    const marks = s.match(/[.,]/g) ?? [];
    const decimal =
      after.length > 0 && after.length <= exponent && (marks.length === 1 || after.length !== 3);
    if (decimal) {
      whole = s.slice(0, mark);
      fraction = after;
    }
  }
  if (/[.,]$/.test(whole) || /[.,]{2}/.test(whole)) return null;
  whole = whole.replace(/[.,]/g, '');
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  const minor =
    BigInt(whole) * 10n ** BigInt(exponent) +
    BigInt((fraction + '0'.repeat(exponent)).slice(0, exponent) || '0');
  return minor > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(minor);
}

/** Integer minor units back as text in the major unit, as a person would type it ("1250.50"). */
export function amountText(minor: number, exponent: number): string {
  const digits = String(minor).padStart(exponent + 1, '0');
  return exponent > 0 ? `${digits.slice(0, -exponent)}.${digits.slice(-exponent)}` : digits;
}

/** The running total of the lines that hold an amount (exact, in minor units). */
export function budgetTotal(lines: readonly BudgetLineForm[], exponent: number): number {
  const total = lines.reduce((sum, l) => sum + BigInt(parseAmount(l.amount, exponent) ?? 0), 0n);
  return total > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(total);
}

function parseCount(text: string): number | null {
  const s = text.trim().replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660));
  return /^\d{1,9}$/.test(s) ? Number(s) : null;
}

function lineErrors(line: BudgetLineForm, i: number, exponent: number): FormErrors {
  const out: FormErrors = {};
  if (!line.category) out[`budget.${i}.category`] = { key: 'ngo.rules.required' };
  if (!line.description.trim()) out[`budget.${i}.description`] = { key: 'ngo.rules.required' };
  else if (line.description.length > LIMITS.lineDescription)
    out[`budget.${i}.description`] = { key: 'ngo.rules.tooLong', values: { max: LIMITS.lineDescription } };
  const amount = parseAmount(line.amount, exponent);
  if (!line.amount.trim()) out[`budget.${i}.amount`] = { key: 'ngo.rules.required' };
  else if (amount === null) out[`budget.${i}.amount`] = { key: 'ngo.rules.amount' };
  else if (amount < 1 || amount > LIMITS.amount) out[`budget.${i}.amount`] = { key: 'ngo.rules.amountRange' };
  return out;
}

/** Every rule the API applies to an application of this call, as messages on the form's fields. */
export function validateForm(form: ApplicationForm, call: CallLimits, exponent: number): FormErrors {
  const errors: FormErrors = {};
  if (!form.title.trim()) errors.title = { key: 'ngo.rules.required' };
  else if (form.title.length > LIMITS.title)
    errors.title = { key: 'ngo.rules.tooLong', values: { max: LIMITS.title } };
  if (!form.summary.trim()) errors.summary = { key: 'ngo.rules.required' };
  else if (form.summary.length > LIMITS.summary)
    errors.summary = { key: 'ngo.rules.tooLong', values: { max: LIMITS.summary } };
  if (form.countries.length === 0) errors.countries = { key: 'ngo.rules.chooseOne' };
  else if (form.countries.length > LIMITS.countries)
    errors.countries = { key: 'ngo.rules.tooMany', values: { max: LIMITS.countries } };
  else if (form.countries.some((c) => !call.eligibleCountries.includes(c)))
    errors.countries = { key: 'ngo.rules.countryNotEligible' };
  if (form.services.length === 0) errors.services = { key: 'ngo.rules.chooseOne' };
  else if (form.services.some((s) => !call.themes.includes(s)))
    errors.services = { key: 'ngo.rules.serviceNotTheme' };
  const victims = parseCount(form.expectedVictims);
  if (!form.expectedVictims.trim()) errors.expectedVictims = { key: 'ngo.rules.required' };
  else if (victims === null || victims < 1 || victims > LIMITS.expectedVictims)
    errors.expectedVictims = { key: 'ngo.rules.victims', values: { max: LIMITS.expectedVictims } };
  if (form.budget.length === 0) errors.budget = { key: 'ngo.rules.oneLine' };
  else if (form.budget.length > LIMITS.budgetLines)
    errors.budget = { key: 'ngo.rules.tooMany', values: { max: LIMITS.budgetLines } };
  form.budget.forEach((line, i) => Object.assign(errors, lineErrors(line, i, exponent)));
  const linesValid = form.budget.every((line, i) => Object.keys(lineErrors(line, i, exponent)).length === 0);
  if (!errors.budget && linesValid) {
    const total = budgetTotal(form.budget, exponent);
    if (total > LIMITS.amount) errors.budget = { key: 'ngo.rules.amountRange' };
    else if (
      call.minAward !== null &&
      call.maxAward !== null &&
      (total < call.minAward || total > call.maxAward)
    )
      errors.budget = { key: 'ngo.rules.outsideAwards' };
  }
  return errors;
}

export interface ApplicationPayload {
  title?: string;
  summary?: string;
  countries?: string[];
  services?: Service[];
  expectedVictims?: number;
  budget?: { category: Service; description: string; amount: number }[];
}

/**
 * What can be sent now: `complete` when every rule passes (what creating the application needs), and
 * `partial`, the fields that pass their rules (a draft's PATCH sends those; the rest stay on this device
 * until they are fixed, and the form says so).
 */
export function payloadOf(
  form: ApplicationForm,
  call: CallLimits,
  exponent: number,
): { complete: Required<ApplicationPayload> | null; partial: ApplicationPayload; pending: FormField[] } {
  const errors = validateForm(form, call, exponent);
  const bad = (field: FormField) => Object.keys(errors).some((k) => k === field || k.startsWith(`${field}.`));
  const full: Required<ApplicationPayload> = {
    title: form.title.trim(),
    summary: form.summary,
    countries: form.countries,
    services: form.services,
    expectedVictims: parseCount(form.expectedVictims) ?? 0,
    budget: form.budget.map((l) => ({
      category: l.category as Service,
      description: l.description.trim(),
      amount: parseAmount(l.amount, exponent) ?? 0,
    })),
  };
  const partial: ApplicationPayload = {};
  const pending: FormField[] = [];
  for (const field of FORM_FIELDS) {
    if (bad(field)) pending.push(field);
    else (partial as Record<string, unknown>)[field] = full[field];
  }
  return { complete: pending.length === 0 ? full : null, partial, pending };
}

/** The form as the API holds an application (amounts back as major-unit text). */
export function formFromApplication(
  app: {
    title: string;
    summary: string;
    countries: string[];
    services: string[];
    expectedVictims: number;
    budget: { category: string; description: string; amount: number }[];
  },
  exponent: number,
): ApplicationForm {
  return {
    title: app.title,
    summary: app.summary,
    countries: [...app.countries],
    services: app.services.filter((s): s is Service => (SERVICES as readonly string[]).includes(s)),
    expectedVictims: String(app.expectedVictims),
    budget: app.budget.length
      ? app.budget.map((l) => ({
          category: (SERVICES as readonly string[]).includes(l.category) ? (l.category as Service) : '',
          description: l.description,
          amount: amountText(l.amount, exponent),
        }))
      : [emptyLine()],
  };
}
