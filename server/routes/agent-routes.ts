import { Hono } from 'hono';
import type { AgentAppsResponse, AgentMeResponse, AgentSessionDetailResponse, AgentSessionListResponse } from '../agent-wire';
import type { MessageResponse, SessionResponse } from '../../src/api/wire';
import { alreadySent, takeNodeResponse } from '../http/node-response';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { requireAgent } from '../http/agent-auth';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { agentOfApp } from '../http/route-guards';
import { validQuery } from '../http/validate';
import { appendMessage, type MessageDraft } from '../messages/append-message';
import { readMessagePage } from '../messages/read-message-page';
import { agentSendSchema, sessionListQuerySchema, typingSchema } from '../requests/agent-request';
import { encodeListCursor } from '../sessions/list-cursor';
import { emptyBodySchema, pageQuerySchema } from '../requests/message-request';
import { agentSessionSummary, agentVisitorDetail } from '../sessions/agent-views';
import { closeSession } from '../sessions/close-session';
import { followApp } from '../sessions/follow-app';
import { publishTyping } from '../sessions/publish-typing';
import { toWireSession } from '../sessions/wire-session';
import { requireSessionInApp } from './route-lookups';
import { describePrincipal, mayWorkIn, type AgentPrincipal } from '../auth/agent-principal';

/** An account's replies carry its display name; the server token's carry the name the client sends, if any. */
function agentAuthor(agent: AgentPrincipal, requested: string | undefined): { role: 'agent'; name?: string } {
  const name = agent.displayName ?? requested;
  return name ? { role: 'agent', name } : { role: 'agent' };
}

/** Mounted at /api/agent. */
export const agentRoutes = new Hono<AppEnv>()
  /** GET /apps */
  .get('/apps', requireAgent, (c) => {
    const hosted = [...c.var.context.apps.values()].filter(({ appId }) => mayWorkIn(c.var.agent, appId));
    const body: AgentAppsResponse = { apps: hosted.map(({ appId, name, locales }) => ({ appId, name, locales: [...locales] })) };
    return json(c, 200, body);
  })
  /** GET /me: the account behind the token (or the server token's owner). */
  .get('/me', requireAgent, (c) => {
    const body: AgentMeResponse = { agent: describePrincipal(c.var.agent, c.var.context.apps.keys()) };
    return json(c, 200, body);
  })
  /** GET /apps/{appId}/sessions?status=&limit=&cursor= → sessions whose visitor has spoken, newest activity first. */
  .get('/apps/:appId/sessions', agentOfApp, validQuery(sessionListQuerySchema), async (c) => {
    const { context, app } = c.var;
    const { status, limit, cursor } = c.req.valid('query');
    const sessions = await context.store.sessions.listByActivity(app.appId, { status, limit: limit + 1, after: cursor });
    const page = sessions.slice(0, limit);
    const summaries = await Promise.all(page.map((session) => agentSessionSummary(context, session)));
    const body: AgentSessionListResponse = { sessions: summaries };
    const last = page.at(-1);
    if (sessions.length > limit && last) body.nextCursor = encodeListCursor(last);
    return json(c, 200, body);
  })
  /** GET /apps/{appId}/sessions/{id}: the session with the visitor's identity, claims and variables. */
  .get('/apps/:appId/sessions/:sessionId', agentOfApp, async (c) => {
    const { context, app } = c.var;
    const session = await requireSessionInApp(context, app, c.req.param('sessionId'));
    const body: AgentSessionDetailResponse = {
      session: await agentSessionSummary(context, session),
      visitor: await agentVisitorDetail(context, (await context.store.visitors.findById(session.visitorId))!),
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
    const author = agentAuthor(c.var.agent, send.authorName);
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
    await publishTyping(context, session, { ...agentAuthor(c.var.agent, authorName), typing });
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
    const stream = context.streams.open({ client: `agent:${c.var.agent.id}` }, incoming, outgoing, context.settings.heartbeatMs);
    followApp(context, app.appId, stream);
    return alreadySent(c);
  });

/** POST /api/agent/debug/drop-streams → 204 (mounted only with DIRECT_CHAT_FAULT_INJECTION=1). */
export const faultInjectionRoutes = new Hono<AppEnv>().post('/debug/drop-streams', requireAgent, (c) => {
  c.var.context.streams.closeAll();
  return c.body(null, 204);
});
