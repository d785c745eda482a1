/**
 * Every kind of notice the system sends today (the `kind` of a notification row), with what it says.
 * A kind missing here cannot be given a preference; its notices are mailed at once, as before.
 */
export const NOTICE_KINDS = {
  'organization.registered': 'An NGO confirmed its registration and waits to be verified (staff)',
  'call.status_changed': 'A call for proposals changed status (fund managers)',
  'application.submitted': 'An application of your organization was submitted',
  'application.eligible': 'An application passed eligibility screening',
  'application.ineligible': 'An application did not pass eligibility screening',
  'application.withdrawn': 'An application was withdrawn',
  'application.approved': 'An application was approved',
  'application.rejected': 'An application was rejected',
  'application.draft_reminder': 'A draft is not submitted and the deadline is near',
  'review.assigned': 'An application was assigned to you for review',
  'review.conflict': 'A reviewer declared a conflict of interest (fund managers)',
  'review.submitted': 'A reviewer submitted a review (fund managers)',
  'grant.approved': 'A grant agreement is ready to sign',
  'grant.offer_reminder': 'An award waits for your acceptance and its answer date is near',
  'grant.offer_lapsed': 'A grantee did not answer an award in time (fund managers)',
  'grant.accepted': 'An award was accepted: its agreement waits for the signatory',
  'grant.amended': 'An amendment to a grant took effect',
  'grant.amendment-rejected': 'An amendment you asked for was not approved',
  'grant.refund-owed': 'An assurance check found ineligible costs: a refund is owed',
  'grant.signed': 'A grant agreement was signed',
  'grant.disbursed': 'A tranche was paid',
  'grant.cancelled': 'Undisbursed tranches were cancelled',
  'grant.returned': 'A return of unspent funds was recorded',
  'grant.report-submitted': 'A report was received',
  'grant.report-accepted': 'A report was accepted',
  'grant.report-returned': 'A report was returned with comments',
  'grant.closed': 'A grant was closed',
  'grant.report_due': 'A report is due soon',
  'grant.report_overdue': 'A report is overdue',
  partner_document_expiry: "A document of your organization's profile expires soon or has expired",
  partner_bank_change: "An organization's bank details changed, or the change was decided",
  'contribution.received': 'A contribution was received (donor users)',
  'fund.target_up': "The fund's available balance reached the new-call target (staff)",
  'fund.target_down': "The fund's available balance fell below the new-call target (staff)",
  'fund.forecast_moved':
    'The month the available balance is expected to reach the new-call target moved by three months or more (fund managers)',
} as const;

export type NoticeKind = keyof typeof NOTICE_KINDS;
export const NOTICE_KIND_NAMES = Object.keys(NOTICE_KINDS) as NoticeKind[];

/** portal: in the portal only; email: mailed at once (the default); digest: in the daily e-mail digest. */
export const CHANNELS = ['portal', 'email', 'digest'] as const;
export type Channel = (typeof CHANNELS)[number];
export const DEFAULT_CHANNEL: Channel = 'email';
