// The conversation engine's calls (its own chunk), each returning checked wire data or throwing ApiFailure. The app
// config, which the first render needs, is fetched by app-config-api.ts.
import type { CreateVisitorRequest, CreateVisitorResponse, Message, MessagePage, Session } from './wire';
import { endpoints, type ApiTarget } from './endpoints';
import { sendJson } from './http-client';
import { ApiFailure } from './api-failure';
import { checked } from './json-shape';
import { isMessage, isSession, isVisitorResponse } from './wire-guards';

export async function createVisitor(target: ApiTarget, body: CreateVisitorRequest): Promise<CreateVisitorResponse> {
  return checked(await sendJson(endpoints.createVisitor(target, body)), isVisitorResponse);
}

export async function createSession(target: ApiTarget): Promise<Session> {
  const body = await sendJson<{ session?: unknown }>(endpoints.createSession(target));
  return checked(body?.session, isSession);
}

/** The visitor's conversations (and their verified customer's), newest first; unreadable entries are skipped. */
export async function fetchSessions(target: ApiTarget): Promise<Session[]> {
  const body = await sendJson<{ sessions?: unknown }>(endpoints.sessions(target));
  if (!Array.isArray(body?.sessions)) throw new ApiFailure('protocol');
  return body.sessions.filter(isSession);
}

export async function fetchSession(target: ApiTarget, sessionId: string): Promise<Session> {
  const body = await sendJson<{ session?: unknown }>(endpoints.session(target, sessionId));
  return checked(body?.session, isSession);
}

export async function fetchMessages(
  target: ApiTarget,
  sessionId: string,
  page: { after?: number; before?: number; limit?: number },
): Promise<MessagePage> {
  const body = await sendJson<{ messages?: unknown; hasMore?: unknown }>(endpoints.messages(target, sessionId, page));
  if (!Array.isArray(body?.messages)) throw new ApiFailure('protocol');
  return { messages: body.messages.filter(isMessage), hasMore: body.hasMore === true };
}

export async function sendMessage(target: ApiTarget, sessionId: string, clientId: string, text: string): Promise<Message> {
  const body = await sendJson<{ message?: unknown }>(endpoints.sendMessage(target, sessionId, { clientId, text }));
  return checked(body?.message, isMessage);
}
