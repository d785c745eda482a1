/** The generated operations the administrators' pages use (see lib/queries.ts for the portal-wide ones). */
export {
  createBoardCodeMutation,
  createInvitationMutation,
  listAuditEntriesInfiniteOptions as auditPagesQuery,
  listExchangeRatesInfiniteOptions as ratesPagesQuery,
  listFundsOptions as fundsQuery,
  listInvitationsOptions as invitationsQuery,
  listInvitationsQueryKey as invitationsQueryKey,
  listOrganizationsInfiniteOptions as organizationsPagesQuery,
  listOrganizationsInfiniteQueryKey as organizationsPagesQueryKey,
  listUsersInfiniteOptions as usersPagesQuery,
  listUsersInfiniteQueryKey as usersPagesQueryKey,
  resetUserMfaMutation,
  updateUserMutation,
  verifyOrganizationMutation,
} from '../../api/@tanstack/react-query.gen';
export type { AuditEntryView, ExchangeRateView, OrganizationView, UserView } from '../../api/types.gen';

export const ROLE_NAMES = ['ngo', 'reviewer', 'fund_manager', 'finance', 'donor', 'admin'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];
