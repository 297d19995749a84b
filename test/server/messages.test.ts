import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, MessagePage, SessionResponse } from '../../src/api/wire';
import { agent, call, clientId, newSession, newVisitor, sendText } from './support/api-client';
import { startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
let token: string;
beforeAll(async () => {
  server = await startTestServer();
  token = (await newVisitor(server.url)).visitorToken;
});
afterAll(() => server.destroy());

const messagesPath = (sessionId: string, query = '') => `/api/apps/demo_app/sessions/${sessionId}/messages${query}`;
const page = async (sessionId: string, query: string) =>
  (await call<MessagePage>(server.url, messagesPath(sessionId, query), { token })).body;
const seqs = (result: MessagePage) => result.messages.map((message) => message.seq);

describe('sending messages', () => {
  it('numbers messages 1, 2, 3 per session and reports lastSeq', async () => {
    const sessionId = await newSession(server.url, token);
    const sent = [];
    for (const text of ['one', 'two', 'three']) sent.push(await sendText(server.url, token, sessionId, text));
    // Only once the first has a message is the next one new (an empty open one is handed back instead).
    const other = await newSession(server.url, token);
    expect(sent.map((answer) => answer.status)).toEqual([201, 201, 201]);
    expect(sent.map((answer) => answer.body.message.seq)).toEqual([1, 2, 3]);
    expect(sent[0]!.body.message).toMatchObject({ kind: 'text', text: 'one', author: { role: 'visitor' } });
    expect((await sendText(server.url, token, other, 'elsewhere')).body.message.seq).toBe(1);
    const session = await call<SessionResponse>(server.url, `/api/apps/demo_app/sessions/${sessionId}`, { token });
    expect(session.body.session.lastSeq).toBe(3);
  });

  it('gives concurrent sends distinct, gap-free sequence numbers', async () => {
    const sessionId = await newSession(server.url, token);
    const answers = await Promise.all(Array.from({ length: 25 }, (_, i) => sendText(server.url, token, sessionId, `m${i}`)));
    expect(answers.every((answer) => answer.status === 201)).toBe(true);
    expect(answers.map((answer) => answer.body.message.seq).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 25 }, (_, i) => i + 1),
    );
  });

  it('is idempotent on clientId: the same text again returns the same message with 200', async () => {
    const sessionId = await newSession(server.url, token);
    const id = clientId();
    const first = await sendText(server.url, token, sessionId, 'hello', id);
    const again = await sendText(server.url, token, sessionId, 'hello', id);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body.message).toEqual(first.body.message);
    expect(again.body.message.clientId).toBe(id);
    expect(seqs(await page(sessionId, ''))).toEqual([1]);
  });

  it('stores one message when the same send races with itself', async () => {
    const sessionId = await newSession(server.url, token);
    const id = clientId();
    const answers = await Promise.all(Array.from({ length: 6 }, () => sendText(server.url, token, sessionId, 'once', id)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body.message.id)).size).toBe(1);
    expect(seqs(await page(sessionId, ''))).toEqual([1]);
  });

  it('answers 409 conflict for a reused clientId with other text', async () => {
    const sessionId = await newSession(server.url, token);
    const id = clientId();
    await sendText(server.url, token, sessionId, 'first', id);
    const conflict = await sendText(server.url, token, sessionId, 'second', id);
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.code).toBe('conflict');
  });

  it('answers 409 session_closed after the session is closed, but still confirms an earlier send', async () => {
    const sessionId = await newSession(server.url, token);
    const id = clientId();
    await sendText(server.url, token, sessionId, 'before closing', id);
    expect((await agent(server.url, `/apps/demo_app/sessions/${sessionId}/close`, { method: 'POST' })).status).toBe(200);
    const late = await sendText(server.url, token, sessionId, 'too late');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('session_closed');
    expect((await sendText(server.url, token, sessionId, 'before closing', id)).status).toBe(200);
  });

  it('keeps the exact text, including newlines, emoji and markup', async () => {
    const sessionId = await newSession(server.url, token);
    const text = 'line 1\nline 2 👩🏽‍💻 <script>alert(1)</script> & "quotes"';
    const sent = await sendText(server.url, token, sessionId, text);
    expect(sent.body.message.text).toBe(text);
    expect((await page(sessionId, '')).messages[0]!.text).toBe(text);
  });

  it('counts the length limit in characters, so 4000 emoji fit', async () => {
    const sessionId = await newSession(server.url, token);
    expect((await sendText(server.url, token, sessionId, '😀'.repeat(4000))).status).toBe(201);
    expect((await sendText(server.url, token, sessionId, 'a'.repeat(4001))).status).toBe(400);
  });
});

describe('transcript paging', () => {
  let sessionId: string;
  beforeAll(async () => {
    sessionId = await newSession(server.url, token);
    for (let i = 1; i <= 7; i++) await sendText(server.url, token, sessionId, `m${i}`);
  });

  it('returns the newest page by default, ascending, with hasMore for older ones', async () => {
    const result = await page(sessionId, '?limit=3');
    expect(seqs(result)).toEqual([5, 6, 7]);
    expect(result.hasMore).toBe(true);
    expect(result.messages.map((message: Message) => message.text)).toEqual(['m5', 'm6', 'm7']);
  });

  it('pages backwards with before (exclusive)', async () => {
    expect(await page(sessionId, '?before=5&limit=3')).toEqual(expect.objectContaining({ hasMore: true }));
    expect(seqs(await page(sessionId, '?before=5&limit=3'))).toEqual([2, 3, 4]);
    const last = await page(sessionId, '?before=2&limit=3');
    expect([seqs(last), last.hasMore]).toEqual([[1], false]);
  });

  it('pages forwards with after (exclusive)', async () => {
    const first = await page(sessionId, '?after=0&limit=3');
    expect([seqs(first), first.hasMore]).toEqual([[1, 2, 3], true]);
    const end = await page(sessionId, '?after=5&limit=3');
    expect([seqs(end), end.hasMore]).toEqual([[6, 7], false]);
    const none = await page(sessionId, '?after=7');
    expect([seqs(none), none.hasMore]).toEqual([[], false]);
  });

  it('returns a window with both after and before', async () => {
    const result = await page(sessionId, '?after=1&before=6&limit=2');
    expect([seqs(result), result.hasMore]).toEqual([[4, 5], true]);
    const all = await page(sessionId, '?after=1&before=6');
    expect([seqs(all), all.hasMore]).toEqual([[2, 3, 4, 5], false]);
  });

  it('defaults to 50 and caps at 100', async () => {
    // A visitor starts at most SESSION_STARTS_PER_MINUTE conversations a minute; this file's visitor has used them up.
    token = (await newVisitor(server.url)).visitorToken;
    const big = await newSession(server.url, token);
    await Promise.all(Array.from({ length: 120 }, (_, i) => sendText(server.url, token, big, `b${i}`)));
    const byDefault = await page(big, '');
    expect([byDefault.messages.length, byDefault.messages[0]!.seq, byDefault.hasMore]).toEqual([50, 71, true]);
    expect((await page(big, '?limit=100')).messages).toHaveLength(100);
    for (const query of ['?limit=101', '?limit=0', '?limit=-1', '?after=x', '?before=1.5', '?after=1e3']) {
      const answer = await call(server.url, messagesPath(big, query), { token });
      expect([query, answer.status, answer.body.error.code]).toEqual([query, 400, 'invalid_request']);
    }
  });
});
