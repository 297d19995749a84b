import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HubEvent } from './event-hub';

export const RECONNECT_DELAY_MS = 2000;
// A client this far behind is dropped; it reconnects and resumes from its Last-Event-ID.
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** One open text/event-stream response, with heartbeats, that closes itself when the client goes away. */
export class SseStream {
  private readonly heartbeat: NodeJS.Timeout;
  private readonly closeHandlers: (() => void)[] = [];
  private closed = false;

  constructor(
    request: IncomingMessage,
    private readonly response: ServerResponse,
    heartbeatMs: number,
  ) {
    response.statusCode = 200;
    response.setHeader('Content-Type', 'text/event-stream; charset=utf-8');
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Connection', 'keep-alive');
    response.setHeader('X-Accel-Buffering', 'no');
    response.flushHeaders();
    request.socket.setNoDelay(true);
    request.socket.setTimeout(0);
    this.write(`retry: ${RECONNECT_DELAY_MS}\n\n`);
    this.heartbeat = setInterval(() => this.write(': heartbeat\n\n'), heartbeatMs);
    response.on('close', () => this.close());
  }

  get isOpen(): boolean {
    return !this.closed;
  }

  send(event: HubEvent): void {
    const id = event.id === undefined ? '' : `id: ${event.id}\n`;
    this.write(`${id}event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
  }

  onClose(handler: () => void): void {
    if (this.closed) handler();
    else this.closeHandlers.push(handler);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    if (!this.response.writableEnded) this.response.end();
    for (const handler of this.closeHandlers.splice(0)) handler();
  }

  private write(chunk: string): void {
    if (this.closed) return;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.close();
      return;
    }
    this.response.write(chunk);
  }
}

/** Every open stream, so shutdown and the fault-injection endpoint can close them all. */
export class StreamRegistry {
  private readonly streams = new Set<SseStream>();

  add(stream: SseStream): void {
    this.streams.add(stream);
    stream.onClose(() => this.streams.delete(stream));
  }

  get size(): number {
    return this.streams.size;
  }

  closeAll(): void {
    for (const stream of [...this.streams]) stream.close();
  }
}
