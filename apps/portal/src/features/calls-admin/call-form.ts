import type { CallView, CreateCallDto, RubricCriterionDto } from '../../api/types.gen';
import { amountText, parseAmount, SERVICES } from '../ngo/application-form';

export type Service = (typeof SERVICES)[number];

export interface CriterionForm {
  key: string;
  label: string;
  weight: string;
  maxScore: string;
}

/** What the call form holds: text as typed (amounts in whole units, the deadline as a local time and zone). */
export interface CallForm {
  title: string;
  description: string;
  themes: Service[];
  eligibleCountries: string[];
  minAward: string;
  maxAward: string;
  envelope: string;
  deadlineLocal: string;
  timeZone: string;
  blind: boolean;
  rubric: CriterionForm[];
}

export type CallErrors = Record<string, string>;

export const emptyCriterion = (): CriterionForm => ({ key: '', label: '', weight: '', maxScore: '10' });

export function emptyCallForm(timeZone: string): CallForm {
  return {
    title: '',
    description: '',
    themes: [],
    eligibleCountries: [],
    minAward: '',
    maxAward: '',
    envelope: '',
    deadlineLocal: '',
    timeZone,
    blind: false,
    rubric: [],
  };
}

/** The offset of a time zone from UTC at an instant, in milliseconds (Intl only, no library). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time ("2031-06-30T18:00") in a time zone as the UTC instant (ISO), or null when unreadable. */
export function zonedToUtc(local: string, timeZone: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!m) return null;
  try {
    const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    let instant = wall - offsetAt(wall, timeZone);
    // Near a change of offset the first guess is an hour off: correct it with the offset at the guess.
    instant = wall - offsetAt(instant, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return null;
  }
}

/** A UTC instant as the wall-clock time ("YYYY-MM-DDTHH:mm") in a time zone. */
export function utcToZoned(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  return new Date(instant + offsetAt(instant, timeZone)).toISOString().slice(0, 16);
}

export function weightTotal(rubric: readonly CriterionForm[]): number {
  return rubric.reduce((sum, c) => sum + (/^\d+$/.test(c.weight.trim()) ? Number(c.weight) : 0), 0);
}

/** Every problem of the form by field (`rubric.1.weight`, `weights`, `deadline`...), as catalog keys. */
export function validateCall(form: CallForm, exponent: number): CallErrors {
  const errors: CallErrors = {};
  if (!form.title.trim()) errors.title = 'callsAdmin.errors.required';
  for (const f of ['minAward', 'maxAward', 'envelope'] as const) {
    if (form[f].trim() && parseAmount(form[f], exponent) === null) errors[f] = 'callsAdmin.errors.amount';
  }
  const min = parseAmount(form.minAward, exponent);
  const max = parseAmount(form.maxAward, exponent);
  if (min !== null && max !== null && min > max) errors.maxAward = 'callsAdmin.errors.maxBelowMin';
  if (form.deadlineLocal && !zonedToUtc(form.deadlineLocal, form.timeZone))
    errors.deadline = 'callsAdmin.errors.deadline';
  const keys = new Set<string>();
  form.rubric.forEach((c, i) => {
    if (!/^[a-z][a-z0-9_]*$/.test(c.key.trim())) errors[`rubric.${i}.key`] = 'callsAdmin.errors.key';
    else if (keys.has(c.key.trim())) errors[`rubric.${i}.key`] = 'callsAdmin.errors.keyTaken';
    keys.add(c.key.trim());
    if (!c.label.trim()) errors[`rubric.${i}.label`] = 'callsAdmin.errors.required';
    if (!/^\d+$/.test(c.weight.trim()) || Number(c.weight) < 1 || Number(c.weight) > 100)
      errors[`rubric.${i}.weight`] = 'callsAdmin.errors.weight';
    if (!/^\d+$/.test(c.maxScore.trim()) || Number(c.maxScore) < 1)
      errors[`rubric.${i}.maxScore`] = 'callsAdmin.errors.maxScore';
  });
  if (form.rubric.length > 0 && weightTotal(form.rubric) !== 100)
    errors.weights = 'callsAdmin.errors.weights';
  return errors;
}

/**
 * What can be sent of the form now: each field that is valid (a draft call may be incomplete); the rubric
 * only once every criterion is valid and the weights total 100.
 */
export function callPayload(form: CallForm, exponent: number): Omit<CreateCallDto, 'fundId'> | null {
  const errors = validateCall(form, exponent);
  if (errors.title) return null;
  const body: Omit<CreateCallDto, 'fundId'> = {
    title: form.title.trim(),
    description: form.description,
    themes: form.themes,
    eligibleCountries: form.eligibleCountries,
    blind: form.blind,
  };
  for (const f of ['minAward', 'maxAward', 'envelope'] as const) {
    const v = parseAmount(form[f], exponent);
    if (v !== null && !errors[f]) body[f] = v;
  }
  const deadline = form.deadlineLocal ? zonedToUtc(form.deadlineLocal, form.timeZone) : null;
  if (deadline) body.deadline = deadline;
  if (form.rubric.length > 0 && !Object.keys(errors).some((k) => k.startsWith('rubric') || k === 'weights')) {
    body.rubric = form.rubric.map((c): RubricCriterionDto => ({
      key: c.key.trim(),
      label: c.label.trim(),
      weight: Number(c.weight),
      maxScore: Number(c.maxScore),
    }));
  }
  return body;
}

export function formFromCall(call: CallView, exponent: number, timeZone: string): CallForm {
  const text = (v: number | null) => (v === null ? '' : amountText(v, exponent));
  return {
    title: call.title,
    description: call.description ?? '',
    themes: call.themes,
    eligibleCountries: call.eligibleCountries,
    minAward: text(call.minAward),
    maxAward: text(call.maxAward),
    envelope: text(call.envelope),
    deadlineLocal: call.deadline ? utcToZoned(call.deadline, timeZone) : '',
    timeZone,
    blind: call.blind,
    rubric: call.rubric.map((c) => ({
      key: c.key,
      label: c.label,
      weight: String(c.weight),
      maxScore: String(c.maxScore),
    })),
  };
}

/** The body of a new draft copied from a past call: everything but the deadline, under a new title. */
export function copyOf(call: CallView, title: string): CreateCallDto {
  return {
    fundId: call.fundId,
    title,
    description: call.description ?? '',
    themes: call.themes,
    eligibleCountries: call.eligibleCountries,
    ...(call.minAward !== null && { minAward: call.minAward }),
    ...(call.maxAward !== null && { maxAward: call.maxAward }),
    ...(call.envelope !== null && { envelope: call.envelope }),
    rubric: call.rubric,
    blind: call.blind,
  };
}
