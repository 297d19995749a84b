import type { CreateVisitorResponse, IdentityPayload, SessionResponse } from '../../../src/api/wire';
import { computeSignature, newRanstr } from '../../../server/sign-link';
import { AGENT_TOKEN, DEMO_SECRET } from './test-server';

export interface ApiAnswer<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface CallOptions {
  method?: string;
  token?: string;
  /** A value to send as JSON, or a raw string sent as is. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** One real HTTP request; the body is parsed as JSON when it is JSON. */
export async function call<T = any>(baseUrl: string, path: string, options: CallOptions = {}): Promise<ApiAnswer<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(baseUrl + path, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body });
  const text = await response.text();
  let parsed: unknown = undefined;
  if ((response.headers.get('content-type') ?? '').startsWith('application/json')) parsed = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: parsed as T, text };
}

export function agent<T = any>(baseUrl: string, path: string, options: CallOptions = {}) {
  return call<T>(baseUrl, `/api/agent${path}`, { token: AGENT_TOKEN, ...options });
}

export function signedIdentity(
  sbs: string,
  extra: Partial<IdentityPayload> = {},
  secret = DEMO_SECRET,
  ranstr = newRanstr(),
): IdentityPayload {
  return { sbs, sbs_mm: computeSignature(sbs, secret, ranstr), ranstr, ...extra };
}

export async function newVisitor(
  baseUrl: string,
  options: { appId?: string; identity?: IdentityPayload; token?: string; vars?: Record<string, string>; deepLink?: string } = {},
): Promise<CreateVisitorResponse> {
  const answer = await call<CreateVisitorResponse>(baseUrl, `/api/apps/${options.appId ?? 'demo_app'}/visitors`, {
    token: options.token,
    body: { locale: 'en', identity: options.identity, vars: options.vars, deepLink: options.deepLink },
  });
  if (answer.status !== 200 && answer.status !== 201) throw new Error(`visitor: ${answer.status} ${answer.text}`);
  return answer.body;
}

export async function newSession(baseUrl: string, token: string, appId = 'demo_app'): Promise<string> {
  const answer = await call<SessionResponse>(baseUrl, `/api/apps/${appId}/sessions`, { token, body: {} });
  if (answer.status !== 201) throw new Error(`session: ${answer.status} ${answer.text}`);
  return answer.body.session.id;
}

let clientCounter = 0;
export function clientId(): string {
  return `client-${Date.now().toString(36)}-${(clientCounter++).toString(36)}`;
}

export async function sendText(baseUrl: string, token: string, sessionId: string, text: string, id = clientId(), appId = 'demo_app') {
  return call(baseUrl, `/api/apps/${appId}/sessions/${sessionId}/messages`, { token, body: { clientId: id, text } });
}

/** Posts every text into the session, 20 at a time, each one a new message (201); for tests that need a long transcript. */
export async function sendAll(baseUrl: string, token: string, sessionId: string, texts: readonly string[]): Promise<void> {
  for (let start = 0; start < texts.length; start += 20) {
    const answers = await Promise.all(texts.slice(start, start + 20).map((text) => sendText(baseUrl, token, sessionId, text)));
    const refused = answers.filter((answer) => answer.status !== 201);
    if (refused.length > 0) throw new Error(`${refused.length} of ${answers.length} sends were not 201`);
  }
}
