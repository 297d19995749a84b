import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse, passthrough } from 'msw';
import type { Message } from '../../src/api/wire';
import { newSession } from '../server/support/api-client';
import { openPage } from './support/open-page';
import { EVENTS, MESSAGES, nextAnswer, recordRequests, SESSIONS } from './support/page-requests';
import { SESSION_KEY, TOKEN_KEY, useRealServer } from './support/real-server';

const server = useRealServer();
const { faults } = server;

async function start(path = '/direct/demo_app') {
  await openPage(path);
  return screen.findByRole('textbox', { name: 'Your message' });
}

const bubbles = () => within(screen.getByRole('log')).queryAllByRole('listitem');
const bubbleTexts = () => bubbles().map((li) => li.querySelector('p')?.textContent);
const storedOutbox = () => JSON.parse(localStorage.getItem('dc:demo_app:outbox') ?? '[]') as { text: string }[];
const sendsFrom = () => recordRequests(faults, 'POST', MESSAGES);
const openSessionId = () => localStorage.getItem(SESSION_KEY)!;
/** The next send answers like this (then the server takes the sends again). */
const refuseNextSend = (answer: () => Response) => faults.use(http.post(`${server.api}/apps/demo_app/sessions/:id/messages`, answer, { once: true }));
const refusal = (status: number, code: string) => () => HttpResponse.json({ error: { code, message: code } }, { status });

/** Types the visitor's first message and waits until its conversation's live stream is open. */
async function firstMessage(input: HTMLElement, text: string): Promise<string> {
  const streamOpen = nextAnswer(faults, 'GET', EVENTS);
  await userEvent.setup().type(input, `${text}{Enter}`);
  await streamOpen;
  return openSessionId();
}

