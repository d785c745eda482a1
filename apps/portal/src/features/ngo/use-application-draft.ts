import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { SaveState, SendResult } from '../../lib/drafts/autosave';
import { useDraft } from '../../lib/drafts/use-draft';
import { type ApplicationView, createApplication, updateApplication } from '../../lib/queries';
import { listApplications } from '../../api/sdk.gen';
import {
  type ApplicationForm,
  type CallLimits,
  emptyForm,
  formFromApplication,
  payloadOf,
} from './application-form';
import { problemSlug } from './ngo-problems';

export interface DraftState {
  form: ApplicationForm | null;
  applicationId: string | null;
  state: SaveState;
  problem: unknown;
  change: (form: ApplicationForm) => void;
  flush: () => Promise<void>;
  forget: () => Promise<void>;
}

/**
 * The application draft of one call: the stored copy (IndexedDB) when it holds unsent changes, else the
 * server's draft, else an empty form; every change stored at once and sent within 1.5 s.
 */
export function useApplicationDraft(
  call: CallLimits & { id: string },
  exponent: number,
  owner: string,
  existing: ApplicationView | undefined,
): DraftState {
  const queryClient = useQueryClient();
  const [applicationId, setApplicationId] = useState<string | null>(existing?.id ?? null);

  const send = async (value: ApplicationForm, serverId: string | null): Promise<SendResult> => {
    const { complete, partial, pending } = payloadOf(value, call, exponent);
    let id = serverId;
    if (!id) {
      if (!complete) return 'device';
      try {
        const { data } = await createApplication({
          path: { id: call.id },
          body: complete,
          throwOnError: true,
        });
        id = data.id;
        setApplicationId(id);
        void queryClient.invalidateQueries({ queryKey: [{ _id: 'listApplications' }] });
        return { serverId: id };
      } catch (error) {
        // Created by a request whose answer was lost (or on another device): carry on with that draft.
        if (problemSlug(error) !== 'duplicate-application') throw error;
        const { data } = await listApplications({ query: { callId: call.id }, throwOnError: true });
        const draft = data.items.find((a) => a.status === 'draft');
        if (!draft) throw error;
        id = draft.id;
        setApplicationId(id);
      }
    }
    if (Object.keys(partial).length > 0) {
      await updateApplication({ path: { id }, body: partial, throwOnError: true });
    }
    return pending.length > 0 ? 'device' : { serverId: id };
  };

  // `existing` is read only at the start: the server's draft, unless this browser holds unsent changes.
  const serverDraft = existing?.status === 'draft' ? existing : undefined;
  const draft = useDraft<ApplicationForm>({
    key: `application:${call.id}`,
    owner,
    serverId: serverDraft?.id ?? null,
    initial: (stored) => {
      if (serverDraft) return formFromApplication(serverDraft, exponent);
      // No application on the server: the copy this browser kept, else an empty form.
      return stored && !existing ? stored.value : emptyForm();
    },
    send,
    onServerId: setApplicationId,
  });
  return { ...draft, applicationId };
}
