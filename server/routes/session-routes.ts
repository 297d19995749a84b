import type { SessionListResponse, SessionResponse } from '../../src/api/wire';
import { toWireSession } from '../db/session-queries';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import { parseCreateSessionRequest } from '../requests/create-session-request';
import { startLinkedSession } from '../links/link-service';
import { createSession } from '../sessions/create-session';
import { authenticateVisitor } from '../visitors/authenticate-visitor';
import { requireApp, requireOwnedSession } from './route-lookups';
import type { RouteHandler } from './route-types';

const MAX_LISTED_SESSIONS = 100;

/** GET /api/apps/{appId}/sessions: this visitor's sessions and its verified customer's, newest first. */
export const listVisitorSessions: RouteHandler = ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = authenticateVisitor(context, app.appId, request);
  const owner = { visitorId: visitor.id, customerId: visitor.customerId };
  const body: SessionListResponse = {
    sessions: context.sessions.listOwned(app.appId, owner, MAX_LISTED_SESSIONS).map(toWireSession),
  };
  sendJson(response, 200, body);
};

/** POST /api/apps/{appId}/sessions, body `{}`, empty, or `{link: slug}` (a chat link: state and limit apply) → 201. */
export const startSession: RouteHandler = async ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = authenticateVisitor(context, app.appId, request);
  const { link } = parseCreateSessionRequest(await readJsonBody(request));
  const session = link ? startLinkedSession(context, app, visitor, link) : createSession(context, visitor);
  const body: SessionResponse = { session: toWireSession(session) };
  sendJson(response, 201, body);
};

/** GET /api/apps/{appId}/sessions/{id}: only for its owner, else 404 session_not_found. */
export const getVisitorSession: RouteHandler = ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = authenticateVisitor(context, app.appId, request);
  const body: SessionResponse = { session: toWireSession(requireOwnedSession(context, visitor, params.sessionId)) };
  sendJson(response, 200, body);
};
