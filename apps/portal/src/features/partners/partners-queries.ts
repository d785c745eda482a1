/** The generated operations the due-diligence pages use (see lib/queries.ts for the portal-wide ones). */
export {
  actOnObservationMutation,
  approveBankChangeMutation,
  assessPartnerMutation,
  clearScreeningHitMutation,
  confirmScreeningHitMutation,
  getDueDiligenceOptions as dueDiligenceQuery,
  getDueDiligenceQueryKey as dueDiligenceQueryKey,
  getPartnerFundSettingsOptions as fundSettingsQuery,
  getPartnerProfileOptions as partnerProfileQuery,
  getPartnerProfileQueryKey as partnerProfileQueryKey,
  listPartnersInfiniteOptions as partnersPagesQuery,
  listSanctionsListsOptions as sanctionsListsQuery,
  listSanctionsListsQueryKey as sanctionsListsQueryKey,
  raiseObservationMutation,
  rejectBankChangeMutation,
  verifyDueDiligenceMutation,
} from '../../api/@tanstack/react-query.gen';
export { importSanctionsList, updatePartnerProfile, uploadPartnerDocument } from '../../api/sdk.gen';
export type {
  AssessmentView,
  BankInput,
  DocumentView,
  DueDiligenceView,
  HitView,
  ObservationView,
  PartnerSummaryView,
  ProfileView,
  SanctionsListView,
  UpdatePartnerProfileDto,
} from '../../api/types.gen';

/** The capacity assessment's questions, as the API scores them (libs/partners/src/domain/risk.ts). */
export const CAPACITY_QUESTIONS = [
  'governance',
  'financial_management',
  'internal_control',
  'procurement',
  'human_resources',
  'psea',
  'reporting',
] as const;

export const DOCUMENT_TYPES = [
  'registration_certificate',
  'statutes',
  'audited_financials',
  'psea_policy',
  'bank_letter',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Badge colours that read at 4.5:1 and more on white and on a striped row (Mantine's orange.9 does not). */
export const WARN = '#a34700';
export const CAUTION = '#7a5a00';

/** The version of the declaration's text the NGO signs (kept with the signature). */
export const DECLARATION_VERSION = '2026-1';

/** A document's state on a day: expired, expiring within 60 days, or valid. */
export function documentState(expiresOn: string | null, today: string): 'expired' | 'expiring' | 'valid' {
  if (!expiresOn) return 'valid';
  if (expiresOn < today) return 'expired';
  const soon = new Date(`${today}T00:00:00Z`);
  soon.setUTCDate(soon.getUTCDate() + 60);
  return expiresOn <= soon.toISOString().slice(0, 10) ? 'expiring' : 'valid';
}

/** The catalog key of a missing field (`documents.statutes` -> `partners.missing.documents_statutes`). */
export function missingKey(field: string): string {
  return `partners.missing.${field.replace(/\./g, '_')}`;
}

const PARTNER_PROBLEMS = [
  'profile-incomplete',
  'sanctions-hit',
  'organization-blocked',
  'bank-change-pending',
  'no-bank-change',
  'hit-resolved',
  'observation-closed',
  'sanctions-list-invalid',
  'unsupported-document',
  'payload-too-large',
] as const;

/** The catalog key of a due-diligence problem's message, or undefined for the generic ones. */
export function partnerProblemKey(error: unknown): string | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type !== 'string') return undefined;
  const slug = type.replace(/^.*\/problems\//, '');
  return (PARTNER_PROBLEMS as readonly string[]).includes(slug) ? `partners.problems.${slug}` : undefined;
}
