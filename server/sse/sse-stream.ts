import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SseEvent } from './sse-event';

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

  send(event: SseEvent): void {
    if (this.closed) return;
    const id = event.id === undefined ? '' : `id: ${event.id}\n`;
    this.write(`${id}event: ${event.event}\ndata: ${JSON.stringify(event.data)}\n\n`);
  }

  onClose(handler: () => void): void {
    if (this.closed) handler();
    else this.closeHandlers.push(handler);
  }

  /** Ends the response cleanly: the client sees the stream end and reconnects. */
  close(): void {
    this.finish(() => {
      if (!this.response.writableEnded && !this.response.destroyed) this.response.end();
    });
  }

  /** Drops the connection at once, with whatever it still buffers (a stalled client would otherwise keep it). */
  destroy(): void {
    this.finish(() => this.response.destroy());
  }

  private finish(endResponse: () => void): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.heartbeat);
    endResponse();
    for (const handler of this.closeHandlers.splice(0)) handler();
  }

  private write(chunk: string): void {
    if (this.closed) return;
    if (this.response.writableLength > MAX_BUFFERED_BYTES) {
      this.destroy();
      return;
    }
    this.response.write(chunk);
  }
}
