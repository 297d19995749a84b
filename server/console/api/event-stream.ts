// The console's side of the shared event-stream reader (src/api/reconnecting-event-stream.ts): its statuses, its
// backoff, and which errors are fatal.
import { ApiError } from './api-error';
import { backoffDelay } from '../../../src/chat/backoff';
import { CONSOLE_RECONNECT } from './reconnect-policy';
import type { SseEvent } from '../../../src/api/sse-parser';
import { isRetryableStatus } from '../../../src/api/retry-rule';
import { openReconnectingStream } from '../../../src/api/reconnecting-event-stream';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'stopped';

export interface EventStreamOptions {
  open(signal: AbortSignal): Promise<Response>;
  onEvent(event: SseEvent): void;
  onStatus?(status: StreamStatus): void;
  /** After every successful connection; `again` is true for reconnections (time to catch up on what was missed). */
  onConnected?(again: boolean): void;
  /** Reconnect when not even a heartbeat arrived for this long. */
  idleTimeoutMs?: number;
  delay?(attempt: number): number;
}

export const DEFAULT_IDLE_TIMEOUT_MS = 45_000;

/** Client errors will not heal by retrying (bad token, unknown app); timeouts and rate limits will. */
export function isFatalStreamError(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && !isRetryableStatus(error.status);
}

export function connectEventStream(options: EventStreamOptions): { close(): void } {
  const idleTimeoutMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  return openReconnectingStream({
    open: options.open,
    onEvent: options.onEvent,
    isFatal: isFatalStreamError,
    delay: options.delay ?? ((attempt) => backoffDelay(attempt, CONSOLE_RECONNECT)),
    idleTimeoutMs: () => idleTimeoutMs,
    onConnecting: (again) => options.onStatus?.(again ? 'reconnecting' : 'connecting'),
    onConnected: (again) => {
      options.onStatus?.('live');
      options.onConnected?.(again);
    },
    onDropped: () => options.onStatus?.('reconnecting'),
    onStopped: () => options.onStatus?.('stopped'),
  });
}
