import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { createCall, updateCall } from '../../api/sdk.gen';
import type { CallView } from '../../api/types.gen';
import type { SendResult } from '../../lib/drafts/autosave';
import { useDraft } from '../../lib/drafts/use-draft';
import { type CallForm, callPayload, emptyCallForm, formFromCall } from './call-form';

/**
 * A draft call's form, kept like the NGO's application form (lib/drafts): every change stored in this
 * browser at once and sent a moment later, a new call created once it has a title. `existing` is the
 * server's call when editing one; a new call's stored draft is resumed only while it holds unsent changes.
 */
export function useCallDraft(
  fundId: string,
  existing: CallView | undefined,
  exponent: number,
  owner: string,
  timeZone: string,
) {
  const queryClient = useQueryClient();
  const [callId, setCallId] = useState<string | null>(existing?.id ?? null);

  const send = async (value: CallForm, serverId: string | null): Promise<SendResult> => {
    const body = callPayload(value, exponent);
    if (!body) return 'device';
    let id = serverId;
    if (!id) {
      const { data } = await createCall({ body: { fundId, ...body }, throwOnError: true });
      id = data.id;
      setCallId(id);
    } else {
      await updateCall({ path: { id }, body, throwOnError: true });
    }
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'listCalls' }] });
    void queryClient.invalidateQueries({ queryKey: [{ _id: 'getCall' }] });
    return { serverId: id };
  };

  const { form, state, problem, change, flush } = useDraft<CallForm>({
    key: `call:${existing?.id ?? `new:${fundId}`}`,
    owner,
    serverId: existing?.id ?? null,
    initial: () => (existing ? formFromCall(existing, exponent, timeZone) : emptyCallForm(timeZone)),
    send,
    onServerId: setCallId,
  });
  return { form, state, problem, callId, change, flush };
}
