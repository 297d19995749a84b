import type { StreamEvent } from '../api/wire';
import type { ApiRequest } from '../api/api-request';
import { isApiFailure, type ApiFailure } from '../api/api-failure';
import { send } from '../api/http-client';
import { openReconnectingStream, type ReconnectingStream } from '../api/reconnecting-event-stream';
import { parseStreamEvent } from '../api/stream-events';
import { RECONNECT_BACKOFF, backoffDelay } from './backoff';
import type { WakeableSleep } from './wake-up-sleep';

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

/** One conversation's event stream, kept open by the shared reader; what `ready` and the heartbeat mean here. */
export class LiveStream {
  private stream: ReconnectingStream | undefined;
  heartbeatMs = DEFAULT_HEARTBEAT_MS;
  lastActivity = Date.now();

  constructor(
    private readonly hooks: LiveStreamHooks,
    private readonly pause: WakeableSleep,
    private readonly random: () => number,
  ) {}

  start(): void {
    let opened = false;
    this.stream = openReconnectingStream({
      open: (signal) => send(this.hooks.request(), { signal }),
      onConnecting: () => {
        opened = false;
        this.lastActivity = Date.now();
      },
      onActivity: () => (this.lastActivity = Date.now()),
      onEvent: (raw) => {
        const event = parseStreamEvent(raw);
        if (!event) return;
        if (event.type === 'ready') {
          opened = true;
          this.heartbeatMs = event.data.heartbeatMs;
          this.hooks.onOpened();
        }
        this.hooks.onEvent(event);
      },
      onDropped: () => {
        if (!opened) this.hooks.onInterrupted();
      },
      isFatal: (error) => isApiFailure(error) && error.kind === 'http' && !error.transient,
      onStopped: (error) => this.hooks.onRefused(error as ApiFailure),
      // iOS can drop a stream without closing it: silence past two heartbeats means it is gone.
      idleTimeoutMs: () => this.heartbeatMs * 2 + 2_000,
      delay: (attempt) => backoffDelay(attempt, RECONNECT_BACKOFF, this.random),
      sleep: (ms, signal) => this.pause.sleep(ms, signal),
    });
  }

  stop(): void {
    this.stream?.close();
  }

  /** Drops the current connection (if any) and connects again without waiting out a backoff. */
  reconnectNow(): void {
    this.stream?.reconnectNow();
  }
}
