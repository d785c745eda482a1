import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Autosaver, memoryStore, type SaveState, type SendResult } from './autosave';

type Form = { title: string };

function setup(send: (value: Form, id: string | null) => Promise<SendResult>, owner = 'u1') {
  const store = memoryStore();
  const states: SaveState[] = [];
  const problems: unknown[] = [];
  const saver = new Autosaver<Form>({
    key: 'draft:c1',
    owner,
    store,
    send,
    onState: (s, p) => {
      states.push(s);
      if (p) problems.push(p);
    },
    delayMs: 1000,
    retryMs: 3000,
  });
  return { store, states, problems, saver };
}

describe('the autosaver', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('stores every change at once and sends only the last one after the delay', async () => {
    const send = vi.fn(async () => ({ serverId: 'a1' }));
    const { store, states, saver } = setup(send);
    saver.start({ title: '' }, null, false);
    await saver.change({ title: 'S' });
    await saver.change({ title: 'Shelter' });
    expect(store.data.get('draft:c1')).toMatchObject({ value: { title: 'Shelter' }, unsent: true });
    expect(send).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith({ title: 'Shelter' }, null);
    expect(states.at(-1)).toBe('saved');
    expect(store.data.get('draft:c1')).toMatchObject({ unsent: false, serverId: 'a1' });
    expect(saver.id).toBe('a1');
  });

  it('keeps an offline change on the device and sends it when the connection returns', async () => {
    let online = false;
    const send = vi.fn(async (value: Form) => {
      if (!online) throw new TypeError('Failed to fetch');
      return { serverId: `a-${value.title}` };
    });
    const { store, states, saver } = setup(send);
    saver.start({ title: '' }, 'a0', false);
    await saver.change({ title: 'typed offline' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('offline');
    expect(store.data.get('draft:c1')).toMatchObject({ value: { title: 'typed offline' }, unsent: true });
    online = true;
    await saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('saved');
    expect(store.data.get('draft:c1')).toMatchObject({ unsent: false });
  });

  it('retries on its own while offline, without a connection event', async () => {
    let online = false;
    const send = vi.fn(async () => {
      if (!online) throw new TypeError('offline');
      return { serverId: 'a1' };
    });
    const { states, saver } = setup(send);
    saver.start({ title: '' }, null, false);
    await saver.change({ title: 'x' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('offline');
    online = true;
    await vi.advanceTimersByTimeAsync(3000);
    expect(states.at(-1)).toBe('saved');
  });

  it('sends an unsent stored draft again when the page starts (a reload, a closed tab)', async () => {
    const send = vi.fn(async () => ({ serverId: 'a1' }));
    const { store, saver } = setup(send);
    await store.set('draft:c1', {
      value: { title: 'before reload' },
      unsent: true,
      serverId: 'a1',
      owner: 'u1',
      savedAt: 1,
    });
    const stored = await saver.load();
    expect(stored?.value).toEqual({ title: 'before reload' });
    saver.start(stored!.value, stored!.serverId, stored!.unsent);
    await vi.advanceTimersByTimeAsync(0);
    expect(send).toHaveBeenCalledWith({ title: 'before reload' }, 'a1');
  });

  it("never hands another account's draft to this one", async () => {
    const { store, saver } = setup(async () => ({ serverId: 'x' }), 'u2');
    await store.set('draft:c1', {
      value: { title: 'secret' },
      unsent: true,
      serverId: null,
      owner: 'u1',
      savedAt: 1,
    });
    expect(await saver.load()).toBeUndefined();
  });

  it('keeps the text when the session has ended, and sends it after signing in again', async () => {
    let signedIn = false;
    const send = vi.fn(async () => {
      if (!signedIn) throw { type: 'https://tfg/problems/unauthorized', status: 401 };
      return { serverId: 'a1' };
    });
    const { store, states, saver } = setup(send);
    saver.start({ title: '' }, 'a1', false);
    await saver.change({ title: 'after expiry' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('signedOut');
    expect(store.data.get('draft:c1')).toMatchObject({ value: { title: 'after expiry' }, unsent: true });
    signedIn = true;
    await saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(states.at(-1)).toBe('saved');
  });

  it('reports a refusal by the server and keeps the text on the device', async () => {
    const problem = {
      type: 'x/problems/outside-call',
      status: 422,
      errors: [{ field: 'budget', messages: ['m'] }],
    };
    const { store, states, problems, saver } = setup(async () => {
      throw problem;
    });
    saver.start({ title: '' }, 'a1', false);
    await saver.change({ title: 'too big' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('rejected');
    expect(problems).toEqual([problem]);
    expect(store.data.get('draft:c1')).toMatchObject({ value: { title: 'too big' }, unsent: true });
  });

  it('sends a change made while a request is under way once that request has answered', async () => {
    let release: () => void = () => undefined;
    const seen: string[] = [];
    const send = vi.fn(async (value: Form) => {
      seen.push(value.title);
      if (seen.length === 1) await new Promise<void>((r) => (release = r));
      return { serverId: 'a1' };
    });
    const { store, states, saver } = setup(send);
    saver.start({ title: '' }, null, false);
    await saver.change({ title: 'first' });
    await vi.advanceTimersByTimeAsync(1000);
    await saver.change({ title: 'second' });
    await vi.advanceTimersByTimeAsync(1000);
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(seen).toEqual(['first', 'second']);
    expect(states.at(-1)).toBe('saved');
    expect(store.data.get('draft:c1')).toMatchObject({ value: { title: 'second' }, unsent: false });
  });

  it('says the draft is kept on the device while it cannot be sent yet', async () => {
    const { states, saver } = setup(async () => 'device');
    saver.start({ title: '' }, null, false);
    await saver.change({ title: 'incomplete' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(states.at(-1)).toBe('device');
  });
});
