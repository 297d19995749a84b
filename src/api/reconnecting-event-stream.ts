// The one reader of server-sent events for the page and the agent console. It reads with fetch, so a token can
// travel in a header (EventSource cannot send one), and keeps the stream open: it reconnects with backoff after a
// drop, an error or a silent connection, at once when asked, and stops for good on a failure that will not heal.
import { createSseParser, type SseEvent } from './sse-parser';

export interface ReconnectingStreamOptions {
  /** Opens one connection: resolves the successful response, rejects when it cannot be had (see `isFatal`). */
  open(signal: AbortSignal): Promise<Response>;
  onEvent(event: SseEvent): void;
  /** A failure that trying again will not heal (a refused token, an unknown conversation): the stream stops. */
  isFatal(error: unknown): boolean;
  /** How long to wait before the attempt-th retry (0 first); data on a connection starts the count again. */
  delay(attempt: number): number;
  /** Silence (not even a heartbeat) longer than this drops the connection; asked again at every byte. */
  idleTimeoutMs(): number;
  /** Waits out a delay; the page's wakeable sleep lets "back online" cut it short. A plain timer by default. */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  /** A connection is about to be opened; `again` once one has been made before. */
  onConnecting?(again: boolean): void;
  onConnected?(again: boolean): void;
  /** Any bytes at all, heartbeats included: proof the connection is alive. */
  onActivity?(): void;
  /** A connection ended or could not be made; a retry follows. */
  onDropped?(): void;
  /** Stopped for good: `isFatal` said so of this failure. */
  onStopped?(error: unknown): void;
}

export interface ReconnectingStream {
  close(): void;
  /** Drops the current connection (or the wait for the next) and connects again without waiting out a backoff. */
  reconnectNow(): void;
}

function timerSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

async function readUntilEnd(response: Response, signal: AbortSignal, onChunk: (text: string) => void): Promise<void> {
  if (!response.body) throw new TypeError('the event stream has no body');
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  // Not every fetch (polyfills, interceptors) errors a body when its signal aborts: cancel the read ourselves.
  const cancel = () => void reader.cancel().catch(() => undefined);
  if (signal.aborted) cancel();
  signal.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      onChunk(decoder.decode(value, { stream: true }));
    }
  } finally {
    signal.removeEventListener('abort', cancel);
    cancel();
  }
}

export function openReconnectingStream(options: ReconnectingStreamOptions): ReconnectingStream {
  const stopped = new AbortController();
  const sleep = options.sleep ?? timerSleep;
  let connection: AbortController | undefined;
  let waiting: AbortController | undefined;
  let goAgainAtOnce = false;

  async function run(): Promise<void> {
    let attempt = 0;
    let connectedBefore = false;
    while (!stopped.signal.aborted) {
      const current = new AbortController();
      connection = current;
      goAgainAtOnce = false;
      let watchdog: ReturnType<typeof setTimeout> | undefined;
      const arm = () => {
        clearTimeout(watchdog);
        watchdog = setTimeout(() => current.abort(), options.idleTimeoutMs());
      };
      options.onConnecting?.(connectedBefore);
      arm();
      try {
        const response = await options.open(current.signal);
        if (stopped.signal.aborted) {
          void response.body?.cancel().catch(() => undefined);
          return;
        }
        options.onConnected?.(connectedBefore);
        connectedBefore = true;
        const parser = createSseParser((event) => stopped.signal.aborted || options.onEvent(event));
        await readUntilEnd(response, current.signal, (text) => {
          // A server that accepts and drops at once must not be hammered: only data proves the link is healthy.
          attempt = 0;
          arm();
          options.onActivity?.();
          parser.push(text);
        });
      } catch (error) {
        if (stopped.signal.aborted) return;
        if (!current.signal.aborted && options.isFatal(error)) {
          stopped.abort();
          options.onStopped?.(error);
          return;
        }
      } finally {
        clearTimeout(watchdog);
      }
      if (stopped.signal.aborted) return;
      options.onDropped?.();
      if (goAgainAtOnce) continue;
      waiting = new AbortController();
      await sleep(options.delay(attempt++), waiting.signal);
    }
  }

  void run();
  return {
    close() {
      stopped.abort();
      connection?.abort();
      waiting?.abort();
    },
    reconnectNow() {
      goAgainAtOnce = true;
      connection?.abort();
      waiting?.abort();
    },
  };
}
