import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentSessionListResponse } from '../../server/agent-wire';
import { SESSION_STARTS_PER_MINUTE } from '../../server/sessions/start-session';
import { agent, call, newSession, newVisitor, sendText } from './support/api-client';
import { openEventStream } from './support/event-stream';
import { AGENT_TOKEN, startTestServer, type TestServer } from './support/test-server';

let server: TestServer;
beforeEach(async () => {
  server = await startTestServer();
});
afterEach(() => server.destroy());

function startSession(token: string) {
  return call(server.url, '/api/apps/demo_app/sessions', { token, body: {} });
}

function listIds(query = '') {
  return agent<AgentSessionListResponse>(server.url, `/apps/demo_app/sessions${query}`);
}

describe("the agents' list", () => {
  it('never lets hundreds of empty conversations push a waiting customer out of sight', async () => {
    const customer = await newVisitor(server.url);
    const waiting = await newSession(server.url, customer.visitorToken);
    await sendText(server.url, customer.visitorToken, waiting, 'Where is my parcel?');

    const flooder = await newVisitor(server.url);
    const first = await startSession(flooder.visitorToken);
    expect(first.status).toBe(201);
    for (let i = 0; i < 50; i++) {
      const again = await startSession(flooder.visitorToken);
      expect([again.status, again.body.session.id]).toEqual([200, first.body.session.id]);
    }
    for (let start = 0; start < 300; start += 25) {
      await Promise.all(
        Array.from({ length: 25 }, async () => newSession(server.url, (await newVisitor(server.url)).visitorToken)),
      );
    }

    const page = await listIds('?status=open&limit=1');
    expect(page.body.sessions.map((session) => session.id)).toEqual([waiting]);
    expect(page.body.nextCursor).toBeUndefined();
  }, 120_000);

  it('pages with a cursor, newest activity first, and filters by status', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { visitorToken } = await newVisitor(server.url);
      const id = await newSession(server.url, visitorToken);
      await sendText(server.url, visitorToken, id, `hello ${i}`);
      ids.push(id);
    }
    await agent(server.url, `/apps/demo_app/sessions/${ids[0]}/close`, { method: 'POST' });
    const newestFirst = [ids[0]!, ...ids.slice(1).reverse()];

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const answer = await listIds(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(answer.status).toBe(200);
      seen.push(...answer.body.sessions.map((session) => session.id));
      cursor = answer.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect([seen, pages]).toEqual([newestFirst, 3]);

    const open = await listIds('?status=open&limit=3');
    expect(open.body.sessions.map((session) => session.id)).toEqual(ids.slice(1).reverse().slice(0, 3));
    const rest = await listIds(`?status=open&limit=3&cursor=${open.body.nextCursor}`);
    expect(rest.body.sessions.map((session) => session.id)).toEqual([ids[1]]);
    expect((await listIds('?status=closed')).body.sessions.map((session) => session.id)).toEqual([ids[0]]);

    for (const query of ['?cursor=nonsense', '?limit=0', '?limit=201', '?limit=x']) {
      const answer = await agent(server.url, `/apps/demo_app/sessions${query}`);
      expect([query, answer.status, answer.body.error.code]).toEqual([query, 400, 'invalid_request']);
    }
  });

  it('hands ten simultaneous starts from one visitor the same new conversation', async () => {
    for (let round = 0; round < 3; round++) {
      const { visitorToken } = await newVisitor(server.url);
      const answers = await Promise.all(Array.from({ length: 10 }, () => startSession(visitorToken)));
      const ids = new Set(answers.map((answer) => answer.body.session.id));
      const statuses = answers.map((answer) => answer.status).sort();
      expect([ids.size, statuses]).toEqual([1, [200, 200, 200, 200, 200, 200, 200, 200, 200, 201]]);
    }
  });

  it('limits how many conversations one visitor starts', async () => {
    const { visitorToken } = await newVisitor(server.url);
    const statuses: number[] = [];
    for (let i = 0; i <= SESSION_STARTS_PER_MINUTE; i++) {
      const answer = await startSession(visitorToken);
      statuses.push(answer.status);
      if (answer.status === 201) await sendText(server.url, visitorToken, answer.body.session.id, 'hi');
    }
    expect(statuses).toEqual([...Array(SESSION_STARTS_PER_MINUTE).fill(201), 429]);
    const other = await newVisitor(server.url);
    expect((await startSession(other.visitorToken)).status).toBe(201);
  });

  it("tells the agents' stream of a conversation only once its visitor has spoken", async () => {
    const stream = await openEventStream(`${server.url}/api/agent/apps/demo_app/events`, { authorization: `Bearer ${AGENT_TOKEN}` });
    try {
      const { visitorToken } = await newVisitor(server.url);
      const sessionId = await newSession(server.url, visitorToken);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(stream.frames.filter((frame) => frame.event === 'session')).toEqual([]);
      await sendText(server.url, visitorToken, sessionId, 'anyone there?');
      const frame = await stream.next((candidate) => candidate.event === 'session');
      expect(JSON.parse(frame.data!)).toMatchObject({ id: sessionId, lastMessage: { text: 'anyone there?' } });
    } finally {
      stream.close();
    }
  });
});
