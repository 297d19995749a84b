// The conversation engine's calls (its own chunk), each returning checked wire data or throwing ApiFailure. The app
// config, which the first render needs, is fetched by app-config-api.ts.
import type { CreateSessionRequest, CreateVisitorRequest, CreateVisitorResponse, Message, MessagePage, Session } from './wire';
import { endpoints, type ApiTarget } from './endpoints';
import { sendJson } from './http-client';
import { ApiFailure } from './api-failure';
import { checked, isCount, isObject } from './json-shape';
import { isMessage, isSession, isVisitorResponse } from './wire-guards';

export async function createVisitor(target: ApiTarget, body: CreateVisitorRequest): Promise<CreateVisitorResponse> {
  return checked(await sendJson(endpoints.createVisitor(target, body)), isVisitorResponse);
}

export async function createSession(target: ApiTarget, request?: CreateSessionRequest): Promise<Session> {
  const body = await sendJson<{ session?: unknown }>(endpoints.createSession(target, request));
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

/** A page as the page can use it: the messages it can read, and the seqs of those it cannot (a kind it does not know). */
export interface ReadMessagePage extends MessagePage {
  unreadable: number[];
}

export async function fetchMessages(
  target: ApiTarget,
  sessionId: string,
  page: { after?: number; before?: number; limit?: number },
): Promise<ReadMessagePage> {
  const body = await sendJson<{ messages?: unknown; hasMore?: unknown }>(endpoints.messages(target, sessionId, page));
  if (!Array.isArray(body?.messages)) throw new ApiFailure('protocol');
  const messages: Message[] = [];
  const unreadable: number[] = [];
  for (const item of body.messages as unknown[]) {
    if (isMessage(item)) messages.push(item);
    else if (isObject(item) && isCount(item.seq) && item.seq > 0) unreadable.push(item.seq);
  }
  return { messages, hasMore: body.hasMore === true, unreadable };
}

export async function sendMessage(target: ApiTarget, sessionId: string, clientId: string, text: string): Promise<Message> {
  const body = await sendJson<{ message?: unknown }>(endpoints.sendMessage(target, sessionId, { clientId, text }));
  return checked(body?.message, isMessage);
}
