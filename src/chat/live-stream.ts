import type { StreamEvent } from '../api/wire';
import type { ApiRequest } from '../api/endpoints';
import { isApiFailure, type ApiFailure } from '../api/api-failure';
import { readEventStream } from '../api/event-stream';
import { parseStreamEvent } from '../api/stream-events';
import { RECONNECT_BACKOFF, backoffDelay } from './backoff';
import type { createWakeableSleep } from './wake-up-sleep';

export interface LiveStreamHooks {
  /** Built for every connection, so it resumes from what the page holds by then. */
  request(): ApiRequest;
  onEvent(event: StreamEvent): void;
  /** The server said `ready`: the connection is up. */
  onOpened(): void;
  /** A connection could not be made; another try follows. */
  onInterrupted(): void;
  /** The server refused the stream for good (401, 404): the stream has stopped. */
  onRefused(failure: ApiFailure): void;
}

const DEFAULT_HEARTBEAT_MS = 15_000;

/** One conversation's event stream, kept open: reconnects with backoff, and at once when asked. */
export class LiveStream {
  private readonly stopped = new AbortController();
  private connection: AbortController | null = null;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  heartbeatMs = DEFAULT_HEARTBEAT_MS;
  lastActivity = Date.now();

  constructor(
    private readonly hooks: LiveStreamHooks,
    private readonly pause: ReturnType<typeof createWakeableSleep>,
    private readonly random: () => number,
  ) {}

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped.abort();
    clearTimeout(this.watchdog);
  }

  /** Drops the current connection (if any) and connects again without waiting out a backoff. */
  reconnectNow(): void {
    this.connection?.abort();
  }

  private async run(): Promise<void> {
    const stopped = this.stopped.signal;
    for (let attempt = 0; !stopped.aborted; ) {
      const connection = new AbortController();
      this.connection = connection;
      const abort = () => connection.abort();
      stopped.addEventListener('abort', abort);
      this.armWatchdog(connection);
      let opened = false;
      try {
        await readEventStream(
          this.hooks.request(),
          {
            onActivity: () => this.armWatchdog(connection),
            onEvent: (raw) => {
              const event = parseStreamEvent(raw);
              if (!event) return;
              if (event.type === 'ready') {
                opened = true;
                attempt = 0;
                this.heartbeatMs = event.data.heartbeatMs;
                this.hooks.onOpened();
              }
              this.hooks.onEvent(event);
            },
          },
          connection.signal,
        );
      } catch (error) {
        if (isApiFailure(error) && error.kind === 'http' && !error.transient && !stopped.aborted) {
          this.stop();
          this.hooks.onRefused(error);
          return;
        }
      } finally {
        stopped.removeEventListener('abort', abort);
        clearTimeout(this.watchdog);
      }
      if (stopped.aborted) return;
      if (!opened) this.hooks.onInterrupted();
      // Asked to reconnect before the connection ever opened: go again at once.
      if (connection.signal.aborted && !opened) continue;
      await this.pause.sleep(backoffDelay(attempt++, RECONNECT_BACKOFF, this.random), stopped);
    }
  }

  private armWatchdog(connection: AbortController): void {
    this.lastActivity = Date.now();
    clearTimeout(this.watchdog);
    // iOS can drop a stream without closing it: silence past two heartbeats means it is gone.
    this.watchdog = setTimeout(() => connection.abort(), this.heartbeatMs * 2 + 2_000);
  }
}
