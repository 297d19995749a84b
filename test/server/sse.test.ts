import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AgentSessionSummary } from '../../server/agent-wire';
import type { Message, ReadyEvent, Session, TypingEvent } from '../../src/api/wire';
import { agent, call, newSession, newVisitor, sendText } from './support/api-client';
import { dataOf, isEvent, openEventStream } from './support/event-stream';
import { AGENT_TOKEN, startTestServer, type TestServer } from './support/test-server';

const HEARTBEAT_MS = 150;
let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer({ heartbeatMs: HEARTBEAT_MS, faultInjection: true });
});
// A fresh visitor per test: a visitor's open conversation without messages is handed back instead of a new one.
beforeEach(async () => {
  token = (await newVisitor(server.url)).visitorToken;
});
afterAll(() => server.destroy());

const eventsUrl = (sessionId: string) => `${server.url}/api/apps/demo_app/sessions/${sessionId}/events`;
const open = (sessionId: string, extra: Record<string, string> = {}) =>
  openEventStream(eventsUrl(sessionId), { authorization: `Bearer ${token}`, ...extra });

describe('visitor event stream', () => {
  it('starts with retry and a ready event carrying lastSeq and heartbeatMs', async () => {
    const sessionId = await newSession(server.url, token);
    await sendText(server.url, token, sessionId, 'earlier');
    const stream = await open(sessionId);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers.get('x-accel-buffering')).toBe('no');
    expect(stream.headers.get('cache-control')).toBe('no-store');
    const ready = await stream.next(isEvent('ready'));
    expect(stream.frames[0]).toMatchObject({ retry: '2000' });
    expect(stream.frames[1]).toBe(ready);
    expect(ready.id).toBeUndefined();
    expect(dataOf<ReadyEvent>(ready)).toEqual({ lastSeq: 1, heartbeatMs: HEARTBEAT_MS });
    // Without Last-Event-ID there is no backlog: the page reads the transcript with GET .../messages.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stream.frames.filter(isEvent('message'))).toHaveLength(0);
    stream.close();
  });

  it('delivers live messages from the visitor and the agent, typing, and the session closing', async () => {
    const sessionId = await newSession(server.url, token);
    const stream = await open(sessionId);
    await stream.next(isEvent('ready'));

    await sendText(server.url, token, sessionId, 'hello');
    const mine = await stream.next(isEvent('message'));
    expect(mine.id).toBe('1');
    expect(dataOf<Message>(mine)).toMatchObject({ seq: 1, text: 'hello', author: { role: 'visitor' } });

    await agent(server.url, `/apps/demo_app/sessions/${sessionId}/typing`, { body: { typing: true, authorName: 'Sam' } });
    const typing = await stream.next(isEvent('typing'));
    expect(typing.id).toBeUndefined();
    expect(dataOf<TypingEvent>(typing)).toEqual({ role: 'agent', name: 'Sam', typing: true });

    await agent(server.url, `/apps/demo_app/sessions/${sessionId}/messages`, {
      body: { clientId: 'agent-msg-0001', kind: 'link', link: { url: 'https://example.com/a', title: 'Order' }, authorName: 'Sam' },
    });
    const reply = await stream.next(isEvent('message'));
    expect(reply.id).toBe('2');
    expect(dataOf<Message>(reply)).toMatchObject({
      seq: 2,
      kind: 'link',
      link: { url: 'https://example.com/a', title: 'Order' },
      author: { role: 'agent', name: 'Sam' },
    });

    await agent(server.url, `/apps/demo_app/sessions/${sessionId}/close`, { method: 'POST' });
    const closed = await stream.next(isEvent('session'));
    expect(closed.id).toBeUndefined();
    expect(dataOf<Session>(closed)).toMatchObject({ id: sessionId, status: 'closed', lastSeq: 2 });
    stream.close();
  });

  it('resumes after Last-Event-ID with the missed messages in order, then live ones', async () => {
    const sessionId = await newSession(server.url, token);
    for (const text of ['a', 'b', 'c']) await sendText(server.url, token, sessionId, text);
    const stream = await open(sessionId, { 'last-event-id': '1' });
    expect(dataOf<ReadyEvent>(await stream.next(isEvent('ready'))).lastSeq).toBe(3);
    const missed = [await stream.next(isEvent('message')), await stream.next(isEvent('message'))];
    expect(missed.map((frame) => frame.id)).toEqual(['2', '3']);
    expect(missed.map((frame) => dataOf<Message>(frame).text)).toEqual(['b', 'c']);
    await sendText(server.url, token, sessionId, 'd');
    expect((await stream.next(isEvent('message'))).id).toBe('4');
    expect(stream.frames.filter(isEvent('message'))).toHaveLength(3);
    stream.close();
  });

  it('sends only ready (with the real lastSeq) when Last-Event-ID is ahead of the session', async () => {
    const sessionId = await newSession(server.url, token);
    await sendText(server.url, token, sessionId, 'only');
    const stream = await open(sessionId, { 'last-event-id': '99' });
    expect(dataOf<ReadyEvent>(await stream.next(isEvent('ready'))).lastSeq).toBe(1);
    await sendText(server.url, token, sessionId, 'next');
    expect((await stream.next(isEvent('message'))).id).toBe('2');
    expect(stream.frames.filter(isEvent('message'))).toHaveLength(1);
    stream.close();
  });

  it('sends heartbeat comments every heartbeatMs', async () => {
    const stream = await open(await newSession(server.url, token));
    const started = Date.now();
    await stream.next((frame) => frame.comments.includes('heartbeat'), 2000);
    await stream.next((frame) => frame.comments.includes('heartbeat'), 2000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(HEARTBEAT_MS * 2 - 20);
    stream.close();
  });

  it('refuses a stream without a token (401) and a non-numeric Last-Event-ID (400)', async () => {
    const sessionId = await newSession(server.url, token);
    expect((await call(server.url, `/api/apps/demo_app/sessions/${sessionId}/events`)).status).toBe(401);
    const bad = await call(server.url, `/api/apps/demo_app/sessions/${sessionId}/events`, {
      token,
      headers: { 'last-event-id': 'abc' },
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid_request']);
  });
});

describe('agent event stream', () => {
  it("sends a session summary once the visitor has spoken, on every new message and on closing", async () => {
    const stream = await openEventStream(`${server.url}/api/agent/apps/demo_app/events`, {
      authorization: `Bearer ${AGENT_TOKEN}`,
    });
    expect(stream.status).toBe(200);
    const sessionId = await newSession(server.url, token);
    await sendText(server.url, token, sessionId, 'need help');
    const updated = dataOf<AgentSessionSummary>(await stream.next(isEvent('session')));
    expect(updated).toMatchObject({ id: sessionId, appId: 'demo_app', status: 'open', lastSeq: 1, visitor: { verified: false } });
    expect(updated.lastMessage).toMatchObject({ text: 'need help' });
    expect(stream.frames.filter((frame) => frame.event === 'session')).toHaveLength(1);

    await agent(server.url, `/apps/demo_app/sessions/${sessionId}/close`, { method: 'POST' });
    expect(dataOf<AgentSessionSummary>(await stream.next(isEvent('session')))).toMatchObject({ status: 'closed' });
    stream.close();
  });

  it('needs the agent token', async () => {
    const stream = await openEventStream(`${server.url}/api/agent/apps/demo_app/events`, { authorization: 'Bearer wrong' });
    expect(stream.status).toBe(401);
    await stream.ended;
  });
});

describe('fault injection', () => {
  it('drops every open stream on POST /api/agent/debug/drop-streams; clients resume with Last-Event-ID', async () => {
    const sessionId = await newSession(server.url, token);
    const visitorStream = await open(sessionId);
    const agentStream = await openEventStream(`${server.url}/api/agent/apps/demo_app/events`, {
      authorization: `Bearer ${AGENT_TOKEN}`,
    });
    await visitorStream.next(isEvent('ready'));
    expect((await agent(server.url, '/debug/drop-streams', { method: 'POST' })).status).toBe(204);
    await Promise.all([visitorStream.ended, agentStream.ended]);
    expect(server.context.streams.size).toBe(0);
  });

  it('does not exist without DIRECT_CHAT_FAULT_INJECTION=1', async () => {
    const plain = await startTestServer();
    try {
      const answer = await agent(plain.url, '/debug/drop-streams', { method: 'POST' });
      expect([answer.status, answer.body.error.code]).toEqual([404, 'not_found']);
    } finally {
      await plain.destroy();
    }
  });
});
