import { createStore, del, get, set } from 'idb-keyval';
import { type DraftStore, memoryStore } from './autosave';

/** Drafts in IndexedDB (database `tfg-drafts`), or in memory where the browser refuses IndexedDB. */
export function idbDraftStore(): DraftStore {
  let store: ReturnType<typeof createStore>;
  try {
    store = createStore('tfg-drafts', 'drafts');
  } catch {
    return memoryStore();
  }
  return {
    get: (key) => get(key, store),
    set: (key, value) => set(key, value, store),
    del: (key) => del(key, store),
  };
}
