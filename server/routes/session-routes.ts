import { Hono } from 'hono';
import type { SessionListResponse, SessionResponse } from '../../src/api/wire';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { visitorOfApp } from '../http/route-guards';
import { startLinkedSession } from '../links/chat-links';
import { startSessionSchema } from '../requests/link-request';
import { startSession } from '../sessions/start-session';
import { toWireSession } from '../sessions/wire-session';
import { requireOwnedSession } from './route-lookups';

const MAX_LISTED_SESSIONS = 100;

/** Mounted at /api/apps/:appId. */
export const sessionRoutes = new Hono<AppEnv>()
  /** GET /sessions: this visitor's sessions and its verified customer's, newest first. */
  .get('/sessions', visitorOfApp, async (c) => {
    const { context, app, visitor } = c.var;
    const owner = { visitorId: visitor.id, customerId: visitor.customerId };
    const sessions = await context.store.sessions.listOwned(app.appId, owner, MAX_LISTED_SESSIONS);
    const body: SessionListResponse = { sessions: sessions.map(toWireSession) };
    return json(c, 200, body);
  })
  /**
   * POST /sessions, body `{}` or empty → 201 new, or 200 with the visitor's open session that has no message yet.
   * `{link: slug}`: from a chat link (404 link_not_found unless active, 403 link_limit_reached at the limit).
   */
  .post('/sessions', visitorOfApp, jsonBody(startSessionSchema), async (c) => {
    const { context, app, visitor } = c.var;
    const { link } = c.req.valid('json');
    const { session, created } = link ? await startLinkedSession(context, app, visitor, link) : await startSession(context, visitor);
    const body: SessionResponse = { session: toWireSession(session) };
    return json(c, created ? 201 : 200, body);
  })
  /** GET /sessions/{id}: only for its owner, else 404 session_not_found. */
  .get('/sessions/:sessionId', visitorOfApp, async (c) => {
    const session = await requireOwnedSession(c);
    const body: SessionResponse = { session: toWireSession(session) };
    return json(c, 200, body);
  });
