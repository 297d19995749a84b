import type { MessageResponse } from '../../src/api/wire';
import { readJsonBody } from '../http/read-json-body';
import { sendJson } from '../http/send-json';
import { appendMessage } from '../messages/append-message';
import { readMessagePage } from '../messages/read-message-page';
import { parsePageQuery, parseSendMessageRequest } from '../requests/message-request';
import { authenticateVisitor } from '../visitors/authenticate-visitor';
import { requireApp, requireOwnedSession } from './route-lookups';
import type { RouteHandler } from './route-types';

/** GET .../sessions/{id}/messages?after=&before=&limit= */
export const listVisitorMessages: RouteHandler = async ({ context, request, response, params, query }) => {
  const app = requireApp(context, params.appId);
  const visitor = await authenticateVisitor(context, app.appId, request);
  const session = await requireOwnedSession(context, visitor, params.sessionId);
  sendJson(response, 200, await readMessagePage(context, session.id, parsePageQuery(query)));
};

/** POST .../sessions/{id}/messages {clientId, text} → 201 new, 200 repeat, 409 conflict or session_closed. */
export const sendVisitorMessage: RouteHandler = async ({ context, request, response, params }) => {
  const app = requireApp(context, params.appId);
  const visitor = await authenticateVisitor(context, app.appId, request);
  const session = await requireOwnedSession(context, visitor, params.sessionId);
  const { clientId, text } = parseSendMessageRequest(await readJsonBody(request));
  const { message, created } = await appendMessage(context, session, {
    clientId,
    author: { role: 'visitor' },
    kind: 'text',
    text,
  });
  const body: MessageResponse = { message };
  sendJson(response, created ? 201 : 200, body);
};
