import { FieldProblem, InvalidInputError } from '@app/core';
import { requestedAmount } from './application-rules';

/** What of a call an application must fit (a structural slice of the calls context's `Call`). */
export interface CallTerms {
  eligibleCountries: string[];
  themes: string[];
  minAward: number | null;
  maxAward: number | null;
}

/** Does the application fit its call? (countries eligible, services among the themes, amount in range) */
export function fitProblems(
  call: CallTerms,
  app: { countries: string[]; services: string[]; requested: number },
): FieldProblem[] {
  const out: FieldProblem[] = [];
  const countries = app.countries.filter((c) => !call.eligibleCountries.includes(c));
  if (countries.length)
    out.push({ field: 'countries', messages: [`not eligible in this call: ${countries.join(', ')}`] });
  const services = app.services.filter((s) => !call.themes.includes(s));
  if (services.length)
    out.push({ field: 'services', messages: [`not among the call's themes: ${services.join(', ')}`] });
  if (
    call.minAward !== null &&
    call.maxAward !== null &&
    (app.requested < call.minAward || app.requested > call.maxAward)
  )
    out.push({
      field: 'budget',
      messages: [
        `the total requested (${app.requested}) must be between ${call.minAward} and ${call.maxAward}`,
      ],
    });
  return out;
}

/** The amount requested by a budget: 400 naming `budget` past one amount's cap or past 2^53. */
export function totalOf(budget: readonly { amount: number }[]): number {
  try {
    return requestedAmount(budget);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new InvalidInputError('budget', 'the budget total must stay below 2^53 minor units');
  }
}

/** The budget's total when `totalOf` would take it, else null (the save then names the 400 in its order). */
export function withinCap(budget: readonly { amount: number }[]): number | null {
  try {
    return totalOf(budget);
  } catch (error) {
    if (error instanceof InvalidInputError) return null;
    throw error;
  }
}
