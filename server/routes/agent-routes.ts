import { Hono } from 'hono';
import type { AgentAppsResponse, AgentSessionDetailResponse, AgentSessionListResponse } from '../agent-wire';
import type { MessageResponse, SessionResponse } from '../../src/api/wire';
import { alreadySent, takeNodeResponse } from '../http/node-response';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { requireAgent } from '../http/agent-auth';
import { clientKey } from '../http/client-key';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { agentOfApp } from '../http/route-guards';
import { validQuery } from '../http/validate';
import { appendMessage, type MessageDraft } from '../messages/append-message';
import { readMessagePage } from '../messages/read-message-page';
import { agentSendSchema, statusQuerySchema, typingSchema } from '../requests/agent-request';
import { emptyBodySchema, pageQuerySchema } from '../requests/message-request';
import { agentSessionSummary, agentVisitorDetail } from '../sessions/agent-views';
import { closeSession } from '../sessions/close-session';
import { followApp } from '../sessions/follow-app';
import { publishTyping } from '../sessions/publish-typing';
import { toWireSession } from '../sessions/wire-session';
import { requireSessionInApp } from './route-lookups';

const MAX_LISTED_SESSIONS = 200;

/** Mounted at /api/agent. */
export const agentRoutes = new Hono<AppEnv>()
  /** GET /apps */
  .get('/apps', requireAgent, (c) => {
    const body: AgentAppsResponse = { apps: [...c.var.context.apps.values()].map(({ appId, name }) => ({ appId, name })) };
    return json(c, 200, body);
  })
  /** GET /apps/{appId}/sessions?status=open|closed|all → newest activity first. */
  .get('/apps/:appId/sessions', agentOfApp, validQuery(statusQuerySchema), async (c) => {
    const { context, app } = c.var;
    const sessions = await context.store.sessions.listByActivity(app.appId, c.req.valid('query').status, MAX_LISTED_SESSIONS);
    const summaries = await Promise.all(sessions.map((session) => agentSessionSummary(context, session)));
    const body: AgentSessionListResponse = { sessions: summaries };
    return json(c, 200, body);
  })
  /** GET /apps/{appId}/sessions/{id}: the session with the visitor's identity, claims and variables. */
  .get('/apps/:appId/sessions/:sessionId', agentOfApp, async (c) => {
    const { context, app } = c.var;
    const session = await requireSessionInApp(context, app, c.req.param('sessionId'));
    const body: AgentSessionDetailResponse = {
      session: await agentSessionSummary(context, session),
      visitor: agentVisitorDetail((await context.store.visitors.findById(session.visitorId))!),
    };
    return json(c, 200, body);
  })
  /** GET /apps/{appId}/sessions/{id}/messages: the same paging as for visitors. */
  .get('/apps/:appId/sessions/:sessionId/messages', agentOfApp, validQuery(pageQuerySchema), async (c) => {
    const { context, app } = c.var;
    const session = await requireSessionInApp(context, app, c.req.param('sessionId'));
    return json(c, 200, await readMessagePage(context, session.id, c.req.valid('query')));
  })
  /** POST /apps/{appId}/sessions/{id}/messages: text or link card → 201 (200 on an idempotent repeat). */
  .post('/apps/:appId/sessions/:sessionId/messages', agentOfApp, jsonBody(agentSendSchema), async (c) => {
    const { context, app } = c.var;
    const session = await requireSessionInApp(context, app, c.req.param('sessionId'));
    const send = c.req.valid('json');
    const author = send.authorName ? { role: 'agent' as const, name: send.authorName } : { role: 'agent' as const };
    const draft: MessageDraft =
      send.kind === 'text'
        ? { clientId: send.clientId, author, kind: 'text', text: send.text }
        : { clientId: send.clientId, author, kind: 'link', link: send.link };
    const { message, created } = await appendMessage(context, session, draft);
    const body: MessageResponse = { message };
    return json(c, created ? 201 : 200, body);
  })
  /** POST /apps/{appId}/sessions/{id}/typing {typing, authorName?} → 204 */
  .post('/apps/:appId/sessions/:sessionId/typing', agentOfApp, jsonBody(typingSchema), async (c) => {
    const { context, app } = c.var;
    const session = await requireSessionInApp(context, app, c.req.param('sessionId'));
    const { typing, authorName } = c.req.valid('json');
    if (session.status === 'closed') throw new ApiError(409, 'session_closed', 'The session is closed');
    await publishTyping(context, session, authorName ? { role: 'agent', name: authorName, typing } : { role: 'agent', typing });
    return c.body(null, 204);
  })
  /** POST /apps/{appId}/sessions/{id}/close → 200 with the closed session (also when already closed). */
  .post('/apps/:appId/sessions/:sessionId/close', agentOfApp, jsonBody(emptyBodySchema), async (c) => {
    const { context, app } = c.var;
    const session = await requireSessionInApp(context, app, c.req.param('sessionId'));
    const body: SessionResponse = { session: toWireSession(await closeSession(context, session)) };
    return json(c, 200, body);
  })
  /** GET /apps/{appId}/events: `event: session` with an AgentSessionSummary on every change. */
  .get('/apps/:appId/events', agentOfApp, (c) => {
    const { context, app } = c.var;
    const { incoming, outgoing } = takeNodeResponse(c);
    const stream = context.streams.open({ client: clientKey(incoming.socket.remoteAddress) }, incoming, outgoing, context.settings.heartbeatMs);
    followApp(context, app.appId, stream);
    return alreadySent();
  });

/** POST /api/agent/debug/drop-streams → 204 (mounted only with DIRECT_CHAT_FAULT_INJECTION=1). */
export const faultInjectionRoutes = new Hono<AppEnv>().post('/debug/drop-streams', requireAgent, (c) => {
  c.var.context.streams.closeAll();
  return c.body(null, 204);
});
