import { Hono } from 'hono';
import type { MessageResponse } from '../../src/api/wire';
import type { AppEnv } from '../http/app-env';
import { json } from '../http/json-response';
import { jsonBody } from '../http/read-json-body';
import { visitorOfApp } from '../http/route-guards';
import { validQuery } from '../http/validate';
import { noteVisitorMessage } from '../invitations/invitation-responses';
import { appendMessage } from '../messages/append-message';
import { readMessagePage } from '../messages/read-message-page';
import { pageQuerySchema, sendMessageSchema } from '../requests/message-request';
import { requireOwnedSession } from './route-lookups';

/** Mounted at /api/apps/:appId. */
export const messageRoutes = new Hono<AppEnv>()
  /** GET /sessions/{id}/messages?after=&before=&limit= */
  .get('/sessions/:sessionId/messages', visitorOfApp, validQuery(pageQuerySchema), async (c) => {
    const { context } = c.var;
    const session = await requireOwnedSession(c);
    return json(c, 200, await readMessagePage(context, session.id, c.req.valid('query')));
  })
  /** POST /sessions/{id}/messages {clientId, text} → 201 new, 200 repeat, 409 conflict or session_closed. */
  .post('/sessions/:sessionId/messages', visitorOfApp, jsonBody(sendMessageSchema), async (c) => {
    const context = c.get('context');
    const session = await requireOwnedSession(c);
    const { clientId, text } = c.req.valid('json');
    const { message, created } = await appendMessage(context, session, { clientId, author: { role: 'visitor' }, kind: 'text', text });
    if (created) await noteVisitorMessage(context, c.get('visitor'));
    const body: MessageResponse = { message };
    return json(c, created ? 201 : 200, body);
  });
