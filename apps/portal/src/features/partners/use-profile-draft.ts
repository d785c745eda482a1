import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { onTokenChange } from '../../lib/auth';
import { Autosaver, type SaveState, type SendResult } from '../../lib/drafts/autosave';
import { idbDraftStore } from '../../lib/drafts/idb-store';
import {
  type BankInput,
  partnerProfileQueryKey,
  type ProfileView,
  updatePartnerProfile,
  type UpdatePartnerProfileDto,
} from './partners-queries';
import { formFromProfile, type ProfileForm, profilePayload, sameBank } from './profile-form';

const store = idbDraftStore();

export interface ProfileDraft {
  form: ProfileForm | null;
  state: SaveState;
  problem: unknown;
  /** Parts started but not whole yet. */
  pending: string[];
  change: (form: ProfileForm) => void;
  flush: () => Promise<void>;
}

type Sent = Record<string, string>;

const sentOf = (body: UpdatePartnerProfileDto): Sent =>
  Object.fromEntries(Object.entries(body).map(([k, v]) => [k, JSON.stringify(v)]));

/**
 * The organization's profile as the wizard edits it: the stored copy (IndexedDB) when it holds unsent
 * changes, else the server's; every change stored at once and sent within 1.5 s. Only the parts that changed
 * since the last answer are sent, and the bank account on its own (its check digits refuse only it; a
 * change after verification is held for a fund manager, so the same account is never sent twice).
 */
export function useProfileDraft(organizationId: string, owner: string, server: ProfileView): ProfileDraft {
  const queryClient = useQueryClient();
  const [form, setForm] = useState<ProfileForm | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState<unknown>(null);
  const saver = useRef<Autosaver<ProfileForm> | null>(null);
  const sent = useRef<Sent>(sentOf(profilePayload(formFromProfile(server)).body));
  const sentBank = useRef<BankInput | null>(server.pendingBank ?? server.bank);

  const send = useCallback(
    async (value: ProfileForm): Promise<SendResult> => {
      const { body, bank, pending } = profilePayload(value);
      const now = sentOf(body);
      const changed = Object.keys(now).filter((k) => now[k] !== sent.current[k]);
      const path = { organizationId };
      if (changed.length > 0) {
        const part = Object.fromEntries(changed.map((k) => [k, body[k as keyof UpdatePartnerProfileDto]]));
        const { data } = await updatePartnerProfile({ path, body: part, throwOnError: true });
        for (const k of changed) sent.current[k] = now[k];
        queryClient.setQueryData(partnerProfileQueryKey({ path }), data);
      }
      if (bank && !sameBank(bank, sentBank.current)) {
        const { data } = await updatePartnerProfile({ path, body: { bank }, throwOnError: true });
        sentBank.current = bank;
        queryClient.setQueryData(partnerProfileQueryKey({ path }), data);
      }
      return pending.length > 0 ? 'device' : { serverId: organizationId };
    },
    [organizationId, queryClient],
  );

  useEffect(() => {
    let alive = true;
    const autosaver = new Autosaver<ProfileForm>({
      key: `partner-profile:${organizationId}`,
      owner,
      store,
      send,
      onState: (next, p) => {
        setState(next);
        setProblem(next === 'rejected' ? p : null);
      },
    });
    saver.current = autosaver;
    void autosaver.load().then((stored) => {
      if (!alive) return;
      if (stored?.unsent) {
        setForm(stored.value);
        autosaver.start(stored.value, organizationId, true);
      } else {
        const value = formFromProfile(server);
        setForm(value);
        autosaver.start(value, organizationId, false);
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
    // Set up once per organization and account; `server` is read only at the start.
  }, [organizationId, owner]);

  const change = useCallback((next: ProfileForm) => {
    setForm(next);
    void saver.current?.change(next);
  }, []);
  const flush = useCallback(async () => {
    await saver.current?.stored();
    await saver.current?.flush();
  }, []);
  const pending = form ? profilePayload(form).pending : [];
  return { form, state, problem, pending, change, flush };
}
