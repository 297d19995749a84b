// An in-memory agent API behind msw, close to the contract in server/agent-wire.ts, recording every request.
import { http, HttpResponse } from 'msw';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { setupServer } from 'msw/node';
import type {
  AgentAppsResponse,
  AgentSendRequest,
  AgentSessionSummary,
  AgentVisitorDetail,
  ApiKeyInfo,
} from '../../../server/agent-wire';
import type { LinkPreview, Message } from '../../../src/api/wire';
import { createSseChannel } from './sse-channel';
import { message as makeMessage, summaryOf } from './fixtures';

export const API = 'http://localhost:3000/api/agent';
export const GOOD_TOKEN = 'agent-token-good';

export interface StoredSession {
  summary: AgentSessionSummary;
  visitor: AgentVisitorDetail;
  messages: Message[];
}

export interface RecordedRequest {
  method: string;
  path: string;
  search: URLSearchParams;
  authorization: string | null;
  body?: unknown;
}

const unauthorized = () =>
  HttpResponse.json({ error: { code: 'unauthorized', message: 'bad token' } }, { status: 401 });
const notFound = () =>
  HttpResponse.json({ error: { code: 'session_not_found', message: 'no such session' } }, { status: 404 });

export function createFakeAgentApi() {
  const initial = () => ({
    token: GOOD_TOKEN,
    apps: [{ appId: 'shop', name: 'Shop support', locales: ['en', 'fr', 'ja'] }] as AgentAppsResponse['apps'],
    /** The role /me reports for the token. */
    role: 'owner' as 'owner' | 'admin' | 'agent',
    sessions: new Map<string, StoredSession>(),
    requests: [] as RecordedRequest[],
    /** Send attempts to answer with a network error before one goes through. */
    failSends: 0,
    /** Answer sends with this error (status and code) until cleared. */
    refuseSends: null as { status: number; code: string } | null,
    /** What POST .../previews answers for a composed link, by URL. */
    composePreviews: new Map<string, LinkPreview>(),
    apiKeys: [] as ApiKeyInfo[],
  });
  const state = initial();
  const events = createSseChannel();

  function record(request: Request, body?: unknown): RecordedRequest {
    const url = new URL(request.url);
    const entry = {
      method: request.method,
      path: url.pathname,
      search: url.searchParams,
      authorization: request.headers.get('authorization'),
      ...(body !== undefined ? { body } : {}),
    };
    state.requests.push(entry);
    return entry;
  }

  const authorized = (request: Request) => request.headers.get('authorization') === `Bearer ${state.token}`;

  function addSession(id: string, visitor: AgentVisitorDetail, messages: Message[], overrides = {}): StoredSession {
    const stored = { summary: summaryOf(id, visitor, messages, overrides), visitor, messages };
    state.sessions.set(id, stored);
    return stored;
  }

  /** A new message as the server would store it, announced on the app stream. */
  function receive(sessionId: string, overrides: Partial<Message> = {}): Message {
    const stored = state.sessions.get(sessionId)!;
    const m = makeMessage(stored.summary.lastSeq + 1, overrides);
    stored.messages.push(m);
    stored.summary = { ...stored.summary, lastSeq: m.seq, lastMessage: m, updatedAt: new Date().toISOString() };
    events.send('session', stored.summary);
    return m;
  }

  /** A message's preview set (or removed) as the server does after fetching, announced on the app stream. */
  function setPreview(sessionId: string, seq: number, preview: LinkPreview | undefined): void {
    const stored = state.sessions.get(sessionId)!;
    const index = stored.messages.findIndex((m) => m.seq === seq);
    const { preview: _old, ...without } = stored.messages[index];
    stored.messages[index] = preview ? { ...without, preview } : without;
    events.send('preview', { sessionId, messageId: without.id, seq, ...(preview ? { preview } : {}) });
  }

  const handlers = [
    http.post(`${API}/apps/:appId/previews`, async ({ request }) => {
      const body = (await request.json()) as { url: string };
      record(request, body);
      if (!authorized(request)) return unauthorized();
      const preview = state.composePreviews.get(body.url);
      return HttpResponse.json(preview ? { preview } : {});
    }),
    http.delete(`${API}/apps/:appId/sessions/:id/messages/:messageId/preview`, ({ request, params }) => {
      record(request);
      if (!authorized(request)) return unauthorized();
      const stored = state.sessions.get(String(params.id));
      const index = stored?.messages.findIndex((m) => m.id === params.messageId) ?? -1;
      if (!stored || index < 0) return HttpResponse.json({ error: { code: 'not_found', message: 'no such message' } }, { status: 404 });
      const { preview: _old, ...without } = stored.messages[index];
      stored.messages[index] = without;
      return HttpResponse.json({ message: without });
    }),
    http.get(`${API}/apps/:appId/api-keys`, ({ request }) => {
      record(request);
      return HttpResponse.json({ apiKeys: state.apiKeys });
    }),
    http.post(`${API}/apps/:appId/api-keys`, async ({ request, params }) => {
      const body = (await request.json()) as { name: string };
      record(request, body);
      const apiKey: ApiKeyInfo = { id: `k_${state.apiKeys.length + 1}`, appId: String(params.appId), name: body.name, createdAt: '2026-11-28T10:00:00.000Z', revokedAt: null };
      state.apiKeys.unshift(apiKey);
      return HttpResponse.json({ apiKey, key: `dck_${'K'.repeat(43)}` }, { status: 201 });
    }),
    http.delete(`${API}/apps/:appId/api-keys/:keyId`, ({ request, params }) => {
      record(request);
      const apiKey = state.apiKeys.find((key) => key.id === params.keyId);
      if (!apiKey) return HttpResponse.json({ error: { code: 'api_key_not_found', message: 'no such key' } }, { status: 404 });
      apiKey.revokedAt = '2026-11-28T11:00:00.000Z';
      return HttpResponse.json({ apiKey });
    }),
    http.get(`${API}/apps`, ({ request }) => {
      record(request);
      return authorized(request) ? HttpResponse.json({ apps: state.apps }) : unauthorized();
    }),
    http.get(`${API}/me`, ({ request }) => {
      record(request);
      const me = { id: 'owner', name: 'owner', role: state.role, apps: state.apps.map((app) => app.appId), account: false };
      return authorized(request) ? HttpResponse.json({ agent: me }) : unauthorized();
    }),
    http.get(`${API}/apps/:appId/sessions`, ({ request, params }) => {
      const { search } = record(request);
      if (!authorized(request)) return unauthorized();
      const status = search.get('status') ?? 'all';
      const sessions = [...state.sessions.values()]
        .map((s) => s.summary)
        .filter((s) => s.appId === params.appId && (status === 'all' || s.status === status))
        .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
      return HttpResponse.json({ sessions });
    }),
    http.get(`${API}/apps/:appId/events`, ({ request }) => {
      record(request);
      return authorized(request) ? events.respond(request) : unauthorized();
    }),
    http.get(`${API}/apps/:appId/sessions/:id`, ({ request, params }) => {
      record(request);
      if (!authorized(request)) return unauthorized();
      const stored = state.sessions.get(String(params.id));
      return stored ? HttpResponse.json({ session: stored.summary, visitor: stored.visitor }) : notFound();
    }),
    http.get(`${API}/apps/:appId/sessions/:id/messages`, ({ request, params }) => {
      const { search } = record(request);
      if (!authorized(request)) return unauthorized();
      const stored = state.sessions.get(String(params.id));
      if (!stored) return notFound();
      const limit = Number(search.get('limit') ?? 50);
      const all = stored.messages;
      if (search.has('after')) {
        const after = Number(search.get('after'));
        const later = all.filter((m) => m.seq > after);
        return HttpResponse.json({ messages: later.slice(0, limit), hasMore: later.length > limit });
      }
      const before = search.has('before') ? Number(search.get('before')) : Infinity;
      const earlier = all.filter((m) => m.seq < before);
      return HttpResponse.json({ messages: earlier.slice(-limit), hasMore: earlier.length > limit });
    }),
    http.post(`${API}/apps/:appId/sessions/:id/messages`, async ({ request, params }) => {
      const body = (await request.json()) as AgentSendRequest;
      record(request, body);
      if (!authorized(request)) return unauthorized();
      if (state.refuseSends) {
        const { status, code } = state.refuseSends;
        return HttpResponse.json({ error: { code, message: 'refused' } }, { status });
      }
      if (state.failSends > 0) {
        state.failSends--;
        return HttpResponse.error();
      }
      const stored = state.sessions.get(String(params.id));
      if (!stored) return notFound();
      const repeat = stored.messages.find((m) => m.clientId === body.clientId);
      if (repeat) return HttpResponse.json({ message: repeat }, { status: 200 });
      const m = makeMessage(stored.summary.lastSeq + 1, {
        clientId: body.clientId,
        author: { role: 'agent', ...(body.authorName ? { name: body.authorName } : {}) },
        kind: body.kind,
        ...(body.kind === 'text' ? { text: body.text } : { text: undefined, link: body.link }),
      });
      stored.messages.push(m);
      stored.summary = { ...stored.summary, lastSeq: m.seq, lastMessage: m, updatedAt: new Date().toISOString() };
      return HttpResponse.json({ message: m }, { status: 201 });
    }),
    http.post(`${API}/apps/:appId/sessions/:id/typing`, async ({ request }) => {
      record(request, await request.json());
      return authorized(request) ? new HttpResponse(null, { status: 204 }) : unauthorized();
    }),
    http.post(`${API}/apps/:appId/sessions/:id/close`, async ({ request, params }) => {
      record(request, await request.json());
      if (!authorized(request)) return unauthorized();
      const stored = state.sessions.get(String(params.id));
      if (!stored) return notFound();
      stored.summary = { ...stored.summary, status: 'closed', updatedAt: new Date().toISOString() };
      const { id, status, createdAt, lastSeq } = stored.summary;
      return HttpResponse.json({ session: { id, status, createdAt, lastSeq } });
    }),
  ];

  const server = setupServer(...handlers);

  return {
    server,
    state,
    reset: () => {
      events.reset();
      Object.assign(state, initial());
    },
    events,
    addSession,
    receive,
    setPreview,
    requests: (method: string, pathEnd: string) =>
      state.requests.filter((r) => r.method === method && r.path.endsWith(pathEnd)),
  };
}

export type FakeAgentApi = ReturnType<typeof createFakeAgentApi>;

/** The fake API for one test file: listening for the whole file, emptied after each test. */
export function installFakeAgentApi(): FakeAgentApi {
  const api = createFakeAgentApi();
  beforeAll(() => api.server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => api.reset());
  afterAll(() => api.server.close());
  return api;
}
