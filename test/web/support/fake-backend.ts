// An in-memory backend speaking the wire contract at the HTTP layer (msw), for component tests of the page.
// The real server is exercised by test/server and the end-to-end suite; this one lets tests inject faults.
import { http, HttpResponse, type HttpHandler } from 'msw';
import type { AppConfig, ErrorCode, IdentityError, LinkPreview, LocaleCode, Message, PublicChatLink, Session } from '../../../src/api/wire';

export const API = 'http://localhost:3000/api';

interface FakeVisitor {
  id: string;
  token: string;
  verified: boolean;
  displayName?: string;
}

interface FakeSession extends Session {
  ownerId: string;
  messages: Message[];
}

type Fault = { kind: 'network' } | { kind: 'status'; status: number; code: ErrorCode };

export interface FakeBackend {
  handlers: HttpHandler[];
  config: AppConfig;
  /** Set to make every config call fail this way. */
  configError?: { status: number; code: ErrorCode } | 'network';
  /** What the next signed identity gets back; undefined means it is accepted. */
  identityVerdict?: IdentityError;
  visitorBodies: unknown[];
  sentBodies: unknown[];
  /** Faults for the next calls to POST .../messages, consumed in order. */
  sendFaults: Fault[];
  sessions: Map<string, FakeSession>;
  visitors: FakeVisitor[];
  /** Chat links by slug; `/links/{slug}/config` brands them in the link's locale, or the one asked for. */
  links: Map<string, PublicChatLink>;
  linkConfigLocales: string[];
  sessionBodies: unknown[];
  /** Slugs whose limit this backend reports reached on POST .../sessions. */
  linksAtLimit: Set<string>;
  /** Active personal deep links by code; `/deep-links/{code}/config` brands them like a chat link's config. */
  deepLinks: Map<string, { linkSlug?: string; locale?: PublicChatLink['locale'] }>;
  agentSays(sessionId: string, text: string): Message;
  agentTyping(sessionId: string): void;
  /** Sets (or with no preview removes) a message's link preview and sends the update on the stream. */
  previewMessage(sessionId: string, message: Message, preview?: LinkPreview): void;
  closeSession(sessionId: string): void;
  /** Ends every open event stream, as a dropped connection would. */
  dropStreams(): void;
  openStreams(): number;
  addSessionFor(visitorToken: string | null, texts: string[]): FakeSession;
  /** The backend loses a session's messages (a restored backup): numbering starts again at 1. */
  forgetMessages(sessionId: string): void;
}

function error(status: number, code: ErrorCode) {
  return HttpResponse.json({ error: { code, message: code } }, { status });
}

