/**
 * The generated operations the portal uses, under the portal's own names: when the API's operationIds
 * change, this is the one file to touch. Never hand-written URLs: everything goes through src/api.
 */
export {
  completeMfaSignInMutation,
  confirmEmailMutation,
  confirmMfaMutation,
  createApplicationMutation,
  enrolMfaMutation,
  getApplicationOptions as applicationQuery,
  getGrantOptions as grantQuery,
  getOrganizationOptions as organizationQuery,
  listApplicationsOptions as applicationsQuery,
  listApplicationsQueryKey as applicationsQueryKey,
  listGrantsOptions as grantsQuery,
  listMyNotificationsOptions as notificationsQuery,
  loginMutation,
  registerMutation,
  submitApplicationMutation,
  submitGrantReportMutation,
  updateMeMutation,
  withdrawApplicationMutation,
  getCallOptions as callQuery,
  listCallsOptions as callsQuery,
  getMeOptions as meQuery,
  getPublicImpactOptions as publicImpactQuery,
  getPublicSummaryOptions as publicSummaryQuery,
  getApplicationQueryKey as applicationQueryKey,
} from '../api/@tanstack/react-query.gen';
export {
  createApplication,
  downloadApplicationAttachment,
  updateApplication,
  updateMe,
} from '../api/sdk.gen';
export type {
  ApplicationView,
  AttachmentView,
  CallView,
  GrantReportView,
  GrantView,
  PublicImpactRowView as ImpactRowView,
  PublicSummaryView,
  UploadView,
  UserView,
} from '../api/types.gen';
