// A server-sent events source for msw handlers: every request gets its own stream; the test pushes events to
// all open connections or drops them to exercise reconnection.
export interface SseChannel {
  respond(request: Request): Response;
  send(event: string, data: unknown, id?: string): void;
  comment(text: string): void;
  /** Ends every open connection as a server restart would. */
  drop(): void;
  /** Drops every connection and forgets the count, between tests. */
  reset(): void;
  readonly connections: number;
  readonly opened: number;
}

export function createSseChannel(): SseChannel {
  const encoder = new TextEncoder();
  const open = new Set<ReadableStreamDefaultController<Uint8Array>>();
  let opened = 0;

  function write(text: string): void {
    for (const controller of open) controller.enqueue(encoder.encode(text));
  }

  return {
    respond(request) {
      opened++;
      let mine: ReadableStreamDefaultController<Uint8Array>;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          mine = controller;
          open.add(controller);
          controller.enqueue(encoder.encode(': connected\n\n'));
          request.signal.addEventListener('abort', () => {
            open.delete(controller);
            try {
              controller.close();
            } catch {
              // already closed
            }
          });
        },
        cancel() {
          open.delete(mine);
        },
      });
      return new Response(body, { headers: { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' } });
    },
    send(event, data, id) {
      write(`event: ${event}\n${id ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    },
    comment(text) {
      write(`: ${text}\n\n`);
    },
    drop() {
      for (const controller of open) controller.close();
      open.clear();
    },
    reset() {
      this.drop();
      opened = 0;
    },
    get connections() {
      return open.size;
    },
    get opened() {
      return opened;
    },
  };
}
