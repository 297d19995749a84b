import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError } from '../http/api-error';
import { SseStream } from './sse-stream';

/** Whom a stream counts against: the client address key, and for visitor streams the visitor. */
export interface StreamOwner {
  client: string;
  visitorId?: string;
}

export interface StreamLimits {
  /** Open streams per client address; one more is refused with 429. */
  perClient: number;
  /** Open streams per visitor; one more drops that visitor's oldest (a tab left open, a dead connection). */
  perVisitor: number;
}

export const MAX_STREAMS_PER_VISITOR = 5;
const RETRY_AFTER_SECONDS = 10;

/** Every open stream, counted per owner, so the caps hold and shutdown or fault injection can end them all. */
export class StreamRegistry {
  private readonly streams = new Set<SseStream>();
  private readonly byClient = new Map<string, Set<SseStream>>();
  private readonly byVisitor = new Map<string, Set<SseStream>>();

  constructor(private readonly limits: StreamLimits) {}

  /** Starts an event stream for this owner, or throws 429 rate_limited (before anything is sent). */
  open(owner: StreamOwner, request: IncomingMessage, response: ServerResponse, heartbeatMs: number): SseStream {
    if ((this.byClient.get(owner.client)?.size ?? 0) >= this.limits.perClient) {
      throw new ApiError(429, 'rate_limited', 'Too many open event streams from this address', {
        'Retry-After': String(RETRY_AFTER_SECONDS),
      });
    }
    const visitorStreams = owner.visitorId === undefined ? undefined : this.byVisitor.get(owner.visitorId);
    // Sets iterate in insertion order: the first one is the oldest. Destroyed, not ended: it may be a dead connection.
    while (visitorStreams && visitorStreams.size >= this.limits.perVisitor) {
      visitorStreams.values().next().value!.destroy();
    }

    const stream = new SseStream(request, response, heartbeatMs);
    this.streams.add(stream);
    stream.onClose(() => this.streams.delete(stream));
    track(this.byClient, owner.client, stream);
    if (owner.visitorId !== undefined) track(this.byVisitor, owner.visitorId, stream);
    return stream;
  }

  get size(): number {
    return this.streams.size;
  }

  /** Ends every stream cleanly; clients reconnect (the fault-injection endpoint). */
  closeAll(): void {
    for (const stream of [...this.streams]) stream.close();
  }

  /** Drops every stream's connection at once (shutdown: an ended stream would keep its socket busy a while). */
  destroyAll(): void {
    for (const stream of [...this.streams]) stream.destroy();
  }
}

function track(index: Map<string, Set<SseStream>>, key: string, stream: SseStream): void {
  let streams = index.get(key);
  if (!streams) index.set(key, (streams = new Set()));
  streams.add(stream);
  stream.onClose(() => {
    streams.delete(stream);
    if (streams.size === 0) index.delete(key);
  });
}
