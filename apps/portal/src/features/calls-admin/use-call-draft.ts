import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createCall, updateCall } from '../../api/sdk.gen';
import type { CallView } from '../../api/types.gen';
import { onTokenChange } from '../../lib/auth';
import { Autosaver, type SaveState, type SendResult } from '../../lib/drafts/autosave';
import { idbDraftStore } from '../../lib/drafts/idb-store';
import { type CallForm, callPayload, emptyCallForm, formFromCall } from './call-form';

const store = idbDraftStore();

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
  const [form, setForm] = useState<CallForm | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState<unknown>(null);
  const [callId, setCallId] = useState<string | null>(existing?.id ?? null);
  const saver = useRef<Autosaver<CallForm> | null>(null);
  const key = `call:${existing?.id ?? `new:${fundId}`}`;

  const send = useCallback(
    async (value: CallForm, serverId: string | null): Promise<SendResult> => {
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
    },
    [fundId, exponent, queryClient],
  );

  useEffect(() => {
    let alive = true;
    const autosaver = new Autosaver<CallForm>({
      key,
      owner,
      store,
      send,
      onState: (next, p) => {
        setState(next);
        setProblem(next === 'rejected' ? p : null);
        if (autosaver.id) setCallId(autosaver.id);
      },
    });
    saver.current = autosaver;
    void autosaver.load().then((stored) => {
      if (!alive) return;
      if (stored?.unsent) {
        setForm(stored.value);
        if (stored.serverId) setCallId(stored.serverId);
        autosaver.start(stored.value, stored.serverId ?? existing?.id ?? null, true);
      } else {
        const value = existing ? formFromCall(existing, exponent, timeZone) : emptyCallForm(timeZone);
        setForm(value);
        autosaver.start(value, existing?.id ?? null, false);
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
    // Set up once per call (or new call of a fund) and account.
  }, [key, owner]);

  const change = useCallback((next: CallForm) => {
    setForm(next);
    void saver.current?.change(next);
  }, []);
  const flush = useCallback(async () => {
    await saver.current?.stored();
    await saver.current?.flush();
  }, []);
  return { form, state, problem, callId, change, flush };
}
