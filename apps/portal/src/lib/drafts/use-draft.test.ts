import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, memoryStore, type SaveState, type SendResult, type StoredDraft } from './autosave';
import { resumeDraft } from './use-draft';

// Where useDraft starts a draft (the decision its effect makes, then autosaver.start), with the real
// Autosaver and a store in memory. The hook's listeners (online, page hidden, signed in again) need a browser:
// the browser journeys cover them (ngo-journey, manager-fund, partners-journey).

type Form = { title: string };
const KEY = 'call:c1';

function saver(
  store: ReturnType<typeof memoryStore>,
  send: (value: Form, id: string | null) => Promise<SendResult>,
  owner = 'u1',
) {
  const states: SaveState[] = [];
  const autosaver = new Autosaver<Form>({
    key: KEY,
    owner,
    store,
    send,
    onState: (s) => states.push(s),
    delayMs: 1000,
  });
  return { autosaver, states };
}

describe('resumeDraft (useDraft)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('after a reload, resumes what was typed but not sent and sends it again under its server id', async () => {
    const store = memoryStore();
    const offline = vi.fn(async (): Promise<SendResult> => {
      throw new TypeError('Failed to fetch');
    });
    const before = saver(store, offline);
    before.autosaver.start({ title: '' }, 'c1', false);
    await before.autosaver.change({ title: 'typed before the reload' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(before.states.at(-1)).toBe('offline');
    before.autosaver.dispose();

    const send = vi.fn(async (): Promise<SendResult> => ({ serverId: 'c1' }));
    const after = saver(store, send);
    const initial = vi.fn(() => ({ title: 'from the server' }));
    const start = await resumeDraft(after.autosaver, { serverId: null, initial });
    expect(start).toEqual({ value: { title: 'typed before the reload' }, serverId: 'c1', resumed: true });
    expect(initial).not.toHaveBeenCalled();
    after.autosaver.start(start.value, start.serverId, start.resumed);
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledWith({ title: 'typed before the reload' }, 'c1');
    expect(after.states.at(-1)).toBe('saved');
    expect(store.data.get(KEY)).toMatchObject({ unsent: false, serverId: 'c1' });
  });

  it('gives a resumed copy that never reached the server the id the page knows', async () => {
    const store = memoryStore();
    const stored: StoredDraft<Form> = {
      value: { title: 'kept on this device' },
      unsent: true,
      serverId: null,
      owner: 'u1',
      savedAt: 1,
    };
    await store.set(KEY, stored);
    const { autosaver } = saver(store, async () => ({ serverId: 'c9' }));
    const start = await resumeDraft(autosaver, { serverId: 'c9', initial: () => ({ title: '' }) });
    expect(start).toEqual({ value: { title: 'kept on this device' }, serverId: 'c9', resumed: true });
  });

  it("starts from the server's form when the stored copy was sent, and sends nothing", async () => {
    const store = memoryStore();
    const stored: StoredDraft<Form> = {
      value: { title: 'sent' },
      unsent: false,
      serverId: 'c1',
      owner: 'u1',
      savedAt: 1,
    };
    await store.set(KEY, stored);
    const send = vi.fn(async (): Promise<SendResult> => ({ serverId: 'c1' }));
    const { autosaver, states } = saver(store, send);
    const initial = vi.fn((s: StoredDraft<Form> | undefined) => ({
      title: s ? 'server, knowing the copy' : 'x',
    }));
    const start = await resumeDraft(autosaver, { serverId: 'c1', initial });
    expect(initial).toHaveBeenCalledWith(stored);
    expect(start).toEqual({ value: { title: 'server, knowing the copy' }, serverId: 'c1', resumed: false });
    autosaver.start(start.value, start.serverId, start.resumed);
    await vi.advanceTimersByTimeAsync(5000);
    expect(send).not.toHaveBeenCalled();
    expect(states).toEqual(['saved']);
  });

  it("never resumes another account's unsent copy on a shared computer", async () => {
    const store = memoryStore();
    await store.set(KEY, {
      value: { title: 'secret' },
      unsent: true,
      serverId: 'c1',
      owner: 'u1',
      savedAt: 1,
    });
    const { autosaver } = saver(store, async () => ({ serverId: 'c1' }), 'u2');
    const initial = vi.fn(() => ({ title: '' }));
    const start = await resumeDraft(autosaver, { serverId: null, initial });
    expect(initial).toHaveBeenCalledWith(undefined);
    expect(start).toEqual({ value: { title: '' }, serverId: null, resumed: false });
  });
});
