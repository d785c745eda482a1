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
} from '../api/@tanstack/react-query.gen';
export type { CallView, PublicImpactRowView as ImpactRowView, UserView } from '../api/types.gen';
