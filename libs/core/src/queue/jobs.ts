/**
 * Every job name, `<queue>.<job>`. The worker checks at startup that each has exactly one handler.
 * Payloads carry ids only; handlers re-read state and are idempotent.
 */
export const JOB = {
  ORGANIZATION_REGISTERED: 'identity.organization-registered',
  SEND_MAIL: 'identity.send-mail',
  PASSWORD_RESET_REQUESTED: 'identity.password-reset-requested',
  ACCOUNT_MAIL: 'identity.account-mail',
  DAILY_DIGEST: 'identity.daily-digest',
  SEND_DIGEST: 'identity.send-digest',
  PURGE_ACCOUNTS: 'identity.purge',
  BALANCE_CHANGED: 'funds.balance-changed',
  GRANT_CHANGED: 'grants.changed',
  REPORT_REMINDERS: 'grants.report-reminders',
  POST_AWARD_REMINDERS: 'grants.post-award-reminders',
  RECALCULATE_BALANCE: 'funds.recalculate-balance',
  DAILY_SNAPSHOTS: 'funds.daily-snapshots',
  RECONCILE: 'funds.reconcile',
  FORECAST: 'funds.forecast',
  CONTRIBUTION_RECEIVED: 'donors.contribution-received',
  CLOSE_DUE_CALLS: 'calls.close-due',
  CALL_STATUS_CHANGED: 'calls.status-changed',
  APPLICATION_SUBMITTED: 'applications.submitted',
  APPLICATION_STATUS_CHANGED: 'applications.status-changed',
  ASSIGNMENT_CHANGED: 'reviews.assignment-changed',
  DRAFT_REMINDERS: 'applications.draft-reminders',
  EDIT_SUMMARIES: 'applications.edit-summaries',
  PURGE: 'housekeeping.purge',
  PARTNER_SCREEN: 'partners.screen',
  PARTNER_BANK_CHANGED: 'partners.bank-changed',
  PARTNER_DOCUMENT_REMINDERS: 'partners.document-reminders',
  SANCTIONS_FETCH: 'partners.fetch-sanctions',
  PUBLISH_IATI: 'open-data.publish-iati',
} as const;

export type JobName = (typeof JOB)[keyof typeof JOB];

/** The payload of a job that carries nothing (the scheduled runs: the handler reads what is due). */
export type NoPayload = Record<string, never>;

/** What happened to a grant, for its NGO's notification (`grants.changed`). */
export type GrantEvent =
  | 'approved'
  | 'signed'
  | 'disbursed'
  | 'cancelled'
  | 'returned'
  | 'report-submitted'
  | 'report-accepted'
  | 'report-returned'
  | 'closed'
  | 'accepted'
  | 'amended'
  | 'amendment-rejected'
  | 'refund-owed';

export interface OrganizationRegisteredPayload {
  organizationId: string;
}
export interface SendMailPayload {
  notificationId: string;
}
export interface PasswordResetRequestedPayload {
  email: string;
  /** The client address the request came from (for the mail's "requested from"). */
  address: string | null;
}
/** An account link (invitation, confirmation) by its token, or the "someone tried to register" warning. */
export type AccountMailPayload = { tokenId: string } | { userId: string; template: 'registration_attempt' };
/** The scheduler's run covers the day before; `day` (YYYY-MM-DD) runs a given day. */
export interface DailyDigestPayload {
  day?: string;
}
export interface SendDigestPayload {
  userId: string;
  day: string;
}
export interface BalanceChangedPayload {
  fundId: string;
  postingId: string;
}
export interface GrantChangedPayload {
  grantId: string;
  event: GrantEvent;
  /** The tranche's number, for `disbursed`. */
  n?: number;
  reportId?: string;
}
export interface RecalculateBalancePayload {
  fundId: string;
  reason?: 'change' | 'daily' | 'manual';
}
/** Recompute the fund's forecast (docs/adr/0016-forecast.md) after a money event or the daily run. */
export interface ForecastPayload {
  fundId: string;
}
export interface ContributionReceivedPayload {
  contributionId: string;
}
export interface CallStatusChangedPayload {
  callId: string;
  status: string;
}
export interface ApplicationSubmittedPayload {
  applicationId: string;
}
export interface ApplicationStatusChangedPayload {
  applicationId: string;
  status: string;
}
/** Screen one organization (its profile changed), or everyone (a new list version, the nightly run). */
export interface PartnerScreenPayload {
  organizationId?: string;
}
export interface PartnerBankChangedPayload {
  organizationId: string;
  event: 'requested' | 'approved' | 'rejected';
}
export interface AssignmentChangedPayload {
  assignmentId: string;
  status: 'assigned' | 'conflict' | 'submitted';
}

/**
 * Every job's payload, by job name. `OutboxService.add` checks a payload against its name where the job is
 * added, and `JobsHost.handlers` hands each handler its own job's payload type. A payload still arrives
 * from Redis unchecked at run time, so handlers keep validating it (UnrecoverableError when it is wrong).
 */
