import { clientKey } from '../http/client-key';
import { followSession } from '../sessions/follow-session';
import { readLastEventId } from '../sse/last-event-id';
import { authenticateVisitor } from '../visitors/authenticate-visitor';
import { requireApp, requireOwnedSession } from './route-lookups';
import type { RouteHandler } from './route-types';

export { MAX_REPLAYED_MESSAGES } from '../sessions/follow-session';

/** GET .../sessions/{id}/events: `ready`, the backlog after Last-Event-ID, then live events (see followSession). */
export const streamSessionEvents: RouteHandler = async ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = await authenticateVisitor(context, app.appId, request);
  const session = await requireOwnedSession(context, visitor, params.sessionId);
  const lastEventId = readLastEventId(request);

  const owner = { client: clientKey(request.socket.remoteAddress), visitorId: visitor.id };
  const stream = context.streams.open(owner, request, response, context.settings.heartbeatMs);
  followSession(context, session, lastEventId, stream);
};
