import { useQuery, useQueryClient } from '@tanstack/react-query';
import { getGrantPostAwardOptions } from '../../api/@tanstack/react-query.gen';
import { useAccessToken } from '../../lib/session';

/**
 * The post-award operations the pages use (ADR 0012), under one roof: when operationIds change, this is the
 * file to touch. Everything the routes answer is one PostAwardView, so every change refreshes that view and
 * the grant itself (its tranches and signed flag follow the agreement).
 */
export {
  acceptGrantOfferMutation,
  approveGrantAmendmentMutation,
  closeGrantActionPointMutation,
  closeGrantMutation,
  completeGrantAssuranceMutation,
  declineGrantOfferMutation,
  listTeamMembersOptions,
  planGrantAssuranceMutation,
  receiveGrantRefundMutation,
  rejectGrantAmendmentMutation,
  requestGrantAmendmentMutation,
  signGrantAgreementAsGranteeMutation,
  signGrantMutation,
  withdrawGrantOfferMutation,
} from '../../api/@tanstack/react-query.gen';
export type {
  ActivityView,
  AmendmentView,
  OpenItemView,
  PostAwardView,
  ScheduleEntryView,
} from '../../api/types.gen';

export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type AgreementLanguage = (typeof LANGUAGES)[number];

/** The API path of the grant's agreement PDF (the current version), for DownloadButton. */
export const agreementUrl = (grantId: string) => `/api/grants/${grantId}/agreement`;

export function usePostAward(grantId: string) {
  const token = useAccessToken();
  return useQuery({ ...getGrantPostAwardOptions({ path: { id: grantId } }), enabled: Boolean(token) });
}

/** After any post-award write: the view, the grant and the grants list read again. */
export function usePostAwardChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'getGrantPostAward' }] });
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'getGrant' }] });
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'listGrants' }] });
  };
}
