/**
 * Every job name, `<queue>.<job>`. The worker checks at startup that each has exactly one handler.
 * Payloads carry ids only; handlers re-read state and are idempotent.
 */
export const JOB = {
  ORGANIZATION_REGISTERED: 'identity.organization-registered',
  BALANCE_CHANGED: 'funds.balance-changed',
  GRANT_CHANGED: 'grants.changed',
  CALL_STATUS_CHANGED: 'calls.status-changed',
  APPLICATION_SUBMITTED: 'applications.submitted',
  APPLICATION_STATUS_CHANGED: 'applications.status-changed',
  ASSIGNMENT_CHANGED: 'reviews.assignment-changed',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

export const ALL_JOBS: readonly JobName[] = Object.values(JOB);

export const QUEUES = [...new Set(ALL_JOBS.map((name) => queueOf(name)))];

export function queueOf(name: string): string {
  const i = name.indexOf('.');
  if (i <= 0) throw new Error(`job name "${name}" must be <queue>.<job>`);
  return name.slice(0, i);
}

/** Defaults for every job: retries with exponential backoff; completed jobs kept a day for de-duplication. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: 'exponential' as const, delay: 500 },
  removeOnComplete: { age: 24 * 3600, count: 10000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};
