import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message, ReadyEvent } from '../../src/api/wire';
import { MAX_REPLAYED_MESSAGES } from '../../server/routes/visitor-events-route';
import { call, newSession, newVisitor, sendAll, sendText } from './support/api-client';
import { dataOf, isEvent, openEventStream } from './support/event-stream';
import { startTestServer, type TestServer } from './support/test-server';

const TOTAL = 620;
let server: TestServer;
let token: string;
let sessionId: string;
beforeAll(async () => {
  server = await startTestServer();
  token = (await newVisitor(server.url)).visitorToken;
  sessionId = await newSession(server.url, token);
  await sendAll(server.url, token, sessionId, Array.from({ length: TOTAL }, (_, i) => `m${i + 1}`));
}, 30_000);
afterAll(() => server.destroy());

const open = (lastEventId: string) =>
  openEventStream(`${server.url}/api/apps/demo_app/sessions/${sessionId}/events`, {
    authorization: `Bearer ${token}`,
    'last-event-id': lastEventId,
  });

describe('replay after Last-Event-ID on a long session', () => {
  it(`replays at most ${MAX_REPLAYED_MESSAGES} messages, after a ready event with the real lastSeq`, async () => {
    expect(MAX_REPLAYED_MESSAGES).toBe(500);
    const stream = await open('10');
    expect(dataOf<ReadyEvent>(await stream.next(isEvent('ready'))).lastSeq).toBe(TOTAL);
    const last = await stream.next((frame) => frame.id === String(10 + MAX_REPLAYED_MESSAGES));
    // The seeding sends 20 at a time, so which text got which seq is the server's choice: compare with its transcript.
    const stored = await call(server.url, `/api/apps/demo_app/sessions/${sessionId}/messages?after=${9 + MAX_REPLAYED_MESSAGES}&limit=1`, { token });
    expect(dataOf<Message>(last)).toEqual(stored.body.messages[0]);

    // Live messages still arrive; the ones between the cap and them are left to GET .../messages.
    await sendText(server.url, token, sessionId, 'live');
    const live = await stream.next((frame) => frame.id === String(TOTAL + 1));
    const messageIds = stream.frames.filter(isEvent('message')).map((frame) => Number(frame.id));
    expect(messageIds).toHaveLength(MAX_REPLAYED_MESSAGES + 1);
    expect(messageIds.slice(0, MAX_REPLAYED_MESSAGES)).toEqual(Array.from({ length: MAX_REPLAYED_MESSAGES }, (_, i) => 11 + i));
    expect(dataOf<Message>(live).text).toBe('live');
    stream.close();

    // What the client does next: catch up from the last seq it holds.
    const page = await call(server.url, `/api/apps/demo_app/sessions/${sessionId}/messages?after=${10 + MAX_REPLAYED_MESSAGES}&limit=100`, { token });
    expect(page.body.messages[0].seq).toBe(11 + MAX_REPLAYED_MESSAGES);
  });

  it('replays everything missed when it is within the cap', async () => {
    // The test above adds one live message; this one reads whatever the session holds, so it also runs alone.
    const stream = await open(String(TOTAL - 5));
    const { lastSeq } = dataOf<ReadyEvent>(await stream.next(isEvent('ready')));
    await stream.next((frame) => frame.id === String(lastSeq));
    const missed = Array.from({ length: lastSeq - (TOTAL - 5) }, (_, i) => TOTAL - 4 + i);
    expect(missed.slice(0, 5)).toEqual([616, 617, 618, 619, 620]);
    expect(stream.frames.filter(isEvent('message')).map((frame) => Number(frame.id))).toEqual(missed);
    stream.close();
  });
});
