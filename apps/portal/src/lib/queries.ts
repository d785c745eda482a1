/**
 * The generated operations the portal uses, under the portal's own names: when the API's operationIds
 * change, this is the one file to touch. Never hand-written URLs: everything goes through src/api.
 */
export {
  completeMfaSignInMutation,
  loginMutation,
  getCallOptions as callQuery,
  listCallsOptions as callsQuery,
  getMeOptions as meQuery,
  getPublicImpactOptions as publicImpactQuery,
  getPublicSummaryOptions as publicSummaryQuery,
  getApplicationOptions as applicationQuery,
  getApplicationQueryKey as applicationQueryKey,
} from '../api/@tanstack/react-query.gen';
export { downloadApplicationAttachment } from '../api/sdk.gen';
export type {
  AttachmentView,
  CallView,
  PublicImpactRowView as ImpactRowView,
  PublicSummaryView,
  UploadView,
  UserView,
} from '../api/types.gen';
