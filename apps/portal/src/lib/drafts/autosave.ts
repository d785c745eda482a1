/**
 * Nothing typed is lost: every change is written to the browser's storage at once (IndexedDB in the
 * portal), and sent to the server a moment later (debounced). Offline, or when the session has ended, the
 * change stays marked unsent in storage and is sent when the connection (or the reader) comes back; a
 * reload finds it there. The server's answer wins: a problem it reports is kept for the form to show,
 * and the text stays on this device until it is fixed.
 */
export interface DraftStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
  del(key: string): Promise<void>;
}

/** A draft as stored: the value, whether the server has it, and the server's id once it exists. */
export interface StoredDraft<T> {
  value: T;
  /** Set when a change has not reached the server yet. */
  unsent: boolean;
  serverId: string | null;
  /** Who typed it: a draft is never shown to another account on a shared computer. */
  owner: string;
  savedAt: number;
}

/**
 * idle: nothing typed yet; pending: waiting to send; saving: sending; saved: the server has every change;
 * device: kept in this browser, not sendable yet (the form's rules say what is missing); offline: kept in
 * this browser until the connection returns; signedOut: kept until the reader signs in again; rejected: the
 * server refused it (its problem is in `problem`).
 */
export type SaveState =
  'idle' | 'pending' | 'saving' | 'saved' | 'device' | 'offline' | 'signedOut' | 'rejected';

/** What sending did: the server's id of the draft (once created), or `device` when nothing could be sent yet. */
export type SendResult = { serverId: string } | 'device';

export interface AutosaveOptions<T> {
  key: string;
  owner: string;
  store: DraftStore;
  send: (value: T, serverId: string | null) => Promise<SendResult>;
  onState: (state: SaveState, problem?: unknown) => void;
  delayMs?: number;
  retryMs?: number;
}

/** A fetch that never reached the server (offline, DNS, connection reset) throws a TypeError. */
export function isNetworkError(error: unknown): boolean {
  return error instanceof TypeError;
}

function isStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === status;
}

export class Autosaver<T> {
  private version = 0;
  private sentVersion = 0;
  private value: T | undefined;
  private serverId: string | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private sending: Promise<void> | null = null;
  private writing: Promise<void> = Promise.resolve();
  private disposed = false;
  state: SaveState = 'idle';

  constructor(private readonly options: AutosaveOptions<T>) {}

  /** The stored draft of this key and owner, if any (another owner's is ignored). */
  async load(): Promise<StoredDraft<T> | undefined> {
    const stored = await this.options.store.get<StoredDraft<T>>(this.options.key);
    if (!stored || stored.owner !== this.options.owner) return undefined;
    return stored;
  }

  /** Starts from a value (the stored draft's or the server's); an unsent stored draft is sent again. */
  start(value: T, serverId: string | null, unsent: boolean): void {
    this.value = value;
    this.serverId = serverId;
    if (unsent) {
      this.version += 1;
      this.schedule(0);
    } else {
      this.setState('saved');
    }
  }

  get id(): string | null {
    return this.serverId;
  }

  /** A change: stored now, sent after the delay. */
  change(value: T): Promise<void> {
    this.value = value;
    this.version += 1;
    this.setState('pending');
    const write = this.write(true);
    this.schedule(this.options.delayMs ?? 1500);
    return write;
  }

  /** Sends what is unsent now (the connection returned, the reader signed in again, the page is hidden). */
  flush(): Promise<void> {
    if (this.disposed) return Promise.resolve();
    if (this.version === this.sentVersion) return this.sending ?? Promise.resolve();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    return this.send();
  }

  /** Waits until the stored copy holds every change (tests, and before leaving the page). */
  stored(): Promise<void> {
    return this.writing;
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** Forgets the stored draft (after the application was submitted). */
  async forget(): Promise<void> {
    this.dispose();
    await this.options.store.del(this.options.key);
  }

  private write(unsent: boolean): Promise<void> {
    const record: StoredDraft<T> = {
      value: this.value as T,
      unsent,
      serverId: this.serverId,
      owner: this.options.owner,
      savedAt: Date.now(),
    };
    // Writes go one after another, so an older copy never lands after a newer one.
    this.writing = this.writing
      .then(() => this.options.store.set(this.options.key, record))
      .catch(() => undefined);
    return this.writing;
  }

  private schedule(delay: number): void {
    if (this.disposed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.send();
    }, delay);
  }

  private async send(): Promise<void> {
    if (this.disposed) return;
    if (this.sending) {
      // One request at a time: the change is sent when the one under way has answered.
      await this.sending;
      if (this.version !== this.sentVersion) this.schedule(0);
      return;
    }
    const version = this.version;
    const value = this.value as T;
    this.setState('saving');
    this.sending = (async () => {
      try {
        const result = await this.options.send(value, this.serverId);
        if (result === 'device') {
          this.sentVersion = version;
          this.setState('device');
          return;
        }
        this.serverId = result.serverId;
        this.sentVersion = version;
        if (version === this.version) {
          await this.write(false);
          this.setState('saved');
        } else {
          await this.write(true);
        }
      } catch (error) {
        if (isNetworkError(error)) {
          this.setState('offline');
          this.schedule(this.options.retryMs ?? 5000);
        } else if (isStatus(error, 401)) {
          this.setState('signedOut');
        } else {
          // The server refused this version: it stays on this device; the next change is sent again.
          this.sentVersion = version;
          this.setState('rejected', error);
        }
      } finally {
        this.sending = null;
      }
    })();
    await this.sending;
    if (
      !this.disposed &&
      this.version !== this.sentVersion &&
      this.state !== 'offline' &&
      this.state !== 'signedOut'
    )
      this.schedule(0);
  }

  private setState(state: SaveState, problem?: unknown): void {
    this.state = state;
    if (!this.disposed) this.options.onState(state, problem);
  }
}

/** A store in memory: for tests, and where the browser refuses IndexedDB (then a reload loses the draft). */
export function memoryStore(): DraftStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async <T>(key: string) => structuredClone(data.get(key)) as T | undefined,
    set: async (key, value) => {
      data.set(key, structuredClone(value));
    },
    del: async (key) => {
      data.delete(key);
    },
  };
}
