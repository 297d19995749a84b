import type { SessionListResponse, SessionResponse } from '../../src/api/wire';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import { parseEmptyRequest } from '../requests/empty-request';
import { createSession } from '../sessions/create-session';
import { toWireSession } from '../sessions/wire-session';
import { authenticateVisitor } from '../visitors/authenticate-visitor';
import { requireApp, requireOwnedSession } from './route-lookups';
import type { RouteHandler } from './route-types';

const MAX_LISTED_SESSIONS = 100;

/** GET /api/apps/{appId}/sessions: this visitor's sessions and its verified customer's, newest first. */
export const listVisitorSessions: RouteHandler = async ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = await authenticateVisitor(context, app.appId, request);
  const owner = { visitorId: visitor.id, customerId: visitor.customerId };
  const body: SessionListResponse = {
    sessions: (await context.store.sessions.listOwned(app.appId, owner, MAX_LISTED_SESSIONS)).map(toWireSession),
  };
  sendJson(response, 200, body);
};

/** POST /api/apps/{appId}/sessions, body `{}` or empty → 201. */
export const startSession: RouteHandler = async ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = await authenticateVisitor(context, app.appId, request);
  parseEmptyRequest(await readJsonBody(request));
  const body: SessionResponse = { session: toWireSession(await createSession(context, visitor)) };
  sendJson(response, 201, body);
};

/** GET /api/apps/{appId}/sessions/{id}: only for its owner, else 404 session_not_found. */
export const getVisitorSession: RouteHandler = async ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = await authenticateVisitor(context, app.appId, request);
  const body: SessionResponse = { session: toWireSession(await requireOwnedSession(context, visitor, params.sessionId)) };
  sendJson(response, 200, body);
};
