/**
 * Key/value storage that never throws. Blocked storage (Safari third-party iframes, sandboxed frames, private
 * modes, a full quota) degrades to memory for this visit; `persistent` tells whether writes outlive a reload.
 */
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  readonly persistent: boolean;
}

export function createSafeStorage(openBacking: () => Storage | null | undefined): SafeStorage {
  const memory = new Map<string, string>();
  let backing: Storage | null = null;
  try {
    backing = openBacking() ?? null;
    if (backing) {
      const probe = '__direct_chat_probe__';
      backing.setItem(probe, probe);
      backing.removeItem(probe);
    }
  } catch {
    backing = null;
  }

  const storage = {
    persistent: backing !== null,
    get(key: string): string | null {
      if (memory.has(key)) return memory.get(key) ?? null;
      try {
        return backing?.getItem(key) ?? null;
      } catch {
        return null;
      }
    },
    set(key: string, value: string): void {
      try {
        if (!backing) throw new Error('no storage');
        backing.setItem(key, value);
        memory.delete(key);
      } catch {
        memory.set(key, value);
        storage.persistent = false;
      }
    },
    remove(key: string): void {
      memory.delete(key);
      try {
        backing?.removeItem(key);
      } catch {
        // Nothing to undo: the memory copy is gone, which is what a reader sees.
      }
    },
  };
  return storage;
}

/** The browser's localStorage, reached lazily: merely touching window.localStorage can throw. */
export function createBrowserStorage(): SafeStorage {
  return createSafeStorage(() => window.localStorage);
}
