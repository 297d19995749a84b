// Web Storage that never throws (private mode, disabled cookies, quota): falls back to memory for this tab.
export interface SafeStorage {
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
}

export function createSafeStorage(getStorage: () => Storage): SafeStorage {
  const memory = new Map<string, string>();
  let broken = false;

  function attempt<T>(use: (storage: Storage) => T): T | undefined {
    if (broken) return undefined;
    try {
      return use(getStorage());
    } catch {
      broken = true;
      return undefined;
    }
  }

  return {
    get(key) {
      const stored = attempt((s) => s.getItem(key));
      return broken ? (memory.get(key) ?? null) : (stored ?? null);
    },
    set(key, value) {
      memory.set(key, value);
      attempt((s) => s.setItem(key, value));
    },
    remove(key) {
      memory.delete(key);
      attempt((s) => s.removeItem(key));
    },
  };
}
