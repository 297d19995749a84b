// Races and odd servers found in review, each pinned at the controller level, against the real server in-process;
// msw only makes the server slow or odd (a delayed answer, an unreadable message, an answer off the contract).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { bypass, delay, http, HttpResponse, passthrough } from 'msw';
import type { Message } from '../../src/api/wire';
import { ChatController } from '../../src/chat/chat-controller';
import { SEND_BACKOFF } from '../../src/chat/backoff';
import { createBrowserStorage } from '../../src/storage/safe-storage';
import { newSession, sendAll } from '../server/support/api-client';
import { MESSAGES, nextAnswer, nextRequest, recordRequests } from './support/page-requests';
import { SESSION_KEY, TOKEN_KEY, useRealServer } from './support/real-server';

const server = useRealServer();
const { faults } = server;
const controllers: ChatController[] = [];
afterEach(() => {
  vi.useRealTimers();
  controllers.splice(0).forEach((controller) => controller.dispose());
});

function controller(): ChatController {
  const created = new ChatController({ apiBase: server.api, appId: 'demo_app', locale: () => 'en', storage: createBrowserStorage(), random: () => 0 });
  controllers.push(created);
  return created;
}
/** A visitor with a stored conversation holding `texts` (sent by the visitor), as after an earlier visit. */
async function returningVisitor(texts: string[]): Promise<string> {
  const first = controller();
  await first.start();
  first.dispose();
  const token = localStorage.getItem(TOKEN_KEY)!;
  const sessionId = await newSession(server.url, token);
  await sendAll(server.url, token, sessionId, texts);
  localStorage.setItem(SESSION_KEY, sessionId);
  return sessionId;
}
const texts = (c: ChatController) => c.getState().messages.map((message) => message.text);
const messagesRoute = () => `${server.api}/apps/demo_app/sessions/:id/messages`;
const conversations = async () => (await server.sessionsOf(localStorage.getItem(TOKEN_KEY)!)).length;
/** Runs every timer the engine may have set (backoffs up to their longest), so nothing it scheduled is left out. */
async function runOutTimers(): Promise<void> {
  for (let i = 0; i < 4; i++) await vi.advanceTimersByTimeAsync(SEND_BACKOFF.maxMs);
}

describe('while the page is starting', () => {
  it('a message sent before the stored conversation is open goes into that conversation', async () => {
    const stored = await returningVisitor(['earlier visitor message']);
    faults.use(http.get(`${server.api}/apps/demo_app/sessions/:id`, async () => (await delay(200), passthrough())));
    const c = controller();
    const opening = nextRequest(faults, 'GET', /\/sessions\/[^/]+$/);
    void c.start();
    await opening;
    c.send('hello after reload');
    await expect.poll(() => texts(c), { timeout: 5000 }).toEqual(['earlier visitor message', 'hello after reload']);
    expect(await conversations()).toBe(1);
    expect(c.getState().session?.id).toBe(stored);
    expect(localStorage.getItem(SESSION_KEY)).toBe(stored);
    await server.agentSays(stored, 'live reply');
    await expect.poll(() => texts(c)).toContain('live reply');
  });
});

describe('connection state', () => {
  it('offline then online with no conversation yet comes back to online', async () => {
    const c = controller();
    await c.start();
    c.wentOffline();
    c.reconnectNow();
    expect(c.getState().connection).toBe('online');
  });
});

