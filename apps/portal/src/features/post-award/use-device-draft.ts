import { useCallback, useEffect, useRef, useState } from 'react';
import { Autosaver, type SaveState } from '../../lib/drafts/autosave';
import { idbDraftStore } from '../../lib/drafts/idb-store';

const store = idbDraftStore();

/**
 * A form kept in this browser as it is typed (the drafts' store, as the NGO's forms are), for requests the
 * API takes only whole: the amendment request, the findings of a check. Nothing is sent until the form is
 * submitted; a reload or a lost connection finds the text again, and a successful submission forgets it.
 */
export function useDeviceDraft<T>(key: string, owner: string | undefined, initial: T) {
  const [value, setValue] = useState<T>(initial);
  const [state, setState] = useState<SaveState>('idle');
  const saver = useRef<Autosaver<T> | null>(null);
  const initialRef = useRef(initial);
  const [round, setRound] = useState(0);
  const typed = useRef<T | null>(null);

  useEffect(() => {
    if (!owner) return;
    typed.current = null;
    let alive = true;
    const autosaver = new Autosaver<T>({
      key,
      owner,
      store,
      send: async () => 'device',
      onState: (next) => setState(next),
    });
    saver.current = autosaver;
    void autosaver.load().then((stored) => {
      if (!alive) return;
      // What was typed while the store was read wins over the stored copy.
      const start = typed.current ?? stored?.value ?? initialRef.current;
      setValue(start);
      autosaver.start(start, null, false);
      if (typed.current) void autosaver.change(typed.current);
      else if (stored) setState('device');
    });
    return () => {
      alive = false;
      autosaver.dispose();
    };
  }, [key, owner, round]);

  const change = useCallback((next: T) => {
    typed.current = next;
    setValue(next);
    void saver.current?.change(next);
  }, []);
  const forget = useCallback(async () => {
    await saver.current?.forget();
    typed.current = null;
    setValue(initialRef.current);
    setState('idle');
    setRound((r) => r + 1);
  }, []);
  return { value, change, forget, state };
}
