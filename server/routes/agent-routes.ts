import type {
  AgentAppsResponse,
  AgentSessionDetailResponse,
  AgentSessionListResponse,
} from '../agent-wire';
import type { MessageResponse, SessionResponse } from '../../src/api/wire';
import { authenticateAgent } from '../auth/authenticate-agent';
import { toWireSession } from '../db/session-queries';
import { ApiError } from '../http/api-error';
import { readJsonBody } from '../http/read-json-body';
import { sendJson, sendNoContent } from '../http/send-json';
import { appendMessage, type MessageDraft } from '../messages/append-message';
import { readMessagePage } from '../messages/read-message-page';
import { parseAgentSendRequest, parseStatusFilter, parseTypingRequest } from '../requests/agent-request';
import { parseEmptyRequest } from '../requests/empty-request';
import { parsePageQuery } from '../requests/message-request';
import { agentSessionSummary, agentVisitorDetail } from '../sessions/agent-views';
import { closeSession } from '../sessions/close-session';
import { publishTyping } from '../sessions/session-events';
import { requireApp, requireSessionInApp } from './route-lookups';
import type { RouteHandler } from './route-types';

const MAX_LISTED_SESSIONS = 200;

/** GET /api/agent/apps */
export const listAgentApps: RouteHandler = ({ context, request, response }) => {
  authenticateAgent(context, request);
  const body: AgentAppsResponse = {
    apps: [...context.apps.values()].map((app) => ({ appId: app.appId, name: app.name, locales: app.locales })),
  };
  sendJson(response, 200, body);
};

/** GET /api/agent/apps/{appId}/sessions?status=open|closed|all → newest activity first. */
export const listAgentSessions: RouteHandler = ({ context, request, response, params, query }) => {
  authenticateAgent(context, request);
  const app = requireApp(context, params.appId);
  const sessions = context.sessions.listByActivity(app.appId, parseStatusFilter(query), MAX_LISTED_SESSIONS);
  const body: AgentSessionListResponse = { sessions: sessions.map((session) => agentSessionSummary(context, session)) };
  sendJson(response, 200, body);
};

/** GET /api/agent/apps/{appId}/sessions/{id}: the session with the visitor's identity, claims and variables. */
export const getAgentSession: RouteHandler = ({ context, request, response, params }) => {
  authenticateAgent(context, request);
  const session = requireSessionInApp(context, requireApp(context, params.appId), params.sessionId);
  const body: AgentSessionDetailResponse = {
    session: agentSessionSummary(context, session),
    visitor: agentVisitorDetail(context.visitors.findById(session.visitorId)!),
  };
  sendJson(response, 200, body);
};

/** GET /api/agent/apps/{appId}/sessions/{id}/messages: the same paging as for visitors. */
export const listAgentMessages: RouteHandler = ({ context, request, response, params, query }) => {
  authenticateAgent(context, request);
  const session = requireSessionInApp(context, requireApp(context, params.appId), params.sessionId);
  sendJson(response, 200, readMessagePage(context, session.id, parsePageQuery(query)));
};

/** POST /api/agent/apps/{appId}/sessions/{id}/messages: text or link card → 201 (200 on an idempotent repeat). */
export const sendAgentMessage: RouteHandler = async ({ context, request, response, params }) => {
  authenticateAgent(context, request);
  const session = requireSessionInApp(context, requireApp(context, params.appId), params.sessionId);
  const send = parseAgentSendRequest(await readJsonBody(request));
  const author = send.authorName ? { role: 'agent' as const, name: send.authorName } : { role: 'agent' as const };
  const draft: MessageDraft =
    send.kind === 'text'
      ? { clientId: send.clientId, author, kind: 'text', text: send.text }
      : { clientId: send.clientId, author, kind: 'link', link: send.link };
  const { message, created } = appendMessage(context, session, draft);
  const body: MessageResponse = { message };
  sendJson(response, created ? 201 : 200, body);
};

/** POST /api/agent/apps/{appId}/sessions/{id}/typing {typing, authorName?} → 204 */
export const sendAgentTyping: RouteHandler = async ({ context, request, response, params }) => {
  authenticateAgent(context, request);
  const session = requireSessionInApp(context, requireApp(context, params.appId), params.sessionId);
  const { typing, authorName } = parseTypingRequest(await readJsonBody(request));
  if (session.status === 'closed') throw new ApiError(409, 'session_closed', 'The session is closed');
  publishTyping(context, session.id, authorName ? { role: 'agent', name: authorName, typing } : { role: 'agent', typing });
  sendNoContent(response);
};

/** POST /api/agent/apps/{appId}/sessions/{id}/close → 200 with the closed session (also when already closed). */
export const closeAgentSession: RouteHandler = async ({ context, request, response, params }) => {
  authenticateAgent(context, request);
  const session = requireSessionInApp(context, requireApp(context, params.appId), params.sessionId);
  parseEmptyRequest(await readJsonBody(request));
  const current = context.sessions.findInApp(session.appId, session.id)!;
  const body: SessionResponse = { session: toWireSession(closeSession(context, current)) };
  sendJson(response, 200, body);
};

/** POST /api/agent/debug/drop-streams → 204 (registered only with DIRECT_CHAT_FAULT_INJECTION=1). */
export const dropAllStreams: RouteHandler = ({ context, request, response }) => {
  authenticateAgent(context, request);
  context.streams.closeAll();
  sendNoContent(response);
};
