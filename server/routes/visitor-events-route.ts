import { Hono } from 'hono';
import { alreadySent, takeNodeResponse } from '../http/node-response';
import type { AppEnv } from '../http/app-env';
import { callerOf } from '../http/caller';
import { visitorOfApp } from '../http/route-guards';
import { validHeaders } from '../http/validate';
import { streamHeadersSchema } from '../requests/stream-request';
import { followSession } from '../sessions/follow-session';
import { requireOwnedSession } from './route-lookups';

export { MAX_REPLAYED_MESSAGES } from '../sessions/follow-session';

/** Mounted at /api/apps/:appId. */
export const visitorEventsRoute = new Hono<AppEnv>()
  /** GET /sessions/{id}/events: see followSession for what is sent, in which order. */
  .get('/sessions/:sessionId/events', visitorOfApp, validHeaders(streamHeadersSchema), async (c) => {
    const { context, visitor } = c.var;
    const session = await requireOwnedSession(c);
    const lastEventId = c.req.valid('header')['last-event-id'];
    const { incoming, outgoing } = takeNodeResponse(c);
    const owner = { client: (await callerOf(c)).client, visitorId: visitor.id };
    const stream = context.streams.open(owner, incoming, outgoing, context.settings.heartbeatMs);
    followSession(context, session, lastEventId, stream);
    return alreadySent(c);
  });
