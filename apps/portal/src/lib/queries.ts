/**
 * The generated operations the portal uses, under the portal's own names: when the API's operationIds
 * change, this is the one file to touch. Never hand-written URLs: everything goes through src/api.
 */
export {
  authControllerLoginMutation as loginMutation,
  callsControllerGetOptions as callQuery,
  callsControllerListOptions as callsQuery,
  meControllerMeOptions as meQuery,
  publicImpactControllerImpactOptions as publicImpactQuery,
} from '../api/@tanstack/react-query.gen';
export type { CallView, ImpactRowView, UserView } from '../api/types.gen';
