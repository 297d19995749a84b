import { isApiFailure } from '../api/api-failure';
import { RECONNECT_BACKOFF, backoffDelay } from './backoff';
import type { ChatStore } from './chat-store';
import type { WakeableSleep } from './wake-up-sleep';

interface PersistDeps {
  store: ChatStore;
  stop: AbortSignal;
  pause: WakeableSleep;
  random: () => number;
  /** A live stream is being waited for: it, not a call, says when the connection is back. */
  streaming(): boolean;
}

/** Retries a call through transient failures (showing "reconnecting" meanwhile); anything else is rethrown. */
export function createPersist({ store, stop, pause, random, streaming }: PersistDeps) {
  return async function persist<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        const result = await call();
        if (store.get().connection === 'reconnecting' && !streaming()) store.update({ connection: 'online' });
        return result;
      } catch (error) {
        if (stop.aborted || (isApiFailure(error) && !error.transient)) throw error;
        if (store.get().connection === 'online') store.update({ connection: 'reconnecting' });
        const wait = (isApiFailure(error) && error.retryAfterMs) || backoffDelay(attempt, RECONNECT_BACKOFF, random);
        await pause.sleep(wait, stop);
        if (stop.aborted) throw error;
      }
    }
  };
}
