import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { SaveState, SendResult } from '../../lib/drafts/autosave';
import { useDraft } from '../../lib/drafts/use-draft';
import {
  type BankInput,
  partnerProfileQueryKey,
  type ProfileView,
  updatePartnerProfile,
  type UpdatePartnerProfileDto,
} from './partners-queries';
import { formFromProfile, type ProfileForm, profilePayload, sameBank } from './profile-form';

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
  const sent = useRef<Sent>(sentOf(profilePayload(formFromProfile(server)).body));
  const sentBank = useRef<BankInput | null>(server.pendingBank ?? server.bank);

  const send = async (value: ProfileForm): Promise<SendResult> => {
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
  };

  const { form, state, problem, change, flush } = useDraft<ProfileForm>({
    key: `partner-profile:${organizationId}`,
    owner,
    // The profile always exists on the server: its id is the organization's.
    serverId: organizationId,
    initial: () => formFromProfile(server),
    send,
  });
  const pending = form ? profilePayload(form).pending : [];
  return { form, state, problem, pending, change, flush };
}
