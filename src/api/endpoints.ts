// Pure request builders: everything about URLs, headers and bodies, testable without a network.
import { SESSION_ID_PATTERN } from './limits';
import type { CreateVisitorRequest, LocaleCode, SendMessageRequest } from './wire';

export interface ApiRequest {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export interface ApiTarget {
  base: string;
  appId: string;
  token?: string;
}

function appUrl(target: ApiTarget, path: string, query?: Record<string, string | number | undefined>): string {
  let url = `${target.base}/apps/${encodeURIComponent(target.appId)}${path}`;
  const entries = Object.entries(query ?? {}).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  if (entries.length > 0) url += `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)]))}`;
  return url;
}

function headers(target: ApiTarget, json: boolean): Record<string, string> {
  const result: Record<string, string> = { Accept: 'application/json' };
  if (json) result['Content-Type'] = 'application/json';
  if (target.token) result.Authorization = `Bearer ${target.token}`;
  return result;
}

const get = (target: ApiTarget, url: string): ApiRequest => ({ method: 'GET', url, headers: headers(target, false) });
const post = (target: ApiTarget, url: string, body: unknown): ApiRequest => ({
  method: 'POST',
  url,
  headers: headers(target, true),
  body: JSON.stringify(body),
});
function sessionPath(sessionId: string): string {
  // "." and ".." survive encoding as path segments: only well-formed ids are ever put into a URL.
  if (!SESSION_ID_PATTERN.test(sessionId)) throw new TypeError('malformed session id');
  return `/sessions/${sessionId}`;
}

export const endpoints = {
  config: (target: ApiTarget, locale: LocaleCode) => get(target, appUrl(target, '/config', { locale })),
  deepLinkConfig: (base: string, code: string, locale: LocaleCode): ApiRequest => ({
    method: 'GET',
    url: `${base}/deep-links/${encodeURIComponent(code)}/config?${new URLSearchParams({ locale })}`,
    headers: { Accept: 'application/json' },
  }),
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
