import { useCallback, useEffect, useRef, useState } from 'react';
import { onTokenChange } from '../auth';
import { Autosaver, type SaveState, type SendResult, type StoredDraft } from './autosave';
import { idbDraftStore } from './idb-store';

const store = idbDraftStore();

export interface DraftOptions<T> {
  /** The stored copy's key in this browser's drafts (one a form: `call:<id>`, `application:<call>`). */
  key: string;
  /** The account typing: another account's stored copy is never shown. */
  owner: string;
  /** The server's id of what is edited when the page starts (null: nothing on the server yet). */
  serverId: string | null;
  /** The form to start from when the stored copy holds nothing unsent (the server's, else an empty one). */
  initial: (stored: StoredDraft<T> | undefined) => T;
  /** Sends a value (see Autosaver): the server's id once it has it, or `device` while it cannot be sent. */
  send: (value: T, serverId: string | null) => Promise<SendResult>;
  /** Told the server's id whenever it is known (a resumed draft's, and after each answer). */
  onServerId?: (id: string) => void;
}

/** Where a draft starts, and with which id: what `resumeDraft` decided. */
export interface DraftStart<T> {
  value: T;
  serverId: string | null;
  /** The stored copy holds changes the server has not had: start them as unsent, so they are sent again. */
  resumed: boolean;
}

/**
 * Reads the stored copy and decides where the draft starts: a copy holding unsent changes (a reload, a
 * closed tab, a lost connection, an ended session) is resumed, with its server id or else the given one;
 * otherwise the draft starts from `initial`. `autosaver.start(value, serverId, resumed)` then starts it.
 */
export async function resumeDraft<T>(
  autosaver: Autosaver<T>,
  options: Pick<DraftOptions<T>, 'serverId' | 'initial'>,
): Promise<DraftStart<T>> {
  const stored = await autosaver.load();
  if (stored?.unsent) {
    return { value: stored.value, serverId: stored.serverId ?? options.serverId, resumed: true };
  }
  return { value: options.initial(stored), serverId: options.serverId, resumed: false };
}

/**
 * Sends what is unsent as soon as it can go: when the connection returns, when the page is hidden (the tab
 * closed or left), and when the reader signs in again. Returns the function that stops listening.
 */
function flushWhenPossible<T>(autosaver: Autosaver<T>): () => void {
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
    window.removeEventListener('online', flush);
    document.removeEventListener('visibilitychange', hidden);
    offToken();
  };
}

/**
 * A form kept as a draft (lib/drafts/autosave): every change stored in this browser (IndexedDB) at once and
 * sent a moment later; offline, or after the session ended, it stays stored and is sent when it can go; a
 * reload resumes it. `state` is what the save status announces, `problem` the server's refusal.
 *
 * Set up once per key and account: the options are read when it is set up (the server's form only at the
 * start), so a feature's send and initial form are those of that render.
 */
export function useDraft<T>(options: DraftOptions<T>) {
  const { key, owner } = options;
  const [form, setForm] = useState<T | null>(null);
  const [state, setState] = useState<SaveState>('idle');
  const [problem, setProblem] = useState<unknown>(null);
  const saver = useRef<Autosaver<T> | null>(null);

  useEffect(() => {
    let alive = true;
    const { send, onServerId } = options;
    const autosaver = new Autosaver<T>({
      key,
      owner,
      store,
      send,
      onState: (next, p) => {
        setState(next);
        setProblem(next === 'rejected' ? p : null);
        if (autosaver.id) onServerId?.(autosaver.id);
      },
    });
    saver.current = autosaver;
    void resumeDraft(autosaver, options).then((start) => {
      if (!alive) return;
      setForm(start.value);
      if (start.resumed && start.serverId) onServerId?.(start.serverId);
      autosaver.start(start.value, start.serverId, start.resumed);
      // Nothing to announce until the reader types.
      if (!start.resumed) setState('idle');
    });
    const stop = flushWhenPossible(autosaver);
    return () => {
      alive = false;
      stop();
      autosaver.dispose();
    };
    // Set up once per key and account; the options are those of the render that set it up.
  }, [key, owner]);

  const change = useCallback((next: T) => {
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
  return { form, state, problem, change, flush, forget };
}