describe('outbox', () => {
  it('keeps a message through network errors and 5xx, shows it as sending, and delivers it once', async () => {
    const input = await start();
    // The conversation is created only once the "sending" bubble is drawn, as on a slow network: that bubble must be
    // the one that ends delivered, not one drawn again for the new conversation.
    let bubbleDrawn!: () => void;
    const drawn = new Promise<void>((resolve) => (bubbleDrawn = resolve));
    faults.use(
      http.post(`${server.api}/apps/demo_app/sessions`, async () => {
        await drawn;
        return passthrough();
      }),
    );
    refuseNextSend(refusal(503, 'internal'));
    refuseNextSend(() => HttpResponse.error());
    const sends = sendsFrom();
    await userEvent.setup().type(input, 'through the tunnel{Enter}');
    expect(await screen.findByText('Sending…')).toBeInTheDocument();
    const sendingBubble = bubbles()[0];
    bubbleDrawn();
    expect(storedOutbox().map((entry) => entry.text)).toEqual(['through the tunnel']);
    await waitFor(async () => expect(await server.visitorTexts()).toEqual(['through the tunnel']), { timeout: 4000 });
    await waitFor(() => expect(screen.queryByText('Sending…')).not.toBeInTheDocument());
    expect(bubbles()).toHaveLength(1);
    // The same element from "sending" to delivered: the live log announces the message once.
    expect(bubbles()[0]).toBe(sendingBubble);
    expect(sends).toHaveLength(3);
    const ids = new Set(await Promise.all(sends.map(async (request) => ((await request.json()) as { clientId: string }).clientId)));
    expect(ids.size).toBe(1);
    expect(localStorage.getItem('dc:demo_app:outbox')).toBeNull();
  });

  it('marks a permanently refused message as failed, with Retry and Delete', async () => {
    const input = await start();
    const user = userEvent.setup();
    await user.type(input, 'first{Enter}');
    await waitFor(async () => expect(await server.visitorTexts()).toEqual(['first']));
    refuseNextSend(refusal(400, 'invalid_request'));
    await user.type(input, 'refused{Enter}');
    expect(await screen.findByText(/Not sent/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(async () => expect(await server.visitorTexts()).toEqual(['first', 'refused']));
    expect(screen.queryByText(/Not sent/)).not.toBeInTheDocument();

    refuseNextSend(refusal(400, 'invalid_request'));
    await user.type(input, 'unwanted{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(screen.queryByText('unwanted')).not.toBeInTheDocument();
    expect(input).toHaveFocus();
    expect(storedOutbox()).toEqual([]);
    expect(await server.visitorTexts()).toEqual(['first', 'refused']);
  });

  it('after a reload, sends what was left in the outbox once and in order', async () => {
    await start();
    await waitFor(() => expect(localStorage.getItem(TOKEN_KEY)).toBeTruthy());
    const sessionId = await newSession(server.url, localStorage.getItem(TOKEN_KEY)!);
    localStorage.setItem(SESSION_KEY, sessionId);
    const entry = (text: string, n: number) => ({
      clientId: `client-id-${n}-xxxx`,
      text,
      createdAt: new Date().toISOString(),
      sessionId,
      status: 'sending',
    });
    localStorage.setItem('dc:demo_app:outbox', JSON.stringify([entry('one', 1), entry('two', 2), entry('three', 3)]));
    await openPage('/direct/demo_app');
    await waitFor(() => expect(bubbleTexts()).toEqual(['one', 'two', 'three']));
    await waitFor(() => expect(screen.queryByText('Sending…')).not.toBeInTheDocument());
    expect((await server.transcript(sessionId)).map((message) => [message.seq, message.text])).toEqual([
      [1, 'one'],
      [2, 'two'],
      [3, 'three'],
    ]);
  });

  it('shows a closed conversation and starts a new one without losing the draft', async () => {
    const input = await start();
    const sends = sendsFrom();
    const user = userEvent.setup();
    const sessionId = await firstMessage(input, 'hello');
    await user.type(input, 'unsent draft');
    await server.closeSession(sessionId);
    expect(await screen.findByText('This conversation has ended.')).toBeInTheDocument();
    // The composer gives way to a panel that says so: nothing can be typed into an ended conversation.
    expect(screen.queryByRole('textbox', { name: 'Your message' })).toBeNull();
    const startNew = screen.getByRole('button', { name: 'Start a new chat' });
    await waitFor(() => expect(startNew).toHaveFocus());
    expect(sends).toHaveLength(1);
    await user.click(startNew);
    const fresh = await screen.findByRole('textbox', { name: 'Your message' });
    expect(fresh).toHaveValue('unsent draft');
  });
});

describe('incoming stream', () => {
  it('after a dropped stream, reconnects with Last-Event-ID and shows every message exactly once', async () => {
    const input = await start();
    const streams = recordRequests(faults, 'GET', EVENTS);
    const sessionId = await firstMessage(input, 'hi');
    await server.agentSays(sessionId, 'one');
    await screen.findByText('one');
    const reconnected = nextAnswer(faults, 'GET', EVENTS);
    await server.dropStreams();
    await server.agentSays(sessionId, 'two (while disconnected)');
    await server.agentSays(sessionId, 'three (while disconnected)');
    await reconnected;
    await screen.findByText('three (while disconnected)', {}, { timeout: 4000 });
    await server.agentSays(sessionId, 'four');
    await screen.findByText('four');
    expect(bubbleTexts()).toEqual(['hi', 'one', 'two (while disconnected)', 'three (while disconnected)', 'four']);
    expect(streams.map((request) => request.headers.get('Last-Event-ID'))).toEqual([null, '2']);
  });

  it('starts over from the server transcript when the server has lost the numbering the page holds', async () => {
    const input = await start();
    const sessionId = await firstMessage(input, 'before the restore');
    const alsoBefore = await server.agentSays(sessionId, 'also before');
    await screen.findByText('also before');
    // The server comes back from a backup without them: its numbering starts again at 1.
    const restored: Message = { ...alsoBefore, id: 'restored-message-1', seq: 1, text: 'after the restore' };
    server.oddStreams(['event: ready\ndata: {"lastSeq":1,"heartbeatMs":15000}', `event: message\nid: 1\ndata: ${JSON.stringify(restored)}`]);
    faults.use(
      http.get(`${server.api}/apps/demo_app/sessions/:id/messages`, () => HttpResponse.json({ messages: [restored], hasMore: false })),
    );
    await server.dropStreams();
    await waitFor(() => expect(bubbleTexts()).toEqual(['after the restore']));
  });

  it('shows the agent typing, then their message', async () => {
    const input = await start();
    const sessionId = await firstMessage(input, 'hi');
    await server.agentTyping(sessionId);
    expect(await screen.findByText('Sam is typing…')).toBeInTheDocument();
    await server.agentSays(sessionId, 'done');
    await waitFor(() => expect(screen.queryByText('Sam is typing…')).not.toBeInTheDocument());
    expect(screen.getByText('done')).toBeInTheDocument();
  });
});

describe('connectivity', () => {
  it('says politely when the visitor is offline, what is waiting, and when they are back', async () => {
    const input = await start();
    const setOnline = (onLine: boolean) => {
      Object.defineProperty(window.navigator, 'onLine', { value: onLine, configurable: true });
      window.dispatchEvent(new Event(onLine ? 'online' : 'offline'));
    };
    setOnline(false);
    refuseNextSend(() => HttpResponse.error());
    await userEvent.setup().type(input, 'later{Enter}');
    expect(await screen.findByText(/You're offline\. .*1 message is waiting to be sent\./)).toBeInTheDocument();
    setOnline(true);
    expect(await screen.findByText("You're back online.")).toBeInTheDocument();
    await waitFor(async () => expect(await server.visitorTexts()).toEqual(['later']));
  });

  it('works for the whole visit when storage is blocked, and says nothing about it', async () => {
    const original = Object.getOwnPropertyDescriptor(window, 'localStorage');
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('blocked', 'SecurityError');
      },
    });
    try {
      const created = nextAnswer(faults, 'POST', SESSIONS);
      const input = await start();
      await userEvent.setup().type(input, 'private mode{Enter}');
      const { session } = (await (await created).clone().json()) as { session: { id: string } };
      await waitFor(async () => expect((await server.transcript(session.id)).map((m) => m.text)).toEqual(['private mode']));
      await waitFor(() => expect(screen.queryByText('Sending…')).not.toBeInTheDocument());
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    } finally {
      if (original) Object.defineProperty(window, 'localStorage', original);
    }
  });
});
