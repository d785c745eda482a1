/**
 * Pure rules of a call for proposals: its lifecycle, its rubric and when it is complete enough to publish.
 * No Nest, no database.
 */
export const CALL_STATUSES = ['draft', 'published', 'open', 'closed', 'under_review', 'decided'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/** What anonymous callers and non-staff may see. */
export const PUBLIC_CALL_STATUSES: readonly CallStatus[] = [
  'published',
  'open',
  'closed',
  'under_review',
  'decided',
];

export type CallAction = 'publish' | 'open' | 'close' | 'review' | 'decide';

const TRANSITIONS: Readonly<Record<CallAction, { from: CallStatus; to: CallStatus }>> = {
  publish: { from: 'draft', to: 'published' },
  open: { from: 'published', to: 'open' },
  close: { from: 'open', to: 'closed' },
  review: { from: 'closed', to: 'under_review' },
  decide: { from: 'under_review', to: 'decided' },
};

/** The status after `action`, or null when the call's status does not allow it. */
export function nextCallStatus(status: CallStatus, action: CallAction): CallStatus | null {
  const t = TRANSITIONS[action];
  return t.from === status ? t.to : null;
}

export interface RubricCriterion {
  key: string;
  label: string;
  weight: number;
  maxScore: number;
}

/** Problems with a rubric as a whole (the per-criterion shape is the DTO's job); empty when fine. */
export function rubricProblems(rubric: readonly RubricCriterion[]): string[] {
  const problems: string[] = [];
  if (rubric.length === 0) problems.push('the rubric needs at least one criterion');
  const keys = new Set<string>();
  for (const c of rubric) {
    if (keys.has(c.key)) problems.push(`criterion key "${c.key}" is used twice`);
    keys.add(c.key);
    if (!Number.isInteger(c.weight) || c.weight < 1)
      problems.push(`weight of "${c.key}" must be a positive integer`);
    if (!Number.isInteger(c.maxScore) || c.maxScore < 1)
      problems.push(`maxScore of "${c.key}" must be a positive integer`);
  }
  const sum = rubric.reduce((s, c) => s + c.weight, 0);
  if (rubric.length > 0 && sum !== 100) problems.push(`weights must sum to 100, not ${sum}`);
  return problems;
}

/** The editable fields of a call, possibly incomplete while it is a draft. */
export interface CallDraft {
  title: string;
  description: string | null;
  themes: readonly string[];
  eligibleCountries: readonly string[];
  minAward: number | null;
  maxAward: number | null;
  envelope: number | null;
  deadline: Date | null;
  rubric: readonly RubricCriterion[];
}

/** Field problems that stop a call from being published (or from staying valid once published). */
export function completenessProblems(call: CallDraft, now: Date): { field: string; messages: string[] }[] {
  const out: { field: string; messages: string[] }[] = [];
  const add = (field: string, message: string) => out.push({ field, messages: [message] });
  if (!call.description) add('description', 'description is required');
  if (call.themes.length === 0) add('themes', 'at least one theme is required');
  if (call.eligibleCountries.length === 0)
    add('eligibleCountries', 'at least one eligible country is required');
  if (call.minAward === null) add('minAward', 'minAward is required');
  if (call.maxAward === null) add('maxAward', 'maxAward is required');
  if (call.envelope === null) add('envelope', 'envelope is required');
  if (call.minAward !== null && call.maxAward !== null && call.minAward > call.maxAward)
    add('minAward', 'minAward must not exceed maxAward');
  if (call.maxAward !== null && call.envelope !== null && call.maxAward > call.envelope)
    add('maxAward', 'maxAward must not exceed the envelope');
  if (call.deadline === null) add('deadline', 'deadline is required');
  else if (call.deadline.getTime() <= now.getTime()) add('deadline', 'deadline must be in the future');
  const rubric = rubricProblems(call.rubric);
  if (rubric.length) out.push({ field: 'rubric', messages: rubric });
  return out;
}

/** Fields a fund manager may still change in each status (the rubric is frozen from `open` on). */
export const EDITABLE_FIELDS: Readonly<Record<CallStatus, readonly string[]>> = {
  draft: [
    'title',
    'description',
    'themes',
    'eligibleCountries',
    'minAward',
    'maxAward',
    'envelope',
    'deadline',
    'rubric',
    'blind',
  ],
  published: [
    'title',
    'description',
    'themes',
    'eligibleCountries',
    'minAward',
    'maxAward',
    'envelope',
    'deadline',
    'rubric',
    'blind',
  ],
  open: ['title', 'description', 'deadline'],
  closed: [],
  under_review: [],
  decided: [],
};

/**
 * Cross-field checks of the awards a DTO cannot express (400: the request itself is inconsistent):
 * minAward <= maxAward <= envelope, where each is given.
 */
export function orderProblems(c: CallDraft): { field: string; messages: string[] }[] {
  const out: { field: string; messages: string[] }[] = [];
  if (c.minAward !== null && c.maxAward !== null && c.minAward > c.maxAward)
    out.push({ field: 'minAward', messages: ['minAward must not exceed maxAward'] });
  if (c.maxAward !== null && c.envelope !== null && c.maxAward > c.envelope)
    out.push({ field: 'maxAward', messages: ['maxAward must not exceed the envelope'] });
  return out;
}
