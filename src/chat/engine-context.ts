import type { ApiTarget } from '../api/endpoints';
import type { ChatStore } from './chat-store';
import type { WakeableSleep } from './wake-up-sleep';

/** What every part of the engine shares: the state, the stop signal, one wakeable pause, and the API target. */
export interface EngineContext {
  store: ChatStore;
  stop: AbortSignal;
  pause: WakeableSleep;
  random: () => number;
  target(): ApiTarget;
  /** Retries transient failures for as long as they last; anything else is the caller's to handle. */
  persist<T>(call: () => Promise<T>): Promise<T>;
}
