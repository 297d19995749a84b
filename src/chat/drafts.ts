import type { SafeStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';

/** The unsent text in the composer, kept per app across reloads. */
export function createDrafts(storage: SafeStorage, appId: string) {
  const key = storageKeys.draft(appId);
  return {
    save(text: string): void {
      if (text) storage.set(key, text);
      else storage.remove(key);
    },
    load(): string {
      return storage.get(key) ?? '';
    },
  };
}
