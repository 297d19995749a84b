import type { ApiRequest } from './api-request';
import { send } from './http-client';
import { ApiFailure } from './api-failure';
import { createSseParser, type SseEvent } from './sse-parser';

export interface StreamHandlers {
  onEvent(event: SseEvent): void;
  /** Any bytes at all, heartbeats included: proof the connection is alive. */
  onActivity(): void;
}

/**
 * Reads an event stream with fetch, so the token travels in a header (EventSource cannot send one).
 * Resolves when the server ends the stream; rejects with ApiFailure when it cannot be opened or breaks.
 */
export async function readEventStream(request: ApiRequest, handlers: StreamHandlers, signal: AbortSignal): Promise<void> {
  const response = await send(request, { signal });
  if (!response.body) throw new ApiFailure('protocol', response.status);
  const parser = createSseParser(handlers.onEvent);
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  // Not every fetch (polyfills, interceptors) errors a body when its signal aborts: cancel the read ourselves.
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', cancel);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      handlers.onActivity();
      parser.push(value);
    }
  } catch (error) {
    if (signal.aborted) throw error;
    throw new ApiFailure('network');
  } finally {
    signal.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}
