// The reference server in this process, for page tests: real SQLite, real HTTP, the real contract (paging, streams,
// ownership, signatures). msw stays, only to inject faults on top: every request it has no handler for reaches the
// server, and `faults.events` lets a test see the requests the page makes.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { Message, Session } from '../../../src/api/wire';
import type { ServerSettings } from '../../../server/config/server-settings';
import { startServer, type RunningServer } from '../../../server/http-server';
import { AGENT_TOKEN, testSettings } from '../../server/support/test-server';
import { closePage } from './open-page';

/** demo_app in all nine languages (and partner_app, which has no full page). */
export const WEB_FIXTURE_APPS = resolve(__dirname, '../fixtures/apps.json');

export const TOKEN_KEY = 'dc:demo_app:token';
export const SESSION_KEY = 'dc:demo_app:session';

export interface RealServer {
  url: string;
  /** The API base the page is given, `<url>/api`. */
  api: string;
  faults: ReturnType<typeof setupServer>;
  /** A call to the agent API of demo_app, as an agent would make it. */
  agent(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<Response>;
  /** Agent Sam answers in a conversation (stored and streamed by the server). */
  agentSays(sessionId: string, text: string): Promise<Message>;
  agentTyping(sessionId: string): Promise<void>;
  closeSession(sessionId: string): Promise<void>;
  /** Ends every open event stream from the server's side, as a dropped connection would. */
  dropStreams(): Promise<void>;
  /** An odd server: the next event streams the page opens carry these frames (`event: ...\ndata: ...`), then stay open. */
  oddStreams(frames: string[]): void;
  /** A conversation's stored messages, oldest first. */
  transcript(sessionId: string): Promise<Message[]>;
  /** The conversations of the visitor holding `token`, newest first. */
  sessionsOf(token: string): Promise<Session[]>;
  /** Every text the visitor holding the page's stored token has sent, over all their conversations, oldest first. */
  visitorTexts(): Promise<string[]>;
}

async function ok(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

let agentMessages = 0;

/**
 * Starts the server before the file's tests and points the page at it (its deploy-time api-base meta). `settings` is
 * read when it starts, after the file's earlier beforeAll hooks (a site the server should reach, say).
 */
export function useRealServer(settings: () => Partial<ServerSettings> = () => ({})): RealServer {
  let running: RunningServer | undefined;
  let scratch = '';
  const meta = document.createElement('meta');
  const faults = setupServer();
  beforeAll(async () => {
    const made = await testSettings({ databaseUrl: undefined, appsFile: WEB_FIXTURE_APPS, faultInjection: true, ...settings() });
    scratch = made.scratch;
    const platform = { Request: globalThis.Request, Response: globalThis.Response };
    running = await startServer(made.settings);
    // The server's HTTP adapter swaps in its own lighter Request and Response; the page and msw share this process
    // and need the platform's (a network error, Response.error(), is the adapter's 200 otherwise).
    for (const [name, value] of Object.entries(platform)) Object.defineProperty(globalThis, name, { value });
    meta.name = 'direct-chat:api-base';
    meta.content = `${running.url}/api`;
    document.head.append(meta);
    faults.listen({ onUnhandledRequest: 'bypass' });
  });
  afterEach(() => {
    closePage();
    faults.resetHandlers();
    faults.events.removeAllListeners();
  });
  afterAll(async () => {
    faults.close();
    meta.remove();
    await running?.close();
    rmSync(scratch, { recursive: true, force: true });
  });
  const url = () => {
    if (!running) throw new Error('the server starts in beforeAll');
    return running.url;
  };
  const visitorGet = async <T>(token: string, path: string): Promise<T> =>
    (await (await ok(await fetch(`${url()}/api/apps/demo_app${path}`, { headers: { Authorization: `Bearer ${token}` } }), path)).json()) as T;
  const server: RealServer = {
    get url() {
      return url();
    },
    get api() {
      return `${url()}/api`;
    },
    faults,
    agent(method, path, body) {
      return fetch(`${url()}/api/agent/apps/demo_app${path}`, {
        method,
        headers: { Authorization: `Bearer ${AGENT_TOKEN}`, ...(body ? { 'Content-Type': 'application/json' } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
    },
    async agentSays(sessionId, text) {
      const body = { clientId: `agent-${++agentMessages}-${Date.now().toString(36)}`, kind: 'text', text, authorName: 'Sam' };
      const response = await ok(await server.agent('POST', `/sessions/${sessionId}/messages`, body), 'agent message');
      return ((await response.json()) as { message: Message }).message;
    },
    async agentTyping(sessionId) {
      await ok(await server.agent('POST', `/sessions/${sessionId}/typing`, { typing: true, authorName: 'Sam' }), 'typing');
    },
    async closeSession(sessionId) {
      await ok(await server.agent('POST', `/sessions/${sessionId}/close`, {}), 'close');
    },
    async dropStreams() {
      await ok(await fetch(`${url()}/api/agent/debug/drop-streams`, { method: 'POST', headers: { Authorization: `Bearer ${AGENT_TOKEN}` } }), 'drop');
    },
    oddStreams(frames) {
      const encoder = new TextEncoder();
      faults.use(
        http.get(`${url()}/api/apps/demo_app/sessions/:id/events`, () => {
          const body = new ReadableStream({ start: (controller) => frames.forEach((frame) => controller.enqueue(encoder.encode(`${frame}\n\n`))) });
          return new HttpResponse(body, { headers: { 'Content-Type': 'text/event-stream' } });
        }),
      );
    },
    async transcript(sessionId) {
      const response = await ok(await server.agent('GET', `/sessions/${sessionId}/messages?limit=100`), 'transcript');
      return ((await response.json()) as { messages: Message[] }).messages;
    },
    async sessionsOf(token) {
      return (await visitorGet<{ sessions: Session[] }>(token, '/sessions')).sessions;
    },
    async visitorTexts() {
      const token = localStorage.getItem(TOKEN_KEY);
      if (!token) return [];
      const sessions = (await server.sessionsOf(token)).reverse();
      const transcripts = await Promise.all(sessions.map((session) => server.transcript(session.id)));
      return transcripts.flat().filter((message) => message.author.role === 'visitor').map((message) => message.text ?? '');
    },
  };
  return server;
}
