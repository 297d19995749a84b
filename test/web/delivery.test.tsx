import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import type { FakeBackend } from './support/fake-backend';
import { setUpFakeBackendServer } from './support/fake-backend-server';
import { openPage } from './support/open-page';

const { server, newBackend } = setUpFakeBackendServer();
let backend: FakeBackend;

async function start(path = '/direct/demo_app') {
  backend = newBackend();
  await openPage(path);
  return screen.findByRole('textbox', { name: 'Your message' });
}

const bubbles = () => within(screen.getByRole('log')).queryAllByRole('listitem');
const storedOutbox = () => JSON.parse(localStorage.getItem('dc:demo_app:outbox') ?? '[]') as { text: string }[];
const visitorTexts = () =>
  [...backend.sessions.values()].flatMap((session) => session.messages.filter((m) => m.author.role === 'visitor').map((m) => m.text));

describe('outbox', () => {
  it('keeps a message through network errors and 5xx, shows it as sending, and delivers it once', async () => {
    const input = await start();
    backend.sendFaults.push({ kind: 'network' }, { kind: 'status', status: 503, code: 'internal' });
    await userEvent.setup().type(input, 'through the tunnel{Enter}');
    expect(await screen.findByText('Sending…')).toBeInTheDocument();
    const sendingBubble = bubbles()[0];
    expect(storedOutbox().map((entry) => entry.text)).toEqual(['through the tunnel']);
    await waitFor(() => expect(visitorTexts()).toEqual(['through the tunnel']), { timeout: 4000 });
    await waitFor(() => expect(screen.queryByText('Sending…')).not.toBeInTheDocument());
    expect(bubbles()).toHaveLength(1);
    // The same element from "sending" to delivered: the live log announces the message once.
    expect(bubbles()[0]).toBe(sendingBubble);
    expect(backend.sentBodies).toHaveLength(3);
    const ids = new Set(backend.sentBodies.map((body) => (body as { clientId: string }).clientId));
    expect(ids.size).toBe(1);
    expect(localStorage.getItem('dc:demo_app:outbox')).toBeNull();
  });

  it('marks a permanently refused message as failed, with Retry and Delete', async () => {
    const input = await start();
    const user = userEvent.setup();
    await user.type(input, 'first{Enter}');
    await waitFor(() => expect(visitorTexts()).toEqual(['first']));
    backend.sendFaults.push({ kind: 'status', status: 400, code: 'invalid_request' });
    await user.type(input, 'refused{Enter}');
    expect(await screen.findByText(/Not sent/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(visitorTexts()).toEqual(['first', 'refused']));
    expect(screen.queryByText(/Not sent/)).not.toBeInTheDocument();

    backend.sendFaults.push({ kind: 'status', status: 400, code: 'invalid_request' });
    await user.type(input, 'unwanted{Enter}');
    await user.click(await screen.findByRole('button', { name: 'Delete' }));
    expect(screen.queryByText('unwanted')).not.toBeInTheDocument();
    expect(input).toHaveFocus();
    expect(storedOutbox()).toEqual([]);
  });

  it('after a reload, sends what was left in the outbox once and in order', async () => {
    await start();
    await waitFor(() => expect(localStorage.getItem('dc:demo_app:token')).toBeTruthy());
    const session = backend.addSessionFor(localStorage.getItem('dc:demo_app:token'), []);
    localStorage.setItem('dc:demo_app:session', session.id);
    const entry = (text: string, n: number) => ({
      clientId: `client-id-${n}-xxxx`,
      text,
      createdAt: new Date().toISOString(),
      sessionId: session.id,
      status: 'sending',
    });
    localStorage.setItem('dc:demo_app:outbox', JSON.stringify([entry('one', 1), entry('two', 2), entry('three', 3)]));
    await openPage('/direct/demo_app');
    await waitFor(() => expect(visitorTexts()).toEqual(['one', 'two', 'three']));
    await waitFor(() => expect(bubbles().map((li) => li.querySelector('p')?.textContent)).toEqual(['one', 'two', 'three']));
  });

  it('shows a closed conversation and starts a new one without losing the draft', async () => {
    const input = await start();
    const user = userEvent.setup();
    await user.type(input, 'hello{Enter}');
    await waitFor(() => expect(backend.openStreams()).toBeGreaterThan(0));
    const [session] = backend.sessions.values();
    await user.type(input, 'unsent draft');
    backend.closeSession(session.id);
    expect(await screen.findByText('This conversation has ended.')).toBeInTheDocument();
    // The composer gives way to a panel that says so: nothing can be typed into an ended conversation.
    expect(screen.queryByRole('textbox', { name: 'Your message' })).toBeNull();
    const startNew = screen.getByRole('button', { name: 'Start a new chat' });
    await waitFor(() => expect(startNew).toHaveFocus());
    expect(backend.sentBodies).toHaveLength(1);
    await user.click(startNew);
    const fresh = await screen.findByRole('textbox', { name: 'Your message' });
    expect(fresh).toHaveValue('unsent draft');
  });
});

describe('incoming stream', () => {
  it('after a dropped stream, reconnects with Last-Event-ID and shows every message exactly once', async () => {
    const input = await start();
    const seen: (string | null)[] = [];
    server.events.on('request:start', ({ request }) => {
      if (request.url.endsWith('/events')) seen.push(request.headers.get('Last-Event-ID'));
    });
    await userEvent.setup().type(input, 'hi{Enter}');
    await waitFor(() => expect(backend.openStreams()).toBeGreaterThan(0));
    const [session] = backend.sessions.values();
    backend.agentSays(session.id, 'one');
    await screen.findByText('one');
    backend.dropStreams();
    backend.agentSays(session.id, 'two (while disconnected)');
    backend.agentSays(session.id, 'three (while disconnected)');
    await screen.findByText('three (while disconnected)', {}, { timeout: 4000 });
    backend.agentSays(session.id, 'four');
    await screen.findByText('four');
    expect(bubbles().map((li) => li.querySelector('p')?.textContent)).toEqual([
      'hi',
      'one',
      'two (while disconnected)',
      'three (while disconnected)',
      'four',
    ]);
    expect(seen.at(-1)).toBe('2');
  });

  it('starts over from the server transcript when the server has lost the numbering the page holds', async () => {
    const input = await start();
    await userEvent.setup().type(input, 'before the restore{Enter}');
    await waitFor(() => expect(backend.openStreams()).toBeGreaterThan(0));
    const [session] = backend.sessions.values();
    backend.agentSays(session.id, 'also before');
    await screen.findByText('also before');
    backend.forgetMessages(session.id);
    backend.agentSays(session.id, 'after the restore');
    await waitFor(() => expect(bubbles().map((li) => li.querySelector('p')?.textContent)).toEqual(['after the restore']));
  });

  it('shows the agent typing, then their message', async () => {
    const input = await start();
    await userEvent.setup().type(input, 'hi{Enter}');
    await waitFor(() => expect(backend.openStreams()).toBeGreaterThan(0));
    const [session] = backend.sessions.values();
    backend.agentTyping(session.id);
    expect(await screen.findByText('Sam is typing…')).toBeInTheDocument();
    backend.agentSays(session.id, 'done');
    await waitFor(() => expect(screen.queryByText('Sam is typing…')).not.toBeInTheDocument());
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
    backend.sendFaults.push({ kind: 'network' });
    await userEvent.setup().type(input, 'later{Enter}');
    expect(await screen.findByText(/You're offline\. .*1 message is waiting to be sent\./)).toBeInTheDocument();
    setOnline(true);
    expect(await screen.findByText("You're back online.")).toBeInTheDocument();
    await waitFor(() => expect(visitorTexts()).toEqual(['later']));
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
      const input = await start();
      await userEvent.setup().type(input, 'private mode{Enter}');
      await waitFor(() => expect(visitorTexts()).toEqual(['private mode']));
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    } finally {
      if (original) Object.defineProperty(window, 'localStorage', original);
    }
  });
});
