// Reads an SSE response through fetch (EventSource cannot send the Authorization header) and keeps it open:
// reconnects with backoff after a drop, an error or a silent connection, until closed or told the error is fatal.
import { ApiError } from './api-error';
import { backoffDelay } from '../../../src/chat/backoff';
import { CONSOLE_RECONNECT } from './reconnect-policy';
import { createSseParser, type SseEvent } from '../../../src/api/sse-parser';
import { isRetryableStatus } from '../../../src/api/retry-rule';

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
  const delay = options.delay ?? ((attempt: number) => backoffDelay(attempt, CONSOLE_RECONNECT));
  let closed = false;
  let current: AbortController | undefined;
  let wake: (() => void) | undefined;

  async function readUntilEnd(response: Response, controller: AbortController, onData: () => void): Promise<void> {
    if (!response.body) throw new Error('The event stream has no body.');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = createSseParser((event) => {
      if (!closed) options.onEvent(event);
    });
    let idle = setTimeout(() => controller.abort(), idleTimeoutMs);
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        onData();
        clearTimeout(idle);
        idle = setTimeout(() => controller.abort(), idleTimeoutMs);
        parser.push(decoder.decode(value, { stream: true }));
      }
    } finally {
      clearTimeout(idle);
      reader.cancel().catch(() => undefined);
    }
  }

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  }

  async function run(): Promise<void> {
    let attempt = 0;
    let connectedBefore = false;
    while (!closed) {
      const controller = new AbortController();
      current = controller;
      options.onStatus?.(connectedBefore ? 'reconnecting' : 'connecting');
      try {
        const response = await options.open(controller.signal);
        if (closed) return;
        options.onStatus?.('live');
        options.onConnected?.(connectedBefore);
        connectedBefore = true;
        // A server that accepts and drops at once must not be hammered: only data proves the link is healthy.
        await readUntilEnd(response, controller, () => {
          attempt = 0;
        });
      } catch (error) {
        if (closed) return;
        if (isFatalStreamError(error)) {
          options.onStatus?.('stopped');
          return;
        }
      }
      if (closed) return;
      options.onStatus?.('reconnecting');
      await pause(delay(attempt++));
    }
  }

  void run();
  return {
    close(): void {
      closed = true;
      current?.abort();
      wake?.();
    },
  };
}
