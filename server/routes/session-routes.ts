import { Hono } from 'hono';
import type { SessionListResponse, SessionResponse } from '../../src/api/wire';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { visitorOfApp } from '../http/route-guards';
import { emptyBodySchema } from '../requests/message-request';
import { createSession } from '../sessions/create-session';
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
  /** POST /sessions, body `{}` or empty → 201. */
  .post('/sessions', visitorOfApp, jsonBody(emptyBodySchema), async (c) => {
    const body: SessionResponse = { session: toWireSession(await createSession(c.var.context, c.var.visitor)) };
    return json(c, 201, body);
  })
  /** GET /sessions/{id}: only for its owner, else 404 session_not_found. */
  .get('/sessions/:sessionId', visitorOfApp, async (c) => {
    const session = await requireOwnedSession(c.var.context, c.var.visitor, c.req.param('sessionId'));
    const body: SessionResponse = { session: toWireSession(session) };
    return json(c, 200, body);
  });
