// Races and odd servers found in review, each pinned at the controller level (msw at the HTTP layer).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setupServer } from 'msw/node';
import { delay, http, HttpResponse } from 'msw';
import { API, createFakeBackend, type FakeBackend } from './support/fake-backend';
import { ChatController } from '../../src/chat/chat-controller';
import { createBrowserStorage } from '../../src/storage/safe-storage';

const server = setupServer();
let backend: FakeBackend;
const controllers: ChatController[] = [];
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  controllers.splice(0).forEach((controller) => controller.dispose());
  backend?.dropStreams();
  server.resetHandlers();
  server.events.removeAllListeners();
});
afterAll(() => server.close());

// Only for "and nothing more happens afterwards" checks; anything that waits for something awaits it.
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves when the page makes its next request of this kind, so a test acts at that moment instead of after a guess. */
function nextRequest(method: string, path: RegExp): Promise<void> {
  return new Promise((resolve) => {
    const listener = ({ request }: { request: Request }) => {
      if (request.method !== method || !path.test(new URL(request.url).pathname)) return;
      server.events.removeListener('request:start', listener);
      resolve();
    };
    server.events.on('request:start', listener);
  });
}
function controller(): ChatController {
  const created = new ChatController({ apiBase: API, appId: 'demo_app', locale: () => 'en', storage: createBrowserStorage(), random: () => 0 });
  controllers.push(created);
  return created;
}
function freshBackend(): FakeBackend {
  backend = createFakeBackend();
  server.use(...backend.handlers);
  return backend;
}
/** A visitor with a stored conversation holding `texts`, as after an earlier visit. */
async function returningVisitor(texts: string[]) {
  const first = controller();
  await first.start();
  first.dispose();
  const session = backend.addSessionFor(localStorage.getItem('dc:demo_app:token'), texts);
  localStorage.setItem('dc:demo_app:session', session.id);
  return session;
}
const texts = (c: ChatController) => c.getState().messages.map((message) => message.text);

describe('while the page is starting', () => {
  it('a message sent before the stored conversation is open goes into that conversation', async () => {
    freshBackend();
    const stored = await returningVisitor(['earlier agent reply']);
    server.use(http.get(`${API}/apps/demo_app/sessions/:id`, async () => void (await delay(200))));
    const c = controller();
    const opening = nextRequest('GET', /\/sessions\/[^/]+$/);
    void c.start();
    await opening;
    c.send('hello after reload');
    await expect.poll(() => texts(c), { timeout: 3000 }).toEqual(['earlier agent reply', 'hello after reload']);
    expect(backend.sessions.size).toBe(1);
    expect(c.getState().session?.id).toBe(stored.id);
    expect(localStorage.getItem('dc:demo_app:session')).toBe(stored.id);
    backend.agentSays(stored.id, 'live reply');
    await expect.poll(() => texts(c)).toContain('live reply');
  });
});

describe('connection state', () => {
  it('offline then online with no conversation yet comes back to online', async () => {
    freshBackend();
    const c = controller();
    await c.start();
    c.wentOffline();
    c.reconnectNow();
    expect(c.getState().connection).toBe('online');
  });
});

describe('transcript', () => {
  it('"show earlier" answered after "new chat" does not bring the old conversation into the new one', async () => {
    freshBackend();
    await returningVisitor(Array.from({ length: 70 }, (_, i) => `m${i + 1}`));
    const c = controller();
    await c.start();
    expect(c.getState().hasEarlier).toBe(true);
    server.use(http.get(`${API}/apps/demo_app/sessions/:id/messages`, async () => void (await delay(200))));
    const loading = c.loadEarlier();
    c.startNewChat();
    await loading;
    expect(c.getState().messages).toEqual([]);
  });

  it('a message the page cannot read leaves no endless catch-up loop', async () => {
    freshBackend();
    const session = await returningVisitor(Array.from({ length: 160 }, (_, i) => `m${i + 1}`));
    (session.messages[59] as { kind: string }).kind = 'image';
    let gets = 0;
    server.events.on('request:start', ({ request }) => {
      if (request.method === 'GET' && request.url.includes('/messages')) gets++;
    });
    const c = controller();
    await c.start();
    await c.loadEarlier();
    await c.loadEarlier();
    gets = 0;
    backend.agentSays(session.id, 'new one');
    await expect.poll(() => texts(c)).toContain('new one');
    await sleep(500);
    expect(gets).toBeLessThan(10);
  });

  it('a "ready" older than our own last send does not wipe that message', async () => {
    freshBackend();
    const session = await returningVisitor(['a', 'b', 'c']);
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    server.use(
      http.get(`${API}/apps/demo_app/sessions/:id/events`, () =>
        new HttpResponse(new ReadableStream({ start: (controller) => void (stream = controller) }), {
          headers: { 'Content-Type': 'text/event-stream' },
        }),
      ),
    );
    const c = controller();
    await c.start();
    c.send('mine');
    await expect.poll(() => texts(c)).toEqual(['a', 'b', 'c', 'mine']);
    const encoder = new TextEncoder();
    stream!.enqueue(encoder.encode('event: ready\ndata: {"lastSeq":3,"heartbeatMs":15000}\n\n'));
    stream!.enqueue(encoder.encode(`event: message\nid: 4\ndata: ${JSON.stringify(session.messages[3])}\n\n`));
    await sleep(400);
    expect(texts(c)).toEqual(['a', 'b', 'c', 'mine']);
    expect(localStorage.getItem('dc:demo_app:outbox')).toBeNull();
  });
});

describe('outbox', () => {
  it('an answer that is not the contract is not re-sent forever: the message is marked failed', async () => {
    freshBackend();
    let posts = 0;
    server.use(
      http.post(`${API}/apps/demo_app/sessions/:id/messages`, () => {
        posts++;
        return HttpResponse.json({ message: { id: 'x' } }, { status: 201 });
      }),
    );
    const c = controller();
    await c.start();
    c.send('hi');
    await expect.poll(() => c.getState().pending.map((entry) => entry.status)).toEqual(['failed']);
    await sleep(500);
    expect(posts).toBe(1);
  });

  it("two tabs keep each other's unsent messages in storage", async () => {
    freshBackend();
    const a = controller();
    await a.start();
    const b = controller();
    await b.start();
    backend.sendFaults.push(...Array.from({ length: 50 }, () => ({ kind: 'network' as const })));
    const firstTry = nextRequest('POST', /\/messages$/);
    a.send('from tab A');
    await firstTry;
    backend.sendFaults.length = 0;
    b.send('from tab B');
    expect(localStorage.getItem('dc:demo_app:outbox') ?? '').toContain('from tab A');
  });

  it('a message refused because the conversation ended can be retried in the new chat', async () => {
    freshBackend();
    const c = controller();
    await c.start();
    c.send('first');
    await expect.poll(() => texts(c)).toEqual(['first']);
    backend.closeSession(c.getState().session!.id);
    await expect.poll(() => c.getState().session?.status).toBe('closed');
    c.send('too late');
    await expect.poll(() => c.getState().pending.map((entry) => entry.failReason)).toEqual(['session_closed']);
    c.startNewChat();
    expect(c.getState().pending.map((entry) => entry.text)).toEqual(['too late']);
    c.retry(c.getState().pending[0].clientId);
    await expect.poll(() => texts(c)).toEqual(['too late']);
    expect(backend.sessions.size).toBe(2);
  });
});
