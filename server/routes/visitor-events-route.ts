import type { ReadyEvent } from '../../src/api/wire';
import { clientKey } from '../http/client-key';
import { sessionTopic } from '../sse/event-hub';
import { readLastEventId } from '../sse/last-event-id';
import { authenticateVisitor } from '../visitors/authenticate-visitor';
import { requireApp, requireOwnedSession } from './route-lookups';
import type { RouteHandler } from './route-types';

/** Messages replayed after Last-Event-ID on one connection; a client further behind reads the rest with GET .../messages. */
export const MAX_REPLAYED_MESSAGES = 500;
const REPLAY_PAGE_SIZE = 100;

/**
 * GET .../sessions/{id}/events: `ready` first, then up to MAX_REPLAYED_MESSAGES messages after Last-Event-ID, then live
 * events. Backlog and subscription happen in one synchronous step (the database is synchronous), so nothing falls
 * between. `ready.lastSeq` is always the session's real last seq: a client that got less (a capped backlog, or a
 * Last-Event-ID ahead of the session) sees how far behind it is and catches up.
 */
export const streamSessionEvents: RouteHandler = ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = authenticateVisitor(context, app.appId, request);
  const session = requireOwnedSession(context, visitor, params.sessionId);
  const lastEventId = readLastEventId(request);

  const owner = { client: clientKey(request.socket.remoteAddress), visitorId: visitor.id };
  const stream = context.streams.open(owner, request, response, context.settings.heartbeatMs);
  const ready: ReadyEvent = { lastSeq: session.lastSeq, heartbeatMs: context.settings.heartbeatMs };
  stream.send({ event: 'ready', data: ready });
  if (lastEventId !== undefined && lastEventId < session.lastSeq) {
    let replayed = 0;
    for (const message of context.messages.iterateAfter(session.id, lastEventId, REPLAY_PAGE_SIZE)) {
      if (!stream.isOpen) break;
      stream.send({ event: 'message', id: message.seq, data: message });
      if (++replayed === MAX_REPLAYED_MESSAGES) break;
    }
  }
  if (!stream.isOpen) return;
  stream.onClose(context.hub.subscribe(sessionTopic(session.id), (event) => stream.send(event)));
};