export function createFakeBackend(overrides: Partial<AppConfig> = {}): FakeBackend {
  const encoder = new TextEncoder();
  const streams = new Map<string, Set<ReadableStreamDefaultController<Uint8Array>>>();
  let counter = 0;
  const nextId = (prefix: string) => `${prefix}_${++counter}`;

  const backend: FakeBackend = {
    handlers: [],
    config: {
      appId: 'demo_app',
      name: 'Demo Shop',
      locales: ['zh-cn', 'zh-tw', 'en', 'ja', 'ko', 'de', 'fr', 'pt', 'ru'],
      defaultLocale: 'en',
      branding: { title: 'Demo Shop support', accentColor: '#1f5fbf', logoUrl: '/direct/favicon.svg', welcome: 'Hi! How can we help?' },
      ...overrides,
    },
    visitorBodies: [],
    sentBodies: [],
    sendFaults: [],
    sessions: new Map(),
    visitors: [],
    links: new Map(),
    linkConfigLocales: [],
    sessionBodies: [],
    linksAtLimit: new Set(),
    deepLinks: new Map(),
    agentSays(sessionId, text) {
      return append(sessionId, { role: 'agent', name: 'Sam' }, { kind: 'text', text });
    },
    agentTyping(sessionId) {
      push(sessionId, `event: typing\ndata: ${JSON.stringify({ role: 'agent', name: 'Sam', typing: true })}\n\n`);
    },
    previewMessage(sessionId, message, preview) {
      const held = backend.sessions.get(sessionId)?.messages.find((candidate) => candidate.id === message.id);
      if (held) Object.assign(held, { preview });
      push(sessionId, `event: preview\ndata: ${JSON.stringify({ messageId: message.id, seq: message.seq, preview })}\n\n`);
    },
    closeSession(sessionId) {
      const session = backend.sessions.get(sessionId);
      if (!session) return;
      session.status = 'closed';
      push(sessionId, `event: session\ndata: ${JSON.stringify(publicSession(session))}\n\n`);
    },
    dropStreams() {
      for (const set of streams.values()) {
        for (const controller of set) controller.close();
        set.clear();
      }
    },
    openStreams: () => [...streams.values()].reduce((sum, set) => sum + set.size, 0),
    forgetMessages(sessionId) {
      const session = backend.sessions.get(sessionId);
      if (!session) return;
      session.messages = [];
      session.lastSeq = 0;
    },
    addSessionFor(token, texts) {
      const owner = backend.visitors.find((visitor) => visitor.token === token) ?? createVisitorRecord(false);
      const session = createSessionRecord(owner.id);
      for (const text of texts) append(session.id, { role: 'agent', name: 'Sam' }, { kind: 'text', text });
      return session;
    },
  };

  function createVisitorRecord(verified: boolean, displayName?: string): FakeVisitor {
    const visitor = { id: nextId('v'), token: nextId('token'), verified, ...(displayName ? { displayName } : {}) };
    backend.visitors.push(visitor);
    return visitor;
  }

  function createSessionRecord(ownerId: string): FakeSession {
    const session: FakeSession = { id: nextId('s'), status: 'open', createdAt: new Date().toISOString(), lastSeq: 0, ownerId, messages: [] };
    backend.sessions.set(session.id, session);
    return session;
  }

  function publicSession({ id, status, createdAt, lastSeq }: FakeSession): Session {
    return { id, status, createdAt, lastSeq };
  }

  function push(sessionId: string, frame: string): void {
    for (const controller of streams.get(sessionId) ?? []) controller.enqueue(encoder.encode(frame));
  }

  function append(sessionId: string, author: Message['author'], body: Pick<Message, 'kind' | 'text' | 'link'>, clientId?: string): Message {
    const session = backend.sessions.get(sessionId);
    if (!session) throw new Error(`no session ${sessionId}`);
    session.lastSeq += 1;
    const message: Message = {
      id: nextId('m'),
      seq: session.lastSeq,
      ...(clientId ? { clientId } : {}),
      author,
      createdAt: new Date().toISOString(),
      ...body,
    };
    session.messages.push(message);
    push(sessionId, `event: message\nid: ${message.seq}\ndata: ${JSON.stringify(message)}\n\n`);
    return message;
  }

  function visitorOf(request: Request): FakeVisitor | undefined {
    const token = request.headers.get('Authorization')?.replace(/^Bearer /, '');
    return backend.visitors.find((visitor) => visitor.token === token);
  }

  function ownSession(request: Request, id: string): { visitor?: FakeVisitor; session?: FakeSession } {
    const visitor = visitorOf(request);
    const session = backend.sessions.get(id);
    return { visitor, session: session && visitor && session.ownerId === visitor.id ? session : undefined };
  }

  backend.handlers = [
    http.get(`${API}/links/:slug/config`, ({ request, params }) => {
      const link = backend.links.get(String(params.slug));
      if (!link) return error(404, 'link_not_found');
      const asked = new URL(request.url).searchParams.get('locale') ?? '';
      const locale = link.locale === '*' ? asked : link.locale;
      backend.linkConfigLocales.push(locale);
      const title = `${backend.config.name} (${locale as LocaleCode})`;
      return HttpResponse.json({ link, app: { ...backend.config, branding: { ...backend.config.branding, title } } });
    }),
    http.get(`${API}/deep-links/:code/config`, ({ request, params }) => {
      const deepLink = backend.deepLinks.get(String(params.code));
      if (!deepLink) return error(404, 'deep_link_not_found');
      const asked = new URL(request.url).searchParams.get('locale') ?? '';
      const locale = deepLink.locale && deepLink.locale !== '*' ? deepLink.locale : asked;
      const title = `${backend.config.name} (${locale})`;
      const expiresAt = '2099-01-01T00:00:00.000Z';
      return HttpResponse.json({ deepLink: { state: 'active', expiresAt, ...deepLink }, app: { ...backend.config, branding: { ...backend.config.branding, title } } });
    }),
    http.get(`${API}/apps/:appId/config`, ({ params }) => {
      if (backend.configError === 'network') return HttpResponse.error();
      if (backend.configError) return error(backend.configError.status, backend.configError.code);
      if (params.appId !== backend.config.appId) return error(404, 'app_not_found');
      return HttpResponse.json(backend.config);
    }),
    http.post(`${API}/apps/:appId/visitors`, async ({ request }) => {
      const body = (await request.json()) as { identity?: { sbs: string; name?: string } };
      backend.visitorBodies.push(body);
      const existing = visitorOf(request);
      if (body.identity && !backend.identityVerdict) {
        const visitor = createVisitorRecord(true, body.identity.name);
        return HttpResponse.json({ visitorToken: visitor.token, visitor: { id: visitor.id, verified: true, displayName: visitor.displayName } });
      }
      const visitor = existing ?? createVisitorRecord(false);
      return HttpResponse.json({
        visitorToken: visitor.token,
        visitor: { id: visitor.id, verified: visitor.verified },
        ...(body.identity ? { identityError: backend.identityVerdict } : {}),
      });
    }),
    http.get(`${API}/apps/:appId/sessions`, ({ request }) => {
      const visitor = visitorOf(request);
      if (!visitor) return error(401, 'unauthorized');
      const own = [...backend.sessions.values()].filter((session) => session.ownerId === visitor.id).reverse();
      return HttpResponse.json({ sessions: own.map(publicSession) });
    }),
    http.post(`${API}/apps/:appId/sessions`, async ({ request }) => {
      const visitor = visitorOf(request);
      if (!visitor) return error(401, 'unauthorized');
      const body = (await request.json()) as { link?: string };
      backend.sessionBodies.push(body);
      if (body.link && backend.linksAtLimit.has(body.link)) return error(403, 'link_limit_reached');
      return HttpResponse.json({ session: publicSession(createSessionRecord(visitor.id)) }, { status: 201 });
    }),
    http.get(`${API}/apps/:appId/sessions/:id`, ({ request, params }) => {
      const { session } = ownSession(request, String(params.id));
      return session ? HttpResponse.json({ session: publicSession(session) }) : error(404, 'session_not_found');
    }),
    http.get(`${API}/apps/:appId/sessions/:id/messages`, ({ request, params }) => {
      const { session } = ownSession(request, String(params.id));
      if (!session) return error(404, 'session_not_found');
      const url = new URL(request.url);
      const after = Number(url.searchParams.get('after') ?? 0);
      const before = Number(url.searchParams.get('before') ?? Number.MAX_SAFE_INTEGER);
      const limit = Number(url.searchParams.get('limit') ?? 50);
      const inRange = session.messages.filter((message) => message.seq > after && message.seq < before);
      // As the server pages: only `after` reads forward from it; anything else is the newest page below `before`.
      const forward = url.searchParams.has('after') && !url.searchParams.has('before');
      const page = forward ? inRange.slice(0, limit) : inRange.slice(-limit);
      return HttpResponse.json({ messages: page, hasMore: page.length < inRange.length });
    }),
    http.post(`${API}/apps/:appId/sessions/:id/messages`, async ({ request, params }) => {
      const body = (await request.json()) as { clientId: string; text: string };
      backend.sentBodies.push(body);
      const fault = backend.sendFaults.shift();
      if (fault?.kind === 'network') return HttpResponse.error();
      if (fault?.kind === 'status') return error(fault.status, fault.code);
      const { session } = ownSession(request, String(params.id));
      if (!session) return error(404, 'session_not_found');
      const repeat = session.messages.find((message) => message.clientId === body.clientId);
      if (repeat) return HttpResponse.json({ message: repeat });
      if (session.status === 'closed') return error(409, 'session_closed');
      const message = append(session.id, { role: 'visitor' }, { kind: 'text', text: body.text }, body.clientId);
      return HttpResponse.json({ message }, { status: 201 });
    }),
    http.get(`${API}/apps/:appId/sessions/:id/events`, ({ request, params }) => {
      const { session } = ownSession(request, String(params.id));
      if (!session) return error(404, 'session_not_found');
      const lastEventId = Number(request.headers.get('Last-Event-ID') ?? 0);
      let own: ReadableStreamDefaultController<Uint8Array>;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          own = controller;
          const set = streams.get(session.id) ?? new Set();
          set.add(controller);
          streams.set(session.id, set);
          controller.enqueue(encoder.encode(`event: ready\ndata: ${JSON.stringify({ lastSeq: session.lastSeq, heartbeatMs: 15000 })}\n\n`));
          for (const message of session.messages.filter((m) => m.seq > lastEventId)) {
            controller.enqueue(encoder.encode(`event: message\nid: ${message.seq}\ndata: ${JSON.stringify(message)}\n\n`));
          }
        },
        cancel() {
          streams.get(session.id)?.delete(own);
        },
      });
      return new HttpResponse(stream, { headers: { 'Content-Type': 'text/event-stream' } });
    }),
  ];
  return backend;
}
