// Pure request builders: everything about URLs, headers and bodies, testable without a network.
import { SESSION_ID_PATTERN } from './limits';
import type { CreateVisitorRequest, SendMessageRequest } from './wire';
import { appUrl, getRequest as get, postRequest as post, type ApiRequest, type ApiTarget } from './api-request';
import { configRequest } from './app-config-api';

export type { ApiRequest, ApiTarget } from './api-request';

function sessionPath(sessionId: string): string {
  // "." and ".." survive encoding as path segments: only well-formed ids are ever put into a URL.
  if (!SESSION_ID_PATTERN.test(sessionId)) throw new TypeError('malformed session id');
  return `/sessions/${sessionId}`;
}

export const endpoints = {
  config: configRequest,
  createVisitor: (target: ApiTarget, body: CreateVisitorRequest) => post(target, appUrl(target, '/visitors'), body),
  createSession: (target: ApiTarget) => post(target, appUrl(target, '/sessions'), {}),
  sessions: (target: ApiTarget) => get(target, appUrl(target, '/sessions')),
  session: (target: ApiTarget, sessionId: string) => get(target, appUrl(target, sessionPath(sessionId))),
  messages: (target: ApiTarget, sessionId: string, page: { after?: number; before?: number; limit?: number }) =>
    get(target, appUrl(target, `${sessionPath(sessionId)}/messages`, page)),
  sendMessage: (target: ApiTarget, sessionId: string, body: SendMessageRequest) =>
    post(target, appUrl(target, `${sessionPath(sessionId)}/messages`), body),
  events: (target: ApiTarget, sessionId: string, lastEventId: number): ApiRequest => {
    const request = get(target, appUrl(target, `${sessionPath(sessionId)}/events`));
    request.headers.Accept = 'text/event-stream';
    if (lastEventId > 0) request.headers['Last-Event-ID'] = String(lastEventId);
    return request;
  },
};
