import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Autosaver, type SaveState, type SendResult } from '../../lib/drafts/autosave';
import { idbDraftStore } from '../../lib/drafts/idb-store';
import { onTokenChange } from '../../lib/auth';
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

const store = idbDraftStore();

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
  const [form, setForm] = useState<ApplicationForm | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState<unknown>(null);
  const [applicationId, setApplicationId] = useState<string | null>(existing?.id ?? null);
  const saver = useRef<Autosaver<ApplicationForm> | null>(null);

  const send = useCallback(
    async (value: ApplicationForm, serverId: string | null): Promise<SendResult> => {
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
    },
    [call, exponent, queryClient],
  );

  useEffect(() => {
    let alive = true;
    const autosaver = new Autosaver<ApplicationForm>({
      key: `application:${call.id}`,
      owner,
      store,
      send,
      onState: (next, p) => {
        setState(next);
        setProblem(next === 'rejected' ? p : null);
        if (autosaver.id) setApplicationId(autosaver.id);
      },
    });
    saver.current = autosaver;
    void autosaver.load().then((stored) => {
      if (!alive) return;
      const serverDraft = existing?.status === 'draft' ? existing : undefined;
      if (stored?.unsent) {
        setForm(stored.value);
        autosaver.start(stored.value, stored.serverId ?? serverDraft?.id ?? null, true);
      } else if (serverDraft) {
        const value = formFromApplication(serverDraft, exponent);
        setForm(value);
        autosaver.start(value, serverDraft.id, false);
        setState('idle');
      } else {
        const value = stored && !existing ? stored.value : emptyForm();
        setForm(value);
        autosaver.start(value, null, false);
        setState('idle');
      }
    });
    const flush = () => void autosaver.flush();
    const hidden = () => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('online', flush);
    document.addEventListener('visibilitychange', hidden);
    const offToken = onTokenChange((token) => {
      if (token) flush();
    });
    return () => {
      alive = false;
      window.removeEventListener('online', flush);
      document.removeEventListener('visibilitychange', hidden);
      offToken();
      autosaver.dispose();
    };
    // The draft is set up once per call and account; `existing` is read only at the start.
  }, [call.id, owner]);

  const change = useCallback((next: ApplicationForm) => {
    setForm(next);
    void saver.current?.change(next);
  }, []);
  const flush = useCallback(async () => {
    await saver.current?.stored();
    await saver.current?.flush();
  }, []);
  const forget = useCallback(async () => {
    await saver.current?.forget();
  }, []);
  return { form, applicationId, state, problem, change, flush, forget };
}
