import type { ReadyEvent } from '../../src/api/wire';
import { sessionTopic } from '../sse/event-hub';
import { readLastEventId } from '../sse/last-event-id';
import { SseStream } from '../sse/sse-stream';
import { authenticateVisitor } from '../visitors/authenticate-visitor';
import { requireApp, requireOwnedSession } from './route-lookups';
import type { RouteHandler } from './route-types';

/**
 * GET .../sessions/{id}/events: `ready` first, then the messages after Last-Event-ID, then live events.
 * Backlog and subscription happen in one synchronous step (the database is synchronous), so nothing falls between.
 * A Last-Event-ID ahead of the session gets no backlog; the client sees the real lastSeq in `ready` and catches up.
 */
export const streamSessionEvents: RouteHandler = ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = authenticateVisitor(context, app.appId, request);
  const session = requireOwnedSession(context, visitor, params.sessionId);
  const lastEventId = readLastEventId(request);

  const stream = new SseStream(request, response, context.settings.heartbeatMs);
  context.streams.add(stream);
  const ready: ReadyEvent = { lastSeq: session.lastSeq, heartbeatMs: context.settings.heartbeatMs };
  stream.send({ event: 'ready', data: ready });
  if (lastEventId !== undefined && lastEventId < session.lastSeq) {
    for (const message of context.messages.iterateAfter(session.id, lastEventId)) {
      stream.send({ event: 'message', id: message.seq, data: message });
    }
  }
  if (!stream.isOpen) return;
  stream.onClose(context.hub.subscribe(sessionTopic(session.id), (event) => stream.send(event)));
};
