import type { Session } from '../api/wire';
import type { ApiTarget } from '../api/endpoints';
import { ApiFailure, isApiFailure } from '../api/api-failure';
import { fetchSession } from '../api/chat-api';
import type { SafeStorage } from '../storage/safe-storage';
import { storageKeys } from '../storage/storage-keys';

export interface SessionChoice {
  appId: string;
  storage: SafeStorage;
  /** Open this conversation (direct=1&chatid). */
  chatId?: string;
  chatIdMalformed?: boolean;
}

/**
 * Which conversation opens at load: the one the link names (its absence is an error), else the one open last time
 * (silently forgotten when the server no longer has it), else none until the first message.
 */
export async function resolveSession(
  { appId, storage, chatId, chatIdMalformed }: SessionChoice,
  target: () => ApiTarget,
  persist: <T>(call: () => Promise<T>) => Promise<T>,
): Promise<Session | undefined> {
  if (chatIdMalformed) throw new ApiFailure('http', 404, 'session_not_found');
  if (chatId) return persist(() => fetchSession(target(), chatId));
  const storedId = storage.get(storageKeys.currentSession(appId));
  if (!storedId) return undefined;
  try {
    return await persist(() => fetchSession(target(), storedId));
  } catch (error) {
    if (!isApiFailure(error) || error.kind !== 'http' || error.status === 400 || error.status === 404 || error.status === 401) {
      storage.remove(storageKeys.currentSession(appId));
      return undefined;
    }
    throw error;
  }
}
