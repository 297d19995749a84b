import { Hono } from 'hono';
import type { ReadyEvent } from '../../src/api/wire';
import { alreadySent, takeNodeResponse } from '../http/node-response';
import type { AppEnv } from '../http/app-env';
import { clientKey } from '../http/client-key';
import { visitorOfApp } from '../http/route-guards';
import { validHeaders } from '../http/validate';
import { streamHeadersSchema } from '../requests/stream-request';
import { sessionTopic } from '../sse/event-hub';
import { requireOwnedSession } from './route-lookups';

/** Messages replayed after Last-Event-ID on one connection; a client further behind reads the rest with GET .../messages. */
export const MAX_REPLAYED_MESSAGES = 500;
const REPLAY_PAGE_SIZE = 100;

/** Mounted at /api/apps/:appId. */
export const visitorEventsRoute = new Hono<AppEnv>()
  /**
   * GET /sessions/{id}/events: `ready` first, then up to MAX_REPLAYED_MESSAGES messages after Last-Event-ID, then live
   * events. Backlog and subscription happen in one synchronous step (the database is synchronous), so nothing falls
   * between. `ready.lastSeq` is always the session's real last seq: a client that got less (a capped backlog, or a
   * Last-Event-ID ahead of the session) sees how far behind it is and catches up.
   */
  .get('/sessions/:sessionId/events', visitorOfApp, validHeaders(streamHeadersSchema), async (c) => {
    const { context, visitor } = c.var;
    const session = await requireOwnedSession(context, visitor, c.req.param('sessionId'));
    const lastEventId = c.req.valid('header')['last-event-id'];
    const { incoming, outgoing } = takeNodeResponse(c);

    const owner = { client: clientKey(incoming.socket.remoteAddress), visitorId: visitor.id };
    const stream = context.streams.open(owner, incoming, outgoing, context.settings.heartbeatMs);
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
    if (stream.isOpen) stream.onClose(context.hub.subscribe(sessionTopic(session.id), (event) => stream.send(event)));
    return alreadySent();
  });
