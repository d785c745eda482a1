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

  useEffect(() => {
    if (!owner) return;
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
      const start = stored?.value ?? initialRef.current;
      setValue(start);
      autosaver.start(start, null, false);
      if (stored) setState('device');
    });
    return () => {
      alive = false;
      autosaver.dispose();
    };
  }, [key, owner, round]);

  const change = useCallback((next: T) => {
    setValue(next);
    void saver.current?.change(next);
  }, []);
  const forget = useCallback(async () => {
    await saver.current?.forget();
    setValue(initialRef.current);
    setState('idle');
    setRound((r) => r + 1);
  }, []);
  return { value, change, forget, state };
}
