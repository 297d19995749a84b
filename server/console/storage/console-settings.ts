// What the console remembers. The token lives for the tab only (sessionStorage); the display name and the
// last app are conveniences kept longer.
import { createSafeStorage, type SafeStorage } from '../../../src/storage/safe-storage';

function setting(storage: SafeStorage, key: string) {
  return {
    read: (): string | null => storage.get(key),
    save: (value: string): void => storage.set(key, value),
    clear: (): void => storage.remove(key),
  };
}

const tabStorage = createSafeStorage(() => window.sessionStorage);
const deviceStorage = createSafeStorage(() => window.localStorage);

export const agentTokenSetting = setting(tabStorage, 'direct-chat-console:token');
export const agentNameSetting = setting(deviceStorage, 'direct-chat-console:agent-name');
export const chosenAppSetting = setting(tabStorage, 'direct-chat-console:app');