describe('transcript', () => {
  it('the server pages a long conversation: the newest 50 of 70 (seq 21-70), then the first 20', async () => {
    await returningVisitor(Array.from({ length: 70 }, (_, i) => `m${i + 1}`));
    const c = controller();
    await c.start();
    const seqs = () => c.getState().messages.map((message) => message.seq);
    expect(seqs()).toEqual(Array.from({ length: 50 }, (_, i) => i + 21));
    expect(c.getState().hasEarlier).toBe(true);
    await c.loadEarlier();
    expect(seqs()).toEqual(Array.from({ length: 70 }, (_, i) => i + 1));
    expect(c.getState().hasEarlier).toBe(false);
  });

  it('"show earlier" answered after "new chat" does not bring the old conversation into the new one', async () => {
    await returningVisitor(Array.from({ length: 70 }, (_, i) => `m${i + 1}`));
    const c = controller();
    await c.start();
    expect(c.getState().hasEarlier).toBe(true);
    faults.use(http.get(messagesRoute(), async () => (await delay(200), passthrough())));
    const loading = c.loadEarlier();
    c.startNewChat();
    await loading;
    expect(c.getState().messages).toEqual([]);
  });

  it('a message the page cannot read is asked for once, not again with every live message', async () => {
    const sessionId = await returningVisitor(Array.from({ length: 160 }, (_, i) => `m${i + 1}`));
    // An odd server: the 60th message is of a kind this page does not know.
    faults.use(
      http.get(messagesRoute(), async ({ request }) => {
        const real = (await (await fetch(bypass(request))).json()) as { messages: Message[]; hasMore: boolean };
        return HttpResponse.json({ ...real, messages: real.messages.map((m) => (m.seq === 60 ? { ...m, kind: 'image' } : m)) });
      }),
    );
    const c = controller();
    await c.start();
    await c.loadEarlier();
    await c.loadEarlier();
    const gets = recordRequests(faults, 'GET', MESSAGES);
    // The pages named seq 60 without a kind this page knows: it is not a hole to fill with every live message.
    const costs: number[] = [];
    for (const text of ['new one', 'newer one', 'newest one']) {
      const before = gets.length;
      await server.agentSays(sessionId, text);
      await expect.poll(() => texts(c)).toContain(text);
      costs.push(gets.length - before);
    }
    expect(costs).toEqual([0, 0, 0]);
  });

  it('a "ready" older than our own last send does not wipe that message', async () => {
    const sessionId = await returningVisitor(['a', 'b', 'c']);
    let stream: ReadableStreamDefaultController<Uint8Array> | undefined;
    faults.use(
      http.get(`${server.api}/apps/demo_app/sessions/:id/events`, () =>
        new HttpResponse(new ReadableStream({ start: (controller) => void (stream = controller) }), {
          headers: { 'Content-Type': 'text/event-stream' },
        }),
      ),
    );
    const c = controller();
    await c.start();
    c.send('mine');
    await expect.poll(() => texts(c)).toEqual(['a', 'b', 'c', 'mine']);
    const [, , , mine] = await server.transcript(sessionId);
    // The engine compares with the server's newest page: its answer, once handled, is the moment to look.
    const numberingChecked = nextAnswer(faults, 'GET', MESSAGES);
    const encoder = new TextEncoder();
    stream!.enqueue(encoder.encode('event: ready\ndata: {"lastSeq":3,"heartbeatMs":15000}\n\n'));
    stream!.enqueue(encoder.encode(`event: message\nid: 4\ndata: ${JSON.stringify(mine)}\n\n`));
    await (await numberingChecked).text();
    await expect.poll(() => c.getState().messages.length).toBe(4);
    expect(texts(c)).toEqual(['a', 'b', 'c', 'mine']);
    expect(localStorage.getItem('dc:demo_app:outbox')).toBeNull();
  });
});

describe('outbox', () => {
  it('an answer that is not the contract is not re-sent forever: the message is marked failed', async () => {
    let posts = 0;
    faults.use(
      http.post(messagesRoute(), () => {
        posts++;
        return HttpResponse.json({ message: { id: 'x' } }, { status: 201 });
      }),
    );
    const c = controller();
    await c.start();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    c.send('hi');
    await expect.poll(() => c.getState().pending.map((entry) => entry.status)).toEqual(['failed']);
    await runOutTimers();
    expect(posts).toBe(1);
  });

  it("two tabs keep each other's unsent messages in storage", async () => {
    const a = controller();
    await a.start();
    const b = controller();
    await b.start();
    faults.use(http.post(messagesRoute(), () => HttpResponse.error()));
    const firstTry = nextRequest(faults, 'POST', MESSAGES);
    a.send('from tab A');
    await firstTry;
    faults.resetHandlers();
    b.send('from tab B');
    expect(localStorage.getItem('dc:demo_app:outbox') ?? '').toContain('from tab A');
  });

  it('a message refused because the conversation ended can be retried in the new chat', async () => {
    const c = controller();
    await c.start();
    c.send('first');
    await expect.poll(() => texts(c)).toEqual(['first']);
    await server.closeSession(c.getState().session!.id);
    await expect.poll(() => c.getState().session?.status).toBe('closed');
    c.send('too late');
    await expect.poll(() => c.getState().pending.map((entry) => entry.failReason)).toEqual(['session_closed']);
    c.startNewChat();
    expect(c.getState().pending.map((entry) => entry.text)).toEqual(['too late']);
    c.retry(c.getState().pending[0].clientId);
    await expect.poll(() => texts(c)).toEqual(['too late']);
    expect(await conversations()).toBe(2);
  });
});