export interface JobPayloads {
  [JOB.ORGANIZATION_REGISTERED]: OrganizationRegisteredPayload;
  [JOB.SEND_MAIL]: SendMailPayload;
  [JOB.PASSWORD_RESET_REQUESTED]: PasswordResetRequestedPayload;
  [JOB.ACCOUNT_MAIL]: AccountMailPayload;
  [JOB.DAILY_DIGEST]: DailyDigestPayload;
  [JOB.SEND_DIGEST]: SendDigestPayload;
  [JOB.PURGE_ACCOUNTS]: NoPayload;
  [JOB.BALANCE_CHANGED]: BalanceChangedPayload;
  [JOB.GRANT_CHANGED]: GrantChangedPayload;
  [JOB.REPORT_REMINDERS]: NoPayload;
  [JOB.POST_AWARD_REMINDERS]: NoPayload;
  [JOB.RECALCULATE_BALANCE]: RecalculateBalancePayload;
  [JOB.DAILY_SNAPSHOTS]: NoPayload;
  [JOB.RECONCILE]: NoPayload;
  [JOB.FORECAST]: ForecastPayload;
  [JOB.CONTRIBUTION_RECEIVED]: ContributionReceivedPayload;
  [JOB.CLOSE_DUE_CALLS]: NoPayload;
  [JOB.CALL_STATUS_CHANGED]: CallStatusChangedPayload;
  [JOB.APPLICATION_SUBMITTED]: ApplicationSubmittedPayload;
  [JOB.APPLICATION_STATUS_CHANGED]: ApplicationStatusChangedPayload;
  [JOB.ASSIGNMENT_CHANGED]: AssignmentChangedPayload;
  [JOB.DRAFT_REMINDERS]: NoPayload;
  [JOB.EDIT_SUMMARIES]: NoPayload;
  [JOB.PURGE]: NoPayload;
  [JOB.PARTNER_SCREEN]: PartnerScreenPayload;
  [JOB.PARTNER_BANK_CHANGED]: PartnerBankChangedPayload;
  [JOB.PARTNER_DOCUMENT_REMINDERS]: NoPayload;
  [JOB.SANCTIONS_FETCH]: NoPayload;
  [JOB.PUBLISH_IATI]: NoPayload;
}

/** The payload of one job name (a compile error here means a job name has no entry in JobPayloads). */
export type JobPayload<N extends JobName> = JobPayloads[N];

/**
 * Events the outbox relay may coalesce: within one relayed batch, only the last row per value of the named
 * payload field becomes a job (its handler covers everything up to now, so the earlier rows add nothing).
 * A burst of a thousand postings of one fund becomes a handful of balance jobs, not a thousand.
 */
export const COALESCE_BY: Partial<Record<JobName, string>> = {
  [JOB.BALANCE_CHANGED]: 'fundId',
  [JOB.FORECAST]: 'fundId',
};

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

/**
 * Options of every BullMQ worker (each processor passes them to `@Processor`). A job whose worker died
 * (SIGKILL, lost connection) keeps its lock only `lockDuration`; the stalled check of any live worker then
 * moves it back to wait, at most `maxStalledCount` times before it fails. Read at load time, so the
 * environment can shorten the intervals (tests, operators).
 */
export const WORKER_OPTIONS = {
  concurrency: envInt('JOB_CONCURRENCY', 16),
  lockDuration: envInt('JOB_LOCK_MS', 30_000),
  stalledInterval: envInt('JOB_STALLED_INTERVAL_MS', 30_000),
  maxStalledCount: 2,
};

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  return raw && /^\d+$/.test(raw) && Number(raw) > 0 ? Number(raw) : fallback;
}

/** The job schedulers the worker upserts at startup (one entry per id, however many workers start). */
export const SCHEDULES: readonly {
  id: string;
  job: JobName;
  repeat: { pattern: string; tz?: string } | { every: number };
}[] = [
  { id: 'funds:daily-snapshots', job: 'funds.daily-snapshots', repeat: { pattern: '5 0 * * *', tz: 'UTC' } },
  { id: 'funds:reconcile', job: 'funds.reconcile', repeat: { pattern: '30 1 * * *', tz: 'UTC' } },
  { id: 'calls:close-due', job: 'calls.close-due', repeat: { every: 60_000 } },
  { id: 'applications:draft-reminders', job: 'applications.draft-reminders', repeat: { every: 15 * 60_000 } },
  {
    id: 'applications:edit-summaries',
    job: 'applications.edit-summaries',
    repeat: { pattern: '10 0 * * *', tz: 'UTC' },
  },
  { id: 'housekeeping:purge', job: 'housekeeping.purge', repeat: { pattern: '45 2 * * *', tz: 'UTC' } },
  { id: 'identity:daily-digest', job: 'identity.daily-digest', repeat: { pattern: '15 0 * * *', tz: 'UTC' } },
  { id: 'identity:purge', job: 'identity.purge', repeat: { pattern: '50 2 * * *', tz: 'UTC' } },
  { id: 'partners:nightly-screen', job: 'partners.screen', repeat: { pattern: '0 3 * * *', tz: 'UTC' } },
  {
    id: 'partners:document-reminders',
    job: 'partners.document-reminders',
    repeat: { pattern: '30 6 * * *', tz: 'UTC' },
  },
  {
    id: 'partners:fetch-sanctions',
    job: 'partners.fetch-sanctions',
    repeat: { pattern: '0 2 * * *', tz: 'UTC' },
  },
  {
    id: 'open-data:publish-iati',
    job: 'open-data.publish-iati',
    repeat: { pattern: '30 3 * * *', tz: 'UTC' },
  },
  {
    id: 'grants:report-reminders',
    job: 'grants.report-reminders',
    repeat: { pattern: '0 6 * * *', tz: 'UTC' },
  },
  {
    id: 'grants:post-award-reminders',
    job: 'grants.post-award-reminders',
    repeat: { pattern: '30 6 * * *', tz: 'UTC' },
  },
];
